/**
 * A result's fingerprint: SHA-256 of every number it holds — its arrays' bytes and, as exact
 * JSON (shortest round-trip decimals), the statistics it reports — computed the same way in
 * Node and in the browser (Web Crypto), so that two runs agree on the fingerprint only when
 * they agree to the bit.
 */
interface Arrays {
  demand: Float64Array[];
  capacity: Float64Array[];
  volume: Float64Array[];
}
interface VolumesLike extends Arrays {
  kind: string;
  years: number[];
  quantiles(year: number, ps: readonly number[]): number[];
  probabilityAtLeast(year: number, v: number): unknown;
  mean(year: number): unknown;
  toJSON(): unknown;
}
interface TransitLike {
  days: Float64Array;
  mean: unknown;
  saturated: unknown;
  legs(): unknown;
  quantile(p: number): number;
  probabilityWithin(d: number): unknown;
  toJSON(): unknown;
}
interface CorridorLike {
  years: number[];
  volumes: VolumesLike;
  transit(year: number): TransitLike;
  summary(within?: number): unknown;
  toJSON(): unknown;
}

async function sha256(parts: (Float64Array | string)[]): Promise<string> {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : new Uint8Array(p.slice().buffer)));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  const h = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return [...h].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const arrays = (r: Arrays) => [...r.demand, ...r.capacity, ...r.volume];

/** A volume result's (full or summary) fingerprint: its arrays and every year's statistics. */
export async function volumesPrint(r: VolumesLike): Promise<{ arrays: string; stats: string; p10Mt2027: unknown }> {
  const stats = r.years.map((y) => ({ y, q: r.quantiles(y, [0.1, 0.5, 0.9]), p: r.probabilityAtLeast(y, 10), m: r.mean(y) }));
  return { arrays: await sha256(arrays(r)), stats: await sha256([JSON.stringify([stats, r.toJSON()])]), p10Mt2027: r.probabilityAtLeast(2027, 10) };
}

/** A transit sample's fingerprint: its days and its statistics. */
export async function transitPrint(t: TransitLike): Promise<{ days: string; stats: string }> {
  const stats = { mean: t.mean, saturated: t.saturated, legs: t.legs(), p50: t.quantile(0.5), within: t.probabilityWithin(15), json: t.toJSON() };
  return { days: await sha256([t.days]), stats: await sha256([JSON.stringify(stats)]) };
}

/** A corridor run's fingerprint: its volumes, every year's trips, and its summary. */
export async function corridorPrint(c: CorridorLike): Promise<{ volumes: unknown; years: unknown[]; summary: string }> {
  const years = await Promise.all(c.years.map((y) => transitPrint(c.transit(y))));
  return { volumes: await volumesPrint(c.volumes), years, summary: await sha256([JSON.stringify([c.summary(15), c.toJSON()])]) };
}

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  OFFICIAL_CLAIMS_2026,
  ROUTES,
  SOURCES,
  TARGETS,
  TITR_TEU,
  TITR_VOLUMES,
  TRANSIT_TIMES,
  containerShares,
  reportedVolumes,
  simulateTransit,
  solveRoute,
  type RouteInput,
  type StretchReading,
} from 'middle-corridor';

/** test/fixtures/claims.py: each reading's days by numerical convolution (no Monte Carlo). */
const REF = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/claims.json', import.meta.url)), 'utf8')) as {
  volumeMt: number;
  readings: {
    stretch: string;
    legs: string[];
    within13: number;
    within17: number;
    quantiles: Record<'p10' | 'p50' | 'p90', number>;
    density: Record<'p10' | 'p50' | 'p90', number>;
    scaleWithin17Half: number;
    scaleWithin17NineTenths: number;
    scaleMedian15: number;
  }[];
};

const claim = OFFICIAL_CLAIMS_2026;
const url = (s: string) => s.match(/https?:\/\/[^\s;]+/g) ?? [];
const stretchRoute = (r: StretchReading): RouteInput => ({ name: r.stretch, legs: ROUTES[r.route].legs.filter((l) => r.legs.includes(l.name)) });

describe('OFFICIAL_CLAIMS_2026: the ministry release of 10 March 2026 (titr-facts.md, by hand)', () => {
  it('holds 28–32 → 13–17 days, about 77,000 TEU in 2025, 300,000 TEU by 2029 and the record 2019–2025', () => {
    expect(claim.by).toBe('Kazakh Ministry of Transport');
    expect(claim.date).toBe('2026-03-10');
    expect(claim.deliveryDays.before).toEqual({ minDays: 28, maxDays: 32 });
    expect(claim.deliveryDays.now).toEqual({ minDays: 13, maxDays: 17 });
    expect(claim.deliveryDays.kind).toBe('reported');
    expect([claim.containers.year, claim.containers.teu, claim.containers.kind]).toEqual([2025, 77_000, 'reported']);
    expect([claim.containerTarget.year, claim.containerTarget.teu, claim.containerTarget.kind]).toEqual([2029, 300_000, 'target']);
    expect(claim.record).toEqual({ fromYear: 2019, toYear: 2025 });
    const years = reportedVolumes().map((o) => o.year);
    expect([years[0], years.at(-1)]).toEqual([claim.record.fromYear, claim.record.toYear]);
  });

  it('cites the Astana Times and Report.az reports of the release, with their URLs', () => {
    expect(url(claim.source)).toEqual([
      'https://astanatimes.com/2026/03/trans-caspian-transport-route-cargo-volumes-increase-fivefold-in-seven-years/',
      'https://report.az/en/infrastructure/container-traffic-on-trans-caucasian-int-l-transport-route-to-grow-to-300-000-teu-by-2029',
    ]);
    expect(claim.source).toContain(SOURCES.ministry2026);
    expect(claim.containerTarget.source).toBe(SOURCES.reportAz2026);
  });

  it('agrees with the rest of the record: TRANSIT_TIMES, TARGETS, TITR_VOLUMES and TITR_TEU', () => {
    const row = (what: string) => TRANSIT_TIMES.find((t) => t.what === what)!;
    expect([row('corridor, ministry definition (before)').minDays, row('corridor, ministry definition (before)').maxDays]).toEqual([28, 32]);
    expect([row('corridor, ministry definition (now)').minDays, row('corridor, ministry definition (now)').maxDays]).toEqual([13, 17]);
    expect(TARGETS.find((t) => t.what === 'containers' && t.year === 2029)).toMatchObject({ teu: claim.containerTarget.teu });
    const teu2025 = TITR_VOLUMES.find((o) => o.year === 2025 && o.kind === 'reported')!.teu!;
    expect([teu2025.teu, teu2025.source]).toEqual([claim.containers.teu, claim.containers.source]);
    expect(TITR_TEU.find((o) => o.year === 2025)!.teu).toBe(claim.containers.teu);
  });

  it('says the release does not define the stretch, and reads it first as the border → the Georgian ports', () => {
    expect(claim.deliveryDays.stretchDefined).toBe(false);
    const readings = claim.deliveryDays.readings;
    expect(readings.map((r) => [r.stretch, r.evidence])).toEqual([
      ['Altynkol → Poti/Batumi', 'supported'],
      ['Altynkol → Kars', 'unsourced'],
      ['Altynkol → Constanța', 'contradicted'],
      ["Xi'an → Antwerp-Bruges", 'contradicted'],
    ]);
    // The support: the border → Georgian ports took 15–18 days in 2025 (Trend), and it is cited.
    const border = TRANSIT_TIMES.find((t) => t.what === 'China–Kazakhstan border → Georgian ports' && t.year === 2025)!;
    expect([border.minDays, border.maxDays]).toEqual([15, 18]);
    expect(readings[0]!.why).toContain(border.source);
    // Constanța is ruled out by its 20–22-day schedule, which the reading cites.
    expect(readings[2]!.why).toContain(SOURCES.trendMay2024);
  });

  it("names each reading's legs as a run of consecutive legs of its route, in order", () => {
    for (const r of claim.deliveryDays.readings) {
      const names = ROUTES[r.route].legs.map((l) => l.name);
      const i = names.indexOf(r.legs[0]!);
      expect(i, r.stretch).toBeGreaterThanOrEqual(0);
      expect(names.slice(i, i + r.legs.length), r.stretch).toEqual([...r.legs]);
      expect(REF.readings.find((x) => x.stretch === r.stretch)!.legs, r.stretch).toEqual([...r.legs]);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(claim)).toBe(true);
    expect(Object.isFrozen(claim.deliveryDays.readings)).toBe(true);
    expect(Object.isFrozen(claim.deliveryDays.now)).toBe(true);
  });
});

describe('TITR_TEU and containerShares', () => {
  it('holds the TEU column of titr-facts.md (by hand), with its estimates marked', () => {
    expect(TITR_TEU.map((o) => [o.year, o.teu, o.kind])).toEqual([
      [2020, 21_000, 'estimate'],
      [2021, 25_200, 'reported'],
      [2022, 33_600, 'reported'],
      [2023, 20_500, 'estimate'],
      [2024, 56_500, 'reported'],
      [2025, 77_000, 'reported'],
    ]);
    // The estimates are a later count over its stated growth: 25,200 / 1.20 and 56,500 / 2.76.
    expect(Math.round(25_200 / 1.2 / 500) * 500).toBe(21_000);
    expect(Math.round(56_500 / 2.76 / 500) * 500).toBe(20_500);
    for (const o of TITR_TEU) {
      expect(o.source).toMatch(/\S.* — https?:\/\/\S+/);
      if (o.kind === 'estimate') expect(o.note).toMatch(/divided by/);
    }
    expect(Object.isFrozen(TITR_TEU)).toBe(true);
  });

  it("is the same as the TEU attached to TITR_VOLUMES' outturns (value, kind and source)", () => {
    const attached = reportedVolumes().filter((o) => o.teu).map((o) => [o.year, o.teu!.teu, o.teu!.kind, o.teu!.source]);
    expect(TITR_TEU.map((o) => [o.year, o.teu, o.kind, o.source])).toEqual(attached);
  });

  it('estimates the container share as TEU × 14 t ÷ the outturn (worked by hand for 2021, 2024, 2025)', () => {
    const rows = containerShares();
    expect(rows.map((r) => r.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    const at = (y: number) => rows.find((r) => r.year === y)!;
    expect(at(2021)).toMatchObject({ teu: 25_200, volumeMt: 0.586, tonnesPerTeu: 14, teuKind: 'reported' });
    expect(at(2021).containerMt).toBeCloseTo(0.3528, 12);
    expect(at(2021).share).toBeCloseTo(0.3528 / 0.586, 12); // 60.2 %
    expect(at(2024).containerMt).toBeCloseTo(0.791, 12);
    expect(at(2024).share).toBeCloseTo(0.1764049955, 9);
    expect(at(2025).containerMt).toBeCloseTo(1.078, 12);
    expect(at(2025).share).toBeCloseTo(0.2617140083, 9);
    expect(at(2023).teuKind).toBe('estimate');
  });

  it('law: every share is proportional to the tonnes per TEU, and positive', () => {
    const base = containerShares(1);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 30.48, noNaN: true }), (t) => {
        const rows = containerShares(t);
        return rows.every((r, i) => r.share > 0 && Math.abs(r.share - t * base[i]!.share) <= 1e-12 * r.share && r.tonnesPerTeu === t);
      }),
    );
  });

  it('refuses a tonnes per TEU that is not a number in (0, 30.48], naming it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ max: 0 }), fc.double({ min: 30.480001 }), fc.constant(NaN)), (t) => {
        expect(() => containerShares(t)).toThrow(/^containerShares: tonnesPerTeu must be a number in \(0, 30\.48\]/);
      }),
    );
    for (const bad of ['14', null, 14n, {}]) expect(() => containerShares(bad as never)).toThrow(TypeError);
  });
});

describe("the model on each reading of '13–17 days', against the convolution of claims.py", () => {
  // The example's run: 100,000 trips, seed 15, 4.119 Mt/yr through the Caspian queue.
  const TRIPS = 100_000;
  const SEED = 15;
  const VOLUME = REF.volumeMt;

  it('P(≤ 13), P(≤ 17) and P10/P50/P90 agree within 4 standard errors', () => {
    for (const reading of claim.deliveryDays.readings) {
      const ref = REF.readings.find((x) => x.stretch === reading.stretch)!;
      const t = simulateTransit(stretchRoute(reading), { trips: TRIPS, seed: SEED, volumeMt: VOLUME });
      for (const [days, p] of [[13, ref.within13], [17, ref.within17]] as const) {
        const e = t.probabilityWithin(days);
        // The SE of the reference's p itself, so that a p near 0 is not held to 0 ± 0.
        const se = Math.max(Math.sqrt((p * (1 - p)) / TRIPS), 1 / TRIPS);
        expect(Math.abs(e.estimate - p), `${reading.stretch} P(≤ ${days})`).toBeLessThanOrEqual(4 * se);
      }
      for (const [key, p] of [['p10', 0.1], ['p50', 0.5], ['p90', 0.9]] as const) {
        // A quantile's SE: √(p(1 − p)/n) / f(q).
        const se = Math.sqrt((p * (1 - p)) / TRIPS) / ref.density[key];
        expect(Math.abs(t.quantile(p) - ref.quantiles[key]), `${reading.stretch} ${key}`).toBeLessThanOrEqual(4 * se);
      }
    }
  });

  it("solveRoute's days-scale agrees with the convolution's root within 4 of its standard errors", () => {
    const solve = (r: RouteInput, statistic: Parameters<typeof solveRoute>[1]['statistic'], level: number) =>
      solveRoute(r, { parameter: 'days-scale', statistic, level, range: [0.1, 2], trips: 20_000, seed: SEED, volumeMt: VOLUME });
    const check = (what: string, s: ReturnType<typeof solve>, truth: number) => {
      // [lower, upper] is the 95 % band from the Monte Carlo error: its SE is the width / 3.92.
      const se = (s.upper - s.lower) / 3.92;
      expect(se, what).toBeGreaterThan(0);
      // Plus the bisection's tolerance, (2 − 0.1) × 1e-4, at the value and at the band's ends.
      expect(Math.abs(s.value - truth), what).toBeLessThanOrEqual(4 * se + 2 * 1.9e-4);
    };
    for (const reading of claim.deliveryDays.readings) {
      const ref = REF.readings.find((x) => x.stretch === reading.stretch)!;
      check(`${reading.stretch}: P(≤ 17) = 0.5`, solve(stretchRoute(reading), { statistic: 'probabilityWithin', days: 17 }, 0.5), ref.scaleWithin17Half);
    }
    const first = claim.deliveryDays.readings[0]!;
    const ref = REF.readings[0]!;
    check('P(≤ 17) = 0.9', solve(stretchRoute(first), { statistic: 'probabilityWithin', days: 17 }, 0.9), ref.scaleWithin17NineTenths);
    check('median 15', solve(stretchRoute(first), { statistic: 'quantile', p: 0.5 }, 15), ref.scaleMedian15);
  });
});

describe('docs/data.md', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../docs/data.md', import.meta.url)), 'utf8');

  it('gives the growth the 2029 container target needs from the 2025 count', () => {
    const { containers, containerTarget } = claim;
    const ratio = containerTarget.teu / containers.teu;
    const rate = Math.sqrt(Math.sqrt(ratio)) - 1; // four years, 2025 → 2029
    expect(containerTarget.year - containers.year).toBe(4);
    expect(doc.replace(/\s+/g, ' ')).toContain(`${ratio.toFixed(1)} times the 2025 count, ${(100 * rate).toFixed(1)} % a year`);
  });

  it("prints containerShares()' rows as they are", () => {
    for (const r of containerShares()) {
      const row = doc.split('\n').find((l) => l.startsWith(`| ${r.year} | `));
      expect(row, String(r.year)).toBeDefined();
      const cells = row!.split('|').map((c) => c.trim());
      expect(cells[2]!.replace(/[^\d]/g, ''), String(r.year)).toBe(String(r.teu));
      expect(cells[3], String(r.year)).toBe(String(r.volumeMt));
      expect(cells[4], String(r.year)).toBe(r.containerMt.toFixed(3));
      expect(cells[5], String(r.year)).toBe(`${(100 * r.share).toFixed(1)} %`);
    }
  });
});

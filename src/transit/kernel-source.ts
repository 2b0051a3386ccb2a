/**
 * The source of a trip kernel specialised to a route's shape (docs/performance.md, "Round three"):
 * one loop over a tile's trips in which every leg drawn inline steps its own xoshiro128**
 * generator (the state in locals), turns the word into the leg's days by the same expressions as
 * the generic fills — a number, a uniform, a triangular (./leg-draws.ts, src/random/samplers.ts
 * `onePassFill`, src/random/xoshiro128.ts `fillTriangular`), a delay's strike and days — with the
 * parameters written in as literals; the other legs (other distributions, queues) are read from
 * the tile the generic code filled. Then the trip's total, left to right, and each leg's Σx, Σx²,
 * Σx·total in locals. Every stream is read in trip order and every sum adds the same numbers in
 * the same order as the generic kernel: the same bits (the law in test/transit/specialised.test.ts).
 *
 * What enters the source: numbers through `literal` (finite doubles that read back to the same
 * bits), leg and generator indices, and fixed text chosen here. Never a name, a source or any other
 * text of the route: a leg is known by its place.
 */
import { literal } from '../engine/codegen.js';
import type { Param } from '../random/dist.js';
import type { Route } from '../scenario/types.js';

/** A parameter drawn inline: its kind and its numbers (the cases `onePassFill` fills in one pass). */
export type Inline =
  | { kind: 'number'; value: number }
  | { kind: 'uniform'; min: number; span: number }
  | { kind: 'triangular'; min: number; max: number; span: number; cut: number };

/** A parameter's inline form, or null where the generic fill draws it (the same test as `onePassFill`'s). */
export function inlineOf(p: Param): Inline | null {
  if (typeof p === 'number') return { kind: 'number', value: p };
  if ((p.dist === 'uniform' || p.dist === 'triangular') && p.min < p.max && p.max - p.min < Infinity) {
    const span = p.max - p.min;
    return p.dist === 'uniform' ? { kind: 'uniform', min: p.min, span } : { kind: 'triangular', min: p.min, max: p.max, span, cut: (p.mode - p.min) / span };
  }
  return null;
}

/** A leg in the generated loop: drawn inline (its days, its delay), or held (read from a tile the generic code filled). */
export type LegShape = { kind: 'held' } | { kind: 'inline'; days: Inline; delay: { probability: number; days: Inline } | null };

/** A generator the loop steps: its leg, and the stream's purpose after ['leg', name]. */
export interface InlineStream {
  leg: number;
  purpose: readonly string[];
}

/** The route's shape: each leg's, and the streams of the inline legs in the order of their states. */
export function routeShape(route: Route): { legs: LegShape[]; streams: InlineStream[] } {
  const streams: InlineStream[] = [];
  const legs = route.legs.map((leg, l): LegShape => {
    const days = inlineOf(leg.days);
    const delayDays = leg.delay ? inlineOf(leg.delay.days) : null;
    if (leg.queue || !days || (leg.delay && !delayDays)) return { kind: 'held' };
    if (days.kind !== 'number') streams.push({ leg: l, purpose: ['days'] });
    if (!leg.delay) return { kind: 'inline', days, delay: null };
    streams.push({ leg: l, purpose: ['delay', 'strikes'] });
    if (delayDays!.kind !== 'number') streams.push({ leg: l, purpose: ['delay', 'days'] });
    return { kind: 'inline', days, delay: { probability: leg.delay.probability, days: delayDays! } };
  });
  return { legs, streams };
}

/** A uniform on [0, 1) from generator k into `u` (fillUniform's step and conversion, written out). */
function uniform(k: number, u: string): string {
  const [s0, s1, s2, s3] = [0, 1, 2, 3].map((j) => `s${k}_${j}`);
  return (
    `const w${u} = Math.imul(${s1}, 5);\n` +
    `const ${u} = (Math.imul((w${u} << 7) | (w${u} >>> 25), 9) >>> 0) * 2.3283064365386963e-10;\n` +
    `const t${u} = ${s1} << 9; ${s2} ^= ${s0}; ${s3} ^= ${s1}; ${s1} ^= ${s2}; ${s0} ^= ${s3}; ${s2} ^= t${u}; ${s3} = (${s3} << 11) | (${s3} >>> 21);\n`
  );
}

/** An inline parameter's draw into `x`, from generator k where it draws (a number draws nothing). */
function draw(p: Inline, k: number, x: string): string {
  if (p.kind === 'number') return `const ${x} = ${literal(p.value)};\n`;
  const u = `u${x}`;
  if (p.kind === 'uniform') return `${uniform(k, u)}const ${x} = ${literal(p.min)} + ${literal(p.span)} * ${u};\n`;
  // triangularAt (src/random/triangular-at.ts) as fillTriangular writes it: the same expressions.
  const [lo, hi, width, at] = [p.min, p.max, p.span, p.cut].map(literal);
  return (
    uniform(k, u) +
    `const h${x} = +(${u} < ${at}); const g${x} = 1 - h${x};\n` +
    `const r${x} = Math.sqrt(h${x} * (${u} * ${at}) + g${x} * ((1 - ${u}) * (1 - ${at})));\n` +
    `const y${x} = h${x} * (${lo} + ${width} * r${x}) + g${x} * (${hi} - ${width} * r${x});\n` +
    `const ${x} = y${x} < ${lo} ? ${lo} : y${x} > ${hi} ? ${hi} : y${x};\n`
  );
}

/**
 * The body of `(G, V, O, days, at, acc, m) => void`: trips [0, m) of a tile, G the inline
 * generators' states (4 words each, read and written back), V[l] and O[l] a held leg's values
 * and their offset, days[at + i] the trip's total, acc the load's sums (6 a leg; the held legs'
 * counts are the caller's).
 */
export function kernelSource(shape: { legs: readonly LegShape[]; streams: readonly InlineStream[] }): string {
  const n = (i: number) => String(i); // an index made here: a whole number, never user text
  let head = '';
  let body = '';
  let tail = '';
  shape.streams.forEach((_, k) => {
    for (let j = 0; j < 4; j++) {
      head += `let s${n(k)}_${n(j)} = G[${n(4 * k + j)}];\n`;
      tail += `G[${n(4 * k + j)}] = s${n(k)}_${n(j)};\n`;
    }
  });
  let k = 0;
  shape.legs.forEach((leg, l) => {
    const x = `x${n(l)}`;
    head += `let a${n(l)} = acc[${n(6 * l)}], b${n(l)} = acc[${n(6 * l + 1)}], c${n(l)} = acc[${n(6 * l + 2)}];\n`;
    tail += `acc[${n(6 * l)}] = a${n(l)}; acc[${n(6 * l + 1)}] = b${n(l)}; acc[${n(6 * l + 2)}] = c${n(l)};\n`;
    if (leg.kind === 'held') {
      head += `const v${n(l)} = V[${n(l)}], o${n(l)} = O[${n(l)}];\n`;
      body += `const ${x} = v${n(l)}[o${n(l)} + i];\n`;
      return;
    }
    const daysGen = leg.days.kind === 'number' ? -1 : k++;
    if (!leg.delay) {
      body += draw(leg.days, daysGen, x);
      return;
    }
    // leg-draws.ts: dl = delay days × (strike < p), exact 0 or the days; a delay counts where dl > 0.
    const strikes = k++;
    const delayGen = leg.delay.days.kind === 'number' ? -1 : k++;
    head += `let e${n(l)} = 0;\n`;
    tail += `acc[${n(6 * l + 3)}] += e${n(l)};\n`;
    body += draw(leg.days, daysGen, `p${n(l)}`) + uniform(strikes, `q${n(l)}`) + draw(leg.delay.days, delayGen, `r${n(l)}`);
    body += `const d${n(l)} = r${n(l)} * +(q${n(l)} < ${literal(leg.delay.probability)});\nconst ${x} = p${n(l)} + d${n(l)};\ne${n(l)} += +(d${n(l)} > 0);\n`;
  });
  // The total left to right (the generic kernel's (total + a) + b + …), then each leg's sums.
  body += `const T = ${shape.legs.map((_, l) => `x${n(l)}`).join(' + ')};\ndays[at + i] = T;\n`;
  shape.legs.forEach((_, l) => {
    body += `a${n(l)} += x${n(l)}; b${n(l)} += x${n(l)} * x${n(l)}; c${n(l)} += x${n(l)} * T;\n`;
  });
  return `'use strict';\nreturn function tripTile(G, V, O, days, at, acc, m) {\n${head}for (let i = 0; i < m; i++) {\n${body}}\n${tail}};\n`;
}

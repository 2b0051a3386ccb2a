import { finiteNumber, func, options, show, wholeNumber } from '../args.js';
import { evaluations, PROGRESS_OPTIONS, tracker, type ProgressOptions } from '../engine/progress.js';
import { seedKey, stream, type Rng, type Seed } from '../random/stream.js';
import { tidy, type TidyRow } from '../report/display.js';
import { block, est, firstLines, pct } from '../report/print.js';
import { RowResult, type RowDisplay } from '../report/row-result.js';
import type { Estimate } from '../stats/estimate.js';
import { randomPermutation, shapleyFromCosts, varianceOf, type ShapleyRow } from './shapley-estimator.js';
import { factorNames, type ShapleyInputs } from './shapley-gaussian.js';

/** What `JSON.stringify` writes for {@link ShapleyEffects}. */
export interface ShapleyEffectsJSON {
  kind: 'shapley-effects';
  seed: string;
  permutations: number;
  evaluations: number;
  variance: Estimate;
  effects: ShapleyRow[];
}

/**
 * Shapley effects: each factor's fair share of the output's variance, interactions and
 * dependence included (Owen 2014; Song, Nelson and Staum 2016). Plain data with `toJSON()`.
 */
export class ShapleyEffects extends RowResult<ShapleyRow, 'factor', ShapleyEffectsJSON> {
  declare readonly kind: 'shapley-effects';
  /** M, the random permutations. */
  declare readonly permutations: number;
  /** How many times the model ran: N_v + M·(d − 1)·N_o·N_i. */
  declare readonly evaluations: number;
  /** V̂, the output's variance, with its standard error: the effects sum to its estimate. */
  declare readonly variance: Estimate;
  /** One row per factor, in the order given. */
  declare readonly effects: readonly ShapleyRow[];

  constructor(p: { seed: string; permutations: number; evaluations: number; variance: Estimate; effects: ShapleyRow[] }) {
    super({ kind: 'shapley-effects', seed: p.seed, permutations: p.permutations, evaluations: p.evaluations, variance: p.variance, effects: p.effects });
  }

  /** M, the random permutations. */
  get size(): number {
    return this.permutations;
  }

  /** The rows: {@link ShapleyEffects.effects}. */
  get rows(): readonly ShapleyRow[] {
    return this.effects;
  }

  /** The row of one factor; RangeError for an unknown name. */
  of(factor: string): ShapleyRow {
    return this.rowWhere('factor', factor, 'ShapleyEffects.of');
  }

  /** Tidy rows: per factor, its effect and its share, with their standard errors. */
  toRecords(): TidyRow<'factor'>[] {
    return this.effects.flatMap((r) => tidy({ factor: r.factor }, { effect: r.effect, share: r.share }));
  }

  /** A table of the effects. */
  protected display(): RowDisplay {
    const top = [...this.effects].sort((a, b) => b.share.estimate - a.share.estimate)[0];
    return {
      title: `Shapley effects (${this.permutations} permutations, ${this.evaluations} evaluations)`,
      text: `ShapleyEffects: ${this.effects.length} factors; largest share ${top ? `${top.factor} ${top.share.estimate.toFixed(3)}` : '—'}`,
    };
  }

  /** The run and each factor's share. */
  protected text(): string {
    return block(
      `ShapleyEffects: ${this.effects.length} factors, ${this.permutations} permutations, ${this.evaluations.toLocaleString('en')} evaluations, seed ${this.seed}`,
      firstLines(this.effects.map((r) => `${r.factor}: share ${pct(r.share)}, effect ${est(r.effect)}`)),
    );
  }
}

/** The checked sizes shared by the Shapley functions. */
export function shapleySettings(fn: string, o: { permutations: unknown; seed: unknown; outer?: unknown; inner?: unknown; varianceSamples?: unknown }, defaults: { outer: number; varianceSamples: number }, max: number) {
  return {
    permutations: wholeNumber(fn, 'permutations', o.permutations, 2, max),
    seed: seedKey(o.seed as Seed, fn),
    outer: o.outer === undefined ? defaults.outer : wholeNumber(fn, 'outer', o.outer, 1, max),
    inner: o.inner === undefined ? 3 : wholeNumber(fn, 'inner', o.inner, 2, max),
    varianceSamples: o.varianceSamples === undefined ? defaults.varianceSamples : wholeNumber(fn, 'varianceSamples', o.varianceSamples, 4, max),
  };
}

/** M uniformly random permutations of d factors from the run's own stream. */
export const permutationsOf = (seed: string, d: number, m: number): number[][] => {
  const rng = stream(seed, ['shapley', 'permutations'], 0);
  return Array.from({ length: m }, () => randomPermutation(d, rng));
};

/** Options of {@link shapleyEffectsOf}: the factors, how to draw them ({@link ShapleyInputs}), and the sizes. */
export interface ShapleyOfOptions extends ShapleyInputs, ProgressOptions {
  /** The names of the inputs (they may be dependent: `sample` and `conditional` say how). */
  factors: readonly string[];
  /** M, the random permutations (the standard errors shrink as 1/√M). */
  permutations: number;
  seed: Seed;
  /** N_o, the draws of the other factors per set and permutation (1 by default, as Song et al. recommend). */
  outer?: number;
  /** N_i, the conditional draws per outer draw (3 by default; at least 2). */
  inner?: number;
  /** N_v, the joint draws that estimate the output's variance (10,000 by default). */
  varianceSamples?: number;
}

/** The values of `names` in a record returned by a user's function, each checked finite. */
function valuesIn(fn: string, what: string, x: unknown, names: readonly string[]): Record<string, number> {
  if (x === null || typeof x !== 'object') throw new TypeError(`${fn}: ${what} must return an object with a number for each of ${names.join(', ')} (got ${show(x)})`);
  return Object.fromEntries(names.map((n) => [n, finiteNumber(fn, `${what}.${n}`, (x as Record<string, unknown>)[n])]));
}

/**
 * Shapley effects of any function of named, possibly dependent inputs: Sh_i is factor i's
 * average contribution to the output's variance over the orders in which the factors can be
 * revealed, so the effects are non-negative in expectation and sum to Var(Y) even when the inputs
 * are correlated (where Sobol indices lose their meaning). You say how to draw the inputs
 * jointly (`sample`) and some of them given the others (`conditional`); {@link gaussianInputs}
 * gives both for a Gaussian vector. The random-permutation estimator of Song, Nelson and Staum
 * (2016): M permutations, for each of the first d − 1 sets of each, c(J) = E[Var(Y | X₋J)] from
 * N_o outer draws of X₋J and N_i conditional draws of X_J; the variance V̂ from N_v joint draws.
 * Each effect has a standard error from the spread over the permutations (and V̂'s own error);
 * the effects sum to V̂ and the shares to 1 by construction. Deterministic for a seed.
 *
 * @example
 * const r = shapleyEffectsOf((x) => x.a + x.b, { factors: ['a', 'b'], ...gaussianInputs(['a', 'b'], { covariance: [[1, 0.5], [0.5, 1]] }), permutations: 2000, seed: 1 });
 * Math.abs(r.of('a').share.estimate - 0.5) < 4 * r.of('a').share.standardError // => true
 */
export function shapleyEffectsOf(f: (inputs: Record<string, number>) => number, o: ShapleyOfOptions): ShapleyEffects {
  const fn = 'shapleyEffectsOf';
  func(fn, 'f', f);
  const opts = options<ShapleyOfOptions>(fn, o, ['factors', 'sample', 'conditional', 'permutations', 'seed', 'outer', 'inner', 'varianceSamples', ...PROGRESS_OPTIONS], ['factors', 'sample', 'conditional', 'permutations', 'seed']);
  const track = tracker(fn, opts);
  const names = factorNames(fn, opts.factors);
  const sample = func<ShapleyInputs['sample']>(fn, 'sample', opts.sample);
  const conditional = func<ShapleyInputs['conditional']>(fn, 'conditional', opts.conditional);
  const { permutations: M, seed, outer, inner, varianceSamples } = shapleySettings(fn, opts, { outer: 1, varianceSamples: 10_000 }, 10_000_000);
  const d = names.length;
  const evaluated = evaluations(track, varianceSamples + M * (d - 1) * outer * inner);
  const evaluate = (x: Record<string, number>) => {
    const y = finiteNumber(fn, `f(${JSON.stringify(x)})`, f({ ...x }));
    evaluated.step();
    return y;
  };
  const draw = (rng: Rng) => valuesIn(fn, 'sample(rng)', sample(rng), names);
  const vRng = stream(seed, ['shapley', 'variance'], 0);
  const variance = varianceOf(Array.from({ length: varianceSamples }, () => evaluate(draw(vRng))));
  if (!(variance.estimate > 0)) throw new RangeError(`${fn}: the output does not vary over ${varianceSamples} joint draws, so there is no variance to share`);
  const rng = stream(seed, ['shapley', 'draws'], 0);
  const y = new Float64Array(inner);
  const cost = (_m: number, set: readonly number[]) => {
    const free = set.map((i) => names[i]!);
    const fixed = names.filter((_, i) => !set.includes(i));
    let c = 0;
    for (let l = 0; l < outer; l++) {
      const x = draw(rng);
      const given = Object.fromEntries(fixed.map((n) => [n, x[n]!]));
      for (let i = 0; i < inner; i++) y[i] = evaluate({ ...given, ...valuesIn(fn, 'conditional(free, given, rng)', conditional(free, { ...given }, rng), free) });
      c += varianceOf(y).estimate;
    }
    return c / outer;
  };
  const effects = shapleyFromCosts(names, permutationsOf(seed, d, M), cost, variance);
  return new ShapleyEffects({ seed, permutations: M, evaluations: varianceSamples + M * (d - 1) * outer * inner, variance, effects });
}

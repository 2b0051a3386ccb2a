import { finiteNumber, func, numberIn, oneOf, options, show, wholeNumber } from '../args.js';
import { evaluations, PROGRESS_OPTIONS, tracker, type ProgressOptions } from '../engine/progress.js';
import { scrambledSobolPoints } from '../random/sobol-scramble.js';
import { SOBOL_MAX_DIMENSIONS, SOBOL_MAX_VALUES, sobolPoints } from '../random/sobol-sequence.js';
import { seedKey, stream, type Seed } from '../random/stream.js';
import { sobolChart } from '../report/charts.js';
import { tidy, type TidyRow } from '../report/display.js';
import { block, est, firstLines } from '../report/print.js';
import { RowResult, type RowDisplay } from '../report/row-result.js';
import { estimateIndices, replicateEstimate, replicateIndices, type FactorIndices } from './sobol-estimators.js';

/** Options of {@link sobolIndicesOf}. */
export interface SobolOfOptions extends ProgressOptions {
  /** The names of the inputs; each is uniform on [0, 1) and independent of the others. */
  factors: readonly string[];
  /** N, the rows of each of the A and B samples (of each replicate): the function is called N·(k + 2) times, R·N·(k + 2) with the scrambled design. */
  samples: number;
  seed: Seed;
  /**
   * Bootstrap resamples for the standard errors and intervals (1,000 by default), for the
   * samplings 'sobol' and 'random' only.
   */
  bootstrap?: number;
  /** Level of the intervals (0.95 by default). */
  confidence?: number;
  /**
   * How A and B are drawn, and so where the errors come from (Saltelli 2010 takes A and B from the
   * two halves of a 2k-dimensional Sobol sequence; the Sobol samplings take up to 32 factors):
   * - 'sobol-scrambled' (default): `replicates` independent Owen-scrambled Sobol designs of N
   *   points each ({@link scrambledSobolPoints}); the indices are the mean of the replicates'
   *   estimates, the standard error their sd / √R and the interval from Student's t with R − 1
   *   degrees of freedom: honest errors at quasi-Monte Carlo precision.
   * - 'sobol': the one unscrambled sequence (the same points for every seed) with bootstrap
   *   errors, which treat the points as independent and so overstate the error (about 4× on
   *   Ishigami; docs/numerics.md, "Sobol indices and their errors").
   * - 'random': independent uniforms from seeded streams (plain Monte Carlo) with bootstrap errors.
   */
  sampling?: 'sobol-scrambled' | 'sobol' | 'random';
  /**
   * R, the independent scrambles of the 'sobol-scrambled' sampling (10 by default, in [2, 1000]):
   * the function is called R·N·(k + 2) times. Each replicate's ratio estimate has an O(1/N) bias
   * that averaging does not remove: spend a budget on N (at least 64) before R.
   */
  replicates?: number;
}

/** How A and B were drawn (see {@link SobolOfOptions}); `sobolIndices` runs plain Monte Carlo, 'random'. */
export type SobolSampling = 'sobol-scrambled' | 'sobol' | 'random';

/** What `JSON.stringify` writes for {@link SobolIndices}. */
export interface SobolIndicesJSON {
  kind: 'sobol-indices';
  seed: string;
  samples: number;
  sampling: SobolSampling;
  replicates: number;
  evaluations: number;
  variance: number;
  indices: FactorIndices[];
}

/**
 * Variance-based sensitivity indices: what share of the output's variance each factor explains
 * alone (first order) and with all its interactions (total). Plain data with `toJSON()`.
 */
export class SobolIndices extends RowResult<FactorIndices, 'factor', SobolIndicesJSON> {
  declare readonly kind: 'sobol-indices';
  /** N, the rows of A and B (of each replicate). */
  declare readonly samples: number;
  /** How A and B were drawn. */
  declare readonly sampling: SobolSampling;
  /** R, the independent replicates whose spread gives the errors; 1 when they come from the bootstrap. */
  declare readonly replicates: number;
  /** How many times the model ran: R·N·(k + 2). */
  declare readonly evaluations: number;
  /** The output's variance over the A and B samples. */
  declare readonly variance: number;
  /** One row per factor, in the order given. */
  declare readonly indices: readonly FactorIndices[];

  constructor(p: { seed: string; samples: number; evaluations: number; variance: number; indices: FactorIndices[]; sampling?: SobolSampling; replicates?: number }) {
    super({ kind: 'sobol-indices', seed: p.seed, samples: p.samples, sampling: p.sampling ?? 'random', replicates: p.replicates ?? 1, evaluations: p.evaluations, variance: p.variance, indices: p.indices });
  }

  /** N, the rows of A and B. */
  get size(): number {
    return this.samples;
  }

  /** The rows: {@link SobolIndices.indices}. */
  get rows(): readonly FactorIndices[] {
    return this.indices;
  }

  /** The row of one factor; RangeError for an unknown name. */
  of(factor: string): FactorIndices {
    return this.rowWhere('factor', factor, 'SobolIndices.of');
  }

  /** Tidy rows: per factor, the first-order and total index with their standard errors. */
  toRecords(): TidyRow<'factor'>[] {
    return this.indices.flatMap((r) => tidy({ factor: r.factor }, { firstOrder: r.firstOrder, total: r.total }));
  }

  /** A table of the indices and their chart. */
  protected display(): RowDisplay {
    const top = [...this.indices].sort((a, b) => b.total.estimate - a.total.estimate)[0];
    return {
      title: `Sobol indices (N = ${this.samples}${this.replicates > 1 ? ` × ${this.replicates} scrambled replicates` : ''}, ${this.evaluations} evaluations)`,
      text: `SobolIndices: ${this.indices.length} factors; largest total index ${top ? `${top.factor} ${top.total.estimate.toFixed(3)}` : '—'}`,
      chart: sobolChart(this.indices, { output: 'the output' }),
    };
  }

  /** The run and each factor's indices. */
  protected text(): string {
    return block(
      `SobolIndices: ${this.indices.length} factors, N = ${this.samples}${this.replicates > 1 ? ` × ${this.replicates} replicates` : ''}, ${this.evaluations.toLocaleString('en')} evaluations, seed ${this.seed}`,
      firstLines(this.indices.map((r) => `${r.factor}: first order ${est(r.firstOrder)}, total ${est(r.total)}`)),
    );
  }
}

/** The checked common options of the Sobol functions. */
export function sobolSettings(fn: string, o: { samples: unknown; seed: unknown; bootstrap?: unknown; confidence?: unknown }, maxSamples: number) {
  return {
    samples: wholeNumber(fn, 'samples', o.samples, 2, maxSamples),
    seed: seedKey(o.seed as Seed, fn),
    bootstrap: o.bootstrap === undefined ? 1000 : wholeNumber(fn, 'bootstrap', o.bootstrap, 10, 100_000),
    confidence: o.confidence === undefined ? 0.95 : numberIn(fn, 'confidence', o.confidence, 0, 1, { lo: true, hi: true }),
  };
}

/**
 * First-order and total Sobol indices of any function of named inputs, each uniform on [0, 1):
 * Saltelli (2010) first-order and Jansen total estimators on A and B samples. By default A and B
 * come from R = 10 independent Owen-scrambled Sobol designs and the errors from the replicates'
 * spread (t intervals); `sampling: 'sobol'` takes the one unscrambled sequence and `'random'`
 * seeded streams (each factor's column its own), both with bootstrap standard errors and
 * percentile intervals. The function must return a finite number.
 *
 * @example
 * const r = sobolIndicesOf((x) => x.a + 0.1 * x.b, { factors: ['a', 'b'], samples: 1024, seed: 1 });
 * [r.of('a').firstOrder.estimate > 0.97, r.evaluations] // => [ true, 40960 ]
 */
export function sobolIndicesOf(f: (inputs: Record<string, number>) => number, o: SobolOfOptions): SobolIndices {
  const fn = 'sobolIndicesOf';
  func(fn, 'f', f);
  const opts = options<SobolOfOptions>(fn, o, ['factors', 'samples', 'seed', 'bootstrap', 'confidence', 'sampling', 'replicates', ...PROGRESS_OPTIONS], ['factors', 'samples', 'seed']);
  const track = tracker(fn, opts);
  if (!Array.isArray(opts.factors) || opts.factors.length === 0) throw new TypeError(`${fn}: factors must be a non-empty array of names (got ${show(opts.factors)})`);
  const names = Array.from(opts.factors, (n: unknown, i) => {
    if (typeof n !== 'string' || n.length === 0) throw new TypeError(`${fn}: factors[${i}] must be a non-empty string (got ${show(n)})`);
    return n;
  });
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new RangeError(`${fn}: factors must be distinct (${show(dup)} is given twice)`);
  const { samples: n, seed, bootstrap, confidence } = sobolSettings(fn, opts, 10_000_000);
  const k = names.length;
  const sampling = opts.sampling === undefined ? 'sobol-scrambled' : oneOf(fn, 'sampling', opts.sampling, ['sobol-scrambled', 'sobol', 'random'] as const);
  if (sampling !== 'random' && 2 * k > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`${fn}: sampling '${sampling}' takes at most ${SOBOL_MAX_DIMENSIONS / 2} factors (got ${k}); use sampling: 'random'`);
  }
  if (sampling !== 'random' && 2 * k * n > SOBOL_MAX_VALUES) {
    throw new RangeError(`${fn}: sampling '${sampling}' holds 2 × factors × samples = ${(2 * k * n).toLocaleString('en')} points' coordinates at once; at most ${SOBOL_MAX_VALUES.toLocaleString('en')}: take fewer samples (more replicates), or sampling: 'random'`);
  }
  const scrambled = sampling === 'sobol-scrambled';
  if (scrambled && opts.bootstrap !== undefined) throw new RangeError(`${fn}: bootstrap applies to sampling 'sobol' or 'random'; with 'sobol-scrambled' (the default) the errors come from the replicates (set replicates, or choose sampling: 'random')`);
  if (!scrambled && opts.replicates !== undefined) throw new RangeError(`${fn}: replicates applies to sampling 'sobol-scrambled' only (got sampling '${sampling}', whose errors come from the bootstrap)`);
  const replicates = opts.replicates === undefined ? 10 : wholeNumber(fn, 'replicates', opts.replicates, 2, 1000);
  const evaluated = evaluations(track, (scrambled ? replicates : 1) * n * (k + 2));
  // No prototype: a factor named '__proto__' is a field like any other (on {} it was dropped).
  const point = Object.create(null) as Record<string, number>;
  const outputs = (A: Float64Array[], B: Float64Array[]) => {
    const run = (pick: (i: number) => Float64Array[]) => {
      const out = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < k; i++) point[names[i]!] = pick(i)[i]![j]!;
        const y = f({ ...point });
        out[j] = finiteNumber(fn, `f(${JSON.stringify(point)})`, y);
        evaluated.step();
      }
      return out;
    };
    return { fA: run(() => A), fB: run(() => B), fAB: names.map((_, i) => run((c) => (c === i ? B : A))) };
  };
  if (scrambled) {
    const reps = Array.from({ length: replicates }, (_, r) => {
      const pts = scrambledSobolPoints(2 * k, n, seed, r);
      const { fA, fB, fAB } = outputs(pts.slice(0, k), pts.slice(k));
      return replicateEstimate(fA, fB, fAB, fn);
    });
    const { variance, indices } = replicateIndices(names, reps, confidence);
    return new SobolIndices({ seed, samples: n, sampling, replicates, evaluations: replicates * n * (k + 2), variance, indices });
  }
  const column = (matrix: 'A' | 'B', name: string) => {
    const out = new Float64Array(n);
    stream(seed, ['sobol', matrix, name], 0).generator.fillUniform(out, 0, n);
    return out;
  };
  const qmc = sampling === 'sobol' ? sobolPoints(2 * k, n) : null;
  const A = names.map((name, i) => (qmc ? qmc[i]! : column('A', name)));
  const B = names.map((name, i) => (qmc ? qmc[k + i]! : column('B', name)));
  const { fA, fB, fAB } = outputs(A, B);
  const { variance, indices } = estimateIndices(names, fA, fB, fAB, { bootstrap, confidence, seed }, fn);
  return new SobolIndices({ seed, samples: n, sampling, evaluations: n * (k + 2), variance, indices });
}

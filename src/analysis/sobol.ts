import { finiteNumber, func, numberIn, oneOf, options, show, wholeNumber } from '../args.js';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from '../random/sobol-sequence.js';
import { seedKey, stream, type Seed } from '../random/stream.js';
import { sobolChart } from '../report/charts.js';
import { displayBundle, toCSV, tidy, type TidyRow } from '../report/display.js';
import { estimateIndices, type FactorIndices } from './sobol-estimators.js';

/** Options of {@link sobolIndicesOf}. */
export interface SobolOfOptions {
  /** The names of the inputs; each is uniform on [0, 1) and independent of the others. */
  factors: readonly string[];
  /** N, the rows of each of the A and B samples: the function is called N·(k + 2) times. */
  samples: number;
  seed: Seed;
  /** Bootstrap resamples for the standard errors and intervals (1,000 by default). */
  bootstrap?: number;
  /** Level of the percentile intervals (0.95 by default). */
  confidence?: number;
  /**
   * How A and B are drawn: 'sobol' (default, up to 32 factors) takes them from the two halves of
   * a 2k-dimensional Sobol low-discrepancy sequence, as Saltelli (2010) recommends — the
   * estimates converge about as 1/N instead of 1/√N, and the bootstrap errors are then
   * conservative; 'random' takes independent uniforms from seeded streams (plain Monte Carlo,
   * honest bootstrap errors).
   */
  sampling?: 'sobol' | 'random';
}

/**
 * Variance-based sensitivity indices: what share of the output's variance each factor explains
 * alone (first order) and with all its interactions (total). Plain data with `toJSON()`.
 */
export class SobolIndices {
  readonly kind = 'sobol-indices' as const;
  readonly seed: string;
  /** N, the rows of A and B. */
  readonly samples: number;
  /** How many times the model ran: N·(k + 2). */
  readonly evaluations: number;
  /** The output's variance over the A and B samples. */
  readonly variance: number;
  /** One row per factor, in the order given. */
  readonly indices: readonly FactorIndices[];

  constructor(p: { seed: string; samples: number; evaluations: number; variance: number; indices: FactorIndices[] }) {
    this.seed = p.seed;
    this.samples = p.samples;
    this.evaluations = p.evaluations;
    this.variance = p.variance;
    this.indices = p.indices;
  }

  /** The row of one factor; RangeError for an unknown name. */
  of(factor: string): FactorIndices {
    const row = this.indices.find((r) => r.factor === factor);
    if (!row) throw new RangeError(`SobolIndices.of: unknown factor ${show(factor)} (factors: ${this.indices.map((r) => r.factor).join(', ')})`);
    return row;
  }

  /** Tidy rows: per factor, the first-order and total index with their bootstrap standard errors. */
  toRecords(): TidyRow[] {
    return this.indices.flatMap((r) => tidy(r.factor, { firstOrder: r.firstOrder, total: r.total }));
  }

  /** The tidy rows as CSV (factor, statistic, value, standardError). */
  toCSV(): string {
    return toCSV(this.toRecords(), 'factor');
  }

  /** Jupyter (Deno kernel): a table of the indices and their chart. */
  [Symbol.for('Jupyter.display')](): Record<string, unknown> {
    const top = [...this.indices].sort((a, b) => b.total.estimate - a.total.estimate)[0];
    return displayBundle({
      title: `Sobol indices (N = ${this.samples}, ${this.evaluations} evaluations)`,
      text: `SobolIndices: ${this.indices.length} factors; largest total index ${top ? `${top.factor} ${top.total.estimate.toFixed(3)}` : '—'}`,
      rows: this.toRecords(),
      keyName: 'factor',
      chart: sobolChart(this.indices, { output: 'the output' }),
    });
  }

  /** `{ kind, seed, samples, evaluations, variance, indices }`: plain numbers. */
  toJSON(): { kind: 'sobol-indices'; seed: string; samples: number; evaluations: number; variance: number; indices: FactorIndices[] } {
    return { kind: this.kind, seed: this.seed, samples: this.samples, evaluations: this.evaluations, variance: this.variance, indices: this.indices.map((r) => ({ ...r })) };
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
 * Saltelli (2010) first-order and Jansen total estimators on A and B samples from a Sobol
 * sequence (or, with `sampling: 'random'`, from seeded streams, each factor's column its own), with
 * bootstrap standard errors and percentile intervals. The function must return a finite number.
 *
 * @example
 * const r = sobolIndicesOf((x) => x.a + 0.1 * x.b, { factors: ['a', 'b'], samples: 4096, seed: 1 });
 * r.of('a').firstOrder.estimate > 0.97 // => true
 */
export function sobolIndicesOf(f: (inputs: Record<string, number>) => number, o: SobolOfOptions): SobolIndices {
  const fn = 'sobolIndicesOf';
  func(fn, 'f', f);
  const opts = options<SobolOfOptions>(fn, o, ['factors', 'samples', 'seed', 'bootstrap', 'confidence', 'sampling'], ['factors', 'samples', 'seed']);
  if (!Array.isArray(opts.factors) || opts.factors.length === 0) throw new TypeError(`${fn}: factors must be a non-empty array of names (got ${show(opts.factors)})`);
  const names = Array.from(opts.factors, (n: unknown, i) => {
    if (typeof n !== 'string' || n.length === 0) throw new TypeError(`${fn}: factors[${i}] must be a non-empty string (got ${show(n)})`);
    return n;
  });
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new RangeError(`${fn}: factors must be distinct (${show(dup)} is given twice)`);
  const { samples: n, seed, bootstrap, confidence } = sobolSettings(fn, opts, 10_000_000);
  const k = names.length;
  const sampling = opts.sampling === undefined ? 'sobol' : oneOf(fn, 'sampling', opts.sampling, ['sobol', 'random'] as const);
  if (sampling === 'sobol' && 2 * k > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`${fn}: sampling 'sobol' takes at most ${SOBOL_MAX_DIMENSIONS / 2} factors (got ${k}); use sampling: 'random'`);
  }
  const column = (matrix: 'A' | 'B', name: string) => {
    const out = new Float64Array(n);
    stream(seed, ['sobol', matrix, name], 0).generator.fillUniform(out, 0, n);
    return out;
  };
  const qmc = sampling === 'sobol' ? sobolPoints(2 * k, n) : null;
  const A = names.map((name, i) => (qmc ? qmc[i]! : column('A', name)));
  const B = names.map((name, i) => (qmc ? qmc[k + i]! : column('B', name)));
  const point: Record<string, number> = {};
  const run = (pick: (i: number) => Float64Array[]) => {
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < k; i++) point[names[i]!] = pick(i)[i]![j]!;
      const y = f({ ...point });
      out[j] = finiteNumber(fn, `f(${JSON.stringify(point)})`, y);
    }
    return out;
  };
  const fA = run(() => A);
  const fB = run(() => B);
  const fAB = names.map((_, i) => run((c) => (c === i ? B : A)));
  const { variance, indices } = estimateIndices(names, fA, fB, fAB, { bootstrap, confidence, seed }, fn);
  return new SobolIndices({ seed, samples: n, evaluations: n * (k + 2), variance, indices });
}

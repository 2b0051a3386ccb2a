/**
 * The command line's pieces, without a process: the laws they state. Shard ranges partition the
 * blocks; the codec gives back every bit; `--shard auto/N` reads the batch engines' index; the
 * wide table holds every tidy row's value once; flags of the wrong form are UsageErrors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS, simulateVolumes } from '../../src/index.js';
import { count, parse, seed, statistic, UsageError } from '../../src/cli/args.js';
import { decode, encode } from '../../src/cli/codec.js';
import { wide } from '../../src/cli/output.js';
import { shardBlocks, shardOf } from '../../src/cli/shards.js';
import { escapeHtml } from '../../src/cli/commands/report.js';

describe('shards', () => {
  it('property: shards 0..N−1 of n blocks are contiguous, cover [0, n) in order, and differ in size by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 3000 }), (n, N) => {
        let next = 0;
        let [lo, hi] = [Infinity, -Infinity];
        for (let i = 0; i < N; i++) {
          const [b0, b1] = shardBlocks(i, N, n);
          if (b0 !== next || b1 < b0) return false;
          [lo, hi] = [Math.min(lo, b1 - b0), Math.max(hi, b1 - b0)];
          next = b1;
        }
        return next === n && hi - lo <= 1;
      }),
      { numRuns: 200, seed: 24 },
    );
  });

  it('--shard I/N and auto/N: the index from JOB_COMPLETION_INDEX, else SLURM_ARRAY_TASK_ID', () => {
    expect(shardOf('3/16', {})).toEqual({ shard: 3, of: 16 });
    expect(shardOf('auto/16', { JOB_COMPLETION_INDEX: '5', SLURM_ARRAY_TASK_ID: '7' })).toEqual({ shard: 5, of: 16 });
    expect(shardOf('auto/16', { SLURM_ARRAY_TASK_ID: '7' })).toEqual({ shard: 7, of: 16 });
    for (const [spec, env] of [['16/16', {}], ['-1/4', {}], ['1/0', {}], ['a/4', {}], ['auto/4', {}], ['auto/4', { SLURM_ARRAY_TASK_ID: 'x' }], ['auto/4', { JOB_COMPLETION_INDEX: '4' }]] as const) {
      expect(() => shardOf(spec, env), spec).toThrow(UsageError);
    }
  });
});

describe('codec', () => {
  it('property: decode(encode(x)) gives every Float64Array bit and every number back (−0, NaN, ±Infinity included)', () => {
    const bits = (a: Float64Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length * 2));
    fc.assert(
      fc.property(fc.array(fc.double()), fc.double(), (xs, y) => {
        const a = new Float64Array(xs);
        const back = decode<{ a: Float64Array; y: number; nested: { b: Float64Array[] } }>(encode({ a, y, nested: { b: [a.subarray(1)] } }));
        expect(back.a).toBeInstanceOf(Float64Array);
        expect(bits(back.a)).toEqual(bits(a));
        expect(bits(back.nested.b[0]!)).toEqual(bits(a.subarray(1)));
        expect(Object.is(back.y, y)).toBe(true);
      }),
      { numRuns: 300, seed: 24 },
    );
    expect(() => decode('{"a":{"$f64":"AAAA"}}')).toThrow(/multiple of 8/);
  });
});

describe('the wide table', () => {
  it('holds every tidy row\'s value once, in the column of its statistic and threshold', () => {
    const v = simulateVolumes(PRESETS['official-capacity'], { paths: 2000, seed: 1 });
    const rows = v.toRecords();
    const w = wide(rows) as Record<string, string>[];
    expect(w.map((r) => r.year)).toEqual(v.years.map(String));
    for (const r of rows) {
      const line = w.find((x) => x.year === String(r.year))!;
      const column = r.threshold === null || r.threshold === undefined ? r.statistic : `${r.statistic} ${r.threshold}`;
      expect(line[column], `${r.year} ${column}`).toMatch(new RegExp(`^${String(Number(r.value!.toPrecision(6))).replace('.', '\\.')}( ± |$)`));
    }
  });

  it('leaves rows that are not tidy as they are', () => {
    expect(wide([{ name: 'a', legs: 2 }])).toEqual([{ name: 'a', legs: 2 }]);
  });
});

describe('flags', () => {
  const p = (...argv: string[]) => parse(argv, { paths: { type: 'string', help: '' }, seed: { type: 'string', help: '' }, statistic: { type: 'string', help: '' } });
  it('counts in digits, e-notation or with underscores; seeds of digits are numbers', () => {
    expect(count(p('--paths', '1e6'), 'paths')).toBe(1_000_000);
    expect(count(p('--paths', '100_000'), 'paths')).toBe(100_000);
    for (const bad of ['1.5', 'many', '', '-3', '1e400']) expect(() => count(p('--paths', bad), 'paths'), bad).toThrow(UsageError);
    expect(seed(p('--seed', '7'))).toBe(7);
    expect(seed(p('--seed', 'run-7'))).toBe('run-7');
    expect(seed(p())).toBe(1);
  });

  it('statistics as written on the command line', () => {
    expect(statistic(p('--statistic', 'probabilityAtLeast:2027:10'))).toEqual({ statistic: 'probabilityAtLeast', year: 2027, volumeMt: 10 });
    expect(statistic(p('--statistic', 'quantile:2027:0.5'))).toEqual({ statistic: 'quantile', year: 2027, p: 0.5 });
    expect(statistic(p('--statistic', 'mean:2030'))).toEqual({ statistic: 'mean', year: 2030 });
    for (const bad of ['mean', 'quantile:2027', 'mean:x', 'median:2027:0.5', 'mean:2027:']) expect(() => statistic(p('--statistic', bad)), bad).toThrow(UsageError);
  });

  it('an unknown flag is a UsageError naming it', () => {
    expect(() => p('--pahts', '3')).toThrow(/Unknown option '--pahts'/);
  });
});

describe('HTML', () => {
  it('property: escaped text has no markup character left, and unescapes to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const e = escapeHtml(s);
        expect(e).not.toMatch(/[<>"']/);
        expect(e.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))).toBe(s);
      }),
      { numRuns: 500, seed: 24 },
    );
  });
});

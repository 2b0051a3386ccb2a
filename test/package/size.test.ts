/**
 * Size budgets (issue 14): small pages bundled for the browser by esbuild (minified ESM, the way
 * a user's bundler sees the package, `"sideEffects": false` included), gzipped. Measured from
 * src/ (no build needed; the dist build's shared chunks cost a little more: docs/performance.md).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Gzipped KB of a page that imports `names` from the main entry, and the files that reach its output. */
async function page(names: string): Promise<{ kb: number; inputs: string[] }> {
  const r = await build({
    stdin: { contents: `import { ${names} } from './src/index.ts'; globalThis.page = [${names}];`, resolveDir: root, loader: 'ts' },
    bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent',
  });
  const out = Object.values(r.metafile.outputs)[0]!.inputs;
  return { kb: gzipSync(r.outputFiles[0]!.contents).length / 1024, inputs: Object.keys(out).filter((f) => out[f]!.bytesInOutput > 0) };
}

describe('bundle size (gzipped)', () => {
  it('quantile alone: at most 5 KB, no zod, no schema', async () => {
    const { kb, inputs } = await page('quantile');
    expect(kb).toBeLessThanOrEqual(5);
    expect(inputs.filter((f) => /node_modules|scenario/.test(f))).toEqual([]);
  });

  // The price of the same bits on every engine: fitGrowth was 14 KB before the portable log and
  // exp (src/math/) came onto its path; a formula may call every portable function (pow, the
  // trigonometric ones with their 1,200-bit 2/π for Payne–Hanek reduction, …), which takes
  // compileFormula from 6.7 to 17.5 KB and fitGrowth, whose models compile formulas, to 24.9 KB.
  // (The issue allowed fitGrowth to bring mathjs: ~150 KB.) Meaning exactly what mathjs means
  // (issue 22: its tolerant round/floor/ceil/mod and comparisons, arities, complex steps refused)
  // took them to 18.9 and 26.25 KB.
  it('compileFormula and fitGrowth: no zod, no mathjs; at most 19.5 and 26.75 KB', async () => {
    for (const [names, budget] of [['compileFormula', 19.5], ['fitGrowth', 26.75]] as const) {
      const { kb, inputs } = await page(names);
      expect(kb, names).toBeLessThanOrEqual(budget);
      expect(inputs.filter((f) => /node_modules\/(zod|mathjs)/.test(f)), names).toEqual([]);
    }
  });

  it('simulateVolumes + PRESETS: no mathjs; at most 60 KB, zod/mini\'s functions only (no classic API, no locales)', async () => {
    const { kb, inputs } = await page('simulateVolumes, PRESETS');
    expect(kb).toBeLessThanOrEqual(60);
    expect(inputs.filter((f) => f.includes('node_modules/mathjs'))).toEqual([]);
    // All of zod (classic, or mini's whole namespace once re-exported) would be ~90 KB of it.
    expect(inputs.filter((f) => /node_modules\/zod\/v4\/(classic|locales)\//.test(f))).toEqual([]);
    expect(inputs.some((f) => f.includes('node_modules/zod/v4/mini/'))).toBe(true);
  });
});

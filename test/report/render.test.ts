import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fanChart } from '../../src/index.js';

const spec = fanChart([{ year: 2025, p10: 3, p50: 4, p90: 5 }, { year: 2026, p10: 3.2, p50: 4.6, p90: 6.1 }], { sources: ['hand-made'] });

describe('middle-corridor/render', () => {
  afterEach(() => {
    vi.doUnmock('vega');
    vi.doUnmock('@resvg/resvg-js');
    vi.resetModules();
  });

  it('draws SVG and a PNG (the PNG signature, scaled)', async () => {
    const { renderPng, renderSvg } = await import('../../src/render/index.js');
    const svg = await renderSvg(spec);
    expect(svg).toMatch(/^<svg[^>]* width="(\d+)"/);
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const png = await renderPng(spec, { scale: 2 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const pngWidth = new DataView(png.buffer, png.byteOffset).getUint32(16);
    expect(Math.abs(pngWidth - 2 * width)).toBeLessThanOrEqual(2);
  });

  it('does not mutate the spec it draws (vega tags the data it ingests)', async () => {
    const { renderSvg } = await import('../../src/render/index.js');
    const before = JSON.stringify(spec);
    await renderSvg(spec);
    expect(JSON.stringify(spec)).toBe(before);
    const values = (spec.data as { values: object[] }).values;
    expect(values.every((v) => Object.getOwnPropertySymbols(v).length === 0)).toBe(true);
  });

  it('is deterministic: the same spec gives the same SVG', async () => {
    const { renderSvg } = await import('../../src/render/index.js');
    expect(await renderSvg(spec)).toBe(await renderSvg(spec));
  });

  it('says what to install when vega is missing', async () => {
    vi.doMock('vega', () => {
      throw new Error("Cannot find package 'vega'");
    });
    const { renderSvg } = await import('../../src/render/index.js');
    await expect(renderSvg(spec)).rejects.toThrow('renderSvg needs the packages vega and vega-lite: npm install vega@5 vega-lite@5');
  });

  it('says what to install when resvg is missing', async () => {
    vi.doMock('@resvg/resvg-js', () => {
      throw new Error("Cannot find package '@resvg/resvg-js'");
    });
    const { renderPng } = await import('../../src/render/index.js');
    await expect(renderPng(spec)).rejects.toThrow('renderPng needs the package @resvg/resvg-js: npm install @resvg/resvg-js');
  });

  it('rejects a scale outside (0, 16]', async () => {
    const { renderPng } = await import('../../src/render/index.js');
    await expect(renderPng(spec, { scale: 0 })).rejects.toThrow(RangeError);
  });

  it('refuses what is not a spec, and unknown or ill-typed PNG options, naming them', async () => {
    const { renderPng, renderSvg } = await import('../../src/render/index.js');
    for (const bad of [null, undefined, 5, 'fan', [], {}]) {
      await expect(renderSvg(bad as never)).rejects.toThrow(/^renderSvg: spec must be a Vega-Lite specification/);
      await expect(renderPng(bad as never)).rejects.toThrow(/^renderPng: spec must be a Vega-Lite specification/);
    }
    await expect(renderPng(spec, { scael: 2 } as never)).rejects.toThrow(/renderPng: unknown option 'scael' \(allowed: scale, fontFiles, sansSerifFamily, background\)/);
    await expect(renderPng(spec, { scale: '2' } as never)).rejects.toThrow(TypeError);
    await expect(renderPng(spec, { fontFiles: 'a.ttf' } as never)).rejects.toThrow(/fontFiles must be an array/);
    await expect(renderPng(spec, { background: 0 } as never)).rejects.toThrow(/background must be a string/);
  });

  it('draws charts whose names hold any Unicode text, line and paragraph separators included', async () => {
    const { renderSvg } = await import('../../src/render/index.js');
    const rows = (name: string) => [2025, 2026].map((year) => ({ year, p10: 3, p50: 4, p90: 5, scenario: name }));
    // The reported case: a name with U+2028 (Vega's expression lexer refuses it inside a string).
    const svg = await renderSvg(fanChart([...rows('a\u2028b'), ...rows('c\u2029d')]));
    expect(svg).toMatch(/a b/);
    // And any text a user may type: several scenarios, so that names reach the filters.
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }), async (a, b) => {
        fc.pre(a !== b);
        expect(await renderSvg(fanChart([...rows(a), ...rows(b)]))).toMatch(/^<svg/);
      }),
      { numRuns: 40 },
    );
  });
  it('loads nothing: a spec that names a local file (or any URL) is refused, and the file never reaches the SVG', async () => {
    const { renderSvg } = await import('../../src/render/index.js');
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'mc-render-')), 'secret.csv');
    writeFileSync(file, 'x\nSECRET-CONTENT\n');
    const base = { $schema: spec.$schema, mark: 'text', encoding: { text: { field: 'x' } } };
    for (const url of [file, `file://${file}`, 'https://example.org/data.csv']) {
      await expect(renderSvg({ ...base, data: { url, format: { type: 'csv' } } } as never)).rejects.toThrow(
        `renderSvg: charts draw inline data only (data.values); the spec asks to load ${JSON.stringify(url)}, which is refused (no files, no URLs)`,
      );
    }
    const image = { $schema: spec.$schema, data: { values: [{ x: 1 }] }, mark: { type: 'image', url: `file://${file}` }, encoding: { x: { field: 'x' } } };
    await expect(renderSvg(image as never)).rejects.toThrow(/^renderSvg: charts draw inline data only/);
    const { renderPng } = await import('../../src/render/index.js');
    await expect(renderPng({ ...base, data: { url: file } } as never)).rejects.toThrow(/^renderSvg: charts draw inline data only/);
    // Inline data still draws.
    expect(await renderSvg({ ...base, data: { values: [{ x: 'inline' }] } } as never)).toMatch(/inline/);
  });

  it('refuses a plain Vega spec naming renderSvg and its $schema (it takes Vega-Lite)', async () => {
    const { renderPng, renderSvg } = await import('../../src/render/index.js');
    const vega = { $schema: 'https://vega.github.io/schema/vega/v5.json', width: 10, height: 10, marks: [] };
    await expect(renderSvg(vega as never)).rejects.toThrow(
      'renderSvg takes a Vega-Lite spec: its $schema is "https://vega.github.io/schema/vega/v5.json", not Vega-Lite\'s (https://vega.github.io/schema/vega-lite/v5.json)',
    );
    await expect(renderPng(vega as never)).rejects.toThrow(/^renderPng takes a Vega-Lite spec/);
  });
});

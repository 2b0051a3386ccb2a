/**
 * The published build imported in a browser the ways Observable does (docs/observable.md):
 * - a notebook's `import("https://cdn.jsdelivr.net/npm/middle-corridor/+esm")` (or esm.sh): one ES
 *   module with its dependencies bundled — here esbuild's bundle of the built dist/index.js;
 * - a Framework page's `npm:middle-corridor`: the package's own files, served one by one as
 *   published, with zod's ES modules and seedrandom's key schedule (CommonJS, converted to an ES
 *   module as a CDN does) found through an import map — `middle-corridor/web`'s pool included,
 *   its worker started from the served dist/web/worker.js;
 * - the same files from a CDN's origin (CORS open): the pool's worker, which a page cannot start
 *   from another origin, starts through a same-origin module that imports it.
 * On both, a run gives Node's numbers to the bit, and the library's Vega-Lite spec renders to SVG
 * with Vega in the page; the pages log no error.
 */
import { build as esbuild } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fanChart, PRESETS, simulateTransit, simulateVolumes, ROUTES, transitChart } from 'middle-corridor';
import { bundle, built, html, launch, missingBrowser, nodeModule, serve, watch, type Served } from './harness.js';

const missing = missingBrowser();
if (missing) throw new Error(missing);

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let cdn: Awaited<ReturnType<typeof serve>>;

const js = (body: string | Uint8Array): Served => ({ type: 'text/javascript', body: typeof body === 'string' ? body : Buffer.from(body) });

/** What a page's cells compute (the same code on both pages: only the import differs). */
const cells = `
  const r = mc.simulateVolumes(mc.PRESETS['official-capacity'], { paths: 20000, seed: 'observable' });
  const t = mc.simulateTransit(mc.ROUTES['corridor-poti'], { trips: 20000, seed: 'observable', volumeMt: 5.5 });
  const fan = mc.fanChart(r, { target: { year: 2027, volumeMt: 10 } });
  const days = mc.transitChart(t, { within: 15 });
  const svg = async (spec) => new vega.View(vega.parse(vega.compile(spec).spec), { renderer: 'none' }).toSVG();
  const out = {
    p: r.probabilityAtLeast(2027, 10),
    q: r.quantiles(2030, [0.1, 0.5, 0.9]),
    within: t.probabilityWithin(15),
    specs: JSON.stringify([fan, days]),
    svgs: [await svg(fan), await svg(days)].map((s) => [s.slice(0, 4), s.length]),
  };
`;

beforeAll(async () => {
  const b = await built();
  // Vega and Vega-Lite for the page (Observable has them built in: vl, vega-embed).
  const vega = await esbuild({ stdin: { contents: "export { parse, View } from 'vega'; export { compile } from 'vega-lite';", resolveDir: nodeModule('vega'), loader: 'js' }, bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  // seedrandom's xor4096 is CommonJS: a CDN serves it converted to an ES module, as this is.
  const xor4096 = await esbuild({ entryPoints: [`${nodeModule('seedrandom')}/lib/xor4096.js`], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  const notebook = `import * as vega from './vega.js';\nconst mc = await import('./middle-corridor.js');\n${cells}\nwindow.page = out;\ndocument.body.dataset.ready = '1';\n`;
  const framework = `import * as vega from './vega.js';\nimport * as mc from 'middle-corridor';\nimport { simulateVolumesParallel } from 'middle-corridor/web';\n${cells}
  const par = await simulateVolumesParallel(mc.PRESETS['official-capacity'], { paths: 20000, seed: 'observable', workers: 2 });
  out.parallel = [par.probabilityAtLeast(2027, 10), par.quantiles(2030, [0.1, 0.5, 0.9])];
  window.page = out;\ndocument.body.dataset.ready = '1';\n`;
  // The package's files as a CDN serves them (jsDelivr's /npm/…: the files themselves, CORS open),
  // on another origin than the pages.
  const files = { 'npm/seedrandom/lib/xor4096.js': js(xor4096.outputFiles[0]!.contents) };
  const dirs = { 'npm/middle-corridor/': b.pkg, 'npm/zod/': nodeModule('zod') };
  cdn = await serve({ cdn: { headers: { 'Access-Control-Allow-Origin': '*' }, files, dirs } });
  const imports = (at: string) => ({
    'middle-corridor': `${at}/npm/middle-corridor/dist/index.js`,
    'middle-corridor/web': `${at}/npm/middle-corridor/dist/web/index.js`,
    'zod/mini': `${at}/npm/zod/mini/index.js`,
    'seedrandom/lib/xor4096.js': `${at}/npm/seedrandom/lib/xor4096.js`,
  });
  const vegaJs = js(vega.outputFiles[0]!.contents);
  server = await serve({
    notebook: { headers: {}, files: { 'index.html': html('notebook', './notebook.js'), 'notebook.js': js(notebook), 'vega.js': vegaJs, 'middle-corridor.js': await bundle(b, `${b.dist}/index.js`) } },
    // Framework serves its npm: imports itself, from the page's origin.
    framework: { headers: {}, files: { 'index.html': html('framework', './framework.js', imports('/framework')), 'framework.js': js(framework), 'vega.js': vegaJs, ...files }, dirs },
    crossorigin: { headers: {}, files: { 'index.html': html('files from a CDN', './framework.js', imports(`${cdn.url}/cdn`)), 'framework.js': js(framework), 'vega.js': vegaJs } },
  });
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await cdn?.close();
});

/** Node's numbers for the page's cells. */
function expected() {
  const r = simulateVolumes(PRESETS['official-capacity'], { paths: 20000, seed: 'observable' });
  const t = simulateTransit(ROUTES['corridor-poti'], { trips: 20000, seed: 'observable', volumeMt: 5.5 });
  return {
    p: r.probabilityAtLeast(2027, 10),
    q: r.quantiles(2030, [0.1, 0.5, 0.9]),
    within: t.probabilityWithin(15),
    specs: JSON.stringify([fanChart(r, { target: { year: 2027, volumeMt: 10 } }), transitChart(t, { within: 15 })]),
  };
}

const SITES = {
  notebook: 'a notebook: import() of one ES module with its dependencies bundled (jsDelivr +esm, esm.sh)',
  framework: 'a Framework page: the published files, one by one, through an import map (npm:middle-corridor)',
  crossorigin: "the published files from a CDN's origin (the web pool's worker started through a same-origin module)",
};

for (const [site, title] of Object.entries(SITES)) {
  describe(title, () => {
    let page: Page;
    let problems: string[];
    let got: Record<string, unknown>;
    beforeAll(async () => {
      page = await browser.newPage();
      problems = watch(page);
      await page.goto(`${server.url}/${site}/index.html`);
      await page.waitForSelector('body[data-ready]', { state: 'attached', timeout: 60_000 });
      got = await page.evaluate(() => (window as unknown as { page: Record<string, unknown> }).page);
    }, 90_000);
    afterAll(() => page?.close());

    it("gives Node's numbers and Vega-Lite specs, to the bit", () => {
      const { svgs, parallel, ...numbers } = got;
      expect(numbers).toEqual(expected());
      if (site !== 'notebook') expect(parallel).toEqual([numbers.p, numbers.q]); // middle-corridor/web from the published files
    });

    it('renders the fan chart and the transit chart to SVG with Vega in the page', () => {
      for (const [start, length] of got.svgs as [string, number][]) {
        expect(start).toBe('<svg');
        expect(length).toBeGreaterThan(5000);
      }
    });

    it('logged no error or warning', () => {
      expect(problems).toEqual([]);
    });
  });
}

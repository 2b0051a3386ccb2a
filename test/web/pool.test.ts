/**
 * `middle-corridor/web` in a real Chromium: the built package's pool, bundled into a page as a
 * user's bundler would, served under a strict content-security policy (no eval, scripts and
 * workers from the page's origin) — once cross-origin isolated (COOP/COEP: the workers write into
 * SharedArrayBuffer) and once not (their partials are moved back). Its results equal the
 * one-thread functions' in Node to the bit (fingerprints: SHA-256 of every array and statistic),
 * its progress reaches the total, an abort rejects with an AbortError and leaves the pool usable,
 * its errors are the Node pool's word for word, and the page logs no error or CSP violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS, ROUTES, simulateCorridor, simulateTransit, simulateVolumes } from 'middle-corridor';
import { closeWorkers, maxWorkers, simulateTransitParallel, simulateVolumesParallel } from 'middle-corridor/node';
import { corridorPrint, transitPrint, volumesPrint } from './fingerprint.js';
import { bundle, built, distFile, here, html, ISOLATED, launch, missingBrowser, serve, STRICT_CSP, watch, type Site } from './harness.js';

const missing = missingBrowser();
if (missing) throw new Error(missing);

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const b = await built();
  const app = await bundle(b, here('./app.ts'));
  const files = { 'index.html': html('middle-corridor/web', './app.js'), 'app.js': app, 'worker.js': distFile(b, 'web/worker.js') };
  const sites: Record<string, Site> = {
    isolated: { headers: { 'Content-Security-Policy': STRICT_CSP, ...ISOLATED }, files },
    plain: { headers: { 'Content-Security-Policy': STRICT_CSP }, files },
    // A site that forgot to serve the worker: runs must fail, saying so, not hang.
    noworker: { headers: { 'Content-Security-Policy': STRICT_CSP }, files: { 'index.html': files['index.html'], 'app.js': app } },
  };
  server = await serve(sites);
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await closeWorkers();
});

/** Node's one-thread runs, the reference. */
const scenario = PRESETS['official-capacity'];
const route = ROUTES['corridor-poti'];
const runs = {
  full: { paths: 40_001, seed: 'web' },
  summary: { paths: 90_001, seed: 'web', keep: 'summary' as const },
  small: { paths: 3_001, seed: 'web', keep: 'summary' as const },
  transit: { trips: 40_001, seed: 'web', volumeMt: 5.5 },
  corridor: { paths: 2_001, seed: 'web' },
};

for (const site of ['isolated', 'plain'] as const) {
  describe(`${site === 'isolated' ? 'a cross-origin isolated page (SharedArrayBuffer)' : 'a page without isolation (partials moved back)'}, under a strict CSP`, () => {
    let page: Page;
    let problems: string[];
    beforeAll(async () => {
      page = await browser.newPage();
      problems = watch(page);
      await page.goto(`${server.url}/${site}/index.html${site === 'plain' ? '?codegen=off' : ''}`);
      await page.waitForSelector('body[data-ready]', { state: 'attached' });
    }, 60_000);
    afterAll(() => page?.close());

    it(`is ${site === 'isolated' ? '' : 'not '}cross-origin isolated`, async () => {
      expect(await page.evaluate(() => document.body.dataset.ready)).toBe(String(site === 'isolated'));
    });

    it('volumes, full runs: the one-thread bits, for 1, 2 and 3 workers', async () => {
      const node = await volumesPrint(simulateVolumes(scenario, runs.full));
      for (const workers of [1, 2, 3]) {
        const web = await page.evaluate(async ([o, w]) => mc.volumesPrint(await mc.simulateVolumesParallel(mc.PRESETS['official-capacity'], { ...o, workers: w })), [runs.full, workers] as const);
        expect(web, `${workers} workers`).toEqual(node);
      }
    });

    it("volumes, keep: 'summary' (with its pilot, and a small one without): the one-thread bits", async () => {
      for (const o of [runs.summary, runs.small]) {
        const node = await volumesPrint(simulateVolumes(scenario, o));
        const web = await page.evaluate(async (x) => mc.volumesPrint(await mc.simulateVolumesParallel(mc.PRESETS['official-capacity'], { ...x, workers: 3 })), o);
        expect(web, `${o.paths} paths`).toEqual(node);
      }
    });

    it('transit: the one-thread bits', async () => {
      const node = await transitPrint(simulateTransit(route, runs.transit));
      const web = await page.evaluate(async (o) => mc.transitPrint(await mc.simulateTransitParallel(mc.ROUTES['corridor-poti'], { ...o, workers: 3 })), runs.transit);
      expect(web).toEqual(node);
    });

    it('corridor: the one-thread bits', async () => {
      const node = await corridorPrint(simulateCorridor(scenario, route, runs.corridor));
      const web = await page.evaluate(async (o) => mc.corridorPrint(await mc.simulateCorridorParallel(mc.PRESETS['official-capacity'], mc.ROUTES['corridor-poti'], { ...o, workers: 2 })), runs.corridor);
      expect(web).toEqual(node);
    });

    it("results are the main entry's classes", async () => {
      const kinds = await page.evaluate(async () => {
        const full = await mc.simulateVolumesParallel(mc.PRESETS.baseline, { paths: 100, seed: 1, workers: 2 });
        const summary = await mc.simulateVolumesParallel(mc.PRESETS.baseline, { paths: 100_000, seed: 1, workers: 2, keep: 'summary' });
        return [full instanceof mc.VolumeResult, summary instanceof mc.VolumeSummary];
      });
      expect(kinds).toEqual([true, true]);
    });

    it('onProgress counts paths (trips) up to the total, rising', async () => {
      const seen = await page.evaluate(async () => {
        const volumes: unknown[] = [];
        const trips: unknown[] = [];
        await mc.simulateVolumesParallel(mc.PRESETS.baseline, { paths: 100_000, seed: 1, workers: 3, onProgress: (p) => volumes.push(p) });
        await mc.simulateTransitParallel(mc.ROUTES['corridor-poti'], { trips: 50_000, seed: 1, workers: 2, onProgress: (p) => trips.push(p) });
        return { volumes, trips };
      });
      expect(seen.volumes.length).toBe(8); // done: 0 first, then one per range: 7 blocks of 16,384 paths, up to 8 ranges a worker
      expect((seen.volumes[0] as { done: number }).done).toBe(0);
      for (const [list, total, unit] of [[seen.volumes, 100_000, 'paths'], [seen.trips, 50_000, 'trips']] as const) {
        const ps = list as { done: number; total: number; unit: string }[];
        expect(ps.length).toBeGreaterThan(1);
        expect(ps.at(-1)).toEqual({ done: total, total, unit });
        for (let i = 1; i < ps.length; i++) expect(ps[i]!.done).toBeGreaterThan(ps[i - 1]!.done);
        for (const p of ps) expect([p.total, p.unit]).toEqual([total, unit]);
      }
    });

    it('an abort rejects with a DOMException AbortError, soon; an aborted signal before the call too; the pool runs again after', async () => {
      const r = await page.evaluate(async () => {
        const c = new AbortController();
        const t0 = performance.now();
        const big = mc.simulateVolumesParallel(mc.PRESETS.baseline, { paths: 20_000_000, seed: 1, workers: 2, keep: 'summary', signal: c.signal });
        setTimeout(() => c.abort(), 50);
        const e = await big.catch((x: unknown) => x);
        const ms = performance.now() - t0;
        const before = await mc.simulateTransitParallel(mc.ROUTES['corridor-poti'], { trips: 100, seed: 1, signal: AbortSignal.abort() }).catch((x: unknown) => x);
        const after = await mc.simulateVolumesParallel(mc.PRESETS.baseline, { paths: 1000, seed: 1, workers: 2 });
        const one = mc.simulateVolumes(mc.PRESETS.baseline, { paths: 1000, seed: 1 });
        const err = (x: unknown) => [x instanceof DOMException, (x as Error).name, (x as Error).message];
        return { e: err(e), before: err(before), ms, same: after.quantile(2030, 0.5) === one.quantile(2030, 0.5) };
      });
      // The signal's own AbortError, as the Node pool and the one-thread calls reject with.
      expect(r.e).toEqual([true, 'AbortError', 'signal is aborted without reason']);
      expect(r.before).toEqual([true, 'AbortError', 'signal is aborted without reason']);
      expect(r.ms).toBeLessThan(3000); // a 20,000,000-path run takes about 10 s on two workers
      expect(r.same).toBe(true);
    });

    it('an aborted run leaves another run in flight untouched', async () => {
      const r = await page.evaluate(async () => {
        const one = mc.simulateVolumes(mc.PRESETS.baseline, { paths: 300_000, seed: 2 });
        const c = new AbortController();
        const aborted = mc.simulateVolumesParallel(mc.PRESETS.baseline, { paths: 20_000_000, seed: 1, workers: 2, keep: 'summary', signal: c.signal }).catch((e: Error) => e.name);
        let otherDone = false;
        const other = mc.simulateVolumesParallel(mc.PRESETS.baseline, { paths: 300_000, seed: 2, workers: 2 }).finally(() => (otherDone = true));
        const inFlight = await new Promise<boolean>((ok) => setTimeout(() => ok(!otherDone), 20));
        c.abort();
        return { inFlight, aborted: await aborted, same: (await other).quantiles(2030, [0.1, 0.5, 0.9]).join() === one.quantiles(2030, [0.1, 0.5, 0.9]).join() };
      });
      expect(r).toEqual({ inFlight: true, aborted: 'AbortError', same: true });
    });

    it("errors are the Node pool's: the class and the message, word for word", async () => {
      const bad = {
        scenario: [{ ...PRESETS.baseline, horizon: 'x' }, { paths: 10, seed: 1, workers: 2 }],
        quantiles: [PRESETS.baseline, { paths: 10, seed: 1, workers: 2, quantiles: [2] }],
        workers: [PRESETS.baseline, { paths: 10, seed: 1, workers: 0 }],
        unknown: [PRESETS.baseline, { paths: 10, seed: 1, volumeMT: 2 }],
        // thrown in a worker, by the kernel, and sent back
        overflow: [{ start: { year: 2025, volumeMt: 1e99 }, horizon: 2030, growth: { model: 'exponential', rate: 50 } }, { paths: 40_000, seed: 1, workers: 2 }],
      } as const;
      const queue = { name: 'r', legs: [{ name: 'q', mode: 'port', days: 1, queue: { servers: 1, serviceDays: 1 } }] };
      // The web pool allows one option more (signal) and its own number of workers: both said as such.
      const nodeMax = maxWorkers();
      const describeError = (e: unknown) => [(e as Error).constructor.name, (e as Error).name, (e as Error).message.replace(/, workers\)$/, ', workers, signal)').replace(`[1, ${nodeMax}]`, '[1, max]')];
      const node: Record<string, unknown> = {};
      for (const [k, [s, o]] of Object.entries(bad)) node[k] = describeError(await simulateVolumesParallel(s as never, o as never).catch((e: unknown) => e));
      node.transit = describeError(await simulateTransitParallel(queue as never, { trips: 10, seed: 1, volumeMt: 2, workers: 2 }).catch((e: unknown) => e));
      const web = await page.evaluate(
        async ([b, q]) => {
          const d = (e: unknown) => [(e as Error).constructor.name, (e as Error).name, (e as Error).message.replace(`[1, ${mc.maxWorkers()}]`, '[1, max]')];
          const out: Record<string, unknown> = {};
          for (const [k, [s, o]] of Object.entries(b)) out[k] = d(await mc.simulateVolumesParallel(s as never, o as never).catch((e: unknown) => e));
          out.transit = d(await mc.simulateTransitParallel(q as never, { trips: 10, seed: 1, volumeMt: 2, workers: 2 }).catch((e: unknown) => e));
          return out;
        },
        [bad, queue] as const,
      );
      expect(web).toEqual(node);
      expect(web.transit).toEqual(['RangeError', 'RangeError', expect.stringMatching(/no capacityMt/)]);
      expect(web.overflow).toEqual(['RangeError', 'RangeError', expect.stringMatching(/^simulateVolumes: demand exceeds 1e\+100 Mt \(MAX_VOLUME_MT\) on path 0 in 2026/)]); // path 0, as on one thread, whichever worker fails first
      expect(web.scenario).toEqual(['ScenarioError', 'ScenarioError', expect.stringMatching(/horizon/)]);
      expect(web.workers).toEqual(['RangeError', 'RangeError', 'simulateVolumesParallel: workers must be a whole number in [1, max] (got 0)']);
    });

    it('bad signal and onProgress values are TypeErrors naming the option', async () => {
      const r = await page.evaluate(async () => {
        const m = (p: Promise<unknown>) => p.catch((e: Error) => `${e.name}: ${e.message}`);
        return [
          await m(mc.simulateVolumesParallel(mc.PRESETS.baseline, { paths: 10, seed: 1, signal: {} as AbortSignal })),
          await m(mc.simulateTransitParallel(mc.ROUTES['corridor-poti'], { trips: 10, seed: 1, onProgress: 1 as never })),
        ];
      });
      // The Node pool's messages (src/engine/progress.ts).
      expect(r).toEqual([
        'TypeError: simulateVolumesParallel: signal must be an AbortSignal (from an AbortController, or AbortSignal.timeout) (got {})',
        'TypeError: simulateTransitParallel: onProgress must be a function of { done, total, unit } (got 1)',
      ]);
    });

    it('closeWorkers rejects a run in flight with the Node pool\'s message', async () => {
      const m = await page.evaluate(async () => {
        const run = mc.simulateVolumesParallel(mc.PRESETS.baseline, { paths: 5_000_000, seed: 1, workers: 2, keep: 'summary' }).catch((e: Error) => e.message);
        await new Promise((r) => setTimeout(r, 30));
        await mc.closeWorkers();
        return run;
      });
      expect(m).toBe('simulateVolumesParallel: the worker pool was closed (closeWorkers()) while the run was in flight');
    });

    it(`the page logged no error and no warning; ${site === 'plain' ? "with kernelCodegen('off') no CSP violation" : 'its one CSP violation is the library’s single attempt at kernel generation'}`, async () => {
      expect(problems).toEqual([]);
      const seen = await page.evaluate(() => [...mc.violations]);
      // The plain page called kernelCodegen('off') first: the library never tries eval there.
      if (site === 'plain') expect(seen).toEqual([]);
      else expect(seen.length <= 1 && seen.every((v) => v === 'script-src: eval')).toBe(true);
    });

    it('(the policy is enforced and its violations are seen: eval is refused here)', async () => {
      const before = await page.evaluate(() => mc.violations.length);
      expect(await page.evaluate(() => mc.tryEval())).toBe('EvalError');
      await expect.poll(() => page.evaluate(() => mc.violations.length)).toBe(before + 1);
    });
  });
}

describe('a page that does not serve the worker', () => {
  it('rejects the run with an error saying the worker did not load (not a run that never ends)', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/noworker/index.html`);
    await page.waitForSelector('body[data-ready]', { state: 'attached' });
    const m = await page.evaluate(() => mc.simulateVolumesParallel(mc.PRESETS.baseline, { paths: 100, seed: 1, workers: 2 }).catch((e: Error) => e.message));
    expect(m).toBe("simulateVolumesParallel: a worker failed while the run was in flight: its script (dist/web/worker.js) did not load: is it served from the page's origin, and allowed by worker-src?");
    await page.close();
  });
});

declare global {
  // The test page's API (test/web/app.ts).
  var mc: typeof import('./app.js').api;
}

/**
 * The explorer page (examples/explorer/) in a real Chromium, built by its own build and served by
 * its own server (`npm run explorer`), under the browser tests' strict policy. Every number the
 * page shows is checked against the library in Node, on a scenario this file writes out by hand
 * (the preset with the one assumption changed): the page's text and its full double (`data-exact`)
 * equal `simulateVolumes`' estimate for that scenario and seed, to the bit — after a change made
 * with the mouse-free API (fill), from a shared link, after cancelled runs, and from the keyboard.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS, ROUTES, simulateCorridor, simulateVolumes, tornado, type Estimate, type ScenarioInput } from 'middle-corridor';
import { buildExplorer, EXPLORER_CSP, serveExplorer } from '../../scripts/explorer.js';
import { launch, missingBrowser, STRICT_CSP, watch } from './harness.js';

const missing = missingBrowser();
if (missing) throw new Error(missing);

let browser: Browser;
let server: Awaited<ReturnType<typeof serveExplorer>>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'middle-corridor-explorer-'));
  await buildExplorer(join(dir, 'site'));
  writeFileSync(join(dir, 'outside.txt'), 'not served');
  server = await serveExplorer(join(dir, 'site'));
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const BASE_RATE = { dist: 'normal', mean: 0.3256, sd: 0.2538, min: -0.5 } as const;
/** The preset the page opens with. */
const OFFICIAL = PRESETS['official-capacity'];
/** That preset with its growth rate's mean at `rate` (the page keeps the sd and the −50 % floor). */
const officialAtRate = (rate: number): ScenarioInput => ({ ...OFFICIAL, growth: { model: 'exponential', rate: { ...BASE_RATE, mean: rate } } });
const P_OPTIONS = { paths: 20_000, seed: 1 };

/** Node's P(≥ 10 Mt in 2027) for a scenario, with the page's default run (20,000 paths, seed 1). */
const nodeP = (s: ScenarioInput, o: { paths: number; seed: string | number } = P_OPTIONS) => simulateVolumes(s, o).probabilityAtLeast(2027, 10);
/** How the page writes an estimate. */
const text = (e: Estimate) => `${(e.estimate * 100).toFixed(1)} % ± ${(e.standardError * 100).toFixed(1)} %`;

/** The page's P(≥ 10 Mt in 2027), once shown: its text, its full double and standard error. */
async function shownP(page: Page, id = 'p'): Promise<{ text: string; exact: number; se: number }> {
  const el = await page.waitForSelector(`#${id}[data-exact]`, { timeout: 120_000 });
  return { text: (await el.textContent())!, exact: Number(await el.getAttribute('data-exact')), se: Number(await el.getAttribute('data-se')) };
}

/** A new page at `url`, its console errors and CSP violations collected. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const problems = watch(page);
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(url);
  return { page, problems };
}

/**
 * The page's tornado bars against the library's `tornado` in Node: every P at P10 and at P90 the
 * same double. Their standard errors differ by design of the two estimators: the page shows a
 * run's `probabilityAtLeast`, √(p(1 − p)/n); `tornado` reports the paired estimator's,
 * √(p(1 − p)/(n − 1)) — so the page's is Node's times √((n − 1)/n), to rounding.
 */
function sameTornado(bars: { parameter: string; low: Estimate; high: Estimate }[], rows: readonly { parameter: string; low: Estimate; high: Estimate }[], n: number): void {
  expect(bars.map((b) => b.parameter).sort()).toEqual(rows.map((r) => r.parameter).sort());
  for (const row of rows) {
    const bar = bars.find((b) => b.parameter === row.parameter)!;
    for (const end of ['low', 'high'] as const) {
      expect(bar[end].estimate, `${row.parameter} ${end}`).toBe(row[end].estimate);
      expect(Math.abs(bar[end].standardError - row[end].standardError * Math.sqrt((n - 1) / n)), `${row.parameter} ${end}`).toBeLessThanOrEqual(1e-12 * row[end].standardError);
    }
  }
}

const done = (page: Page) => page.waitForSelector('body[data-state="done"]', { state: 'attached', timeout: 300_000 });

it("is served under the browser tests' strict policy", async () => {
  expect(EXPLORER_CSP).toBe(STRICT_CSP);
  const r = await fetch(server.url);
  expect(r.headers.get('content-security-policy')).toBe(STRICT_CSP);
  // Nothing outside its folder: a file beside it, asked for with an encoded slash (URL parsing keeps it; decoded, it climbs out).
  const status = (path: string) => new Promise<number | undefined>((ok, fail) => get({ host: '127.0.0.1', port: new URL(server.url).port, path }, (res) => ok(res.resume().statusCode)).on('error', fail));
  expect(await status('/explorer.css')).toBe(200);
  expect(await status('/..%2Foutside.txt')).toBe(404);
});

describe('the official-capacity preset, as the page opens', () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await open(server.url));
    await done(page);
    await page.waitForSelector('#tornado svg', { timeout: 60_000 });
  }, 300_000);
  afterAll(() => page?.close());

  it("shows Node's P(≥ 10 Mt in 2027) for official-capacity and seed 1, to the bit", async () => {
    const node = nodeP(OFFICIAL);
    const shown = await shownP(page);
    expect(Object.is(shown.exact, node.estimate)).toBe(true);
    expect(Object.is(shown.se, node.standardError)).toBe(true);
    expect(shown.text).toBe(text(node));
    const first = simulateVolumes(OFFICIAL, P_OPTIONS).medianFirstYear(10);
    expect(await page.textContent('#first')).toBe(first === null ? 'not by 2032' : String(first));
  });

  it("shows Node's door-to-door P(≤ 15 days) in 2027 (a corridor run) and Node's tornado, to the bit", async () => {
    const c = simulateCorridor(OFFICIAL, ROUTES['corridor-poti'], { paths: 2_000, tripsPerPath: 5, seed: 1 });
    const within = c.transit(2027).probabilityWithin(15);
    expect(await shownP(page, 'p-within')).toEqual({ text: text(within), exact: within.estimate, se: within.standardError });
    const bars = JSON.parse((await page.getAttribute('#tornado', 'data-bars'))!) as { parameter: string; low: Estimate; high: Estimate }[];
    const t = tornado(OFFICIAL, { statistic: { statistic: 'probabilityAtLeast', year: 2027, volumeMt: 10 }, ...P_OPTIONS });
    expect(bars.length).toBe(t.rows.length);
    sameTornado(bars, t.rows, P_OPTIONS.paths);
  });

  it('draws the three charts and logs no error or CSP violation', async () => {
    for (const id of ['fan', 'transit', 'tornado']) expect(await page.locator(`#${id} svg`).count(), id).toBe(1);
    expect(problems).toEqual([]);
  });

  it("moves the door-to-door line without a run: Node's P(≤ 20 days) from the same trips", async () => {
    const aborts = await page.getAttribute('body', 'data-aborts');
    await page.fill('#within', '20');
    const c = simulateCorridor(OFFICIAL, ROUTES['corridor-poti'], { paths: 2_000, tripsPerPath: 5, seed: 1 });
    const within = c.transit(2027).probabilityWithin(20);
    expect(await shownP(page, 'p-within')).toEqual({ text: text(within), exact: within.estimate, se: within.standardError });
    expect(await page.textContent('#within-label')).toBe('P(door to door ≤ 20 days) in 2027');
    expect(await page.getAttribute('body', 'data-state')).toBe('done'); // no run started
    expect(await page.getAttribute('body', 'data-aborts')).toBe(aborts);
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain('"within":20');
    expect(problems).toEqual([]);
  });

  it('(the watch sees a violation: an eval from the page is refused and reported)', async () => {
    await page.evaluate(() => new Promise((ok) => setTimeout(() => ok(new Promise(() => { try { new Function('return 1')(); } catch { /* refused */ } ok(0); })), 0)));
    await expect.poll(() => problems.some((p) => p.includes('CSP violation: script-src'))).toBe(true);
  });
});

describe('a changed input, and the link it makes', () => {
  let link: string;

  it("updates P(≥ 10 Mt in 2027) to Node's value for the changed scenario", async () => {
    const { page, problems } = await open(server.url);
    await shownP(page);
    await page.fill('#rate', '20');
    const shown = await shownP(page);
    const node = nodeP(officialAtRate(0.2));
    expect(shown).toEqual({ text: text(node), exact: node.estimate, se: node.standardError });
    link = page.url();
    expect(link).toContain('#');
    await done(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a shared link shows the same numbers, to the bit', async () => {
    const { page, problems } = await open(link);
    expect(await page.inputValue('#rate')).toBe('20');
    const node = nodeP(officialAtRate(0.2));
    expect(await shownP(page)).toEqual({ text: text(node), exact: node.estimate, se: node.standardError });
    await done(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a link written by hand (baseline, capacity 9 Mt, the 2027 expansion a year later): Node's P and tornado for that scenario, to the bit", async () => {
    const st = { preset: 'baseline', route: 'corridor-btk', seed: 'shared', paths: 5_000, rate: 0.3256, capacityMt: 9, delays: [0, 1, 0], volatility: 0.469, servers: 6, within: 15 };
    const { page, problems } = await open(`${server.url}#${encodeURIComponent(JSON.stringify(st))}`);
    const [e0, e1, e2] = PRESETS.baseline.capacity!.expansions!;
    const scenario: ScenarioInput = {
      ...PRESETS.baseline,
      capacity: { baseMt: { dist: 'triangular', min: 8.5, mode: 9, max: 9.5 }, expansions: [e0!, { ...e1!, delayYears: { dist: 'triangular', min: 1, mode: 1.5, max: 3 } }, e2!] },
    };
    const o = { paths: 5_000, seed: 'shared' };
    const node = nodeP(scenario, o);
    expect(node.estimate).toBeGreaterThan(0.05); // a number worth comparing
    expect(await shownP(page)).toEqual({ text: text(node), exact: node.estimate, se: node.standardError });
    await done(page);
    const bars = JSON.parse((await page.getAttribute('#tornado', 'data-bars'))!) as { parameter: string; low: Estimate; high: Estimate }[];
    const t = tornado(scenario, { statistic: { statistic: 'probabilityAtLeast', year: 2027, volumeMt: 10 }, ...o });
    expect(bars.length).toBe(10);
    sameTornado(bars, t.rows, o.paths);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a link with a bad field says which, and shows the preset the page opens with', async () => {
    const bad = encodeURIComponent(JSON.stringify({ preset: 'baseline', route: 'corridor-poti', seed: 1, paths: 20_000, rate: 9, capacityMt: 6, delays: [0, 0, 0], volatility: 0.469, servers: 6, within: 15 }));
    const { page } = await open(`${server.url}#${bad}`);
    expect(await page.textContent('#error')).toBe("the link's rate must be a number in [-0.4, 1.5] (got 9); showing the official-capacity preset instead");
    expect((await shownP(page)).exact).toBe(nodeP(OFFICIAL).estimate);
    await page.close();
  });
});

it('an input changed mid-run aborts the old run, and no number of it appears; Cancel stops a run, which shows nothing more', async () => {
  const { page, problems } = await open(server.url);
  await done(page);
  await page.selectOption('#paths', '100000');
  // Mid-run: the run has started and part of it is done.
  await page.waitForFunction(() => document.body.dataset.state === 'running' && (document.getElementById('progress') as HTMLProgressElement).value > 0);
  const aborts = Number((await page.getAttribute('body', 'data-aborts')) ?? 0);
  // Every value shown once the input has changed is recorded (from the input's own event on: the
  // page's handler runs in the same task, so nothing of the old run can come between).
  await page.evaluate(() => {
    const seen: string[] = [];
    let on = false;
    (window as unknown as { seen: string[] }).seen = seen;
    document.getElementById('volatility')!.addEventListener('input', () => (on = true));
    new MutationObserver(() => {
      const x = document.getElementById('p')!.dataset.exact;
      if (on && x !== undefined) seen.push(x);
    }).observe(document.getElementById('p')!, { attributes: true, attributeFilter: ['data-exact'] });
  });
  await page.fill('#volatility', '0.3');
  await done(page);
  expect(Number(await page.getAttribute('body', 'data-aborts'))).toBeGreaterThan(aborts);
  const node = nodeP({ ...OFFICIAL, volatility: 0.3 }, { paths: 100_000, seed: 1 });
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([String(node.estimate)]);
  // Cancel: the run stops, says so, and leaves no number.
  await page.fill('#volatility', '0.31');
  await page.waitForFunction(() => document.body.dataset.state === 'running');
  await page.click('#cancel');
  expect(await page.getAttribute('body', 'data-state')).toBe('cancelled');
  await page.waitForTimeout(1_500);
  expect(await page.textContent('#status')).toBe('Cancelled: change an input to run again');
  expect(await page.getAttribute('body', 'data-state')).toBe('cancelled');
  // What was shown before the click belongs to the inputs on screen; the run's last stage never comes.
  const p = await page.getAttribute('#p', 'data-exact');
  if (p !== null) expect(Number(p)).toBe(nodeP({ ...OFFICIAL, volatility: 0.31 }, { paths: 100_000, seed: 1 }).estimate);
  expect(await page.getAttribute('#tornado', 'data-bars')).toBeNull();
  expect(problems).toEqual([]);
  await page.close();
});

it('keyboard only: Tab reaches the inputs in order with a visible focus, arrow keys change them, Enter cancels', async () => {
  const { page, problems } = await open(server.url);
  await done(page);
  const order: string[] = [];
  for (let i = 0; i < 30 && order.at(-1) !== 'rate'; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.id ?? ''));
  }
  expect(order).toEqual(['preset', 'route', 'rate']);
  expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
  await page.keyboard.press('ArrowUp'); // 32.56 → 33 (the input's step of 1 from its minimum, −40)
  expect(await page.inputValue('#rate')).toBe('33');
  const node = nodeP(officialAtRate(0.33));
  expect((await shownP(page)).exact).toBe(node.estimate);
  await done(page);
  // Tab on to the paths, an arrow picks the next size (a longer run); Tab on to Cancel, Enter cancels it.
  for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.id)) !== 'paths'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  expect(await page.inputValue('#paths')).toBe('100000');
  await page.waitForFunction(() => document.body.dataset.state === 'running');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('cancel');
  await page.keyboard.press('Enter');
  expect(await page.getAttribute('body', 'data-state')).toBe('cancelled');
  expect(problems).toEqual([]);
  await page.close();
});

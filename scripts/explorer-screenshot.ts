/**
 * docs/img/explorer.png — the explorer on a 1366×768 laptop screen, taken in the system's Chromium
 * (playwright-core; /usr/bin/chromium, or CHROMIUM) once every chart is drawn — and the two
 * figures docs/performance.md reports: the first load's weight (gzipped, without Vega) and the
 * time from the page's load to the first P(≥ 10 Mt in 2027), the median of RUNS fresh loads.
 *
 *   npm run explorer:screenshot
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildExplorer, serveExplorer } from './explorer.js';

const OUT = fileURLToPath(new URL('../docs/img/explorer.png', import.meta.url));
const RUNS = 5;

const { dir, firstLoad } = await buildExplorer();
const sizes = firstLoad.map((f) => [f, gzipSync(readFileSync(join(dir, f)), { level: 9 }).length] as const);
const total = sizes.reduce((s, [, n]) => s + n, 0);
const server = await serveExplorer(dir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url);
    await page.waitForSelector('body[data-first-ms]', { state: 'attached', timeout: 120_000 });
    times.push(Number(await page.evaluate(() => document.body.dataset.firstMs)));
    if (i === RUNS - 1) {
      await page.waitForSelector('body[data-state="done"]', { state: 'attached', timeout: 300_000 });
      await page.waitForSelector('#tornado svg', { timeout: 60_000 });
      await page.screenshot({ path: OUT });
    }
    await page.close();
  }
  times.sort((a, b) => a - b);
  for (const [f, n] of sizes) console.log(`${f.padEnd(24)} ${(n / 1024).toFixed(1)} KB gzipped`);
  console.log(`first load, without Vega: ${(total / 1024).toFixed(1)} KB gzipped (${sizes.length} files)`);
  console.log(`load → first P(≥ 10 Mt in 2027): median ${times[RUNS >> 1]} ms of ${RUNS} loads (${times.join(', ')} ms)`);
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}

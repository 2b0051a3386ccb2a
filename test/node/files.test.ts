/**
 * Scenario and route files: `loadScenario` / `loadRoute` read JSON and YAML to the documents the
 * parsers give, place each problem at its file, line and column (the text at that place is the
 * bad value), refuse what is not one document (duplicate keys, alias bombs, two documents), and
 * take a preset's or route's name wherever a file goes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRoute, parseScenario, PRESETS, ROUTES, ScenarioError } from '../../src/index.js';
import { loadRoute, loadScenario } from '../../src/node/index.js';
import { route, scenario } from '../../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'mc-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (ext: string, text: string) => {
  const p = join(dir, `f${n++}.${ext}`);
  writeFileSync(p, text);
  return p;
};

const BAD_YAML = `name: bad
start:
  year: 2025
  volumeMt: 4.1
horizon: 2030
growth:
  model: exponential
  rate: -1.5
`;

/** The text at line:col (1-based) of a file's text. */
const at = (text: string, line: number, col: number) => text.split('\n')[line - 1]!.slice(col - 1);

describe('loadScenario and loadRoute', () => {
  it('a preset\'s or route\'s name is the document that ships', async () => {
    for (const name of Object.keys(PRESETS) as (keyof typeof PRESETS)[]) expect(await loadScenario(name)).toEqual(parseScenario(PRESETS[name]));
    for (const name of Object.keys(ROUTES) as (keyof typeof ROUTES)[]) expect(await loadRoute(name)).toEqual(parseRoute(ROUTES[name]));
    await expect(loadScenario('nope')).rejects.toThrow(/no scenario named "nope" \(the names are announced, baseline, stall, official-capacity, red-sea-diversion/);
    await expect(loadRoute('baseline')).rejects.toThrow(/no route named "baseline"/);
  });

  it('a path with a / or an extension is a file, even when a preset has its name', async () => {
    await expect(loadScenario('./baseline')).rejects.toThrow(/loadScenario: cannot read \.\/baseline \(ENOENT/);
  });

  it('places a bad value at its file:line:col, and the text there is the value', async () => {
    const p = file('yaml', BAD_YAML);
    const e = await loadScenario(p).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ScenarioError);
    expect((e as ScenarioError).message).toBe(`invalid scenario in ${p} (1 problem):\n  ${p}:8:9 growth.rate: must be > -1 (got -1.5)`);
    expect(at(BAD_YAML, 8, 9)).toBe('-1.5');
    expect((e as ScenarioError).issues).toEqual([{ path: ['growth', 'rate'], message: 'must be > -1 (got -1.5)' }]);
  });

  it('places problems in JSON too, inside arrays', async () => {
    const doc = { ...PRESETS.baseline, disruptions: [{ name: 'a', probability: 0.1 }, { name: 'b', probability: 7 }] };
    const text = JSON.stringify(doc, null, 2);
    const p = file('json', text);
    const e = (await loadScenario(p).catch((x: unknown) => x)) as ScenarioError;
    const m = new RegExp(`${p}:(\\d+):(\\d+) disruptions\\[1\\]\\.probability: `).exec(e.message);
    expect(m, e.message).not.toBeNull();
    expect(at(text, Number(m![1]), Number(m![2]))).toMatch(/^7\b/);
  });

  it('refuses duplicate keys, alias bombs and two documents, naming the file and the place', async () => {
    await expect(loadScenario(file('yaml', 'horizon: 2030\nhorizon: 2031\n'))).rejects.toThrow(/f\d+\.yaml:2:1 not valid YAML: Map keys must be unique/);
    await expect(loadScenario(file('json', '{"horizon": 2030,\n "horizon": 2031}'))).rejects.toThrow(/f\d+\.json:2:2 not valid JSON: Map keys must be unique/);
    const bomb = 'a: &a [1, 2]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n';
    await expect(loadScenario(file('yaml', bomb))).rejects.toThrow(/Excessive alias count .*aliases may expand at most 100 times/);
    await expect(loadScenario(file('yaml', 'horizon: 1\n---\nhorizon: 2\n'))).rejects.toThrow(/f\d+\.yaml:\d+:\d+ not valid YAML: Source contains multiple documents/);
  });

  it('refuses a missing file and a folder, naming them', async () => {
    await expect(loadRoute(join(dir, 'none.yaml'))).rejects.toThrow(/loadRoute: cannot read .*none\.yaml \(ENOENT/);
    await expect(loadRoute(`${dir}/`)).rejects.toThrow(/loadRoute: cannot read .* \(not a file\)/);
    await expect(loadScenario(42 as unknown as string)).rejects.toThrow(TypeError);
  });

  it('property: a scenario or route written as YAML or JSON loads to what parsing the document gives', async () => {
    await fc.assert(
      fc.asyncProperty(scenario(), fc.boolean(), async (doc, yaml) => {
        expect(await loadScenario(file(yaml ? 'yaml' : 'json', yaml ? stringify(doc) : JSON.stringify(doc)))).toEqual(parseScenario(doc));
      }),
      { numRuns: 60, seed: 24 },
    );
    await fc.assert(
      fc.asyncProperty(route(), async (doc) => {
        expect(await loadRoute(file('yaml', stringify(doc)))).toEqual(parseRoute(doc));
      }),
      { numRuns: 40, seed: 24 },
    );
  });

  it('property: a bad horizon is placed on the horizon line, at its value, whatever the rest of the document', async () => {
    await fc.assert(
      fc.asyncProperty(scenario(), fc.constantFrom(-5.5, 'soon', true), async (doc, bad) => {
        const text = stringify({ ...doc, horizon: bad });
        const p = file('yaml', text);
        const e = (await loadScenario(p).catch((x: unknown) => x)) as ScenarioError;
        const m = new RegExp(`${p}:(\\d+):(\\d+) horizon: `).exec(e.message);
        expect(m, e.message).not.toBeNull();
        expect(at(text, Number(m![1]), Number(m![2])).startsWith(String(bad))).toBe(true);
        expect(text.split('\n')[Number(m![1]) - 1]).toMatch(/^horizon: /);
      }),
      { numRuns: 40, seed: 24 },
    );
  });
});

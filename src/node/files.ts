/**
 * Scenario and route files (Node only): JSON or YAML read from disk, parsed by the library's
 * schemas, an invalid file's problems located in it (`scenario.yaml:14:9 growth.rate: must be > -1
 * (got -1.5)`). The `yaml` package is loaded here, on call, and nowhere else: JSON is YAML, so one
 * parser gives the line and column of every node for both.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseRoute, parseScenario, PRESETS, ROUTES, ScenarioError, type Route, type Scenario, type ScenarioIssue } from '../index.js';

/** The largest file read (a scenario is a few KB; a larger file is refused before it is parsed). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** How many alias expansions a YAML file may make (an anchor bomb expands billions). */
const MAX_ALIASES = 100;

/** A node of the `yaml` package, as far as locating a path needs it. */
interface YamlNode {
  range?: [number, number, number] | null;
  items?: ({ key?: unknown; value?: unknown } | unknown)[];
}

/** Where a position in a text is, 1-based. */
interface LinePos {
  line: number;
  col: number;
}

/**
 * Reads a scenario: a preset's name (`official-capacity`: see {@link index!PRESETS}) or the path of
 * a JSON or YAML file, parsed by {@link index!parseScenario}. A name with no `/` and no `.` is a
 * preset's (write `./baseline` for a file of that name). An invalid file is a ScenarioError whose
 * message places each problem in the file (`file:line:col path: message`); a file that cannot be
 * read, is over {@link MAX_FILE_BYTES}, is not YAML or JSON (a duplicate key, two documents, an
 * alias expanded more than 100 times) is an Error naming the file, and the place when there is one.
 * @example
 * const s = await loadScenario('scenario.yaml'); // or a preset: loadScenario('official-capacity')
 * // a bad file: ScenarioError "invalid scenario in scenario.yaml (1 problem):\n  scenario.yaml:14:9 growth.rate: must be > -1 (got -1.5)"
 * // (async and Node-only: test/node/files.test.ts runs these)
 */
export async function loadScenario(path: string): Promise<Scenario> {
  return load('loadScenario', 'scenario', path, PRESETS, parseScenario);
}

/**
 * Reads a route: a route's name (`northern-rail`: see {@link index!ROUTES}) or the path of a JSON
 * or YAML file, parsed by {@link index!parseRoute}; errors as {@link loadScenario}'s.
 * @example
 * const r = await loadRoute('northern-rail'); // r.name is 'northern-rail'; a file: loadRoute('route.json')
 */
export async function loadRoute(path: string): Promise<Route> {
  return load('loadRoute', 'route', path, ROUTES, parseRoute);
}

async function load<T>(fn: string, what: string, path: unknown, named: Readonly<Record<string, unknown>>, parse: (x: unknown) => T): Promise<T> {
  if (typeof path !== 'string' || path === '') throw new TypeError(`${fn}: path must be a non-empty string, a file or a ${what} name (got ${typeof path === 'string' ? '""' : String(path)})`);
  const names = Object.keys(named);
  if (!/[./\\]/.test(path)) {
    if (Object.hasOwn(named, path)) return parse(named[path]);
    throw new RangeError(`${fn}: no ${what} named "${path}" (the names are ${names.join(', ')}; a file's path has an extension or a /)`);
  }
  const text = await readText(fn, path);
  const data = await yamlData(path, text);
  try {
    return parse(data.value);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    throw located(e, what, path, data.place);
  }
}

async function readText(fn: string, path: string): Promise<string> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error('not a file');
    if (s.size > MAX_FILE_BYTES) throw new Error(`${s.size} bytes, over the ${MAX_FILE_BYTES} a scenario file may have`);
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`${fn}: cannot read ${path} (${(e as Error).message})`);
  }
}

/** The file's data and a function placing a document path in the text (the deepest node the path reaches). */
async function yamlData(file: string, text: string): Promise<{ value: unknown; place(path: readonly PropertyKey[]): LinePos | null }> {
  const { parseDocument, LineCounter, isMap, isSeq, isScalar } = await import('yaml');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) {
    const at = lines.linePos(problem.pos[0]);
    throw new Error(`${file}:${at.line}:${at.col} not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${firstLine(problem.message)}`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    throw new Error(`${file}: ${firstLine((e as Error).message)} (aliases may expand at most ${MAX_ALIASES} times)`);
  }
  const keyOf = (k: unknown) => (isScalar(k) ? k.value : k);
  const place = (path: readonly PropertyKey[]): LinePos | null => {
    let node = doc.contents as YamlNode | null;
    let at = node?.range?.[0];
    for (const k of path) {
      if (!node) break;
      let next: unknown;
      if (isMap(node)) next = node.items.find((p) => String(keyOf(p.key)) === String(k))?.value;
      else if (isSeq(node) && typeof k === 'number') next = node.items[k];
      if (!next || typeof next !== 'object') break;
      node = next as YamlNode;
      at = node.range?.[0] ?? at;
    }
    return at === undefined ? null : lines.linePos(at);
  };
  return { value, place };
}

const firstLine = (s: string) => s.split('\n')[0]!;

/** The error with each problem placed in the file: `file:line:col path: message`. */
function located(e: ScenarioError, what: string, file: string, place: (path: readonly PropertyKey[]) => LinePos | null): ScenarioError {
  const where = (i: ScenarioIssue) => {
    const at = place(i.path);
    return at ? `${file}:${at.line}:${at.col}` : file;
  };
  const out = new ScenarioError(`${what} in ${file}`, e.issues, e.issueCount);
  const lines = out.message.split('\n');
  // Line k + 1 lists issue k (the first 20), then "… and N more problems".
  out.message = lines.map((l, j) => (j === 0 || j > e.issues.length || l.startsWith('  … and') ? l : `  ${where(e.issues[j - 1]!)} ${l.trimStart()}`)).join('\n');
  return out;
}

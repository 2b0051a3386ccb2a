/**
 * examples/notebook.ipynb, executed: the Deno kernel (deno, a devDependency) under
 * `jupyter nbconvert --execute --to notebook`, with a kernelspec written into a temporary
 * JUPYTER_PATH, so nothing of the user's Jupyter set-up is read or changed. The test fails if a
 * cell errors, if a chart or a table is missing, or if the committed outputs are not what the
 * notebook produces (GitHub shows the committed ones).
 *
 * jupyter comes from the system (`.ci/run` installs Debian's jupyter-nbconvert when it is
 * missing). Without it the test fails in CI (process.env.CI set) and is skipped, with the reason
 * printed, elsewhere.
 *
 * To refresh the committed outputs after a change to the notebook or to the numbers:
 *   UPDATE_NOTEBOOK=1 npx vitest run test/notebook
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const NOTEBOOK = join(root, 'examples', 'notebook.ipynb');
const VEGA_LITE = 'application/vnd.vegalite.v5+json';

/** The charts the notebook shows, by a word of their title, in order. */
const CHARTS = [/^Corridor volume/, /^official-capacity: first year/, /^Door-to-door days/, /^What moves P50 volume in 2027/, /PIT/];
/** Its HTML tables, by a word of their caption, in order. */
const TABLES = [/article's figures against the ministry's record/, /Growth per year/, /P\(≥ 10 Mt in 2027\) by preset/, /by route/, /Tornado/, /Forecast skill/];

type Output =
  | { output_type: 'stream'; name: 'stdout' | 'stderr'; text: string | string[] }
  | { output_type: 'display_data' | 'execute_result'; data: Record<string, unknown> }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] };
interface Cell {
  cell_type: 'code' | 'markdown' | 'raw';
  source: string | string[];
  execution_count?: number | null;
  outputs?: Output[];
}
interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name: string; language: string } };
}

const text = (x: unknown) => (Array.isArray(x) ? x.join('') : String(x ?? ''));
const outputs = (nb: Notebook) => nb.cells.flatMap((c) => c.outputs ?? []);
const rich = (nb: Notebook) => outputs(nb).flatMap((o) => ('data' in o ? [o.data] : []));
const charts = (nb: Notebook) => rich(nb).flatMap((d) => (d[VEGA_LITE] ? [d[VEGA_LITE] as { $schema: string; title: { text: string } }] : []));
const tables = (nb: Notebook) => rich(nb).flatMap((d) => (text(d['text/html']).includes('<table') ? [text(d['text/html'])] : []));
/** Lines of text a reader sees: printed ones and text-only displays. */
const lines = (nb: Notebook) => outputs(nb).flatMap((o) => (o.output_type === 'stream' && o.name === 'stdout' ? [text(o.text)] : 'data' in o && Object.keys(o.data).join() === 'text/plain' ? [text(o.data['text/plain'])] : []));
/** What a reader sees besides the drawings: tables, chart specs and printed lines, cell by cell. */
const visible = (nb: Notebook) =>
  nb.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => (c.outputs ?? []).map((o) => ('data' in o ? { text: text(o.data['text/plain']), html: text(o.data['text/html']), chart: o.data[VEGA_LITE] ?? null } : o.output_type === 'stream' ? { [o.name]: text(o.text) } : { error: o.ename })));

/** Why `jupyter nbconvert` cannot run here, or null when it can. */
function jupyterMissing(): string | null {
  const r = spawnSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) return `\`jupyter nbconvert --version\` could not start (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}): jupyter is not on PATH`;
  if (r.status !== 0) return `\`jupyter nbconvert --version\` exited ${r.status}: ${r.stderr.trim().split('\n').slice(-2).join(' ')}`;
  return null;
}

/** The deno binary of the devDependency (its optional @deno/<platform> package, linked by deno's installer). */
function denoBinary(): string {
  const require = createRequire(join(root, 'package.json'));
  try {
    return (require('deno/install_api.cjs') as { runInstall(): string }).runInstall();
  } catch (e) {
    throw new Error(`the deno devDependency has no binary for this platform (npm ci installs it with its optional @deno/* package): ${(e as Error).message}`);
  }
}

const missing = jupyterMissing();
const ci = Boolean(process.env.CI);
if (missing && !ci) console.warn(`test/notebook: skipping the executed-notebook test: ${missing}. Install it (e.g. apt-get install jupyter-nbconvert, as .ci/run does) to run it; in CI it fails instead.`);

describe('examples/notebook.ipynb', () => {
  it('is committed for the Deno kernel, with its outputs: every chart and table', () => {
    const nb = JSON.parse(readFileSync(NOTEBOOK, 'utf8')) as Notebook;
    expect(nb.metadata.kernelspec).toMatchObject({ name: 'deno', language: 'typescript' });
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    expect(code.every((c) => typeof c.execution_count === 'number'), 'every code cell executed').toBe(true);
    expect(outputs(nb).filter((o) => o.output_type === 'error')).toEqual([]);
    expect(charts(nb).map((c) => c.title.text)).toEqual(CHARTS.map((t) => expect.stringMatching(t)));
    // GitHub's viewer does not run Vega-Lite: each chart output carries an SVG drawing too.
    expect(rich(nb).filter((d) => d[VEGA_LITE] && !text(d['image/svg+xml']).includes('<svg'))).toEqual([]);
    expect(tables(nb)).toEqual(TABLES.map((t) => expect.stringMatching(t)));
  });

  it.skipIf(missing !== null && !ci)(
    missing !== null && !ci ? `executes in the Deno kernel (skipped: ${missing})` : 'executes in the Deno kernel under jupyter nbconvert --execute, every cell, with every chart and table',
    () => {
      if (missing) throw new Error(`jupyter nbconvert is required in CI to execute examples/notebook.ipynb: ${missing}. .ci/run installs Debian's jupyter-nbconvert with apt-get when it is missing; see its log for why it could not.`);
      const tmp = mkdtempSync(join(tmpdir(), 'mc-notebook-'));
      try {
        // The kernelspec `deno jupyter --install` would write, pointing at this checkout's deno.
        mkdirSync(join(tmp, 'kernels', 'deno'), { recursive: true });
        writeFileSync(join(tmp, 'kernels', 'deno', 'kernel.json'), JSON.stringify({ argv: [denoBinary(), 'jupyter', '--kernel', '--conn', '{connection_file}'], display_name: 'Deno', language: 'typescript' }));
        const env = {
          ...process.env,
          JUPYTER_PATH: tmp, // searched first: this kernelspec wins over any installed one
          JUPYTER_DATA_DIR: join(tmp, 'data'),
          JUPYTER_CONFIG_DIR: join(tmp, 'config'),
          JUPYTER_RUNTIME_DIR: join(tmp, 'runtime'),
          DENO_NO_UPDATE_CHECK: '1',
          NO_COLOR: '1',
        };
        const t0 = performance.now();
        const r = spawnSync('jupyter', ['nbconvert', '--execute', '--to', 'notebook', '--ExecutePreprocessor.timeout=600', '--ExecutePreprocessor.startup_timeout=120', '--output-dir', tmp, '--output', 'executed', NOTEBOOK], {
          cwd: root,
          env,
          encoding: 'utf8',
          timeout: 280_000,
        });
        const seconds = (performance.now() - t0) / 1000;
        if (r.error || r.status !== 0) {
          throw new Error(`jupyter nbconvert --execute failed (${r.error?.message ?? `exit ${r.status}`}) after ${seconds.toFixed(1)} s:\n${r.stderr.split('\n').slice(-40).join('\n')}`);
        }
        console.log(`test/notebook: examples/notebook.ipynb executed in ${seconds.toFixed(1)} s (kernel start included)`);
        const file = join(tmp, 'executed.ipynb');
        const nb = JSON.parse(readFileSync(file, 'utf8')) as Notebook;

        const code = nb.cells.filter((c) => c.cell_type === 'code');
        expect(code.every((c) => typeof c.execution_count === 'number'), 'every code cell executed').toBe(true);
        const errors = outputs(nb).flatMap((o) => (o.output_type === 'error' ? [`${o.ename}: ${o.evalue}`] : []));
        expect(errors, 'no cell errors').toEqual([]);
        const stderr = outputs(nb).flatMap((o) => (o.output_type === 'stream' && o.name === 'stderr' ? [text(o.text)] : []));
        expect(stderr, 'nothing on stderr').toEqual([]);

        const specs = charts(nb);
        expect(specs.length, `${VEGA_LITE} outputs`).toBeGreaterThanOrEqual(CHARTS.length);
        expect(specs.map((c) => c.title.text)).toEqual(CHARTS.map((t) => expect.stringMatching(t)));
        expect(specs.every((c) => c.$schema === 'https://vega.github.io/schema/vega-lite/v5.json')).toBe(true);
        expect(tables(nb).length, 'HTML tables').toBeGreaterThanOrEqual(TABLES.length);
        expect(tables(nb)).toEqual(TABLES.map((t) => expect.stringMatching(t)));
        expect(lines(nb).join('\n')).toMatch(/^held: volume never exceeds capacity or demand, on 30 generated scenarios/m);

        if (process.env.UPDATE_NOTEBOOK) {
          copyFileSync(file, NOTEBOOK);
          console.log('test/notebook: wrote the executed notebook to examples/notebook.ipynb');
        }
        // The committed outputs are the ones the notebook produces (its runs are seeded).
        const committed = JSON.parse(readFileSync(NOTEBOOK, 'utf8')) as Notebook;
        expect(visible(committed), 'the committed outputs are stale: refresh them with UPDATE_NOTEBOOK=1 npx vitest run test/notebook').toEqual(visible(nb));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
    300_000,
  );
});

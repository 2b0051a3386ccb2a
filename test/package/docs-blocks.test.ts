/**
 * Docs that cannot drift (issue 22 §3): every ```js / ```ts / ```javascript / ```typescript block
 * of README.md and docs/*.md is one of three things, said by its info string
 * (test/package/doc-blocks.ts):
 * - a program (no mark): transpiled by the TypeScript compiler (types stripped, imports turned
 *   into `require`), run here against the library's sources (`middle-corridor`, `/node`, `/render`
 *   and `/testing` resolve to src/ as in every test), and type-checked as a user's strict project
 *   would (a field that does not exist is a type error, not only a TypeError at run time). Where
 *   the doc shows the program's output right after it ("It prints"), the run prints exactly that
 *   (the README quick start; examples.test.ts runs the same block as a plain .mjs file under Node);
 * - `contract`: declarations of the public shapes (docs/design.md): every field, option and result
 *   field they name must exist on the library's type of the same name, and the input shapes
 *   (`interface`, `type`) list every real field (test/package/doc-contract.ts says how);
 * - `no-run`: a fragment, counted and skipped.
 * An unmarked block that does not run, or an unknown mark, fails. The first test says how many
 * blocks ran. The prose's field names are checked too: every list of fields a doc names together
 * (`leg`, `mode`, `mean`, `sdDays`, or `{ estimate, standardError }`, in prose or in a contract's
 * comments) must be the fields of one of the library's types, and a name given on its own must be
 * one the library has (test/package/doc-prose.ts says how). Each check is also run on a drifted
 * copy (SABOTAGE, test/fixtures/docs-prose-drift.md), which it must catch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as main from 'middle-corridor';
import * as node from 'middle-corridor/node';
import * as render from 'middle-corridor/render';
import * as testing from 'middle-corridor/testing';
import { BINARY, FUNCTIONS } from '../../src/growth/formula-functions.js';
import * as math from '../../src/math/index.js';
import { blocksOf, docBlocks, docFiles, root, type DocBlock } from './doc-blocks.js';
import { checkBlocks } from './doc-contract.js';
import { checkNames, checkProse, commentLists, vocabulary } from './doc-prose.js';

const MODULES: Record<string, object> = { 'middle-corridor': main, 'middle-corridor/node': node, 'middle-corridor/render': render, 'middle-corridor/testing': testing };
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<void>;

/** Runs a program block: what it printed on console.log/info (stdout) and console.warn/error (stderr). */
async function run(b: DocBlock): Promise<{ stdout: string; stderr: string }> {
  const source = ts.createSourceFile('block.ts', b.code, ts.ScriptTarget.ES2022, true);
  for (const st of source.statements) {
    if (!ts.isImportDeclaration(st)) continue;
    const from = (st.moduleSpecifier as ts.StringLiteral).text;
    const m = MODULES[from];
    if (!m) throw new Error(`${b.where}: imports '${from}' (the docs may import ${Object.keys(MODULES).join(', ')})`);
    const named = st.importClause?.namedBindings;
    if (named && ts.isNamedImports(named)) for (const e of named.elements) if (!((e.propertyName ?? e.name).text in m)) throw new Error(`${b.where}: '${from}' exports no ${(e.propertyName ?? e.name).text}`);
  }
  const js = ts.transpileModule(b.code, { fileName: b.lang.startsWith('t') ? 'block.ts' : 'block.js', compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: false } }).outputText;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const write = (to: string[]) => (...a: unknown[]) => void to.push(`${format(...a)}\n`);
  const console = { log: write(stdout), info: write(stdout), warn: write(stderr), error: write(stderr) };
  const exports = {};
  await new AsyncFunction('require', 'exports', 'module', 'console', js)((id: string) => MODULES[id], exports, { exports }, console);
  return { stdout: stdout.join(''), stderr: stderr.join('') };
}

const blocks = docBlocks();
const programs = blocks.filter((b) => b.marks.length === 0);
const contracts = blocks.filter((b) => b.marks.includes('contract'));
const skipped = blocks.filter((b) => b.marks.includes('no-run'));

// Blocks that must fail, so that the checks are seen to catch what they are for.
const SABOTAGE: DocBlock[] = [
  { where: 'sabotage:sd', file: '', lang: 'ts', marks: ['contract'], code: 'class TransitSample { legs(): { leg: string; sd: number }[] }\n' },
  { where: 'sabotage:option', file: '', lang: 'ts', marks: ['contract'], code: 'function simulateVolumes(s: ScenarioInput, o: { paths: number; seed: number; volumeMT: number }): VolumeResult;\n' },
  { where: 'sabotage:incomplete', file: '', lang: 'ts', marks: ['contract'], code: "type Dist = { dist: 'uniform'; min: number } | { dist: 'normal'; mean: number; sd: number; min?: number; max?: number };\n" },
  { where: 'sabotage:unknown-type', file: '', lang: 'ts', marks: ['contract'], code: 'function simulateTransit(r: RouteInput): TransitResultz;\n' },
  { where: 'sabotage:values', file: '', lang: 'ts', marks: ['contract'], code: "const PRESETS: Record<'announced' | 'basline', ScenarioInput>;\ninterface LegInput { name: string; mode: 'rail' | 'plane'; days: Param; … }\n" },
  { where: 'sabotage:program', file: '', lang: 'js', marks: [], code: "import { ROUTES, simulateTransit } from 'middle-corridor';\nfor (const l of simulateTransit(ROUTES['corridor-poti'], { trips: 10, seed: 1 }).legs()) l.sd.toFixed(1);\n" },
];

const checked = checkBlocks([...blocks, ...SABOTAGE]);
const known = vocabulary(checked.program.getTypeChecker(), checked.program);

/**
 * Names the docs use that are not fields of the library's types, each read from where it lives:
 * the formula language's functions and operators, the portable maths, the source folders and
 * files, the compiler options (docs/numerics.md), and a few words of mathjs and JavaScript.
 */
const NOT_FIELDS = new Set([
  ...Object.keys(FUNCTIONS),
  ...Object.keys(BINARY),
  ...Object.keys(math),
  ...readdirSync(join(root, 'src')).map((f) => f.replace(/\.ts$/, '')),
  ...readdirSync(join(root, 'src', 'math')).map((f) => f.replace(/\.ts$/, '')),
  ...Object.keys((JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions: object }).compilerOptions),
  // mathjs's operators `to` and `in` (refused in formulas), its `lusolve` and `inv` (the tests' reference).
  'to', 'in', 'lusolve', 'inv',
  // JavaScript's constants, named as values a formula or an accessor refuses.
  'true', 'false', 'null', 'undefined',
  // design.md's placeholder for any of the testing kit's laws: `law(arbitrary, { simulate })`;
  // `t`, a formula's variable; `volumeMT`, the misspelt option the docs show being refused.
  'law', 't', 'volumeMT',
  // Names given as strings at run time: the factor `shocks`, the forecast model `drift`.
  'shocks', 'drift',
  // seedrandom's generator, and the environment variables of the property tests (docs/numerics.md).
  'xor4096', 'CI', 'FC_SEED',
  // The batch engines' environment variables a shard reads its index from (docs/scale.md).
  'JOB_COMPLETION_INDEX', 'SLURM_ARRAY_TASK_ID',
]);

describe('the js/ts blocks of README.md and docs/*.md', () => {
  it(`are ${blocks.length}: ${programs.length} run as programs, ${contracts.length} checked as contracts, ${skipped.length} marked no-run`, () => {
    expect(programs.length).toBeGreaterThan(0);
    expect(contracts.map((b) => b.file)).toContain('docs/design.md');
    expect(programs.length + contracts.length + skipped.length).toBe(blocks.length);
    // The README quick start shows its output: that output is compared.
    expect(programs.filter((b) => b.printed !== undefined).map((b) => b.file)).toContain('README.md');
  });

  for (const b of programs) {
    it(`${b.where} runs${b.printed !== undefined ? ' and prints what the doc shows after it' : ''}`, async () => {
      const r = await run(b);
      expect(r.stderr).toBe('');
      if (b.printed !== undefined) expect(r.stdout).toBe(b.printed);
    });
    it(`${b.where} type-checks against the library's types`, () => {
      expect(checked.problems.get(b.where)).toEqual([]);
    });
  }

  for (const b of contracts) {
    it(`${b.where}: every field, option and result field the contract names is on the library's types`, () => {
      expect(checked.problems.get(b.where)).toEqual([]);
      expect(checked.compared.get(b.where)!.length).toBeGreaterThan(0);
    });
    it(`${b.where}: the shapes its comments give (rows { year, outturn, … }) are the library's`, () => {
      expect(checkProse(b.where, known, NOT_FIELDS, commentLists(b.code))).toEqual([]);
    });
  }
});

describe('the field names in the prose of README.md and docs/*.md', () => {
  for (const file of docFiles()) {
    it(`${file}: every list of fields it names together is one of the library's types`, () => {
      expect(checkProse(file, known, NOT_FIELDS)).toEqual([]);
    });
    it(`${file}: every name it gives on its own is one the library has`, () => {
      expect(checkNames(file, known, NOT_FIELDS)).toEqual([]);
    });
  }
});

describe('the checks catch drift', () => {
  it('a name on its own that the library does not have', () => {
    expect(checkNames('test/fixtures/docs-prose-drift.md', known, NOT_FIELDS)).toEqual(['test/fixtures/docs-prose-drift.md:11: `sdDay` is no name of the library']);
  });
  it('a list of result fields with one that does not exist, in prose and in braces', () => {
    const p = checkProse('test/fixtures/docs-prose-drift.md', known, NOT_FIELDS);
    expect(p).toEqual([
      'test/fixtures/docs-prose-drift.md:3: no type of the library has all of leg, mode, mean, sd, varianceShare',
      'test/fixtures/docs-prose-drift.md:5: no type of the library has all of { estimate, standardErr }',
      "test/fixtures/docs-prose-drift.md:7: no type of the library has the values 'wilson', 'student'",
    ]);
  });
  it('a result field that does not exist (legs() gives sd; the field is sdDays)', () => {
    expect(checked.problems.get('sabotage:sd')!.join('\n')).toMatch(/TransitSample\.legs\(\)\[\]\.sd: not on the library's type \(its fields: .*sdDays/);
  });
  it('an option that does not exist', () => {
    expect(checked.problems.get('sabotage:option')!.join('\n')).toMatch(/simulateVolumes\(o\)\.volumeMT: not on the library's type/);
  });
  it('an input shape that leaves out real fields (and a variant left out)', () => {
    const p = checked.problems.get('sabotage:incomplete')!.join('\n');
    expect(p).toMatch(/Dist: the library's type also has max/);
    expect(p).toMatch(/Dist: the library's variants TriangularDist, PertDist, LognormalDist, EmpiricalDist are not in the doc/);
  });
  it('a key or a string value the library does not have', () => {
    expect(checked.problems.get('sabotage:values')).toEqual([
      "PRESETS.basline: not on the library's type (its fields: announced, baseline, stall, official-capacity, red-sea-diversion)",
      "LegInput.mode: 'plane' is not a value the library's type allows ('rail', 'road', 'ferry', 'sea', 'port', 'border')",
    ]);
  });
  it("a shape in a contract's comment with a field that does not exist", () => {
    const lists = commentLists("function backtest(): BacktestResult; // rows { year, outturn, p50,\n// probabilityAtMost, coverage }\n");
    expect(checkProse('sabotage:comment', known, NOT_FIELDS, lists)).toEqual(['sabotage:comment: no type of the library has all of { year, outturn, p50, probabilityAtMost, coverage }']);
  });
  it('a type the library does not export', () => {
    expect(checked.problems.get('sabotage:unknown-type')!.join('\n')).toMatch(/TransitResultz/);
  });
  it('a program that reads a field that does not exist fails to type-check and to run', async () => {
    expect(checked.problems.get('sabotage:program')!.join('\n')).toMatch(/Property 'sd' does not exist/);
    await expect(run(SABOTAGE.at(-1)!)).rejects.toThrow(TypeError);
  });
  it('an unknown mark is refused, not taken as "do not run"', () => {
    expect(() => blocksOf('test/fixtures/docs-blocks-bad-mark.md')).toThrow(/unknown mark norun after ```ts \(allowed: contract, no-run\)/);
  });
});

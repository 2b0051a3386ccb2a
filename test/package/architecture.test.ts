/**
 * The shape of the house: no import cycles between source files (type-only imports included, though
 * the compiler erases them), no renamed imports, and the layering of docs/design.md — the leaves (`args`, `math`,
 * `stats`, `data`) import nothing above them; and one concept per file, in a size budget.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const files = sources(src);
/** Each file's value imports (not `import type`), as files. */
const graph = new Map(
  files.map((f) => {
    const text = readFileSync(f, 'utf8');
    const deps = [...text.matchAll(/^(import|export)(?!\s+type\b)[^'";]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) => resolve(dirname(f), m[2]!.replace(/\.js$/, '.ts')));
    return [f, deps.filter((d) => files.includes(d))] as const;
  }),
);

/** Each file's imports, type-only ones included, as files. */
const typeGraph = new Map(
  files.map((f) => {
    const text = readFileSync(f, 'utf8');
    const deps = [...text.matchAll(/^(import|export)[^'";]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) => resolve(dirname(f), m[2]!.replace(/\.js$/, '.ts')));
    return [f, deps.filter((d) => files.includes(d))] as const;
  }),
);

/** Strongly connected components with more than one file (Tarjan). */
function cycles(graph: Map<string, readonly string[]>): string[][] {
  let n = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, n);
    low.set(v, n++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(relative(src, w));
      } while (w !== v);
      if (c.length > 1) out.push(c);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

const folder = (f: string) => relative(src, f).split('/')[0]!.replace(/\.ts$/, '');

describe('architecture', () => {
  it('has no import cycles between source files, type-only imports included', () => {
    expect(cycles(graph)).toEqual([]);
    expect(cycles(typeGraph)).toEqual([]);
  });

  it('renames no import at the door (a name means one thing everywhere)', () => {
    const renamed = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^import\s+(?:type\s+)?\{([^}]*)\}/gm)].flatMap((m) => m[1]!.split(',').map((x) => x.trim()).filter((x) => /\s+as\s+/.test(x)).map((x) => `${relative(src, f)}: ${x}`)),
    );
    expect(renamed).toEqual([]);
  });

  it('keeps the leaves leaves: args, math, stats and data import nothing above them', () => {
    const leaves = new Map([
      ['args', ['args']],
      ['math', ['math']],
      ['stats', ['stats', 'args', 'math']],
      ['data', ['data', 'args']],
    ]);
    const wrong = files.flatMap((f) => {
      const allowed = leaves.get(folder(f));
      return allowed ? graph.get(f)!.filter((d) => !allowed.includes(folder(d))).map((d) => `${relative(src, f)} → ${relative(src, d)}`) : [];
    });
    expect(wrong).toEqual([]);
  });

  it('keeps one concept per file: no source file over 300 lines but the allow-list, each entry a single concept that needs the length', () => {
    const BUDGET = 300;
    /** file → why its one concept needs more than the budget. */
    const allowed = new Map<string, string>([
      // (none: every source file is within the budget)
    ]);
    const over = files
      .map((f) => ({ file: relative(src, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter(({ file, lines }) => lines > BUDGET && !allowed.has(file))
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(over).toEqual([]);
    for (const file of allowed.keys()) expect(files.map((f) => relative(src, f)), `allow-list entry ${file} names no file`).toContain(file);
  });

  it('the engines and their results (engine/, volume/, transit/) import nothing from analysis, forecast, node, render or web, types included', () => {
    const above = new Set(['analysis', 'forecast', 'node', 'render', 'web']);
    const wrong = files
      .filter((f) => ['engine', 'volume', 'transit'].includes(folder(f)))
      .flatMap((f) => typeGraph.get(f)!.filter((d) => above.has(folder(d))).map((d) => `${relative(src, f)} → ${relative(src, d)}`));
    expect(wrong).toEqual([]);
  });

  it("the engines' run side (what a worker loads) never climbs back into the scenario layer: no schema, parser or growth model, only the plan's plain data", () => {
    // From the run side's entries, every module reached through value imports.
    const reached = new Set<string>();
    const visit = (f: string) => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const d of graph.get(f)!) visit(d);
    };
    for (const entry of ['volume/engine-run.ts', 'transit/engine-run.ts']) visit(join(src, entry));
    // scenario/types.ts and route-limits.ts hold declarations and fixed limits (MAX_VOLUME_MT, ROUTE_LIMITS): no code that resolves a scenario.
    const limits = ['scenario/types.ts', 'scenario/route-limits.ts'];
    const climbs = [...reached].map((f) => relative(src, f)).filter((f) => (f.startsWith('scenario/') && !limits.includes(f)) || f === 'growth/model.ts' || f === 'volume/resolve.ts');
    expect(climbs).toEqual([]);
    expect(reached.has(join(src, 'volume/kernel.ts'))).toBe(true);
  });

  it('node/ and web/ (the pools) import only the engine modules, the public API, args and their own files', () => {
    const engine = /^((volume|transit)\/(engine|[a-z-]*plan|[a-z-]*engine[a-z-]*|summary-run|corridor-engine)|engine\/(engine|schedule|progress|pool-run|wire|wire-out|worker-jobs))\b/;
    const wrong = files
      .filter((f) => ['node', 'web'].includes(folder(f)))
      .flatMap((f) => graph.get(f)!.map((d) => relative(src, d)).filter((d) => !(d.startsWith(`${folder(f)}/`) || d === 'index.ts' || d === 'args.ts' || engine.test(d))).map((d) => `${relative(src, f)} → ${d}`));
    expect(wrong).toEqual([]);
  });
  it('cli/ is a shell over the public entries: it imports the main, node and render entries and its own files only; nothing imports cli/', () => {
    const doors = new Set(['index.ts', 'node/index.ts', 'render/index.ts']);
    const wrong = files
      .filter((f) => folder(f) === 'cli')
      .flatMap((f) => typeGraph.get(f)!.map((d) => relative(src, d)).filter((d) => !(d.startsWith('cli/') || doors.has(d))).map((d) => `${relative(src, f)} → ${d}`));
    expect(wrong).toEqual([]);
    const into = files.filter((f) => folder(f) !== 'cli').flatMap((f) => typeGraph.get(f)!.filter((d) => folder(d) === 'cli').map((d) => `${relative(src, f)} → ${relative(src, d)}`));
    expect(into).toEqual([]);
    // Dynamic imports too (the render entry is loaded on call).
    const dynamic = files.filter((f) => folder(f) === 'cli').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/import\(\s*['"](\.[^'"]+)['"]/g)].map((m) => relative(src, resolve(dirname(f), m[1]!.replace(/\.js$/, '.ts')))).filter((d) => !(d.startsWith('cli/') || doors.has(d))));
    expect(dynamic).toEqual([]);
  });

  it("the web worker loads the run side only: no parser, no zod, no result class (the node worker's files too)", () => {
    const reach = (start: string) => {
      const seen = new Set<string>();
      const go = (f: string) => {
        if (seen.has(f)) return;
        seen.add(f);
        for (const d of graph.get(f)!) go(d);
      };
      go(join(src, start));
      return [...seen].map((f) => relative(src, f));
    };
    for (const worker of ['web/worker.ts', 'node/worker.ts']) {
      const files = reach(worker);
      expect(files, worker).toContain('volume/kernel.ts');
      expect(files.filter((f) => /^scenario\/(schema|parse|schema-primitives)|result\.ts$|summary\.ts$|^index\.ts$/.test(f)), worker).toEqual([]);
    }
  });
  it('every result with tidy rows shares a base: the row-shaped ones RowResult, the volume results VolumeViews (STYLE.md 20)', () => {
    /** Results whose tidy rows are statistics of arrays, not a list of rows: why each stands alone. */
    const alone = new Map<string, string>([
      ['TransitSample', "one route's trips as an array; its tidy rows are statistics of it"],
      ['CorridorResult', 'trips by year as arrays; its tidy rows are statistics of them'],
    ]);
    const classes = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [...text.matchAll(/^export (abstract )?class (\w+)(?: extends (\w+))?[^{]*\{([\s\S]*?)^\}/gm)].map((m) => ({ name: m[2]!, base: m[3] ?? null, ownRows: !m[1] && /^ {2}toRecords\(\)/m.test(m[4]!) }));
    });
    const baseOf = (name: string) => classes.find((c) => c.name === name)?.base;
    // A (concrete) class that writes its own tidy rows is a RowResult, or stands alone for a reason.
    const wrong = classes.filter((c) => c.ownRows && !alone.has(c.name) && c.base !== 'RowResult').map((c) => `${c.name} extends ${c.base ?? 'nothing'}`);
    expect(wrong).toEqual([]);
    expect(classes.filter((c) => c.base === 'RowResult').length).toBeGreaterThanOrEqual(8);
    expect([baseOf('VolumeResult'), baseOf('VolumeSummary')]).toEqual(['VolumeViews', 'VolumeViews']);
    for (const name of alone.keys()) expect(classes.find((c) => c.name === name)?.ownRows, `allow-list entry ${name} names no class with its own tidy rows`).toBe(true);
  });
});

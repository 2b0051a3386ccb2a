/**
 * `middle-corridor/render`: the core's Vega-Lite specs drawn in Node — SVG through vega-lite's
 * compiler and a headless vega View, PNG by rasterising that SVG with resvg. Kept apart from the
 * core so that the core stays free of vega: vega, vega-lite and @resvg/resvg-js are optional peer
 * dependencies, loaded only when a function here is called, with an error that says what to
 * install when one is missing.
 */
import { options, show } from '../args.js';
import type { VegaLiteSpec } from '../report/charts.js';

type VegaLite = typeof import('vega-lite');
type Vega = typeof import('vega');
type Resvg = typeof import('@resvg/resvg-js');

let engines: Promise<{ vl: VegaLite; vega: Vega }> | undefined;

async function load(caller: string): Promise<{ vl: VegaLite; vega: Vega }> {
  engines ??= Promise.all([import('vega-lite'), import('vega')]).then(([vl, vega]) => ({ vl, vega }));
  try {
    return await engines;
  } catch (e) {
    engines = undefined;
    throw new Error(`${caller} needs the packages vega and vega-lite: npm install vega@5 vega-lite@5`, { cause: e });
  }
}

/** A spec is a Vega-Lite specification: a plain object with its `$schema` (every chart builder's output is). */
function checkSpec(fn: string, spec: unknown): void {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new TypeError(`${fn}: spec must be a Vega-Lite specification (an object, e.g. fanChart(result)) (got ${show(spec)})`);
  }
  const schema = (spec as { $schema?: unknown }).$schema;
  if (typeof schema !== 'string') {
    throw new TypeError(`${fn}: spec must be a Vega-Lite specification with a $schema (got ${show(spec)})`);
  }
  // A plain Vega spec would reach vega-lite's compiler and fail there with "Invalid specification".
  if (!schema.includes('/vega-lite/')) {
    throw new TypeError(`${fn} takes a Vega-Lite spec: its $schema is ${JSON.stringify(schema)}, not Vega-Lite's (https://vega.github.io/schema/vega-lite/v5.json)`);
  }
}

/**
 * A vega loader that loads nothing: the charts carry their data inline (`data.values`), and a
 * spec that names a file or a URL (data, images) must not read the machine's files or the
 * network. Vega only warns when a load fails, so the refused addresses are kept and reported.
 */
function inlineOnly(fn: string): { loader: Record<string, (uri: unknown) => Promise<never>>; refused: string[] } {
  const refused: string[] = [];
  const refuse = (uri: unknown): Promise<never> => {
    refused.push(String(uri));
    return Promise.reject(new TypeError(`${fn}: charts draw inline data only`));
  };
  return { loader: { load: refuse, sanitize: refuse, http: refuse, file: refuse }, refused };
}

/** Advance widths (em) of DejaVu Sans, the font resvg finds on most Linux machines; others 0.66. */
const EM: Record<string, number> = {};
for (const [chars, w] of [
  [' ', 0.318], ['.,:;\'|', 0.318], ['!', 0.4], ['"', 0.46], ['()[]{}', 0.39], ['-', 0.361], ['–', 0.5], ['—', 1], ['/\\', 0.337], ['%', 0.95], ['±×+=<>≥≤', 0.838],
  ['0123456789', 0.636], ['ijl', 0.278], ['ftr', 0.37], ['sz', 0.52], ['ackvxy', 0.58], ['bdeghnopqu', 0.62], ['mw', 0.9],
  ['I', 0.295], ['J', 0.295], ['ELFTZ', 0.6], ['BKPRSXY', 0.66], ['ACDGHNOQUV', 0.74], ['MW', 0.9],
] as const) for (const c of chars) EM[c] = w;

/**
 * Vega measures text with a canvas when the `canvas` package is installed and otherwise guesses
 * 0.8 em a character, which widens charts and truncates labels; without a canvas, measure with
 * DejaVu Sans's widths instead (bold 8 % wider). Vega's `textMetrics` is process-wide: only the
 * canvas-less estimate is replaced, and only once.
 */
function measureText(vega: Vega): void {
  const tm = (vega as unknown as { textMetrics?: { width: unknown; estimateWidth: unknown } }).textMetrics;
  if (!tm || tm.width !== tm.estimateWidth) return;
  tm.width = (item: { fontSize?: number; fontWeight?: string | number; text?: unknown }, text?: unknown): number => {
    const t = text == null ? '' : String(text).trim();
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600 ? 1.08 : 1;
    let em = 0;
    for (const c of t) em += EM[c] ?? 0.66;
    return em * size * bold * 1.06; // a little over: a clipped label is worse than a margin
  };
}

/**
 * Draw a Vega-Lite spec as an SVG document (headless; without the `canvas` package, text is measured
 * with DejaVu Sans's widths).
 * @example
 * const svg = await renderSvg(fanChart(rows, { record, target })); // '<svg …'
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  checkSpec('renderSvg', spec);
  const { vl, vega } = await load('renderSvg');
  measureText(vega);
  // vega-lite's types want its TopLevelSpec; ours is plain JSON of that shape.
  // A copy: vega tags the data objects it ingests (Symbol(vega_id)), which would mutate the caller's spec.
  const compiled = vl.compile(structuredClone(spec) as unknown as Parameters<VegaLite['compile']>[0]).spec;
  const { loader, refused } = inlineOnly('renderSvg');
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: loader as unknown as ReturnType<Vega['loader']> });
  try {
    const svg = await view.toSVG();
    if (refused.length > 0) {
      throw new TypeError(`renderSvg: charts draw inline data only (data.values); the spec asks to load ${refused.map((u) => JSON.stringify(u)).join(', ')}, which is refused (no files, no URLs)`);
    }
    return svg;
  } finally {
    view.finalize();
  }
}

/** Options of {@link renderPng}. */
export interface PngOptions {
  /** Pixels per SVG unit (default 2: sharp on high-density screens). */
  scale?: number;
  /** Font files to load besides the system's (e.g. when the machine has no fonts installed). */
  fontFiles?: readonly string[];
  /** The family drawn for `sans-serif` and for families that are not installed (default 'DejaVu Sans', then resvg's own default). */
  sansSerifFamily?: string;
  /** Background colour (default white; the charts have none of their own). */
  background?: string;
}

/**
 * Draw a Vega-Lite spec as a PNG: {@link renderSvg}, then resvg. Text needs a font: the
 * system's fonts are loaded, and `fontFiles` adds others.
 * @example
 * writeFileSync('fan.png', await renderPng(fanChart(rows), { scale: 2 }));
 */
export async function renderPng(spec: VegaLiteSpec, o: PngOptions = {}): Promise<Uint8Array> {
  checkSpec('renderPng', spec);
  o = options<PngOptions>('renderPng', o, ['scale', 'fontFiles', 'sansSerifFamily', 'background']);
  const scale = o.scale ?? 2;
  if (typeof scale !== 'number') throw new TypeError(`renderPng: scale must be a number in (0, 16] (got ${show(scale)})`);
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 16)) throw new RangeError(`renderPng: scale must be a number in (0, 16] (got ${show(scale)})`);
  if (o.fontFiles !== undefined && !(Array.isArray(o.fontFiles) && o.fontFiles.every((f) => typeof f === 'string'))) {
    throw new TypeError(`renderPng: fontFiles must be an array of file paths (strings) (got ${show(o.fontFiles)})`);
  }
  for (const k of ['sansSerifFamily', 'background'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'string') throw new TypeError(`renderPng: ${k} must be a string (got ${show(o[k])})`);
  }
  let resvg: Resvg;
  try {
    resvg = await import('@resvg/resvg-js');
  } catch (e) {
    throw new Error('renderPng needs the package @resvg/resvg-js: npm install @resvg/resvg-js', { cause: e });
  }
  const svg = await renderSvg(spec);
  const family = o.sansSerifFamily ?? 'DejaVu Sans';
  const r = new resvg.Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: o.background ?? '#ffffff',
    font: { loadSystemFonts: true, fontFiles: [...(o.fontFiles ?? [])], defaultFontFamily: family, sansSerifFamily: family },
  });
  return new Uint8Array(r.render().asPng());
}

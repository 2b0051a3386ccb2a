/**
 * The shared styling of the charts. Charts are Vega-Lite v5 specifications: plain JSON built by pure functions from summaries (never
 * raw draws), so the core has no charting dependency and a spec renders anywhere Vega-Lite does —
 * a notebook, a web page, `middle-corridor/node`'s SVG renderer. Every chart labels its axes with
 * units, names its sources under the title, and tells its series apart by shape and dash as well
 * as by colour, so it survives printing in greyscale.
 */
/** A Vega-Lite v5 specification (plain JSON). */
export interface VegaLiteSpec {
  $schema: string;
  [key: string]: unknown;
}

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/**
 * Every string of a spec with U+2028 and U+2029 (line and paragraph separators) as spaces. Names
 * from users (a scenario, a route) reach Vega's expression language through Vega-Lite's filters,
 * whose string literals may not hold them ("Unexpected token ILLEGAL" in every Vega renderer:
 * renderSvg, vega-embed in a notebook); a chart label has no use for them. Applied to the whole
 * spec, so that data values and the filters that select them stay equal.
 */
function lineSeparatorsAsSpaces(x: unknown): unknown {
  if (typeof x === 'string') return /[\u2028\u2029]/.test(x) ? x.replace(/[\u2028\u2029]/g, ' ') : x;
  if (Array.isArray(x)) return x.map(lineSeparatorsAsSpaces);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [lineSeparatorsAsSpaces(k) as string, lineSeparatorsAsSpaces(v)]));
  return x;
}

/** Light to dark: distinguishable in greyscale by lightness alone. */
export const INK = { band: '#c6dbef', bandDark: '#6baed6', line: '#08306b', record: '#000000', announced: '#737373', target: '#a50f15' };
export const DASHES = [[1, 0], [10, 4], [2, 3], [10, 3, 2, 3], [4, 4]];
export const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross'];
export const LINES = ['#08306b', '#2171b5', '#4292c6', '#525252', '#737373'];

export function base(title: string, subtitle: readonly string[], extra: Record<string, unknown> = {}): VegaLiteSpec {
  const spec = lineSeparatorsAsSpaces({
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle: [...subtitle], anchor: 'start', subtitleFontSize: 10, subtitleColor: '#525252' },
    width: 560,
    height: 320,
    config: { font: 'Helvetica, Arial, sans-serif', axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, titleFontSize: 11, orient: 'right', labelLimit: 220 }, view: { stroke: null } },
    ...extra,
  }) as VegaLiteSpec;
  // In a Deno Jupyter notebook the spec displays as the chart; the key is a symbol, so JSON and
  // the Vega-Lite schema never see it.
  Object.defineProperty(spec, Symbol.for('Jupyter.display'), { value: () => ({ 'application/vnd.vegalite.v5+json': JSON.parse(JSON.stringify(spec)), 'text/plain': `Vega-Lite chart: ${title}` }), enumerable: false });
  return spec;
}


/** The shapes and dashes the charts cycle through (for tests and custom layers). */
export const CHART_MARKS = /* @__PURE__ */ Object.freeze({ shapes: SHAPES, dashes: DASHES });

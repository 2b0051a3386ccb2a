/**
 * `report`: one self-contained HTML page answering the four questions for a scenario — the growth
 * the record implies and the plan needs, P(≥ target) and the first year reaching it, transit time
 * on a route at the scenario's volume, which assumption moves the answer most — in tables, with
 * SVG charts inline when the optional render peers are installed. Every text is escaped.
 */
import { fanChart, firstYearChart, fitGrowth, requiredGrowth, simulateTransit, simulateVolumes, TITR_VOLUMES, tornado, tornadoChart, transitChart, type Scenario, type VegaLiteSpec } from '../../index.js';
import { COMMON, count, positionals, seed, SEEDED, text } from '../args.js';
import { outFile, PRESET, routeFrom, scenarioFrom, type Command } from '../command.js';
import { writeAtomic } from '../output.js';

/** Text made safe for HTML, in content and in quoted attributes. */
export function escapeHtml(x: unknown): string {
  return String(x).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const fmt = (x: unknown): string => (typeof x === 'number' ? (Number.isInteger(x) ? String(x) : x.toPrecision(4)) : x === null || x === undefined ? '–' : String(x));

/** A table: the header's and every cell's text escaped. */
function htmlTable(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(fmt(c))}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The charts as inline SVG, or null with the reason when the render peers are missing. */
async function svgs(specs: readonly VegaLiteSpec[]): Promise<{ svgs: string[] } | { missing: string }> {
  try {
    const { renderSvg } = await import('../../render/index.js');
    return { svgs: await Promise.all(specs.map((s) => renderSvg(s))) };
  } catch (e) {
    return { missing: (e as Error).message };
  }
}

const section = (title: string, body: string) => `<section>\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
const para = (s: string) => `<p>${escapeHtml(s)}</p>`;

/** The four answers for a scenario, as HTML sections and the chart specs to place under them. */
async function answers(s: Scenario, routeName: string, paths: number, sd: string | number): Promise<{ sections: string[]; specs: VegaLiteSpec[] }> {
  const v = simulateVolumes(s, { paths, seed: sd });
  const target = s.target;
  const year = target?.year ?? s.horizon;
  const fits = (['exponential', 'logistic', 'gompertz'] as const).map((f) => fitGrowth(TITR_VOLUMES, f));
  const growth = [
    htmlTable(['model', 'RMSLE', 'identified', 'parameters', 'warnings'], fits.map((f) => [f.family, f.rmsle, f.identified ? 'yes' : 'no', f.parameters.map((x) => `${x.name} ${fmt(x.estimate)}`).join(', '), f.warnings.join(' ')])),
    target && target.year > s.start.year ? para(`From ${s.start.volumeMt} Mt in ${s.start.year}, ${target.volumeMt} Mt in ${target.year} needs ${(requiredGrowth(s.start, target) * 100).toFixed(1)} % a year.`) : '',
  ].join('\n');
  const rows = v.summary().map((r) => [r.year, r.p10, r.p50, r.p90, String(r.mean), r.probabilityAtLeastTarget === null ? null : String(r.probabilityAtLeastTarget)]);
  const reaching = target ? v.firstYearReaching(target.volumeMt).filter((r) => r.probability.estimate > 0) : [];
  const volumes = [
    htmlTable(['year', 'P10 (Mt)', 'P50 (Mt)', 'P90 (Mt)', 'mean (Mt)', target ? `P(≥ ${target.volumeMt} Mt)` : 'P(≥ target)'], rows),
    target ? `<h3>First year reaching ${escapeHtml(target.volumeMt)} Mt</h3>\n${htmlTable(['year', 'probability'], reaching.map((r) => [r.year ?? 'never', String(r.probability)]))}` : para('The scenario has no target.'),
  ].join('\n');
  const route = await routeFrom(routeName);
  const volumeMt = v.quantile(year, 0.5);
  const t = simulateTransit(route, { trips: paths, seed: sd, volumeMt });
  const transit = [
    para(`${route.name} at ${fmt(volumeMt)} Mt a year (the scenario's median in ${year}), ${paths} trips: mean ${String(t.mean)} days, P50 ${fmt(t.quantile(0.5))}, P90 ${fmt(t.quantile(0.9))}, P(≤ 15 days) ${String(t.probabilityWithin(15))}.`),
    htmlTable(['leg', 'mode', 'mean (days)', 'share of variance', 'P(delayed)', 'P(waited)'], t.legs().map((l) => [l.leg, l.mode, String(l.mean), l.varianceShare, String(l.delayed), String(l.waited)])),
  ].join('\n');
  const specs: VegaLiteSpec[] = [fanChart(v), ...(target ? [firstYearChart(v, { levelMt: target.volumeMt })] : []), transitChart(t)];
  let sensitivity: string;
  try {
    const statistic = target ? ({ statistic: 'probabilityAtLeast', year, volumeMt: target.volumeMt } as const) : ({ statistic: 'quantile', year, p: 0.5 } as const);
    const tor = tornado(s, { statistic, paths, seed: sd });
    sensitivity = tor.rows.length === 0 ? para('No parameter of the scenario is uncertain: nothing to rank.') : htmlTable(['parameter', 'P10', 'P90', 'at P10', 'at P90', 'swing'], tor.rows.map((r) => [r.parameter, r.p10, r.p90, String(r.low), String(r.high), String(r.swing.difference)]));
    if (tor.rows.length > 0) specs.push(tornadoChart(tor));
  } catch (e) {
    sensitivity = para(`The tornado could not run: ${(e as Error).message}`);
  }
  return {
    sections: [
      section('1. What growth does the record imply, and what does the plan need?', growth),
      section(`2. Will the corridor carry the target${target ? ` (${target.volumeMt} Mt in ${target.year})` : ''}, and when?`, volumes),
      section(`3. How long does a container take on ${route.name}?`, transit),
      section('4. Which assumption moves the answer most?', sensitivity),
    ],
    specs,
  };
}

const STYLE = 'body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left}figure{margin:1rem 0}.note{color:#666}';

/** The whole page. */
export async function reportHtml(s: Scenario, routeName: string, paths: number, sd: string | number, version: string): Promise<string> {
  const { sections, specs } = await answers(s, routeName, paths, sd);
  const charts = await svgs(specs);
  const figures = 'svgs' in charts ? charts.svgs.map((x) => `<figure>${x}</figure>`).join('\n') : `<p class="note">${escapeHtml(`No charts: ${charts.missing.split('\n')[0]} Install the optional render peers to get them inline: npm install vega vega-lite @resvg/resvg-js`)}</p>`;
  const title = `middle-corridor report: ${s.name ?? 'scenario'}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="note">${escapeHtml(`${paths} paths, seed ${sd}, middle-corridor ${version}. Estimates are shown as value ± standard error.`)}</p>
${sections.join('\n')}
<section><h2>Charts</h2>
${figures}
</section>
</body></html>
`;
}

export const report: Command = {
  name: 'report',
  summary: 'one self-contained HTML page answering the four questions for a scenario',
  usage: 'middle-corridor report [SCENARIO] [--preset NAME] [--route ROUTE] --out FILE.html [flags]',
  example: 'middle-corridor report --preset official-capacity --out report.html',
  flags: {
    ...COMMON, ...PRESET, ...SEEDED,
    out: { type: 'string', short: 'o', help: 'the HTML file to write (atomically)' },
    route: { type: 'string', help: 'the route of question 3: a file or a name (corridor-poti by default)' },
    paths: { type: 'string', help: 'paths (and trips) simulated (20000 by default)' },
  },
  async run(p) {
    const [file] = positionals(p, 0, 1, 'the scenario');
    const out = outFile(p, 'for the report (an HTML file)');
    const s = await scenarioFrom(p, file);
    const { version } = await import('../version.js');
    await writeAtomic(out, await reportHtml(s, text(p, 'route') ?? 'corridor-poti', count(p, 'paths', 20_000, 2)!, seed(p), version));
  },
};

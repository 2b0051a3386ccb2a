/**
 * The explorer's charts: the library's own Vega-Lite specs (fanChart, transitChart, tornadoChart)
 * drawn by vega-embed with Vega's expression interpreter (`ast: true`), so that no string is ever
 * evaluated and the page runs under `script-src 'self'` (no 'unsafe-eval'). vega-embed's default
 * style sheet and tooltip are off (the policy refuses inline styles). This module is loaded after
 * the first numbers: Vega is not part of the page's first load.
 */
import { fanChart, TITR_VOLUMES, tornadoChart, transitChart, type TransitSample, type VolumeResult } from 'middle-corridor';
import embed from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { Bar } from './run.js';
import { TARGET } from './state.js';

type Spec = Parameters<typeof embed>[1];

/** Draws `spec` into `el` at the given size (the library's spec, sized for the page). */
async function draw(el: HTMLElement, spec: object, width: number, height?: number): Promise<void> {
  const sized = { ...spec, width, ...(height === undefined ? {} : { height }) } as Spec;
  const result = await embed(el, sized, { ast: true, expr: expressionInterpreter, renderer: 'svg', actions: false, tooltip: false, defaultStyle: false });
  result.view.finalize(); // static charts: no listeners left behind when the next run redraws
}

/** The fan of the volume run, with the record and the target. */
export function drawFan(el: HTMLElement, r: VolumeResult, width: number): Promise<void> {
  const record = TITR_VOLUMES.filter((o) => o.kind === 'reported').map((o) => ({ year: o.year, volumeMt: o.volumeMt }));
  return draw(el, fanChart(r, { title: 'Volume (Mt): P10–P90 and median', record, target: TARGET }), width, 200);
}

/** The door-to-door days in the target year, with the line at `within` days. */
export function drawTransit(el: HTMLElement, t: TransitSample, within: number, width: number): Promise<void> {
  return draw(el, transitChart(t, { within, title: `Door-to-door days in ${TARGET.year}` }), width, 200);
}

/** The tornado of P(≥ 10 Mt in 2027). */
export function drawTornado(el: HTMLElement, bars: readonly Bar[], baseline: number, width: number): Promise<void> {
  return draw(el, tornadoChart(bars, { statistic: `P(volume ≥ ${TARGET.volumeMt} Mt in ${TARGET.year})`, baseline }), width, 22 * bars.length);
}

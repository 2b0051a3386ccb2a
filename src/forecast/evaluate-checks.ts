/**
 * The checks of {@link evaluateForecasts}' models, baseline and point forecasts: each names the
 * option and the element that is wrong, before any forecast runs.
 */
import { finiteNumber, show, wholeNumber } from '../args.js';
import type { PointForecast } from '../data/forecasts.js';
import type { ForecastModel } from './models.js';

const MAX_YEAR = 1_000_000;

/** `models`: a plain object of named model functions, at least one (null is not "the defaults"). */
export function checkModels(fn: string, models: unknown): Readonly<Record<string, ForecastModel>> {
  const what = 'an object of named model functions, e.g. { "no-change": noChangeModel() }';
  if (models === null || typeof models !== 'object' || Array.isArray(models)) throw new TypeError(`${fn}: models must be ${what} (got ${show(models)})`);
  const names = Object.keys(models);
  if (names.length === 0) throw new RangeError(`${fn}: models must name at least one model (got {})`);
  for (const name of names) {
    const m = (models as Record<string, unknown>)[name];
    if (typeof m !== 'function') throw new TypeError(`${fn}: models[${JSON.stringify(name)}] must be a function (got ${show(m)})`);
  }
  return models as Readonly<Record<string, ForecastModel>>;
}

/** `baseline`: the name of one of the models (an own key: 'toString' names none). */
export function checkBaseline(fn: string, baseline: unknown, models: Readonly<Record<string, ForecastModel>>): string {
  if (typeof baseline !== 'string') throw new TypeError(`${fn}: baseline must be the name of one of the models (got ${show(baseline)})`);
  if (!Object.hasOwn(models, baseline)) throw new RangeError(`${fn}: baseline ${show(baseline)} is not one of the models (${Object.keys(models).join(', ')})`);
  return baseline;
}

/** `points`: an array of point forecasts { origin, year > origin, volumeMt > 0, by, source? }. */
export function checkPoints(fn: string, points: unknown): readonly PointForecast[] {
  const what = 'an array of point forecasts { origin, year, volumeMt, by, source }';
  if (!Array.isArray(points)) throw new TypeError(`${fn}: points must be ${what} (got ${show(points)})`);
  for (let i = 0; i < points.length; i++) {
    const p: unknown = points[i];
    const at = `points[${i}]`;
    if (p === null || typeof p !== 'object' || Array.isArray(p)) throw new TypeError(`${fn}: ${at} must be a point forecast { origin, year, volumeMt, by, source } (got ${show(p)})`);
    const r = p as Record<string, unknown>;
    const origin = wholeNumber(fn, `${at}.origin`, r.origin, -MAX_YEAR, MAX_YEAR);
    wholeNumber(fn, `${at}.year`, r.year, origin + 1, MAX_YEAR);
    const v = finiteNumber(fn, `${at}.volumeMt`, r.volumeMt);
    if (!(v > 0)) throw new RangeError(`${fn}: ${at}.volumeMt must be > 0 (got ${show(v)})`);
    if (typeof r.by !== 'string' || r.by === '') throw new TypeError(`${fn}: ${at}.by must name who made the forecast (got ${show(r.by)})`);
    if (r.source !== undefined && typeof r.source !== 'string') throw new TypeError(`${fn}: ${at}.source must be a string (got ${show(r.source)})`);
  }
  return points as readonly PointForecast[];
}

/**
 * `origins`: each once (a repeated origin would count its forecasts twice), and each with at least
 * one forecast year (origin + a horizon) that has an outturn to score against.
 */
export function checkOrigins(fn: string, origins: readonly number[], horizons: readonly number[], years: readonly number[]): void {
  origins.forEach((t, i) => {
    if (origins.indexOf(t) !== i) throw new RangeError(`${fn}: origins[${i}] repeats the origin ${t} (each origin once: its forecasts would count twice)`);
    if (!horizons.some((h) => years.includes(t + h))) {
      throw new RangeError(`${fn}: origin ${t} has no outturn to score (its forecast years ${horizons.map((h) => t + h).join(', ')} have no outturn in the record, whose last outturn is ${years.at(-1)})`);
    }
  });
}

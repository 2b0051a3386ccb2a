import { yearVolume } from '../args.js';
import type { YearVolume } from './year-volume.js';
import { expm1, log } from '../math/index.js';

/**
 * Compound annual growth rate between two observations: (to / from)^(1 / years) − 1. `to` must
 * come after `from` (a RangeError names both years otherwise: growth is read forward in time).
 * @example cagr({ year: 2020, volumeMt: 0.783 }, { year: 2024, volumeMt: 4.484 }) // => 0.5469…
 */
export function cagr(from: YearVolume, to: YearVolume): number {
  return cagrOf('cagr', 'to', from, to);
}

function cagrOf(fn: string, toName: string, from: YearVolume, to: YearVolume): number {
  const a = yearVolume(fn, 'from', from);
  const b = yearVolume(fn, toName, to);
  if (!(b.year > a.year)) throw new RangeError(`${fn}: ${toName}.year must be after from.year (got from.year ${a.year}, ${toName}.year ${b.year})`);
  // The log ratio as a difference of logs, so that 1e-300 → 1e300 does not overflow on the way.
  const g = (log(b.volumeMt) - log(a.volumeMt)) / (b.year - a.year);
  const rate = expm1(g);
  if (!(rate <= Number.MAX_VALUE)) {
    throw new RangeError(`${fn}: the growth from ${a.volumeMt} Mt in ${a.year} to ${b.volumeMt} Mt in ${b.year} is beyond a double (log growth ${g} per year; the rate e^g − 1 overflows)`);
  }
  return rate;
}

/**
 * The constant growth per year that takes an observation to a target: the CAGR from `from` to
 * `target`, with the target required to lie after the observation.
 * @example requiredGrowth({ year: 2025, volumeMt: 4.119 }, { year: 2027, volumeMt: 10 }) // => 0.5581…
 */
export function requiredGrowth(from: YearVolume, target: YearVolume): number {
  return cagrOf('requiredGrowth', 'target', from, target);
}

/**
 * The factors of a volume scenario for variance-based sensitivity: each distribution-valued
 * parameter (named by its path), the demand shocks as one group and each disruption's strikes as
 * one group, each with the stream purposes it draws from (the prefixes of the purpose tuples the
 * volume kernel uses: src/volume/kernel.ts and growth-plan.ts). And the per-path outputs.
 */
import { finiteNumber, options, show, wholeNumber } from '../args.js';
import { log } from '../math/log.js';
import type { Param } from '../random/dist.js';
import type { Scenario } from '../scenario/types.js';
import { distributionsIn } from './parameters.js';
import { perPathParameter } from '../scenario/parameter-paths.js';

/** One factor: its name, the purposes whose streams it owns, and (for a parameter) its distribution. */
export interface Factor {
  readonly name: string;
  readonly purposes: readonly (readonly string[])[];
  /** The parameter (null for the groups: the shocks, a disruption's strikes). */
  readonly param: Param | null;
}

/** The stream purpose of a distribution-valued parameter of a parsed scenario (the kernel's: scenario/correlations.ts). */
function purposeOf(s: Scenario, name: string): string[] {
  const at = perPathParameter(s, name);
  // Every distribution the schema allows is drawn per path; this is a guard for future fields.
  if (at === null) throw new RangeError(`sobolIndices: the parameter ${name} is not drawn per path by the volume kernel`);
  return at.purpose;
}

/** The factors of a parsed scenario, in document order, then the shocks, then each disruption's strikes. */
export function scenarioFactors(s: Scenario): Factor[] {
  const params: Factor[] = distributionsIn(s).map(({ name, dist }) => ({ name, purposes: [purposeOf(s, name)], param: dist }));
  const shocks: Factor[] = s.volatility === 0 ? [] : [{ name: 'shocks', purposes: [['demand/shocks']], param: null }];
  const strikes: Factor[] = s.disruptions.filter((d) => d.probability !== 0).map((d) => ({ name: `disruptions[${s.disruptions.indexOf(d)}].strikes`, purposes: [['disruption', d.name, 'occurs']], param: null }));
  return [...params, ...shocks, ...strikes];
}

/** A per-path output of a volume run: the volume in a year, its logarithm, or whether it reaches a level (1 or 0). */
export type VolumeOutput = { readonly year: number } | { readonly year: number; readonly log: true } | { readonly year: number; readonly volumeMt: number };

/** Checks an output given by a user against the scenario's years. */
export function checkOutput(fn: string, x: unknown, s: Scenario): VolumeOutput {
  const o = options<{ year: unknown; log?: unknown; volumeMt?: unknown }>(fn, x, ['year', 'log', 'volumeMt'], ['year']);
  const year = wholeNumber(fn, 'output.year', o.year, s.start.year, s.horizon);
  if (o.log !== undefined && o.volumeMt !== undefined) throw new TypeError(`${fn}: output takes log or volumeMt, not both (got ${show(x)})`);
  if (o.log !== undefined) {
    if (o.log !== true) throw new TypeError(`${fn}: output.log must be true when given (got ${show(o.log)})`);
    return { year, log: true };
  }
  if (o.volumeMt !== undefined) return { year, volumeMt: finiteNumber(fn, 'output.volumeMt', o.volumeMt) };
  return { year };
}

/** The output of every path from that year's volumes. */
export function outputOf(o: VolumeOutput, volume: Float64Array): Float64Array {
  if ('log' in o) return volume.map((v) => log(v));
  if ('volumeMt' in o) return volume.map((v) => +(v >= o.volumeMt));
  return volume.slice();
}

/** The output as a short label, e.g. `log volume in 2027`. */
export function outputLabel(o: VolumeOutput): string {
  return 'log' in o ? `log volume in ${o.year}` : 'volumeMt' in o ? `1(volume ≥ ${o.volumeMt} Mt in ${o.year})` : `volume in ${o.year} (Mt)`;
}

/**
 * A queued leg's days for a tile of trips under one load: its base days (days plus any delay,
 * ./leg-draws.ts) plus the wait the load's utilisation gives, by the trips' own draws of whether
 * they wait and of an Exp(1) wait (docs/design.md, "Queues").
 */
import type { Route } from '../scenario/types.js';
import { erlangCUnchecked } from './erlang.js';
import type { LegDraws } from './leg-draws.js';
import type { Load } from './plans.js';

/** One leg of a parsed route. */
type Leg = Route['legs'][number];

/**
 * Writes leg l's days for block trips [lo, lo + m) (the block's first trip is `first`) into
 * out[0..m), marks in `satTrip` the trips whose queue hit its utilisation cap, and adds the
 * tile's waits and saturations to acc[6l + 4] and acc[6l + 5].
 */
export function queueTile(leg: Leg, l: number, d: LegDraws, out: Float64Array, satTrip: Uint8Array, load: Load, first: number, lo: number, m: number, acc: Float64Array): void {
  const q = leg.queue!;
  const base = d.base;
  const ob = d.off;
  let waits = 0;
  let saturated = 0;
  const k = ((q.arrivalCv * q.arrivalCv + q.serviceCv * q.serviceCv) / 2) * q.serviceDays;
  const c = q.servers;
  // Erlang C once per distinct utilisation, not per trip: a standalone run has one ρ per queue, a
  // corridor run one per path-year (its tripsPerPath trips are consecutive), and saturated trips
  // share the cap. The same calls on the same numbers: the same bits.
  let lastRho = NaN;
  let pw = 0;
  let scale = 0; // c(1 − ρ)
  for (let i = 0; i < m; i++) {
    let x = base[ob + i]!;
    const j = lo + i; // the trip's place in its block
    const trip = first + j;
    const volume = load.volumeMt(trip);
    if (volume !== null) {
      const capacity = d.capacity ? d.capacity[j]! : load.capacityMt(trip);
      if (capacity === null) {
        throw new RangeError(`legs[${l}] (${leg.name}).queue: a volume is given but the queue has no capacityMt and no scenario capacity to use`);
      }
      // NaN-proof: a NaN or infinite volume, or a capacity that is not a positive finite number,
      // would make ρ NaN and silently add no wait.
      if (!(volume >= 0 && volume < Infinity)) {
        throw new RangeError(`legs[${l}] (${leg.name}).queue: the volume through the queue must be a finite number >= 0 (got ${volume} Mt on trip ${trip})`);
      }
      if (!(capacity > 0 && capacity < Infinity)) {
        throw new RangeError(
          `legs[${l}] (${leg.name}).queue: the capacity must be a finite number > 0 (got ${capacity} Mt on trip ${trip}` +
            `${q.capacityMt !== null ? ": the queue's capacityMt distribution reaches 0 or overflows; narrow it" : " from the scenario's capacity"})`,
        );
      }
      let rho = volume / capacity;
      if (rho >= q.maxUtilisation) {
        rho = q.maxUtilisation;
        satTrip[i] = 1;
        saturated++;
      }
      if (rho > 0) {
        if (rho !== lastRho) {
          lastRho = rho;
          pw = erlangCUnchecked(c, c * rho);
          scale = c * (1 - rho);
        }
        if (d.waitU![j]! < pw) {
          // Exp(1) scaled to mean Wq / C: (ca² + cs²)/2 · serviceDays / (c(1 − ρ)).
          x += (d.waitE![j]! * k) / scale;
          waits++;
        }
      }
    }
    out[i] = x;
  }
  acc[6 * l + 4] = acc[6 * l + 4]! + waits;
  acc[6 * l + 5] = acc[6 * l + 5]! + saturated;
}

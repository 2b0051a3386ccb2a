import { finiteNumber, numberIn, options, wholeNumber } from '../args.js';
import { ROUTE_LIMITS } from '../scenario/route-limits.js';

/** Erlang C without checks, for the kernel (which checked its queue when parsing the route). */
export function erlangCUnchecked(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/**
 * Erlang C: the probability that an arrival waits in an M/M/c queue with offered load
 * a = c·ρ (a < c), computed through the Erlang B recursion B(k) = a·B(k−1)/(k + a·B(k−1)),
 * which is stable for any number of servers, then C = c·B/(c − a(1 − B)). `servers` is a whole
 * number in [1, 1000] (the route schema's limit), the load a number in [0, servers).
 * @example erlangC(1, 0.5) // => 0.5
 */
export function erlangC(servers: number, offeredLoad: number): number {
  wholeNumber('erlangC', 'servers', servers, 1, ROUTE_LIMITS.servers);
  numberIn('erlangC', 'offeredLoad', offeredLoad, 0, servers, { hi: true });
  return erlangCUnchecked(servers, offeredLoad);
}

/** A queue as {@link allenCunneenWait} reads it (a parsed route's queue will do). */
export interface WaitQueue {
  servers: number;
  serviceDays: number;
  arrivalCv?: number;
  serviceCv?: number;
}

/**
 * The Allen–Cunneen approximation of the mean wait in a G/G/c queue (docs/design.md, "Transit"):
 * Wq ≈ ErlangC(c, cρ) / (c(1 − ρ)) · (ca² + cs²)/2 · serviceDays, exact for M/M/c (ca = cs = 1,
 * the defaults). The queue's numbers have the route schema's limits (servers a whole number in
 * [1, 1000], serviceDays in (0, 365], each cv in [0, 100]) and ρ lies in [0, 1), so the wait is
 * always finite; anything else is a TypeError or RangeError naming the field.
 * @example allenCunneenWait({ servers: 1, serviceDays: 1, arrivalCv: 1, serviceCv: 1 }, 0.5) // => 1
 */
export function allenCunneenWait(q: WaitQueue, rho: number): number {
  const fn = 'allenCunneenWait';
  // A parsed route's queue carries capacityMt and maxUtilisation too: allowed, not used.
  options(fn, q, ['servers', 'serviceDays', 'arrivalCv', 'serviceCv', 'capacityMt', 'maxUtilisation'], ['servers', 'serviceDays']);
  const c = wholeNumber(fn, 'servers', q.servers, 1, ROUTE_LIMITS.servers);
  const s = numberIn(fn, 'serviceDays', q.serviceDays, 0, ROUTE_LIMITS.serviceDays, { lo: true });
  const ca = q.arrivalCv === undefined ? 1 : numberIn(fn, 'arrivalCv', q.arrivalCv, 0, ROUTE_LIMITS.cv);
  const cs = q.serviceCv === undefined ? 1 : numberIn(fn, 'serviceCv', q.serviceCv, 0, ROUTE_LIMITS.cv);
  finiteNumber(fn, 'utilisation', rho);
  numberIn(fn, 'utilisation', rho, 0, 1, { hi: true });
  const pw = erlangCUnchecked(c, c * rho);
  return (pw / (c * (1 - rho))) * (((ca * ca) + (cs * cs)) / 2) * s;
}

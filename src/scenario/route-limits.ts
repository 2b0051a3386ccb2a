// The fixed limits of a route document, apart from its schema so that the kernels can read them
// without loading zod.

/**
 * The limits of a route document (CONVENTIONS: fixed limits):
 * - `legs`: at most 100 (a longer array is refused before its legs are validated);
 * - a leg's `days` and a delay's `days`: every value the parameter can take in [0, 3650] (ten
 *   years; a normal needs `max`; a lognormal without `max` is truncated at 3650 — parsing writes
 *   `max: 3650` into it — so its draws are at most 3650 too);
 * - `queue.servers`: a whole number in [1, 1000];
 * - `queue.serviceDays`: in (0, 365];
 * - `queue.arrivalCv` and `queue.serviceCv`: in [0, 100].
 *
 * With these, the longest possible wait is finite (an Exp(1) draw of the library's ziggurat is at
 * most EXP_MAX ≈ 500.3, so a wait is at most 500.3 · 100² · 365 / (1 − maxUtilisation) days), and
 * so is every trip and every sum of squares over 50 million trips.
 */
export const ROUTE_LIMITS = Object.freeze({ legs: 100, days: 3650, servers: 1000, serviceDays: 365, cv: 100 });

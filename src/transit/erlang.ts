/**
 * Erlang C: the probability that an arrival waits in an M/M/c queue with offered load
 * a = c·ρ (a < c), computed through the Erlang B recursion B(k) = a·B(k−1)/(k + a·B(k−1)),
 * which is stable for any number of servers, then C = c·B/(c − a(1 − B)).
 * @example erlangC(1, 0.5) // => 0.5
 */
export function erlangC(servers: number, offeredLoad: number): number {
  if (!(Number.isInteger(servers) && servers >= 1)) throw new RangeError(`erlangC: servers must be a whole number >= 1 (got ${servers})`);
  if (!(offeredLoad >= 0 && offeredLoad < servers)) throw new RangeError(`erlangC: offered load must be in [0, servers) (got ${offeredLoad} for ${servers} servers)`);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/**
 * The Allen–Cunneen approximation of the mean wait in a G/G/c queue (DESIGN.md, "Transit"):
 * Wq ≈ ErlangC(c, cρ) / (c(1 − ρ)) · (ca² + cs²)/2 · serviceDays, exact for M/M/c (ca = cs = 1).
 * @example allenCunneenWait({ servers: 1, serviceDays: 1, arrivalCv: 1, serviceCv: 1 }, 0.5) // => 1
 */
export function allenCunneenWait(q: { servers: number; serviceDays: number; arrivalCv: number; serviceCv: number }, rho: number): number {
  if (!(rho >= 0 && rho < 1)) throw new RangeError(`allenCunneenWait: utilisation must be in [0, 1) (got ${rho})`);
  const c = q.servers;
  const pw = erlangC(c, c * rho);
  return (pw / (c * (1 - rho))) * ((q.arrivalCv ** 2 + q.serviceCv ** 2) / 2) * q.serviceDays;
}

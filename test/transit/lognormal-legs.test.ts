import { describe, expect, it } from 'vitest';
import { moments, parseRoute, ROUTE_LIMITS, simulateTransit, type RouteInput } from 'middle-corridor';
import { sampleStats } from '../helpers.js';

// Lognormal legs (issue 22): a route's lognormal is truncated at its max, or at ROUTE_LIMITS.days
// when it has none, and its trips are drawn from that truncated distribution.
describe('a route with lognormal legs', () => {
  const n = 200_000;
  const input: RouteInput = {
    name: 'lognormal legs',
    legs: [
      // sigma 2.5: 1.9 % of the untruncated draws lie above 3650 days, so the default cap moves the
      // mean from 455.2 days (untruncated) to 156.9: a kernel that ignored it would be far off.
      { name: 'capped', mode: 'rail', days: { dist: 'lognormal', median: 20, sigma: 2.5 } },
      { name: 'bounded', mode: 'sea', days: { dist: 'lognormal', median: 12, sigma: 0.5, min: 8, max: 30 } },
      { name: 'delayed', mode: 'port', days: 1, delay: { probability: 0.3, days: { dist: 'lognormal', median: 5, sigma: 0.8, max: 20 } } },
    ],
  };
  const r = parseRoute(input);
  const t = simulateTransit(r, { trips: n, seed: 'lognormal legs' });
  const s = sampleStats(t.days);
  const m = r.legs.map((l) => moments(l.days));
  const delay = moments(r.legs[2]!.delay!.days);
  // A delay adds its days with probability p: mean p·E[D], variance p·E[D²] − (p·E[D])².
  const p = 0.3;
  const delayMean = p * delay.mean;
  const delayVariance = p * (delay.variance + delay.mean * delay.mean) - delayMean * delayMean;
  const mean = m[0]!.mean + m[1]!.mean + m[2]!.mean + delayMean;
  const variance = m[0]!.variance + m[1]!.variance + m[2]!.variance + delayVariance;

  it('the capped leg is the truncated lognormal, not the untruncated one', () => {
    expect(r.legs[0]!.days).toEqual({ dist: 'lognormal', median: 20, sigma: 2.5, max: ROUTE_LIMITS.days });
    expect(m[0]!.mean).toBeGreaterThan(100);
    expect(m[0]!.mean).toBeLessThan(moments({ dist: 'lognormal', median: 20, sigma: 2.5 }).mean / 2);
  });
  it('mean and variance of the trip days within 4 SE of the closed-form sums', () => {
    expect(Math.abs(s.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
    expect(Math.abs(s.variance - variance)).toBeLessThan(4 * s.seVariance);
    expect(t.mean.estimate).toBe(s.mean);
  });
  it('every trip lies inside the sum of the legs’ supports', () => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of t.days) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    expect(lo).toBeGreaterThanOrEqual(0 + 8 + 1);
    expect(hi).toBeLessThanOrEqual(ROUTE_LIMITS.days + 30 + 1 + 20);
  });
  it('each leg’s mean in the breakdown lies within 4 SE of its truncated closed form', () => {
    const legs = t.legs();
    [m[0]!.mean, m[1]!.mean, m[2]!.mean + delayMean].forEach((want, i) => {
      expect(legs[i]!.leg).toBe(r.legs[i]!.name);
      expect(Math.abs(legs[i]!.mean.estimate - want)).toBeLessThan(4 * legs[i]!.mean.standardError);
    });
  });
  it('an unparsed input simulates as its parsed form (the cap applies either way), to the bit', () => {
    const u = simulateTransit(input, { trips: 5000, seed: 'lognormal legs' });
    const v = simulateTransit(r, { trips: 5000, seed: 'lognormal legs' });
    expect(Buffer.from(u.days.buffer).equals(Buffer.from(v.days.buffer))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { proportion, wilsonInterval } from 'middle-corridor';
import { REF } from '../helpers.js';

describe('proportions', () => {
  it('the plug-in standard error is √(p(1−p)/n)', () => {
    expect(proportion(30, 100)).toEqual({ estimate: 0.3, standardError: Math.sqrt(0.21 / 100) });
  });

  it('Wilson intervals equal the textbook formula (reference.py)', () => {
    for (const { k, n, interval } of REF.wilson) {
      const w = wilsonInterval(k, n);
      expect(w.lower).toBeCloseTo(interval[0], 12);
      expect(w.upper).toBeCloseTo(interval[1], 12);
    }
  });

  it('reject impossible counts', () => {
    expect(() => proportion(5, 0)).toThrow(/proportion: n must be a whole number in \[1, /);
    expect(() => proportion(11, 10)).toThrow(/proportion: successes must be a whole number in \[0, 10\] \(got 11\)/);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(/confidence/);
  });
});

import { describe, expect, it } from 'vitest';
import { histogram } from 'middle-corridor';
import { REF } from '../helpers.js';

describe('histogram', () => {
  it('counts like numpy.histogram (last bin closed)', () => {
    const { data, bins, counts, edges } = REF.histogram;
    const h = histogram(data, { bins });
    expect(h.map((b) => b.count)).toEqual(counts);
    expect(h.map((b) => b.x0)).toEqual(edges.slice(0, -1));
    expect(h[h.length - 1]!.x1).toBe(edges[edges.length - 1]);
  });

  it('rejects a bad bin count', () => {
    expect(() => histogram([1], { bins: 0 })).toThrow(/histogram: bins must be a whole number in \[1, 1000000\]/);
  });
});

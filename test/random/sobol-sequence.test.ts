import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sobolPoints } from '../../src/random/sobol-sequence.js';

const ref = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/sobol-points.json', import.meta.url)), 'utf8')).points;

describe('the Sobol sequence equals scipy qmc.Sobol(d, scramble=False), point for point', () => {
  for (const d of ['1', '2', '5', '64']) {
    it(`${d} dimensions: the first 40 points, point 1000 and the mean of 1024`, () => {
      const pts = sobolPoints(Number(d), 1024);
      const row = (i: number) => pts.map((col) => col[i]!);
      ref[d].first.forEach((want: number[], i: number) => expect(row(i)).toEqual(want));
      expect(row(1000)).toEqual(ref[d].at1000);
      const means = pts.map((col) => col.reduce((s, x) => s + x, 0) / col.length);
      means.forEach((m, j) => expect(m).toBeCloseTo(ref[d].mean[j], 12));
    });
  }
  it('refuses dimensions beyond the table', () => {
    expect(() => sobolPoints(65, 4)).toThrow(/sobolPoints: dims must be a whole number in \[1, 64\]/);
  });
});

/**
 * A volume result's Jupyter display draws its fan through fanChartUnchecked (so that a page that
 * only simulates keeps no chart argument checks and no reading of results): the unchecked twin
 * must draw exactly what fanChart draws from the same rows and options.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fanChart, simulateVolumes, type FanChartOptions, type FanRow, type ScenarioInput } from '../../src/index.js';
import { fanChartUnchecked } from '../../src/report/volume-charts.js';

const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
const display = (x: unknown) => (x as Record<symbol, () => Record<string, unknown>>)[Symbol.for('Jupyter.display')]!();

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const year = fc.integer({ min: 1990, max: 2100 });
const point = fc.record({ year, volumeMt: finite });
const row = fc.record({ year, p10: finite, p50: finite, p90: finite }, { requiredKeys: ['year', 'p10', 'p50', 'p90'] });
const rows = fc.oneof(
  fc.array(row, { maxLength: 8 }),
  // several scenarios: every row named
  fc.array(fc.record({ year, p10: finite, p50: finite, p90: finite, scenario: fc.constantFrom('a', 'b', 'c\u2028d') }), { maxLength: 8 }),
);
const options = fc.record(
  { title: fc.string(), sources: fc.array(fc.string(), { maxLength: 3 }), record: fc.array(point, { maxLength: 4 }), announced: fc.array(point, { maxLength: 4 }), target: fc.option(point) },
  { requiredKeys: [] },
);

describe('fanChartUnchecked: fanChart without its checks', () => {
  it('draws what fanChart draws, for every rows and options fanChart accepts', () => {
    fc.assert(
      fc.property(rows, options, (r: FanRow[], o: FanChartOptions) => {
        expect(fanChartUnchecked(r, o)).toEqual(fanChart(r, o));
      }),
      { seed: 20261206, numRuns: 200 },
    );
  });

  it("a volume result's display (full and summary runs) holds the chart fanChart draws from the result", () => {
    const small: ScenarioInput = { name: 'small', start: { year: 2025, volumeMt: 4 }, horizon: 2029, growth: { model: 'exponential', rate: { dist: 'uniform', min: 0.1, max: 0.4 } }, capacity: { baseMt: 6 } };
    for (const r of [simulateVolumes(small, { paths: 500, seed: 1 }), simulateVolumes(small, { paths: 500, seed: 1, keep: 'summary' })]) {
      const chart = display(r)['application/vnd.vegalite.v5+json'] as { title: { text: string } };
      expect(chart.title.text).toBe('small: volume by year (500 paths, seed 1)');
      expect(chart).toEqual(json(fanChart(r, { title: chart.title.text })));
    }
  });
});

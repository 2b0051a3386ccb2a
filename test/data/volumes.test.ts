import { describe, expect, it } from 'vitest';
import { ANNOUNCED_TRAJECTORY, CAPACITIES, TITR_VOLUMES, TRANSIT_TIMES, compareSeries, reportedVolumes } from 'middle-corridor';

describe('the built-in record', () => {
  it('holds the ministry series 2019–2025 as reported outturns', () => {
    expect(reportedVolumes().map((o) => [o.year, o.volumeMt])).toEqual([
      [2019, 0.759],
      [2020, 0.783],
      [2021, 0.586],
      [2022, 1.485],
      [2023, 2.764],
      [2024, 4.484],
      [2025, 4.119],
    ]);
  });

  it('marks the missed 2022 and 2025 forecasts and the 2027 plan as targets', () => {
    const targets = TITR_VOLUMES.filter((o) => o.kind === 'target').map((o) => [o.year, o.volumeMt]);
    expect(targets).toEqual([
      [2022, 3.2],
      [2025, 5.2],
      [2027, 10],
    ]);
  });

  it('gives every entry a kind and a source with a title, and a URL where one was published', () => {
    for (const list of [TITR_VOLUMES, ANNOUNCED_TRAJECTORY, CAPACITIES, TRANSIT_TIMES] as const) {
      for (const o of list) {
        expect(['reported', 'estimate', 'target']).toContain(o.kind);
        expect(o.source).toMatch(/\S.* — (https?:\/\/\S+|no URL published)/);
      }
    }
    for (const o of TITR_VOLUMES) if (o.teu) expect(o.teu.source.length).toBeGreaterThan(10);
  });

  it('keeps the article’s trajectory as its own series: 0.86 → 4.5 → 5.2 → 10', () => {
    expect(ANNOUNCED_TRAJECTORY.map((o) => [o.year, o.volumeMt, o.kind])).toEqual([
      [2020, 0.86, 'reported'],
      [2024, 4.5, 'reported'],
      [2025, 5.2, 'target'],
      [2027, 10, 'target'],
    ]);
  });

  it('shows where the article and the record differ', () => {
    const rows = compareSeries(ANNOUNCED_TRAJECTORY, TITR_VOLUMES);
    expect(rows.map((r) => [r.year, r.recordMt, r.differenceMt])).toEqual([
      [2020, 0.783, 0.077],
      [2024, 4.484, 0.016],
      [2025, 4.119, 1.081],
      [2027, null, null],
    ]);
    expect(rows[2]!.relativeDifference).toBeCloseTo(1.081 / 4.119, 12);
  });

  it('is frozen: the record cannot be edited by accident', () => {
    expect(Object.isFrozen(TITR_VOLUMES)).toBe(true);
    expect(() => (TITR_VOLUMES as unknown as unknown[]).push({})).toThrow(TypeError);
  });
});

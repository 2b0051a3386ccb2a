/** The standard workloads of bench/numpy_reference.py, as library inputs (no vitest here). */
import type { RouteInput, ScenarioInput } from '../src/index.js';

/** The standard volume workload of bench/numpy_reference.py. */
export const STANDARD_VOLUME: ScenarioInput = {
  start: { year: 2020, volumeMt: 0.86 },
  horizon: 2027,
  growth: { model: 'exponential', rate: 0.35 },
  volatility: 0.25,
  capacity: { baseMt: 12, expansions: [{ year: 2026, addMt: 3, delayYears: 1 }] },
  disruptions: [
    { name: 'caspian low water', probability: 0.15, capacityFactor: 0.8 },
    { name: 'demand slump', probability: 0.1, demandFactor: 0.8 },
  ],
  target: { year: 2027, volumeMt: 10 },
};

/** The standard transit workload of bench/numpy_reference.py. */
const T = (min: number, mode: number, max: number) => ({ dist: 'triangular' as const, min, mode, max });
export const STANDARD_TRANSIT: RouteInput = {
  name: 'nine triangular legs with a storm delay',
  legs: [
    { name: 'l1', mode: 'rail', days: T(3, 4, 6) },
    { name: 'l2', mode: 'border', days: T(1, 1.5, 3) },
    { name: 'l3', mode: 'rail', days: T(0.5, 1, 4) },
    { name: 'l4', mode: 'port', days: T(1, 2, 8) },
    { name: 'l5', mode: 'ferry', days: T(0.5, 1, 3), delay: { probability: 0.05, days: { dist: 'uniform', min: 1, max: 4 } } },
    { name: 'l6', mode: 'port', days: T(1, 1.5, 3) },
    { name: 'l7', mode: 'rail', days: T(0.5, 1, 2) },
    { name: 'l8', mode: 'sea', days: T(2, 3, 5) },
    { name: 'l9', mode: 'rail', days: T(1, 2, 3) },
  ],
};

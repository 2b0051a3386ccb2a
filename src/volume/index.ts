export { simulateVolumes, STREAM_BLOCK, MAX_PATHS, MAX_RUN_BYTES, type VolumeOptions } from './simulate.js';
export { MAX_VOLUME_MT } from './kernel.js';
export { VolumeSummary, type VolumeSummaryJSON, type KeptQuantile, type KeptProbability } from './summary.js';
export { VolumeResult, type VolumeSummaryRow, type FirstYearRow, type Unmet, type Utilisation, type VolumeYearJSON, type VolumeResultJSON } from './result.js';
export type { UntilStandardError, VolumeUntilOptions } from './simulate.js';
export type { Precision } from '../engine/precision.js';

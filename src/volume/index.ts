export { simulateVolumes, STREAM_BLOCK, MAX_PATHS, type VolumeOptions } from './simulate.js';
export { VolumeSummary } from './summary.js';
export { VolumeResult, type VolumeSummaryRow, type FirstYearRow } from './result.js';
export { backtest, forecastScenario, type BacktestRow, type BacktestOptions } from './backtest.js';

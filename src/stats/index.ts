export { quantile, quantiles, quantileSorted } from './quantile.js';
export { select } from './select.js';
export { sum, mean, variance, meanVariance, type MeanVariance } from './summary.js';
export { proportion, wilsonInterval } from './proportion.js';
export { estimate, type Estimate } from './estimate.js';
export { histogram, MAX_BINS, type Bin } from './histogram.js';
export { normalCdf, normalSurvival, normalPdf, normalQuantile } from './normal.js';
export { studentTCdf, studentTQuantile } from './studentT.js';

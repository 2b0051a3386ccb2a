// The charts, one file per family (docs/design.md, "Report and notebooks"); the shared styling is
// style.ts. Re-exported here for the report index and the renderer.
export { VEGA_LITE_SCHEMA, CHART_MARKS, type VegaLiteSpec } from './style.js';
export { fanChart, firstYearChart, type YearPoint, type FanRow, type FanChartOptions, type FirstYearBar } from './volume-charts.js';
export { transitChart, type RouteDistribution } from './transit-chart.js';
export { tornadoChart, sobolChart, convergenceChart, type TornadoBar, type SobolBar, type ConvergencePoint } from './analysis-charts.js';
export { backtestChart, pitChart, type BacktestBand, type PitPoint } from './forecast-charts.js';

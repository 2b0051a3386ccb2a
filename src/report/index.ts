export {
  fanChart,
  firstYearChart,
  transitChart,
  tornadoChart,
  sobolChart,
  convergenceChart,
  backtestChart,
  pitChart,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
  type YearPoint,
  type FanRow,
  type FanChartOptions,
  type FirstYearBar,
  type RouteDistribution,
  type TornadoBar,
  type SobolBar,
  type ConvergencePoint,
  type BacktestBand,
  type PitPoint,
} from './charts.js';
export { toCSV, JUPYTER_DISPLAY, type TidyRow, type TidyFields, type TidyInput, type CSVOptions } from './display.js';
export type { RowDisplay } from './row-result.js';

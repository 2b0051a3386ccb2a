export { parseScenario, parseRoute } from './parse.js';
export { ScenarioError, formatPath, type ScenarioIssue } from './error.js';
export {
  LEG_MODES,
  DEFAULT_TARGET,
  MAX_HORIZON_YEARS,
  type ScenarioInput,
  type Scenario,
  type ExpansionInput,
  type DisruptionInput,
  type RouteInput,
  type Route,
  type LegInput,
  type LegMode,
  type QueueInput,
} from './types.js';
export { PRESETS, type PresetName } from './presets.js';

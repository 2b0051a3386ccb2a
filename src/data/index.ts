export { SOURCES, type SourceKey } from './sources.js';
export {
  TITR_VOLUMES,
  ANNOUNCED_TRAJECTORY,
  reportedVolumes,
  compareSeries,
  type Observation,
  type ObservationKind,
  type TeuFigure,
  type SeriesDifference,
} from './volumes.js';
export {
  CAPACITIES,
  TRANSIT_TIMES,
  TARGETS,
  TONNES_PER_TEU,
  type CapacityFact,
  type TransitFact,
} from './facts.js';
export { TITR_TEU, containerShares, type TeuObservation, type ContainerShare } from './containers.js';
export { OFFICIAL_CLAIMS_2026, type OfficialClaims, type StretchReading, type DayRange } from './claims.js';

/**
 * Matching engine (issue 6): pure TypeScript scoring of client × training-place pairs with explained
 * factors, indexed top-k search both ways (identical to the naive all-pairs scan), batch runs (also on
 * worker threads) and the speed-dating assignment. No database, no clock: the data layer feeds it.
 */

export {
  chooseMeetings,
  colourEdges,
  type Meeting,
  type MeetingInput,
  type MeetingSchedule,
  scheduleMeetings,
  type UnmatchedClient,
  type UnmatchedReason,
  unmatchedClients,
} from './assignment';
export {
  explainPair,
  type TopOptions,
  topClientsForPlace,
  topPlacesForClient,
  UnknownMatchIdError,
} from './matching.api';
export {
  type BatchOptions,
  type BatchResult,
  type ProgressCallback,
  runClientsBatch,
  runPlacesBatch,
  sameBatch,
} from './matching.batch';
export {
  DEFAULT_WEIGHTS,
  MatchConfigError,
  type MatchConfigIssue,
  parseMatchConfig,
  type TMatchConfig,
  type TMatchConfigInput,
  type TMatchWeights,
  ZMatchConfig,
  ZMatchWeights,
} from './matching.config';
export { greatCircleKm } from './matching.geo';
export { createMatchModel, type MatchModel, type MatchModelInput } from './matching.model';
export { LEVEL_FIT, LEVEL_NAMES } from './matching.occupations';
export { type ParallelOptions, type ParallelTiming, runPlacesBatchParallel } from './matching.parallel';
export { searchStats } from './matching.search';
export * from './matching.types';

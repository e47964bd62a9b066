/**
 * Matching module (issue 6): explained suggestions between young people (clients) and training places.
 * The pure engine (`engine/`: scoring, indexed top-k both ways, batch runs, speed-dating assignment) and
 * the synthetic data generator (`generator/`) plus the data layer (cached per-office model), the service
 * (access checks, office scoping, audit, per-office weights, stored batch runs) and the routes:
 * `/api/clients/:id/suggestions`, `/api/places/:id/matching-candidates`, `/api/matching/*`.
 * Decisions and defaults: docs/decisions/0004-matching-engine.md.
 */
import type { FastifyPluginAsync } from 'fastify';
import { matchingRoutes as suggestionRoutes } from './matching.routes';
import { runsRoutes } from './runs.routes';

/** The module's Fastify plugin: suggestion, explanation, weights, assignment and batch-run routes. */
export const matchingRoutes: FastifyPluginAsync = async (app) => {
  await app.register(suggestionRoutes);
  await app.register(runsRoutes);
};

export { planMeetings } from './assignment.service';
export { DEFAULT_CONFIG, getMatchConfig, officeConfig, updateMatchConfig } from './config.service';
export * from './engine';
export {
  type GeneratedClient,
  type GeneratedClientRecord,
  type GeneratedCompany,
  type GeneratedCompanyRecord,
  type GeneratedDataset,
  type GeneratedPlace,
  type GeneratedPlaceRecord,
  type GeneratedRecords,
  type GeneratorOccupation,
  type GeneratorOptions,
  type GeneratorPostcode,
  type GeneratorReference,
  type GeneratorRegion,
  generateDataset,
  generateRecords,
  loadGeneratorReference,
  regionFilter,
} from './generator';
export { MATCHING_POLICY, type MatchingAction } from './matching.access';
export { buildOfficeModel, loadOfficeInput, type OfficeModel } from './matching.loader';
export { explainMatch, suggestClientsForPlace, suggestPlacesForClient } from './matching.service';
export { interestKeywords } from './matching.text';
export { candidateScore } from './matching.view';
export { createRun, getRun, listRunResults, listRuns } from './runs.service';

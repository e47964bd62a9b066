/**
 * Places module (issue 5): training places of companies (apprenticeship, internship, entry
 * qualification, taster day) with requirement profile, pre-selected candidates and proposals to the
 * company ("passgenaue Besetzung"), and the public place list. The only writer of `training_place`,
 * `place_requirement_profile`, `place_candidate` and `place_proposal`; reads `company` and
 * `company_contact_person` by joins (ADR 0003) and never imports the companies module.
 */
import type { FastifyPluginAsync } from 'fastify';
import { candidateRoutes } from './candidates.routes';
import { placeRoutes } from './places.routes';

/** The module's Fastify plugin: `/api/places/*` and `/api/public/places`. */
export const placesRoutes: FastifyPluginAsync = async (app) => {
  await app.register(placeRoutes);
  await app.register(candidateRoutes);
};
export { moveClientCandidates } from './candidates.repository';
export { addCandidate, listCandidates } from './candidates.service';
export { ensurePlaceCandidate, fillPlaceWhenTaken, reopenPlaceWhenFree } from './links.service';
export {
  bulkInsertPlaces,
  findPlacesByExternalRefs,
  moveCompanyPlaces,
  type PlaceInsertRow,
  updatePlacesFromImport,
} from './places.bulk';
export { INACTIVE_COMPANY_STAGES } from './places.repository';
export { type SeedPlace, type SeedProfile, seedPlaces } from './places.seed';
export { createPlace, getPlace, listPlaces, listPlacesForExport } from './places.service';

/**
 * Matching module (issue 6): explained suggestions between young people (clients) and training places.
 * For now the public surface is the pure engine and the synthetic data generator; the Fastify routes, the
 * service (access checks, office scoping, audit, stored runs) and placements follow. The engine takes plain
 * arrays (`MatchClient`, `MatchPlace`, `MatchOccupation`) — the data layer resolves postcodes to centroids —
 * and never touches the database. Decisions and defaults: docs/decisions/0004-matching-engine.md.
 */
export * from './engine';
export {
  type GeneratedClient,
  type GeneratedCompany,
  type GeneratedDataset,
  type GeneratedPlace,
  type GeneratorOccupation,
  type GeneratorOptions,
  type GeneratorPostcode,
  type GeneratorReference,
  generateDataset,
  loadGeneratorReference,
} from './generator';

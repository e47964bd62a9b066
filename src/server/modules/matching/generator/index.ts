/**
 * Synthetic data generator of the matching module (issue 6): realistic clients, companies and training
 * places from the real reference data, seeded and reproducible. `generateDataset` (the engine's fields,
 * benchmark) and `generateRecords` (whole records for the demo installation) are pure; the file reading
 * is in `loadGeneratorReference`.
 */
export { fnv1a, generateDataset, rankOccupations, regionFilter } from './generator';
export { isoDay, isoOf, uuidFrom } from './generator.parts';
export {
  type GeneratedClientRecord,
  type GeneratedCompanyRecord,
  type GeneratedPlaceRecord,
  type GeneratedRecords,
  type GeneratedStageChange,
  generateRecords,
} from './generator.records';
export * from './generator.records.shares';
export * from './generator.shares';
export type {
  GeneratedClient,
  GeneratedCompany,
  GeneratedDataset,
  GeneratedPlace,
  GeneratorOccupation,
  GeneratorOptions,
  GeneratorPostcode,
  GeneratorReference,
  GeneratorRegion,
} from './generator.types';
export { aliasTable, createRng, type Rng, weightedChoice } from './prng';
export {
  DATA_ROOT,
  isOrganisationRow,
  loadGeneratorReference,
  organisationPostcodes,
  parseOccupationList,
  parsePostcodeCentroids,
} from './reference.files';

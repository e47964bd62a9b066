/**
 * Synthetic data generator of the matching module (issue 6): realistic clients, companies and training
 * places from the real reference data, seeded and reproducible. `generateDataset` is pure; the file
 * reading is in `loadGeneratorReference`.
 */
export { fnv1a, generateDataset, rankOccupations } from './generator';
export { isoDay, isoOf, uuidFrom } from './generator.parts';
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
} from './generator.types';
export { aliasTable, createRng, type Rng, weightedChoice } from './prng';
export {
  DATA_ROOT,
  loadGeneratorReference,
  parseOccupationList,
  parsePostcodeCentroids,
} from './reference.files';

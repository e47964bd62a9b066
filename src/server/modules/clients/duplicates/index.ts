/**
 * Duplicate detection of clients (pure, no I/O): name keys across scripts and transliterations, an
 * explained score for a pair, and the search keys the data layer stores to preselect candidates.
 */
export {
  compareDatesOfBirth,
  DEFAULT_DUPLICATE_THRESHOLD,
  type DuplicateHit,
  type DuplicateReason,
  type DuplicateScore,
  findDuplicates,
  LIKELY_DUPLICATE_THRESHOLD,
  type PersonName,
  type PreparedPerson,
  preparePerson,
  scoreDuplicate,
  scorePrepared,
} from './match';
export { type NamePart, type NameReading, nameParts, searchKeys } from './name-key';
export { foldLatin } from './name-rules';

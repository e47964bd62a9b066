import {
  ZCefrLevel,
  ZConsentPurpose,
  ZEmploymentStatus,
  ZGender,
  ZGermanLevelSource,
  ZGuardian,
  ZRecognitionState,
  ZResidenceStatus,
  ZSchoolQualification,
  ZWorkPermit,
} from '../../../contracts/clients';

/** CEFR levels A1 … C2. */
export const CEFR_LEVELS = ZCefrLevel.options;
/** Gender values (labels `clients.gender.*`). */
export const GENDERS = ZGender.options;
/** Sources of a German level (labels `clients.germanLevelSource.*`). */
export const GERMAN_LEVEL_SOURCES = ZGermanLevelSource.options;
/** School qualifications (labels `clients.school.*`). */
export const SCHOOL_QUALIFICATIONS = ZSchoolQualification.options;
/** Recognition states of a foreign certificate (labels `clients.recognition.*`). */
export const RECOGNITION_STATES = ZRecognitionState.options;
/** Residence status types (labels `clients.residenceStatus.*`). */
export const RESIDENCE_STATUSES = ZResidenceStatus.options;
/** Work permit values (labels `clients.workPermit.*`). */
export const WORK_PERMITS = ZWorkPermit.options;
/** Employment status at entry (labels `clients.employmentStatus.*`). */
export const EMPLOYMENT_STATUSES = ZEmploymentStatus.options;
/** Consent purposes (labels `clients.consentPurpose.*`). */
export const CONSENT_PURPOSES = ZConsentPurpose.options;
/** Relations of a guardian (labels `clients.guardianRelation.*`). */
export const GUARDIAN_RELATIONS = ZGuardian.shape.relation.options;

import { z } from 'zod';

/**
 * Code lists shared by companies, places and imports (issue 5). Names follow DOMAIN.md.
 */

/** Acquisition pipeline stage (`Company.stage`, DOMAIN.md "Stages"); `declined`/`inactive` are side exits. */
export const ZCompanyStage = z.enum([
  'identified',
  'contacted',
  'advised',
  'ready_to_train',
  'offering',
  'training',
  'declined',
  'inactive',
]);
/** Pipeline stage of a company. */
export type TCompanyStage = z.infer<typeof ZCompanyStage>;
/** The main pipeline in order (kanban columns), without the side exits. */
export const COMPANY_PIPELINE: readonly TCompanyStage[] = [
  'identified',
  'contacted',
  'advised',
  'ready_to_train',
  'offering',
  'training',
];

/** How the company was reached (Kaltakquise, aufsuchende Beratung, persönliche Empfehlung). */
export const ZAcquisitionChannel = z.enum(['cold_call', 'outreach_visit', 'referral']);
/** Acquisition channel. */
export type TAcquisitionChannel = z.infer<typeof ZAcquisitionChannel>;

/**
 * Competent body (zuständige Stelle, BBiG §§ 71–75): IHK, HWK, Landwirtschaftskammer, the chambers of
 * the liberal professions (Rechtsanwalts-, Ärzte-, Zahnärzte-, Tierärzte-, Apotheker-, Steuerberater-
 * kammer), public service bodies and other.
 */
export const ZChamber = z.enum([
  'ihk',
  'hwk',
  'lwk',
  'rak',
  'aek',
  'zak',
  'tak',
  'apk',
  'stbk',
  'public_service',
  'other',
]);
/** Competent body (Kammer). */
export type TChamber = z.infer<typeof ZChamber>;

/** Sections of the German classification of economic activities WZ 2008 (Destatis), A–U. */
export const ZSector = z.enum([
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
]);
/** WZ 2008 section letter. */
export type TSector = z.infer<typeof ZSector>;

/** yes / no / in progress (authorisation to train, AEVO-qualified trainer). */
export const ZYesNoInProgress = z.enum(['yes', 'no', 'in_progress']);
/** yes / no / in progress. */
export type TYesNoInProgress = z.infer<typeof ZYesNoInProgress>;

/** Training history; funders count first-time training companies (`never`). */
export const ZTrainingHistory = z.enum(['never', 'not_recently', 'training_now']);
/** Training history. */
export type TTrainingHistory = z.infer<typeof ZTrainingHistory>;

/** Kind of an offered place (`TrainingPlace.kind`, DOMAIN.md). */
export const ZPlaceKind = z.enum(['apprenticeship', 'internship', 'entry_qualification', 'taster_day']);
/** Kind of place. */
export type TPlaceKind = z.infer<typeof ZPlaceKind>;

/** Status of a place. */
export const ZPlaceStatus = z.enum(['open', 'filled', 'withdrawn']);
/** Place status. */
export type TPlaceStatus = z.infer<typeof ZPlaceStatus>;

/** Where a place record came from. */
export const ZPlaceSource = z.enum(['manual', 'csv', 'xlsx', 'ba']);
/** Place source. */
export type TPlaceSource = z.infer<typeof ZPlaceSource>;

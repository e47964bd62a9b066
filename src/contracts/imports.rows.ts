import { z } from 'zod';
import { ZCefrLevel, ZSchoolQualification } from './clients';
import {
  ZAcquisitionChannel,
  ZChamber,
  ZCompanyStage,
  ZPlaceKind,
  ZPlaceStatus,
  ZSector,
  ZTrainingHistory,
  ZYesNoInProgress,
} from './companies.enums';

/**
 * One validated, normalised company row of an import (CSV/XLSX), ready for
 * `bulkInsertCompanies` of the companies module. Produced by the imports module after column
 * mapping and row validation; empty cells are null.
 */
export const ZCompanyImportRow = z.object({
  name: z.string().min(1).max(200),
  legalForm: z.string().max(60).nullable(),
  sector: ZSector.nullable(),
  employees: z.int().min(0).nullable(),
  street: z.string().max(200).nullable(),
  postcode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable(),
  place: z.string().max(100).nullable(),
  phone: z.string().max(60).nullable(),
  email: z.email().nullable(),
  website: z.string().max(300).nullable(),
  chamber: ZChamber.nullable(),
  ownerMigrationBackground: z.boolean().nullable(),
  ownerLanguages: z.array(z.string().regex(/^[a-z]{2,3}$/)),
  authorisedToTrain: ZYesNoInProgress.nullable(),
  qualifiedTrainer: ZYesNoInProgress.nullable(),
  trainingHistory: ZTrainingHistory.nullable(),
  stage: ZCompanyStage,
  acquisitionChannel: ZAcquisitionChannel.nullable(),
  tags: z.array(z.string().min(1).max(40)),
  notes: z.string().max(4000).nullable(),
});
/** A validated company import row. */
export type TCompanyImportRow = z.infer<typeof ZCompanyImportRow>;

/**
 * One validated, normalised training-place row of an import (CSV/XLSX/BA), ready for
 * `bulkInsertPlaces` of the places module. `companyId` is resolved by the importer (existing
 * company of the office with the same name key and postcode, or one created in the same
 * transaction). `occupationId` is an id of the occupation list (reference module).
 */
export const ZPlaceImportRow = z.object({
  companyId: z.uuid(),
  kind: ZPlaceKind,
  occupationId: z.string().nullable(),
  title: z.string().max(200).nullable(),
  description: z.string().max(8000).nullable(),
  seats: z.int().min(1),
  startsOn: z.iso.date().nullable(),
  durationMonths: z.int().min(1).max(60).nullable(),
  postcode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable(),
  place: z.string().max(100).nullable(),
  street: z.string().max(200).nullable(),
  minSchoolQualification: ZSchoolQualification.nullable(),
  minGermanLevel: ZCefrLevel.nullable(),
  drivingLicenceRequired: z.boolean(),
  languageSupport: z.boolean(),
  status: ZPlaceStatus,
  published: z.boolean(),
  source: z.enum(['csv', 'xlsx', 'ba']),
  externalRef: z.string().max(100).nullable(),
});
/** A validated place import row. */
export type TPlaceImportRow = z.infer<typeof ZPlaceImportRow>;

import { z } from 'zod';
import { ZProblem, ZTimestamp, ZVersion } from './common';
import { ZCompanyQuery } from './companies';
import { ZPlaceFilter } from './places';

/**
 * API contract of the imports module (issue 5): CSV/XLSX imports of companies and training places,
 * the import of Bundesagentur für Arbeit job-search (Jobsuche) responses, and the CSV/XLSX exports.
 * Flow: upload → job with detected headers and a suggested column mapping → dry run (every invalid
 * row listed) → all-or-nothing commit. Row numbers are those a spreadsheet program shows (header =
 * row 1); for BA imports the position of the offer in the response (first offer = 1).
 */

/** What an import creates: companies or training places (places create missing companies too). */
export const ZImportTarget = z.enum(['companies', 'places']);
/** Import target. */
export type TImportTarget = z.infer<typeof ZImportTarget>;

/** Where the rows came from: an uploaded CSV or XLSX file, or a BA job-search response. */
export const ZImportFormat = z.enum(['csv', 'xlsx', 'ba']);
/** Import format. */
export type TImportFormat = z.infer<typeof ZImportFormat>;

/**
 * Job status: `uploaded` → (dry run) `validating` → `validated` | `invalid` → (commit) `committing` →
 * `committed` | `failed` (nothing written) | `invalid` (rows turned invalid since the dry run).
 */
export const ZImportStatus = z.enum([
  'uploaded',
  'validating',
  'validated',
  'invalid',
  'committing',
  'committed',
  'failed',
]);
/** Import job status. */
export type TImportStatus = z.infer<typeof ZImportStatus>;

/** CSV delimiters by name (`;` is German Excel's). */
export const ZDelimiterName = z.enum(['semicolon', 'comma', 'tab', 'pipe']);
/** Delimiter name. */
export type TDelimiterName = z.infer<typeof ZDelimiterName>;

/** Target fields of a company import (the keys of a mapping); `name` is required. */
export const ZCompanyImportField = z.enum([
  'name',
  'legalForm',
  'sector',
  'employees',
  'street',
  'postcode',
  'place',
  'phone',
  'email',
  'website',
  'chamber',
  'ownerMigrationBackground',
  'ownerLanguages',
  'authorisedToTrain',
  'qualifiedTrainer',
  'trainingHistory',
  'stage',
  'acquisitionChannel',
  'tags',
  'notes',
]);

/**
 * Target fields of a place import; `companyName` is required. The company is found by name and
 * `companyPostcode` (default: the place's `postcode`) or created; `occupation` takes an occupation
 * name, former name, id or KldB code.
 */
export const ZPlaceImportField = z.enum([
  'companyName',
  'companyPostcode',
  'kind',
  'occupation',
  'title',
  'description',
  'seats',
  'startsOn',
  'durationMonths',
  'postcode',
  'place',
  'street',
  'minSchoolQualification',
  'minGermanLevel',
  'drivingLicenceRequired',
  'languageSupport',
  'status',
  'published',
  'externalRef',
]);

/** Column mapping: target field → header of the file (as listed in `headers`). */
export const ZImportMapping = z.record(z.string().max(40), z.string().max(200));
/** Column mapping. */
export type TImportMapping = z.infer<typeof ZImportMapping>;

/**
 * Query of `POST /api/imports` (the file is the raw request body, `text/csv` or the xlsx MIME type;
 * the format is recognised from the bytes). `delimiter` overrides CSV delimiter detection.
 */
export const ZImportUploadQuery = z.object({
  target: ZImportTarget,
  fileName: z.string().trim().min(1).max(200).optional(),
  delimiter: ZDelimiterName.optional(),
});
/** Parsed upload query. */
export type TImportUploadQuery = z.infer<typeof ZImportUploadQuery>;

/**
 * Problem answered for an unusable file: `file_wrong_delimiter` names the delimiter that would give
 * `columns` columns, `file_bad_quotes` the `row` of the unclosed quote, `file_too_many_rows` the limit.
 */
export const ZImportFileProblem = ZProblem.extend({
  delimiter: ZDelimiterName.optional(),
  suggestedDelimiter: ZDelimiterName.optional(),
  columns: z.int().optional(),
  row: z.int().optional(),
  maxRows: z.int().optional(),
});

/** Body of `POST /api/imports/:id/dry-run`: the mapping to check (default: the stored or suggested one). */
export const ZImportDryRun = z.object({ version: ZVersion, mapping: ZImportMapping.optional() });
/** Parsed dry-run body. */
export type TImportDryRun = z.infer<typeof ZImportDryRun>;

/** What a commit does with a company that already exists (or repeats an earlier row of the file). */
export const ZDuplicatePolicy = z.enum(['skip', 'import']);

/** Body of `POST /api/imports/:id/commit`. `duplicates` applies to company imports (default `skip`). */
export const ZImportCommit = z.object({ version: ZVersion, duplicates: ZDuplicatePolicy.default('skip') });
/** Parsed commit body. */
export type TImportCommit = z.infer<typeof ZImportCommit>;

/**
 * One problem of a row: `code` is stable (`unknown_occupation`, `seats_not_positive`, …), `message`
 * is rendered in the request's language, `params` fill it. `suggestion` names the nearest recognised
 * occupation; `existingCompany` the company a duplicate would repeat (for a merge offer).
 */
export const ZImportIssue = z.object({
  row: z.int().nullable(),
  field: z.string().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  suggestion: z.object({ id: z.string(), name: z.string() }).nullable(),
  existingCompany: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
/** Import issue (error or warning). */
export type TImportIssue = z.infer<typeof ZImportIssue>;

/** Progress of a running dry run or commit (rows processed of `total`). */
export const ZImportProgress = z.object({
  phase: z.enum(['validating', 'committing']),
  processed: z.int(),
  total: z.int(),
});
/** Import progress. */
export type TImportProgress = z.infer<typeof ZImportProgress>;

/**
 * Outcome of a commit: rows written, companies created (counted from the records), and — while the
 * server that ran the commit keeps it — places updated (known external reference) and duplicates skipped.
 */
export const ZImportResult = z.object({
  imported: z.int(),
  companiesCreated: z.int(),
  placesUpdated: z.int().nullable(),
  duplicatesSkipped: z.int().nullable(),
});
/** Commit outcome. */
export type TImportResult = z.infer<typeof ZImportResult>;

/** A target field the mapping can use, and whether the import needs it. */
export const ZImportFieldInfo = z.object({ field: z.string(), required: z.boolean() });

/** A job in lists (without rows, issues or samples). */
export const ZImportJobSummary = z.object({
  id: z.uuid(),
  target: ZImportTarget,
  format: ZImportFormat,
  fileName: z.string().nullable(),
  status: ZImportStatus,
  totalRows: z.int().nullable(),
  validRows: z.int(),
  errorCount: z.int(),
  warningCount: z.int(),
  createdByName: z.string().nullable(),
  createdAt: ZTimestamp,
  finishedAt: ZTimestamp.nullable(),
  version: ZVersion,
});
/** Job summary. */
export type TImportJobSummary = z.infer<typeof ZImportJobSummary>;

/**
 * A job with what the mapping screen and the dry-run report need: detected `encoding` and
 * `delimiter`, `headers`, up to five `sampleRows` (cell texts), the `fields` of the target, the
 * `suggestedMapping` (German and English header synonyms), the `mapping` used last, every error
 * and warning (omitted with `?issues=false`), the running `progress` and the commit `result`.
 */
export const ZImportJob = ZImportJobSummary.extend({
  encoding: z.string().nullable(),
  delimiter: ZDelimiterName.nullable(),
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  fields: z.array(ZImportFieldInfo),
  suggestedMapping: ZImportMapping,
  mapping: ZImportMapping.nullable(),
  processedRows: z.int(),
  errors: z.array(ZImportIssue),
  warnings: z.array(ZImportIssue),
  progress: ZImportProgress.nullable(),
  result: ZImportResult.nullable(),
});
/** Import job. */
export type TImportJob = z.infer<typeof ZImportJob>;

/** Query of `GET /api/imports/:id`: `issues=false` leaves out the error and warning lists (for polling). */
export const ZImportJobQuery = z.object({
  issues: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

/** Query of `GET /api/imports`: the office's jobs, newest first. */
export const ZImportListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
/** A page of jobs. */
export const ZImportJobList = z.object({ items: z.array(ZImportJobSummary), total: z.int() });

/** Query of `POST /api/imports/ba`: a name for the saved response (default `jobsuche.json`). */
export const ZBaImportQuery = z.object({ fileName: z.string().trim().min(1).max(200).optional() });

/**
 * Body of `POST /api/imports/ba/fetch` (live job search, off unless `BA_JOBSUCHE_LIVE=true`):
 * `angebotsart=4` (training places) is always set; `was` (occupation/title text), `wo` (place),
 * `umkreis` (km around `wo`), `page` (first page, 1-based), `size` (offers per page), `pages` to fetch.
 */
export const ZBaFetch = z.object({
  was: z.string().trim().max(100).optional(),
  wo: z.string().trim().max(100).optional(),
  umkreis: z.int().min(0).max(200).optional(),
  page: z.int().min(1).max(100).default(1),
  size: z.int().min(1).max(100).default(50),
  pages: z.int().min(1).max(10).default(1),
});
/** Parsed live-fetch body. */
export type TBaFetch = z.infer<typeof ZBaFetch>;

/** Export file format. */
export const ZExportFormat = z.enum(['csv', 'xlsx']);
/** Export format. */
export type TExportFormat = z.infer<typeof ZExportFormat>;

/** Query of `GET /api/exports/companies`: the company list filters (`GET /api/companies`) plus `format`. */
export const ZCompanyExportQuery = ZCompanyQuery.omit({ limit: true, offset: true }).extend({
  format: ZExportFormat.default('csv'),
});
/** Parsed company export query. */
export type TCompanyExportQuery = z.infer<typeof ZCompanyExportQuery>;

/** Query of `GET /api/exports/places`: the place list filters (`GET /api/places`) plus `format`. */
export const ZPlaceExportQuery = ZPlaceFilter.extend({ format: ZExportFormat.default('csv') });
/** Parsed place export query. */
export type TPlaceExportQuery = z.infer<typeof ZPlaceExportQuery>;

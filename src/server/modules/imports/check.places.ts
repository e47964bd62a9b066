import type { TCompanyImportRow, TPlaceImportRow } from '../../../contracts/imports.rows';
import type { CellValue, TabularData } from '../../platform/tabular/index';
import { type CheckEnv, eachRow, germanDay, type RowIssue, RowReader } from './check.core';
import { cefrParser, existingPostcode, labelParser, memoise, textParser } from './check.shared';
import { PLACE_KIND_LABELS, PLACE_STATUS_LABELS, SCHOOL_QUALIFICATION_LABELS } from './imports.labels';
import {
  parseBoolean,
  parseDate,
  parseInteger,
  parseLicence,
  parsePostcode,
  rawText,
} from './imports.values';

/** What a place row duplicates: an existing place of the office (`placeId`) or an earlier row of the file (`row`). */
export type PlaceDuplicateOf = { placeId: string; row: null } | { placeId: null; row: number };

/** A valid place row, waiting for its company id (resolved at commit by `companyKey`). */
export interface PreparedPlace {
  row: number;
  /** `${companyNameKey(name)}|${postcode ?? ''}` of the place's company. */
  companyKey: string;
  place: Omit<TPlaceImportRow, 'companyId'>;
  /**
   * Set by the dry run (`markPlaceDuplicates`) when the row repeats a place (same company, kind,
   * occupation, start date and postcode); the commit skips such rows under the policy `skip`.
   */
  duplicateOf: PlaceDuplicateOf | null;
}

/** The company of one or more place rows, as it is created when the office does not have it yet. */
export interface PlaceCompany {
  key: string;
  firstRow: number;
  rows: number;
  company: TCompanyImportRow;
}

/** Result of checking a place file: every issue, the valid rows and their companies. */
export interface CheckedPlaces {
  errors: RowIssue[];
  warnings: RowIssue[];
  places: PreparedPlace[];
  companies: Map<string, PlaceCompany>;
  validRows: number;
}

const parseKind = labelParser(PLACE_KIND_LABELS);
const parseStatus = labelParser(PLACE_STATUS_LABELS);
const parseSchool = labelParser(SCHOOL_QUALIFICATION_LABELS);
const text100 = textParser(100);
const text200 = textParser(200);
const text8000 = textParser(8000);
/** Largest number of seats of one place (as the places module allows). */
export const MAX_SEATS = 999;

/** A company row with only what a place file tells about it; stage `offering` (it offers a place). */
function companyFromPlace(
  name: string,
  postcode: string | null,
  place: string | null,
  street: string | null,
) {
  return {
    name,
    legalForm: null,
    sector: null,
    employees: null,
    street,
    postcode,
    place,
    phone: null,
    email: null,
    website: null,
    chamber: null,
    ownerMigrationBackground: null,
    ownerLanguages: [],
    authorisedToTrain: null,
    qualifiedTrainer: null,
    trainingHistory: null,
    stage: 'offering',
    acquisitionChannel: null,
    tags: [],
    notes: null,
  } satisfies TCompanyImportRow;
}

/**
 * Checks every row of a place file (rules of issue 5): company name required; kind from German or
 * English labels (default apprenticeship); occupation required for apprenticeships and EQ, matched
 * against the recognised occupations (unknown → error with the nearest as suggestion; an EQ field
 * is no apprenticeship); seats a whole number ≥ 1 (default 1, at most 999); dates dd.mm.yyyy,
 * yyyy-mm-dd or Excel serial; an open place may not start before today; duration 1–60 months (EQ
 * 6–12, § 54a SGB III; default: the occupation's); postcodes must exist; booleans ja/nein/x/1/0;
 * external references unique in the file. Pure apart from the occupation suggestions.
 */
export async function checkPlaceRows(
  table: TabularData,
  columns: ReadonlyMap<string, number>,
  env: CheckEnv,
): Promise<CheckedPlaces> {
  const r = new RowReader(table, columns);
  const out: CheckedPlaces = { errors: [], warnings: [], places: [], companies: new Map(), validRows: 0 };
  const refs = new Map<string, number>();
  const unknownOccupations: RowIssue[] = [];
  const parsePostcodeHere = (v: CellValue) => existingPostcode(parsePostcode(v), env);
  const postcode = (field: string) => r.read(field, parsePostcodeHere, null, true);
  const nameKey = memoise(env.nameKey);

  await eachRow(
    table.rows,
    (row) => {
      r.start(row);
      const companyName = r.read('companyName', text200, null, true);
      if (companyName === null && r.errors.length === 0) r.error('companyName', 'required');
      const kind = r.read('kind', parseKind, null, true) ?? 'apprenticeship';
      const occupationText = rawText(r.cell('occupation'));
      let occupation = null;
      if (occupationText === '') {
        if (kind === 'apprenticeship' || kind === 'entry_qualification')
          r.error('occupation', 'occupation_required');
      } else {
        occupation = env.occupations.match(occupationText);
        if (!occupation) unknownOccupations.push(r.error('occupation', 'unknown_occupation'));
        else if (kind === 'apprenticeship' && occupation.kind === 'eq') {
          r.error('occupation', 'occupation_not_recognised', { name: occupation.name });
        }
      }
      const seats = r.read('seats', parseInteger, null, true);
      if (seats !== null && seats < 1) r.error('seats', 'seats_not_positive');
      else if (seats !== null && seats > MAX_SEATS) r.error('seats', 'seats_too_many', { max: MAX_SEATS });
      const startsOn = r.read('startsOn', parseDate, null, true);
      const status = r.read('status', parseStatus, null, true) ?? 'open';
      if (status === 'open' && startsOn !== null && startsOn < env.today) {
        r.error('startsOn', 'starts_in_past', { date: germanDay(startsOn) });
      }
      let durationMonths = r.read('durationMonths', parseInteger, null, true);
      if (durationMonths !== null && (durationMonths < 1 || durationMonths > 60)) {
        r.error('durationMonths', 'out_of_range', { min: 1, max: 60 });
      } else if (
        kind === 'entry_qualification' &&
        durationMonths !== null &&
        (durationMonths < 6 || durationMonths > 12)
      ) {
        r.error('durationMonths', 'eq_duration');
      }
      if (
        durationMonths === null &&
        occupation &&
        (kind === 'apprenticeship' || kind === 'entry_qualification')
      ) {
        durationMonths =
          kind === 'entry_qualification'
            ? Math.min(12, occupation.durationMonths)
            : occupation.durationMonths;
      }
      const placePostcode = postcode('postcode');
      const companyPostcode = r.has('companyPostcode') ? postcode('companyPostcode') : null;
      const place = r.read('place', text100, null, true);
      const street = r.read('street', text200, null, true);
      const externalRef = r.read('externalRef', text100, null);
      if (externalRef !== null) {
        const first = refs.get(externalRef);
        if (first !== undefined) r.error('externalRef', 'duplicate_external_ref', { row: first });
        else refs.set(externalRef, row.row);
      }
      const placeRow = {
        kind,
        occupationId: occupation?.id ?? null,
        title: r.read('title', text200, null),
        description: r.read('description', text8000, null),
        seats: seats ?? 1,
        startsOn,
        durationMonths,
        postcode: placePostcode,
        place,
        street,
        minSchoolQualification: r.read('minSchoolQualification', parseSchool, null, true),
        minGermanLevel: r.read('minGermanLevel', cefrParser, null, true),
        drivingLicenceRequired: r.read('drivingLicenceRequired', parseLicence, null, true) ?? false,
        languageSupport: r.read('languageSupport', parseBoolean, null, true) ?? false,
        status,
        published: r.read('published', parseBoolean, null, true) ?? false,
        source: env.source,
        externalRef,
      } satisfies Omit<TPlaceImportRow, 'companyId'>;
      if (r.has('postcode') && placePostcode === null && !r.errors.some((e) => e.field === 'postcode')) {
        r.warn('postcode', 'postcode_missing');
      }
      out.errors.push(...r.errors);
      out.warnings.push(...r.warnings);
      if (r.errors.length > 0 || companyName === null) return;
      const ownPostcode = companyPostcode ?? placePostcode;
      const companyKey = `${nameKey(companyName)}|${ownPostcode ?? ''}`;
      const known = out.companies.get(companyKey);
      if (known) known.rows++;
      else {
        const sameAddress = companyPostcode === null || companyPostcode === placePostcode;
        out.companies.set(companyKey, {
          key: companyKey,
          firstRow: row.row,
          rows: 1,
          company: companyFromPlace(
            companyName,
            ownPostcode,
            sameAddress ? place : null,
            sameAddress ? street : null,
          ),
        });
      }
      out.places.push({ row: row.row, companyKey, place: placeRow, duplicateOf: null });
      out.validRows++;
    },
    env.onProgress,
  );
  // One suggestion per distinct unknown name (a 50,000-row file has few distinct occupations).
  await Promise.all(
    unknownOccupations.map(async (issue) => {
      issue.suggestion = issue.value ? await env.occupations.suggest(issue.value) : null;
    }),
  );
  return out;
}

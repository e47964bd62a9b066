import type { TSector } from '../../../contracts/companies.enums';
import type { TCompanyImportRow } from '../../../contracts/imports.rows';
import type { CellValue, TabularData } from '../../platform/tabular/index';
import { type CheckEnv, eachRow, type RowIssue, RowReader } from './check.core';
import { existingPostcode, labelParser, memoise, textParser } from './check.shared';
import {
  ACQUISITION_CHANNEL_LABELS,
  CHAMBER_LABELS,
  COMPANY_STAGE_LABELS,
  LANGUAGE_NAMES,
  labelIndex,
  labelKey,
  SECTOR_LABELS,
  TRAINING_HISTORY_LABELS,
  YES_NO_IN_PROGRESS_LABELS,
} from './imports.labels';
import {
  type Parsed,
  parseBoolean,
  parseEmail,
  parseInteger,
  parseLabel,
  parsePostcode,
  rawText,
  splitList,
} from './imports.values';

/** A valid company row with its duplicate key (`${companyNameKey(name)}|${postcode ?? ''}`). */
export interface PreparedCompany {
  row: number;
  key: string;
  company: TCompanyImportRow;
  /** Row of an earlier company of the file with the same key. */
  sameAsRow: number | null;
}

/** Result of checking a company file. */
export interface CheckedCompanies {
  errors: RowIssue[];
  warnings: RowIssue[];
  companies: PreparedCompany[];
  validRows: number;
}

const SECTORS = labelIndex(SECTOR_LABELS);
const parseChamber = labelParser(CHAMBER_LABELS);
const parseYesNo = labelParser(YES_NO_IN_PROGRESS_LABELS);
const parseHistory = labelParser(TRAINING_HISTORY_LABELS);
const parseStage = labelParser(COMPANY_STAGE_LABELS);
const parseChannel = labelParser(ACQUISITION_CHANNEL_LABELS);
const text60 = textParser(60);
const text100 = textParser(100);
const text200 = textParser(200);
const text300 = textParser(300);
const text4000 = textParser(4000);
const LANGUAGES = new Map<string, string>();
for (const [code, names] of Object.entries(LANGUAGE_NAMES)) {
  LANGUAGES.set(code, code);
  for (const n of names) LANGUAGES.set(labelKey(n), code);
}

/** WZ 2008 section: the letter alone or in front ("C – Verarbeitendes Gewerbe"), or the section's title. */
function parseSector(v: CellValue): Parsed<TSector | null> {
  const s = rawText(v);
  const letter = /^([A-U])(?:$|[\s\-–:.)])/.exec(s)?.[1];
  if (letter) return { ok: true, value: letter as TSector };
  return parseLabel(v, SECTORS, 'A–U');
}

/** Owner's languages: ISO codes or German/English names, separated by , ; | or /. */
function parseLanguages(v: CellValue): Parsed<string[]> {
  const codes: string[] = [];
  for (const part of splitList(v, /[,;|/]+/)) {
    const code = LANGUAGES.get(labelKey(part)) ?? LANGUAGES.get(part.toLowerCase());
    if (!code) return { ok: false, code: 'invalid_language', params: { language: part } };
    if (!codes.includes(code)) codes.push(code);
  }
  return { ok: true, value: codes };
}

/** Tags: separated by , ; or |, each at most 40 characters, at most 20. */
function parseTags(v: CellValue): Parsed<string[]> {
  const tags = [...new Set(splitList(v))];
  if (tags.some((t) => t.length > 40)) return { ok: false, code: 'too_long', params: { max: 40 } };
  if (tags.length > 20) return { ok: false, code: 'too_many', params: { max: 20 } };
  return { ok: true, value: tags };
}

/**
 * Checks every row of a company file: name required (at most 200 characters); postcode must exist;
 * e-mail checked; employees a whole number 0–1,000,000; code lists (sector, chamber, yes/no/in
 * progress, training history, stage — default `identified` —, acquisition channel) from German or
 * English labels; booleans ja/nein/x/1/0; languages as codes or names. Repeated companies of the
 * file (same name key and postcode) are marked with the first row; existing companies of the
 * office are looked up by the caller.
 */
export async function checkCompanyRows(
  table: TabularData,
  columns: ReadonlyMap<string, number>,
  env: CheckEnv,
): Promise<CheckedCompanies> {
  const r = new RowReader(table, columns);
  const out: CheckedCompanies = { errors: [], warnings: [], companies: [], validRows: 0 };
  const firstRowOfKey = new Map<string, number>();
  const yesNo = (field: string) => r.read(field, parseYesNo, null, true);
  const parsePostcodeHere = (v: CellValue) => existingPostcode(parsePostcode(v), env);
  const nameKey = memoise(env.nameKey);

  await eachRow(
    table.rows,
    (row) => {
      r.start(row);
      const name = r.read('name', text200, null);
      if (name === null && r.errors.length === 0) r.error('name', 'required');
      const employees = r.read('employees', parseInteger, null, true);
      if (employees !== null && (employees < 0 || employees > 1_000_000)) {
        r.error('employees', 'out_of_range', { min: 0, max: 1_000_000 });
      }
      const postcode = r.read('postcode', parsePostcodeHere, null, true);
      const company: TCompanyImportRow = {
        name: name ?? '',
        legalForm: r.read('legalForm', text60, null, true),
        sector: r.read('sector', parseSector, null, true),
        employees,
        street: r.read('street', text200, null),
        postcode,
        place: r.read('place', text100, null, true),
        phone: r.read('phone', text60, null),
        email: r.read('email', parseEmail, null),
        website: r.read('website', text300, null),
        chamber: r.read('chamber', parseChamber, null, true),
        ownerMigrationBackground: r.read('ownerMigrationBackground', parseBoolean, null, true),
        ownerLanguages: r.read('ownerLanguages', parseLanguages, [], true),
        authorisedToTrain: yesNo('authorisedToTrain'),
        qualifiedTrainer: yesNo('qualifiedTrainer'),
        trainingHistory: r.read('trainingHistory', parseHistory, null, true),
        stage: r.read('stage', parseStage, null, true) ?? 'identified',
        acquisitionChannel: r.read('acquisitionChannel', parseChannel, null, true),
        tags: r.read('tags', parseTags, [], true),
        notes: r.read('notes', text4000, null),
      };
      out.errors.push(...r.errors);
      out.warnings.push(...r.warnings);
      if (r.errors.length > 0 || name === null) return;
      const key = `${nameKey(name)}|${postcode ?? ''}`;
      const first = firstRowOfKey.get(key);
      if (first === undefined) firstRowOfKey.set(key, row.row);
      else out.warnings.push(r.warn('name', 'duplicate_company_in_file', { row: first }));
      out.companies.push({ row: row.row, key, company, sameAsRow: first ?? null });
      out.validRows++;
    },
    env.onProgress,
  );
  return out;
}

import type { TCompany, TCompanyDuplicate, TCompanyFields } from '../../../contracts/companies';
import type {
  TAcquisitionChannel,
  TChamber,
  TSector,
  TTrainingHistory,
  TYesNoInProgress,
} from '../../../contracts/companies.enums';
import { ApiError } from '../../lib/api';

/** The company form's values: every field as the inputs hold it ('' = not stated). */
export interface TCompanyFormValues {
  name: string;
  legalForm: string;
  sector: string;
  /** Whole number as typed. */
  employees: string;
  street: string;
  postcode: string;
  place: string;
  phone: string;
  email: string;
  website: string;
  chamber: string;
  authorisedToTrain: string;
  qualifiedTrainer: string;
  trainingHistory: string;
  /** 'yes' | 'no' | '' (not declared: the owner's voluntary self-declaration). */
  ownerMigrationBackground: string;
  /** Language codes, one per row ('' = row not chosen yet). */
  ownerLanguages: string[];
  acquisitionChannel: string;
  acquisitionReferredBy: string;
  acquisitionOn: string;
  /** Responsible counsellor's user id ('' = nobody). */
  ownerUserId: string;
  /** Tags separated by commas. */
  tags: string;
  notes: string;
}

/** An empty form; the signed-in user (`ownerUserId`) is preset as responsible counsellor. */
export function emptyCompanyForm(ownerUserId: string): TCompanyFormValues {
  return {
    name: '',
    legalForm: '',
    sector: '',
    employees: '',
    street: '',
    postcode: '',
    place: '',
    phone: '',
    email: '',
    website: '',
    chamber: '',
    authorisedToTrain: '',
    qualifiedTrainer: '',
    trainingHistory: '',
    ownerMigrationBackground: '',
    ownerLanguages: [],
    acquisitionChannel: '',
    acquisitionReferredBy: '',
    acquisitionOn: '',
    ownerUserId,
    tags: '',
    notes: '',
  };
}

/** The form values of a stored company. */
export function companyToForm(company: TCompany): TCompanyFormValues {
  const text = (v: string | null) => v ?? '';
  return {
    name: company.name,
    legalForm: text(company.legalForm),
    sector: text(company.sector),
    employees: company.employees === null ? '' : String(company.employees),
    street: text(company.street),
    postcode: text(company.postcode),
    place: text(company.place),
    phone: text(company.phone),
    email: text(company.email),
    website: text(company.website),
    chamber: text(company.chamber),
    authorisedToTrain: text(company.authorisedToTrain),
    qualifiedTrainer: text(company.qualifiedTrainer),
    trainingHistory: text(company.trainingHistory),
    ownerMigrationBackground:
      company.ownerMigrationBackground === null ? '' : company.ownerMigrationBackground ? 'yes' : 'no',
    ownerLanguages: [...company.ownerLanguages],
    acquisitionChannel: text(company.acquisitionChannel),
    acquisitionReferredBy: text(company.acquisitionReferredBy),
    acquisitionOn: text(company.acquisitionOn),
    ownerUserId: text(company.ownerUserId),
    tags: company.tags.join(', '),
    notes: text(company.notes),
  };
}

/**
 * Tags from "Handwerk, Erstausbildung; Gastro": split at commas and semicolons, trimmed, empty ones
 * dropped, the same tag in another case kept once (first spelling wins).
 */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(/[,;]/)) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLocaleLowerCase('de');
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/** The chosen language codes: empty rows dropped, each code once. */
export function chosenLanguages(rows: readonly string[]): string[] {
  return [...new Set(rows.map((r) => r.trim()).filter(Boolean))];
}

/** The API fields of the form (`ZCompanyFields`): texts trimmed, '' → null, numbers and lists parsed. */
export function formToCompanyFields(values: TCompanyFormValues): TCompanyFields {
  const text = (v: string) => v.trim() || null;
  const employees = values.employees.trim();
  return {
    name: values.name.trim(),
    legalForm: text(values.legalForm),
    sector: (values.sector || null) as TSector | null,
    employees: /^\d+$/.test(employees) ? Number(employees) : null,
    street: text(values.street),
    postcode: text(values.postcode),
    place: text(values.place),
    phone: text(values.phone),
    email: text(values.email),
    website: text(values.website),
    chamber: (values.chamber || null) as TChamber | null,
    authorisedToTrain: (values.authorisedToTrain || null) as TYesNoInProgress | null,
    qualifiedTrainer: (values.qualifiedTrainer || null) as TYesNoInProgress | null,
    trainingHistory: (values.trainingHistory || null) as TTrainingHistory | null,
    ownerMigrationBackground:
      values.ownerMigrationBackground === '' ? null : values.ownerMigrationBackground === 'yes',
    ownerLanguages: chosenLanguages(values.ownerLanguages),
    acquisitionChannel: (values.acquisitionChannel || null) as TAcquisitionChannel | null,
    // "Recommended by" belongs to a recommendation only; it is cleared when the channel changes.
    acquisitionReferredBy:
      values.acquisitionChannel === 'referral' ? text(values.acquisitionReferredBy) : null,
    acquisitionOn: values.acquisitionOn || null,
    ownerUserId: values.ownerUserId || null,
    tags: parseTags(values.tags),
    notes: text(values.notes),
  };
}

/** The fields of `after` that differ from `before` (lists compared as written; null = not stated). */
export function changedCompanyFields(before: TCompanyFields, after: TCompanyFields): Partial<TCompanyFields> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof TCompanyFields)[]) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) changes[key] = after[key];
  }
  return changes as Partial<TCompanyFields>;
}

/**
 * Checks the form before it is sent; returns i18n keys (under `companies.validation`) by field. The
 * server checks the same and more (postcode exists, responsible counsellor belongs to the office).
 * `today` is `YYYY-MM-DD`.
 */
export function validateCompanyForm(values: TCompanyFormValues, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const key = (name: string) => `companies.validation.${name}`;
  if (values.name.trim().length < 2) errors.name = key('name');
  const employees = values.employees.trim();
  if (employees && !(/^\d{1,7}$/.test(employees) && Number(employees) <= 1_000_000)) {
    errors.employees = key('employees');
  }
  if (values.postcode.trim() && !/^\d{5}$/.test(values.postcode.trim())) errors.postcode = key('postcode');
  if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) {
    errors.email = key('email');
  }
  if (values.acquisitionChannel === 'referral' && !values.acquisitionReferredBy.trim()) {
    errors.acquisitionReferredBy = key('referredBy');
  }
  if (values.acquisitionOn && values.acquisitionOn > today) errors.acquisitionOn = key('inFuture');
  const tags = parseTags(values.tags);
  if (tags.length > 20 || tags.some((tag) => tag.length > 40)) errors.tags = key('tags');
  return errors;
}

/**
 * The existing companies a 409 `company_duplicate` names (problem member `duplicates`), or null when
 * `error` is no such warning.
 */
export function duplicatesOf(error: unknown): TCompanyDuplicate[] | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'company_duplicate') return null;
  const list = (error.problem as { duplicates?: unknown } | null)?.duplicates;
  return Array.isArray(list) ? (list as TCompanyDuplicate[]) : [];
}

import type { z } from 'zod';
import type { TPlaceKind, TPlaceStatus } from '../../../contracts/companies.enums';
import type { TOccupationSuggestion, TPlace, ZCreatePlace, ZUpdatePlace } from '../../../contracts/places';
import { ApiError } from '../../lib/api';

/** Body of `POST /api/places` as sent (defaults of the contract may be left out). */
export type TCreatePlaceInput = z.input<typeof ZCreatePlace>;
/** Body of `PATCH /api/places/:id` as sent: changed fields plus `version`. */
export type TUpdatePlaceInput = z.input<typeof ZUpdatePlace>;

/**
 * The place form as its inputs hold it: texts ('' = not stated), numbers as typed, booleans for the
 * check boxes. `companyId` is '' until a company is picked.
 */
export interface TPlaceFormValues {
  companyId: string;
  kind: TPlaceKind;
  occupationId: string;
  title: string;
  description: string;
  seats: string;
  startsOn: string;
  durationMonths: string;
  postcode: string;
  place: string;
  street: string;
  minSchoolQualification: string;
  minGermanLevel: string;
  drivingLicenceRequired: boolean;
  languageSupport: boolean;
  contactPersonId: string;
  status: TPlaceStatus;
  published: boolean;
}

/** Defaults a new place takes from its company (address of the company; '' when unknown). */
export interface TCompanyDefaults {
  companyId: string;
  postcode: string | null;
  place: string | null;
  street?: string | null;
}

/** Kinds that need an occupation from the occupation list (BBiG/HwO apprenticeship, § 54a SGB III EQ). */
export function needsOccupation(kind: TPlaceKind): boolean {
  return kind === 'apprenticeship' || kind === 'entry_qualification';
}

/** An empty form for a new place, addressed like its company when one is given: one open seat, unpublished. */
export function emptyPlaceForm(company?: TCompanyDefaults | null): TPlaceFormValues {
  return {
    companyId: company?.companyId ?? '',
    kind: 'apprenticeship',
    occupationId: '',
    title: '',
    description: '',
    seats: '1',
    startsOn: '',
    durationMonths: '',
    postcode: company?.postcode ?? '',
    place: company?.place ?? '',
    street: '',
    minSchoolQualification: '',
    minGermanLevel: '',
    drivingLicenceRequired: false,
    languageSupport: false,
    contactPersonId: '',
    status: 'open',
    published: false,
  };
}

/** The form values of a stored place. */
export function placeToForm(place: TPlace): TPlaceFormValues {
  return {
    companyId: place.companyId,
    kind: place.kind,
    occupationId: place.occupationId ?? '',
    title: place.title ?? '',
    description: place.description ?? '',
    seats: String(place.seats),
    startsOn: place.startsOn ?? '',
    durationMonths: place.durationMonths === null ? '' : String(place.durationMonths),
    postcode: place.postcode ?? '',
    place: place.place ?? '',
    street: place.street ?? '',
    minSchoolQualification: place.minSchoolQualification ?? '',
    minGermanLevel: place.minGermanLevel ?? '',
    drivingLicenceRequired: place.drivingLicenceRequired,
    languageSupport: place.languageSupport,
    contactPersonId: place.contactPersonId ?? '',
    status: place.status,
    published: place.published,
  };
}

const text = (value: string): string | null => value.trim() || null;
/** A whole number as typed ("12", " 3 "), else NaN; '' gives null. */
function whole(value: string): number | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The fields a counsellor sets, as the API takes them ('' → null). */
function formToFields(values: TPlaceFormValues) {
  return {
    kind: values.kind,
    occupationId: text(values.occupationId),
    title: text(values.title),
    description: text(values.description),
    seats: whole(values.seats) ?? Number.NaN,
    startsOn: text(values.startsOn),
    durationMonths: whole(values.durationMonths),
    postcode: text(values.postcode),
    place: text(values.place),
    street: text(values.street),
    minSchoolQualification: text(values.minSchoolQualification) as TPlace['minSchoolQualification'],
    minGermanLevel: text(values.minGermanLevel) as TPlace['minGermanLevel'],
    drivingLicenceRequired: values.drivingLicenceRequired,
    languageSupport: values.languageSupport,
    contactPersonId: text(values.contactPersonId),
    status: values.status,
    published: values.published,
  };
}

/**
 * The body of `POST /api/places`. Empty optional fields are left out, so the server fills its
 * defaults: duration from the occupation's standard duration, postcode and town from the company.
 */
export function formToCreate(values: TPlaceFormValues): TCreatePlaceInput {
  const fields = formToFields(values);
  const body: Record<string, unknown> = { companyId: values.companyId };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null) body[key] = value;
  }
  return body as TCreatePlaceInput;
}

/**
 * The body of `PATCH /api/places/:id`: only the fields that differ from `before` (cleared ones as
 * null) plus `version`; null when nothing changed. A changed postcode without a changed town leaves
 * the town out, so the server takes the postcode's town.
 */
export function formToUpdate(
  before: TPlaceFormValues,
  after: TPlaceFormValues,
  version: number,
): TUpdatePlaceInput | null {
  const old = formToFields(before);
  const next = formToFields(after);
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    const a = old[key];
    const b = next[key];
    if (a === b || (Number.isNaN(a) && Number.isNaN(b))) continue;
    body[key] = b;
  }
  if (Object.keys(body).length === 0) return null;
  return { version, ...body } as TUpdatePlaceInput;
}

/** Problems the form finds before sending, as `{ field: i18n key }` (empty when none). */
export function checkPlaceForm(values: TPlaceFormValues): Partial<Record<keyof TPlaceFormValues, string>> {
  const errors: Partial<Record<keyof TPlaceFormValues, string>> = {};
  if (!values.companyId) errors.companyId = 'places.validation.company';
  if (needsOccupation(values.kind) && !values.occupationId)
    errors.occupationId = 'places.validation.occupation';
  const seats = whole(values.seats);
  if (seats === null || Number.isNaN(seats) || seats < 1 || seats > 999)
    errors.seats = 'places.validation.seats';
  const duration = whole(values.durationMonths);
  if (duration !== null && (Number.isNaN(duration) || duration < 1 || duration > 60)) {
    errors.durationMonths = 'places.validation.duration';
  }
  if (values.postcode.trim() && !/^\d{5}$/.test(values.postcode.trim()))
    errors.postcode = 'places.validation.postcode';
  return errors;
}

/** Form path of a server field (`body.occupationId` → `occupationId`). */
export function problemFieldPath(field: string): string {
  return field.replace(/^(body|query|params)\./, '');
}

/**
 * The nearest recognised occupations the server suggests with a 422 `place_invalid` for an unknown
 * occupation or an EQ field chosen for an apprenticeship (`suggestions` of the problem body).
 */
export function occupationSuggestions(error: unknown): TOccupationSuggestion[] {
  if (!(error instanceof ApiError)) return [];
  const body = error.problem as (Record<string, unknown> & { suggestions?: unknown }) | null;
  if (!Array.isArray(body?.suggestions)) return [];
  return body.suggestions.filter(
    (s): s is TOccupationSuggestion =>
      typeof s === 'object' && s !== null && typeof s.id === 'string' && typeof s.name === 'string',
  );
}

/** Requirement profile lists as a text area holds them: one item per line. */
export function listToLines(items: readonly string[]): string {
  return items.join('\n');
}

/** Lines of a text area → profile items: trimmed, empty lines dropped, duplicates removed. */
export function linesToList(text: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const item = line.replace(/^\s*[-•*]\s*/, '').trim();
    if (!item || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    items.push(item);
  }
  return items;
}

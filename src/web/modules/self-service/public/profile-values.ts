import {
  PROFILE_NUMBER_BOUNDS,
  type TProfileDraftAnswers,
  ZAvailability,
  type ZLanguageSkill,
  ZProfileAnswers,
} from '../../../../contracts/self-service';

/** Self-rated skill in a spoken language. */
export type TSkill = (typeof ZLanguageSkill.options)[number];

/**
 * What the profile form holds while the client types: text as typed (numbers too, so "1" on the way
 * to "12" is not lost), yes/no as `'yes' | 'no' | ''`. {@link toAnswers} turns it into the contract's
 * answers.
 */
export interface TProfileValues {
  spokenName: string;
  phone: string;
  email: string;
  languages: Array<{ code: string; skill: TSkill }>;
  germanCanDo: string[];
  schoolCountry: string;
  schoolYears: string;
  schoolQualification: string;
  workExperience: string;
  wishedOccupationIds: string[];
  interests: string;
  mobilityRadiusKm: string;
  drivingLicence: '' | 'yes' | 'no';
  availability: string;
  availableFrom: string;
  uploadIds: string[];
}

/** A field of the form. */
export type TProfileField = keyof TProfileValues;

/** Why a typed value cannot be submitted yet: an e-mail address or number that is not one (yet). */
export type TValueProblem = 'email' | 'number' | 'invalid';

/** Inclusive bounds of the number fields (the contract's). */
export const NUMBER_BOUNDS = PROFILE_NUMBER_BOUNDS;

/**
 * Longest input of the text fields (the contract's `ZProfileDraftAnswers` bounds), for `maxLength`:
 * a longer value could not even be saved as a draft.
 */
export const MAX_LENGTH = {
  spokenName: 120,
  phone: 40,
  email: 254,
  freeText: 2000,
  number: 20,
} as const;

/** Longest occupation search the API takes (`ZOccupationQuery.q`, 100 characters): the input's `maxLength`. */
export const OCCUPATION_QUERY_MAX = 100;

/** The occupation search as sent: trimmed and never longer than the API's limit (so never a 400). */
export function occupationQuery(text: string): string {
  return limitText(text.trim(), OCCUPATION_QUERY_MAX).value.trim();
}

/** From which share of the limit a text field shows its character counter (90 %). */
export const COUNTER_FROM = 0.9;

/**
 * A typed or pasted text held to `max` characters (UTF-16 units, as the contract's zod bound and
 * `maxLength` count; never splitting a surrogate pair): the value to keep and whether something
 * was cut (the field then says so, nothing is cut silently).
 */
export function limitText(value: string, max: number): { value: string; cut: boolean } {
  if (value.length <= max) return { value, cut: false };
  let kept = value.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return { value: kept, cut: true };
}

/** Whether a text of `length` characters is near enough to `max` to show the counter. */
export function showCounter(length: number, max: number): boolean {
  return length >= Math.floor(max * COUNTER_FROM);
}

/**
 * Arabic-Indic (٠–٩) and Persian (۰–۹) digits as ASCII digits: clients type numbers and phone
 * numbers with their phone's keyboard; the record and the counsellor need 0–9.
 */
export function normalizeDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/**
 * The form values of a stored draft; an empty draft starts with `givenName` (the only data the form
 * has from the record) as the name to be called by.
 */
export function fromAnswers(answers: TProfileDraftAnswers, givenName = ''): TProfileValues {
  const text = (v: string | null | undefined) => v ?? '';
  const number = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    spokenName: answers.spokenName ?? givenName,
    phone: text(answers.phone),
    email: text(answers.email),
    languages: (answers.languages ?? []).map((l) => ({ code: l.code, skill: l.skill })),
    germanCanDo: [...(answers.germanCanDo ?? [])],
    schoolCountry: text(answers.schoolCountry),
    schoolYears: number(answers.schoolYears),
    schoolQualification: text(answers.schoolQualification),
    workExperience: text(answers.workExperience),
    wishedOccupationIds: [...(answers.wishedOccupationIds ?? [])],
    interests: text(answers.interests),
    mobilityRadiusKm: number(answers.mobilityRadiusKm),
    drivingLicence: answers.drivingLicence === true ? 'yes' : answers.drivingLicence === false ? 'no' : '',
    availability: text(answers.availability),
    availableFrom: text(answers.availableFrom),
    uploadIds: [...(answers.uploadIds ?? [])],
  };
}

/** A typed number: the number when it is one (0–9999), else the text as typed (null when blank). */
function draftNumber(text: string): number | string | null {
  const t = normalizeDigits(text).trim();
  if (t === '') return null;
  return /^\d{1,4}$/.test(t) ? Number(t) : normalizeDigits(text).slice(0, MAX_LENGTH.number);
}

/**
 * The answers of the form values, as typed (the draft is saved as the client types, and nothing
 * typed is left out: a half-typed e-mail address or an out-of-range number is saved too, the
 * draft schema takes any text), and the fields whose value the submit will refuse (an unfinished
 * e-mail address, a number that is none or out of range), checked with the contract's strict
 * `ZProfileAnswers` so they can be flagged before submitting. Free text is kept verbatim (no
 * trimming, no HTML processing: markup is stored and shown as text).
 */
export function toAnswers(values: TProfileValues): {
  answers: TProfileDraftAnswers;
  problems: Partial<Record<TProfileField, TValueProblem>>;
} {
  const optionalText = (v: string) => (v.trim() === '' ? null : v);
  const answers: TProfileDraftAnswers = {
    ...(values.spokenName.trim() !== '' && { spokenName: values.spokenName }),
    phone: optionalText(normalizeDigits(values.phone)),
    email: values.email.trim() === '' ? null : values.email.trim(),
    languages: values.languages.filter((l) => l.code !== ''),
    germanCanDo: values.germanCanDo,
    schoolCountry: values.schoolCountry || null,
    schoolYears: draftNumber(values.schoolYears),
    schoolQualification: (values.schoolQualification || null) as TProfileDraftAnswers['schoolQualification'],
    workExperience: optionalText(values.workExperience),
    wishedOccupationIds: values.wishedOccupationIds,
    interests: optionalText(values.interests),
    mobilityRadiusKm: draftNumber(values.mobilityRadiusKm),
    drivingLicence: values.drivingLicence === '' ? null : values.drivingLicence === 'yes',
    availability: ZAvailability.safeParse(values.availability).success
      ? (values.availability as TProfileDraftAnswers['availability'])
      : null,
    availableFrom: values.availability === 'from_date' && values.availableFrom ? values.availableFrom : null,
    uploadIds: values.uploadIds,
  };

  const problems: Partial<Record<TProfileField, TValueProblem>> = {};
  const shape = ZProfileAnswers.shape;
  for (const [field, value] of Object.entries(answers)) {
    if (shape[field as keyof typeof shape].safeParse(value).success) continue;
    problems[field as TProfileField] =
      field === 'email' ? 'email' : numberField(field) ? 'number' : 'invalid';
  }
  return { answers, problems };
}

function numberField(field: string): boolean {
  return field === 'schoolYears' || field === 'mobilityRadiusKm';
}

/** One step of the form: the server's section title key and the fields on it. */
export interface TProfileStep {
  id: 'about' | 'languages' | 'german' | 'school' | 'work' | 'start' | 'uploads';
  titleKey: string;
  fields: readonly TProfileField[];
}

/**
 * The form's steps in order (one screen each on a phone; about 1–2 minutes each, so the whole form
 * takes about 10 minutes). The last one holds the uploads and the submit button.
 */
export const PROFILE_STEPS: readonly TProfileStep[] = [
  { id: 'about', titleKey: 'section.about', fields: ['spokenName', 'phone', 'email'] },
  { id: 'languages', titleKey: 'section.languages', fields: ['languages'] },
  { id: 'german', titleKey: 'section.german', fields: ['germanCanDo'] },
  {
    id: 'school',
    titleKey: 'section.school',
    fields: ['schoolCountry', 'schoolYears', 'schoolQualification'],
  },
  { id: 'work', titleKey: 'section.work', fields: ['workExperience', 'wishedOccupationIds', 'interests'] },
  {
    id: 'start',
    titleKey: 'section.mobility',
    fields: ['mobilityRadiusKm', 'drivingLicence', 'availability', 'availableFrom'],
  },
  { id: 'uploads', titleKey: 'section.uploads', fields: ['uploadIds'] },
];

/** Index of the step that shows `field` (0 when unknown). */
export function stepOfField(field: TProfileField): number {
  const index = PROFILE_STEPS.findIndex((s) => s.fields.includes(field));
  return Math.max(index, 0);
}

/**
 * The form field a server problem path names (`body.answers.wishedOccupationIds.1` →
 * `wishedOccupationIds`), or null when it names none.
 */
export function fieldOfProblemPath(path: string): TProfileField | null {
  const match = /^body\.answers\.([A-Za-z]+)/.exec(path);
  const field = match?.[1];
  if (!field) return null;
  return PROFILE_STEPS.some((s) => s.fields.includes(field as TProfileField))
    ? (field as TProfileField)
    : null;
}

/** Adds or removes one can-do statement id. */
export function toggleCanDo(ticked: readonly string[], id: string, on: boolean): string[] {
  const rest = ticked.filter((t) => t !== id);
  return on ? [...rest, id] : rest;
}

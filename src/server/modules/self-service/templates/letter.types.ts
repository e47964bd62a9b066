import type { TClientLanguage, TLetterKind } from '../../../../contracts/self-service';
import type { Review } from './form.types';

/**
 * Values a letter template may use as `{{name}}`: the client's name as the client wants to be
 * called, the appointment (formatted per language with Intl), the counsellor and the office's
 * name, address, phone and e-mail (from the office's directory entry).
 */
export const LETTER_PLACEHOLDERS = [
  'clientName',
  'appointmentDate',
  'appointmentTime',
  'counsellorName',
  'officeName',
  'officeAddress',
  'officePhone',
  'officeEmail',
] as const;
/** A placeholder name. */
export type Placeholder = (typeof LETTER_PLACEHOLDERS)[number];

/** One language of a letter template: subject line, plain-text body and its review state. */
export interface LetterTranslation {
  subject: string;
  body: string;
  review: Review;
}

/**
 * A letter template: its kind, the placeholders it needs filled before it can be e-mailed
 * (`required`; others show "–" when empty) and its translations (a missing language shows German).
 */
export interface LetterTemplate {
  kind: TLetterKind;
  required: readonly Placeholder[];
  translations: Partial<Record<TClientLanguage, LetterTranslation>> & { de: LetterTranslation };
}

/** Review state of a translation nobody has reviewed yet. */
export const DRAFT: Review = { state: 'draft', reviewer: null, reviewedOn: null };

import {
  directionOf,
  intlLocaleOf,
  PROFILE_NUMBER_BOUNDS,
  type TClientLanguage,
} from '../../../contracts/self-service';
import { AppError, type ErrorCode, type FieldError } from '../../platform/errors';
import { type FormKey, formText } from './templates/form.index';

/** Error codes of the public profile routes that have a text in every form language (`error.<code>`). */
export type PublicErrorCode =
  | 'profile_link_unknown'
  | 'profile_link_expired'
  | 'profile_link_used'
  | 'profile_link_revoked'
  | 'upload_too_large'
  | 'upload_type_not_allowed'
  | 'upload_photo_not_image'
  | 'too_many_uploads'
  | 'validation';

/**
 * The message of a field problem of the profile form in the client's language: `required`, a wrong
 * e-mail address, a number outside its bounds (`body.answers.schoolYears` / `mobilityRadiusKm`,
 * bounds in the language's digits), anything else "please check this answer".
 */
export function fieldMessage(lang: TClientLanguage, error: FieldError): string {
  if (error.code === 'required') return formText(lang, 'required');
  const field = /^body\.answers\.([A-Za-z]+)/.exec(error.field)?.[1];
  if (field === 'email') return formText(lang, 'error.field.email');
  if (field === 'schoolYears' || field === 'mobilityRadiusKm') {
    const n = new Intl.NumberFormat(intlLocaleOf(lang));
    const b = PROFILE_NUMBER_BOUNDS[field];
    return formText(lang, 'error.field.number', { min: n.format(b.min), max: n.format(b.max) });
  }
  return formText(lang, 'error.field.invalid');
}

/**
 * An AppError for a public profile route whose `title`/`detail` are in the client's language (from
 * the form texts, not the staff locales) with `language` and `dir`, so the page can show it as is;
 * field problems (`errors`) carry their `message` in that language too (`fieldMessage`).
 * Nothing of the client is included.
 */
export function publicError(
  code: PublicErrorCode,
  lang: TClientLanguage,
  values: Record<string, string> = {},
  fields: FieldError[] = [],
  extra: Record<string, unknown> = {},
): AppError {
  const text = formText(lang, `error.${code}` as FormKey, values);
  return new AppError(code as ErrorCode, fields, {
    title: text,
    detail: text,
    language: lang,
    dir: directionOf(lang),
    ...(fields.length > 0 && {
      errors: fields.map((f) => ({ field: f.field, code: f.code, message: fieldMessage(lang, f) })),
    }),
    ...extra,
  });
}

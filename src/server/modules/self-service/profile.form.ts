import { ZSchoolQualification } from '../../../contracts/clients';
import {
  CLIENT_LANGUAGES,
  directionOf,
  htmlLangOf,
  type TClientLanguage,
  type TProfileForm,
  ZAvailability,
  ZLanguageSkill,
} from '../../../contracts/self-service';
import { CAN_DO_STATEMENTS } from './can-do';
import { formatDay, LANGUAGE_NAMES, languageName } from './language';
import type { PublicLinkRow } from './links.repository';
import type { UploadRow } from './profile.repository';
import { MAX_UPLOADS, megabytes, UPLOAD_TYPES } from './profile.uploads';
import { parseDraftAnswers, toUpload } from './self-service.view';
import { FORM_KEYS, type FormKey, formText, missingFormKeys } from './templates/form.index';

/**
 * First languages offered in the language list (ISO 639-1/-3), chosen for the young refugees and
 * migrants KAUSA offices counsel most (Arabic, Dari, Pashto, Kurdish, Tigrinya, Somali, Ukrainian …);
 * any other is typed as a code. Names come from `Intl.DisplayNames` in the form's language.
 */
export const COMMON_LANGUAGES = [
  'ar',
  'prs',
  'fa',
  'ps',
  'ku',
  'ti',
  'so',
  'am',
  'uk',
  'ru',
  'tr',
  'sq',
  'sr',
  'ro',
  'bg',
  'pl',
  'ur',
  'en',
  'fr',
  'de',
] as const;

/** Most wished occupations in one profile. */
export const MAX_OCCUPATIONS = 5;

/**
 * The form definition in `lang` for an open link: every text (German where a translation lacks
 * it), the can-do statements, the select options, the limits, and the client's own draft and
 * uploads. Only the given name comes from the record.
 */
export function buildForm(
  link: PublicLinkRow,
  lang: TClientLanguage,
  opts: { uploadMaxBytes: number; uploads: readonly UploadRow[] },
): TProfileForm {
  const values = {
    maxMb: megabytes(opts.uploadMaxBytes),
    max: String(MAX_UPLOADS),
    date: formatDay(new Date(link.expires_at), lang),
  };
  const texts: Record<string, string> = {};
  for (const key of FORM_KEYS) texts[key] = formText(lang, key, values);
  const option = (prefix: string, value: string) => ({
    value,
    label: formText(lang, `${prefix}.${value}` as FormKey),
  });
  const draft = parseDraftAnswers(link.draft);
  return {
    language: lang,
    dir: directionOf(lang),
    htmlLang: htmlLangOf(lang),
    languages: CLIENT_LANGUAGES.map((code) => ({ code, name: LANGUAGE_NAMES[code], dir: directionOf(code) })),
    officeName: link.office_name,
    expiresAt: new Date(link.expires_at).toISOString(),
    prefill: { givenName: link.given_names.split(/\s+/)[0] ?? link.given_names },
    texts,
    canDo: CAN_DO_STATEMENTS.map((s) => ({
      id: s.id,
      level: s.level,
      text: formText(lang, `canDo.${s.id}` as FormKey),
    })),
    options: {
      schoolQualification: ZSchoolQualification.options.map((v) => option('schoolQualification', v)),
      languageSkill: ZLanguageSkill.options.map((v) => option('languageSkill', v)),
      availability: ZAvailability.options.map((v) => option('availability', v)),
      languages: COMMON_LANGUAGES.map((code) => ({ value: code, label: languageName(code, lang) })),
    },
    limits: {
      uploadMaxBytes: opts.uploadMaxBytes,
      uploadTypes: [...UPLOAD_TYPES],
      maxUploads: MAX_UPLOADS,
      maxOccupations: MAX_OCCUPATIONS,
    },
    draft: {
      language: lang,
      seq: link.draft_seq,
      answers: draft,
      savedAt: link.draft_saved_at ? new Date(link.draft_saved_at).toISOString() : null,
    },
    uploads: opts.uploads.map(toUpload),
    fallbackKeys: missingFormKeys(lang),
  };
}

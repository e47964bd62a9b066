import {
  CLIENT_LANGUAGES,
  directionOf,
  type TClientLanguage,
  type TLetterKind,
  type TLetterPreview,
  type TLetterTemplate,
  type TMissingTranslation,
} from '../../../contracts/self-service';
import { FORMS, missingFormKeys } from './templates/form.index';
import { DOCUMENT_CHECKLIST } from './templates/letter.document-checklist';
import { INVITATION } from './templates/letter.invitation';
import { REMINDER } from './templates/letter.reminder';
import {
  LETTER_PLACEHOLDERS,
  type LetterTemplate,
  type LetterTranslation,
  type Placeholder,
} from './templates/letter.types';

/** The letter templates by kind (texts in `templates/letter.*.ts`, each translation with its review). */
export const LETTER_TEMPLATES: Record<TLetterKind, LetterTemplate> = {
  invitation: INVITATION,
  reminder: REMINDER,
  document_checklist: DOCUMENT_CHECKLIST,
};

/** What a required value left empty shows in a printed letter (a line to fill in by hand). */
export const BLANK = '________';
/** What an optional value left empty shows. */
export const DASH = '–';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The translation of `kind` in `lang`, or German when that language is missing (`fallback`). */
export function pickTranslation(
  kind: TLetterKind,
  lang: TClientLanguage,
): { usedLanguage: TClientLanguage; translation: LetterTranslation; fallback: boolean } {
  const t = LETTER_TEMPLATES[kind].translations;
  const own = t[lang];
  if (own) return { usedLanguage: lang, translation: own, fallback: false };
  return { usedLanguage: 'de', translation: t.de, fallback: lang !== 'de' };
}

function fill(text: string, values: Partial<Record<Placeholder, string | null>>, required: Set<string>) {
  const missing = new Set<string>();
  const out = text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
    const v = values[name as Placeholder];
    if (v !== undefined && v !== null && v.trim() !== '') return v;
    if (required.has(name)) missing.add(name);
    return required.has(name) ? BLANK : DASH;
  });
  return { out, missing };
}

/**
 * Renders a letter from its template and the record's values: plain `text`, and `html` (the text
 * escaped, paragraphs as `<p>`, lines as `<br>`, inside a `<div lang dir>`), so values typed by
 * anyone can never become markup. Required values left empty show `BLANK` and are listed in
 * `missingValues` (the letter can still be printed, not e-mailed).
 */
export function renderLetter(
  kind: TLetterKind,
  lang: TClientLanguage,
  values: Partial<Record<Placeholder, string | null>>,
): TLetterPreview {
  const template = LETTER_TEMPLATES[kind];
  const { usedLanguage, translation, fallback } = pickTranslation(kind, lang);
  const required = new Set<string>(template.required);
  const subject = fill(translation.subject, values, required);
  const body = fill(translation.body, values, required);
  const dir = directionOf(usedLanguage);
  const paragraphs = body.out
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
  return {
    kind,
    language: lang,
    usedLanguage,
    fallback,
    dir,
    review: translation.review,
    subject: subject.out,
    text: body.out,
    html: `<div lang="${escapeHtml(usedLanguage)}" dir="${dir}">${paragraphs}</div>`,
    missingValues: [...new Set([...subject.missing, ...body.missing])],
  };
}

/** Every template with the review state of each language it has. */
export function listTemplates(): TLetterTemplate[] {
  return Object.values(LETTER_TEMPLATES).map((t) => ({
    kind: t.kind,
    placeholders: [...LETTER_PLACEHOLDERS],
    translations: CLIENT_LANGUAGES.flatMap((language) => {
      const tr = t.translations[language];
      return tr ? [{ language, subject: tr.subject, review: tr.review }] : [];
    }),
  }));
}

/**
 * What editors still owe: for each letter template and language, `missing` (German is shown) or
 * `draft` (shown, not yet reviewed); the same for the profile form texts, with the missing keys.
 */
export function missingTranslations(): TMissingTranslation[] {
  const out: TMissingTranslation[] = [];
  for (const t of Object.values(LETTER_TEMPLATES)) {
    for (const language of CLIENT_LANGUAGES) {
      const tr = t.translations[language];
      if (!tr) out.push({ kind: t.kind, language, reason: 'missing' });
      else if (tr.review.state !== 'reviewed') out.push({ kind: t.kind, language, reason: 'draft' });
    }
  }
  for (const language of CLIENT_LANGUAGES) {
    const keys = missingFormKeys(language);
    if (keys.length > 0) out.push({ kind: 'profile_form', language, reason: 'missing', keys });
    else if (FORMS[language].review.state !== 'reviewed') {
      out.push({ kind: 'profile_form', language, reason: 'draft' });
    }
  }
  return out;
}

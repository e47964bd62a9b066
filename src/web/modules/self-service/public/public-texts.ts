import { CLIENT_LANGUAGES, intlLocaleOf, type TClientLanguage } from '../../../../contracts/self-service';
import ar from '../../../../locales/ar.json';
import de from '../../../../locales/de.json';
import ls from '../../../../locales/de-x-ls.json';
import en from '../../../../locales/en.json';
import fa from '../../../../locales/fa.json';
import tr from '../../../../locales/tr.json';
import uk from '../../../../locales/uk.json';

/**
 * The web's own texts of the client-facing profile pages (buttons, progress, errors the browser
 * finds): `selfService.public` in each client language's locale file. The form's questions come
 * from the server's form definition instead; these only frame them.
 */
export type TPublicTextKey = keyof typeof de.selfService.public;

const TEXTS: Record<TClientLanguage, Partial<Record<TPublicTextKey, string>>> = {
  de: de.selfService.public,
  'de-x-ls': ls.selfService.public,
  en: en.selfService.public,
  ar: ar.selfService.public,
  fa: fa.selfService.public,
  uk: uk.selfService.public,
  tr: tr.selfService.public,
};

/** Every key of the German source, in its order. */
export const PUBLIC_TEXT_KEYS = Object.keys(de.selfService.public) as TPublicTextKey[];

/**
 * One text in `lang` with `{{name}}` placeholders filled from `values`; German when the language
 * lacks the key (the same fallback as the server's form texts).
 */
export function publicText(
  lang: TClientLanguage,
  key: TPublicTextKey,
  values: Record<string, string | number> = {},
): string {
  const raw = TEXTS[lang][key] || de.selfService.public[key];
  return raw.replace(/\{\{(\w+)\}\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** Keys a language lacks (they show German), for tests and editors. */
export function missingPublicTexts(lang: TClientLanguage): TPublicTextKey[] {
  return PUBLIC_TEXT_KEYS.filter((key) => !TEXTS[lang][key]);
}

/** A text function bound to one language (numbers in placeholders formatted for it). */
export function publicTexts(lang: TClientLanguage) {
  const numbers = new Intl.NumberFormat(intlLocaleOf(lang));
  return (key: TPublicTextKey, values: Record<string, string | number> = {}) =>
    publicText(
      lang,
      key,
      Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? numbers.format(v) : v]),
      ),
    );
}

/** The bound text function type. */
export type TPublicT = ReturnType<typeof publicTexts>;

/** The client languages (German first), re-exported for the page. */
export const PUBLIC_LANGUAGES = CLIENT_LANGUAGES;

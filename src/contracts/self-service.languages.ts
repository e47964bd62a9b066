import { z } from 'zod';

/**
 * Languages of every client-facing page and letter: German, Leichte Sprache (plain German, the
 * BCP 47 private-use tag `de-x-ls`: it is German for screen readers and hyphenation, see
 * `htmlLangOf`), English, Arabic, Farsi/Dari (`fa`), Ukrainian, Turkish. German is the fallback.
 */
export const ZClientLanguage = z.enum(['de', 'de-x-ls', 'en', 'ar', 'fa', 'uk', 'tr']);
/** A client-facing language. */
export type TClientLanguage = z.infer<typeof ZClientLanguage>;
/** All client-facing languages, German first. */
export const CLIENT_LANGUAGES = ZClientLanguage.options;
/** Writing direction of a language: Arabic and Farsi are right-to-left. */
export const ZTextDirection = z.enum(['ltr', 'rtl']);

/** `dir` for `<html dir>` of a client language (ar, fa → rtl). */
export function directionOf(lang: TClientLanguage): 'ltr' | 'rtl' {
  return lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr';
}

/**
 * The value for `<html lang>` of a client language: `de-x-ls` stays itself (valid BCP 47; browsers
 * and screen readers treat it as German). For `Intl` formatting use `intlLocaleOf`.
 */
export function htmlLangOf(lang: TClientLanguage): string {
  return lang;
}

/**
 * The locale for `Intl.DateTimeFormat`/`NumberFormat`: Leichte Sprache formats like German, English
 * as British English (day before month, 24-hour clock, as the clients meet it in Germany); use the
 * Gregorian calendar and `Europe/Berlin` for appointments (the Farsi default calendar is Persian).
 */
export function intlLocaleOf(lang: TClientLanguage): string {
  if (lang === 'de-x-ls') return 'de';
  if (lang === 'en') return 'en-GB';
  return lang;
}

import {
  CLIENT_LANGUAGES,
  intlLocaleOf,
  type TClientLanguage,
  ZClientLanguage,
} from '../../../contracts/self-service';

/** Time zone of appointments and dates shown to clients (the offices are in Germany). */
export const CLIENT_TIME_ZONE = 'Europe/Berlin';

/** Own names of the client languages (endonyms), for the language switch. */
export const LANGUAGE_NAMES: Record<TClientLanguage, string> = {
  de: 'Deutsch',
  'de-x-ls': 'Leichte Sprache',
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی / دری',
  uk: 'Українська',
  tr: 'Türkçe',
};

/**
 * The client language for an `Accept-Language` header or `?lang=` value: an exact client language,
 * else the first whose primary subtag matches (`en-GB` → `en`, `prs` (Dari) → `fa`), else German.
 */
export function pickClientLanguage(...candidates: Array<string | undefined | null>): TClientLanguage {
  for (const c of candidates) {
    if (!c) continue;
    for (const part of c.split(',')) {
      const tag = (part.split(';')[0] ?? '').trim().toLowerCase();
      const exact = ZClientLanguage.safeParse(tag);
      if (exact.success) return exact.data;
      const primary = tag.split('-')[0] ?? '';
      if (primary === 'prs') return 'fa';
      const hit = CLIENT_LANGUAGES.find((l) => l === primary);
      if (hit) return hit;
    }
  }
  return 'de';
}

/**
 * A date-time formatted for a client language (Gregorian calendar, Europe/Berlin): date as
 * "Montag, 7. Dezember 2026" / "Monday, 7 December 2026" / in Arabic or Persian script with their digits.
 */
export function formatAppointment(at: Date, lang: TClientLanguage): { date: string; time: string } {
  const locale = intlLocaleOf(lang);
  const date = new Intl.DateTimeFormat(locale, {
    calendar: 'gregory',
    timeZone: CLIENT_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
  const time = new Intl.DateTimeFormat(locale, {
    calendar: 'gregory',
    timeZone: CLIENT_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  return { date, time };
}

/**
 * An appointment as sent by the web ({@link ZAppointmentAt}) formatted for a client language: a
 * wall time without offset (`2026-12-05T10:30`) is the office's local time and is printed exactly
 * as given (no time-zone conversion, so the browser's zone never shifts it); with an offset or `Z`
 * it is an instant shown in Europe/Berlin (`formatAppointment`).
 */
export function formatAppointmentAt(value: string, lang: TClientLanguage): { date: string; time: string } {
  const wall = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value);
  if (!wall) return formatAppointment(new Date(value), lang);
  const [, y, mo, d, h, mi] = wall.map(Number) as number[];
  const at = new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi));
  const locale = intlLocaleOf(lang);
  const base = { calendar: 'gregory', timeZone: 'UTC' } as const;
  return {
    date: new Intl.DateTimeFormat(locale, {
      ...base,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(at),
    time: new Intl.DateTimeFormat(locale, { ...base, hour: '2-digit', minute: '2-digit' }).format(at),
  };
}

/** A calendar date (no time) formatted for a client language, e.g. "14. Dezember 2026". */
export function formatDay(at: Date, lang: TClientLanguage): string {
  return new Intl.DateTimeFormat(intlLocaleOf(lang), {
    calendar: 'gregory',
    timeZone: CLIENT_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
}

/** A number formatted for a client language (Arabic-Indic digits in Arabic, Persian digits in Farsi). */
export function formatNumber(n: number, lang: TClientLanguage): string {
  return new Intl.NumberFormat(intlLocaleOf(lang)).format(n);
}

/** The name of a language (ISO 639 code) in a client language, via `Intl.DisplayNames`; the code if unknown. */
export function languageName(code: string, lang: TClientLanguage): string {
  try {
    return new Intl.DisplayNames([intlLocaleOf(lang)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

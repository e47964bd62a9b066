import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Formats an ISO timestamp as date and time in `language` (e.g. `30.11.2026, 10:00`); `''` for null. */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Formats an ISO timestamp as a date in `language` (e.g. `30.11.2026`); `''` for null. */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

/**
 * Formats a calendar day `YYYY-MM-DD` (as the API sends dates) in `language` (e.g. `30.11.2026`), read
 * as a local day so no time zone shifts it to the day before; `''` for null, the input itself when it is
 * not such a day.
 */
export function formatDay(day: string | null | undefined, language: string): string {
  if (!day) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

/** Today as a local calendar day `YYYY-MM-DD` (the value an `<input type="date">` shows for today). */
export function todayDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Formats an integer with the grouping of `language` (e.g. `1.234`). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/**
 * A distance in kilometres to 0.1 km for `language`, without a trailing zero ("11,2 km", "5 km", "0,8 km"):
 * matching's distances, whose filters judge what shows ("höchstens 11 km" keeps 11,0 but not 11,2).
 * Negative or non-finite input gives `''`.
 */
export function formatDistanceKmExact(km: number, language: string): string {
  if (!Number.isFinite(km) || km < 0) return '';
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'kilometer',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(km);
}

/**
 * Formats a distance in kilometres for `language`: one decimal below 10 km ("3,4 km", "0,8 km"),
 * whole kilometres from 10 km on ("123 km"; en "1,234 km"), as in the office finder and place lists
 * (matching shows `formatDistanceKmExact`). Negative or non-finite input gives `''`.
 */
export function formatDistanceKm(km: number, language: string): string {
  if (!Number.isFinite(km) || km < 0) return '';
  const digits = km < 10 ? 1 : 0;
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'kilometer',
    unitDisplay: 'short',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(km);
}

/**
 * Converts a local calendar day from `<input type="date">` (`YYYY-MM-DD`) into the ISO timestamp of
 * its local midnight; `addDays` shifts it (1 gives the exclusive end of that day). `undefined` for ''.
 */
export function localDayToIso(day: string, addDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return date.toISOString();
}

/** Formatters bound to the current UI language; re-created when the language changes. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      dateTime: (iso: string | null | undefined) => formatDateTime(iso, language),
      date: (iso: string | null | undefined) => formatDate(iso, language),
      day: (day: string | null | undefined) => formatDay(day, language),
      number: (value: number) => formatNumber(value, language),
      distanceKm: (km: number) => formatDistanceKm(km, language),
      distanceKmExact: (km: number) => formatDistanceKmExact(km, language),
    }),
    [language],
  );
}

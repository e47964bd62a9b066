/**
 * Calendar-date helpers on ISO `YYYY-MM-DD` strings (no time, no time zone): the dates of a case
 * are calendar days in Germany.
 */

/** Time zone whose calendar day counts as "today" (the offices are in Germany). */
export const OFFICE_TIME_ZONE = 'Europe/Berlin';

/** Today's calendar date in Germany as `YYYY-MM-DD` (`now` for tests). */
export function todayIso(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: OFFICE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y as number, m as number, d as number];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `iso` plus `days` calendar days (negative subtracts). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/**
 * The earliest date that lies no more than `months` calendar months before `iso`: the same day
 * number `months` months earlier; when that month is too short for the day (30 September − 7
 * months → "30 February"), the first day of the following month, so the result is never earlier
 * than the period allows.
 */
export function monthsBeforeNotEarlier(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) - months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (d <= lastDay) return format(ty, tm, d);
  return tm === 12 ? format(ty + 1, 1, 1) : format(ty, tm + 1, 1);
}

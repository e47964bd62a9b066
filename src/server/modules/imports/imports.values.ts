import { z } from 'zod';
import type { CellValue } from '../../platform/tabular/index';
import { labelKey } from './imports.labels';

/**
 * Cell parsers of the import: each turns one cell (CSV text or typed XLSX value) into a normalised
 * value or an issue code with parameters (rendered later as `imports.rows.<code>`). Pure, no I/O.
 */

/** Result of a cell parser: a value (maybe with a warning), or an issue. Empty cells give `value: null`. */
export type Parsed<T> =
  | { ok: true; value: T; warning?: { code: string; params: Record<string, string | number> } }
  | { ok: false; code: string; params: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (code: string, params: Record<string, string | number> = {}): Parsed<never> => ({
  ok: false,
  code,
  params,
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** The apostrophe our CSV export puts before text starting with = + - @ (formula-injection guard). */
const GUARD = /^'(?=[=+\-@])/;

/** A cell as trimmed text ('' when empty); XLSX dates as `YYYY-MM-DD`. */
export function rawText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** Text of at most `max` characters (null when empty); control characters are refused. */
export function parseText(v: CellValue, max: number): Parsed<string | null> {
  const s = rawText(v).replace(GUARD, '');
  if (s === '') return ok(null);
  if (CONTROL.test(s)) return fail('control_characters');
  if (s.length > max) return fail('too_long', { max });
  return ok(s);
}

/** A whole number (`3`, `3.0` from Excel, `+3`); null when empty. */
export function parseInteger(v: CellValue): Parsed<number | null> {
  if (typeof v === 'number') return Number.isInteger(v) ? ok(v) : fail('not_an_integer');
  const s = rawText(v);
  if (s === '') return ok(null);
  const m = /^([+-]?\d{1,9})(?:[.,]0+)?$/.exec(s);
  return m ? ok(Number(m[1])) : fail('not_an_integer');
}

const TRUE = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'wahr', '✓', '✔']);
const FALSE = new Set(['nein', 'n', 'no', '0', 'false', 'falsch', '-']);

/** ja/nein, yes/no, x, 1/0, true/false, wahr/falsch (XLSX booleans as they are); null when empty. */
export function parseBoolean(v: CellValue): Parsed<boolean | null> {
  if (typeof v === 'boolean') return ok(v);
  const s = labelKey(rawText(v)) || rawText(v);
  if (s === '') return ok(null);
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return fail('not_a_boolean');
}

/**
 * Driving licence required: a boolean (see `parseBoolean`), or a licence class ("B", "Klasse B",
 * "Führerschein B") or "erforderlich" (true); "nicht erforderlich" is false.
 */
export function parseLicence(v: CellValue): Parsed<boolean | null> {
  const b = parseBoolean(v);
  if (b.ok) return b;
  const s = labelKey(rawText(v));
  if (/\bnicht\b/.test(s)) return ok(false);
  if (/\berforderlich\b|\bklasse\b|^(?:fuhrerschein )?(?:am|a1|a2|a|b|be|c1|c|ce|l|t)$/.test(s))
    return ok(true);
  return fail('not_a_boolean');
}

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system as it counts (the phantom 29 Feb 1900 makes it 30 Dec 1899). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoOf(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

/** A day from an Excel serial number (1900 system), or null outside 1950–2200. */
export function excelSerialToIso(n: number): string | null {
  if (!Number.isFinite(n) || n < 18_264 || n > 109_574) return null;
  return new Date(EXCEL_EPOCH + Math.floor(n) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A calendar day as `YYYY-MM-DD`: `dd.mm.yyyy` (also `d.m.yy` = 20yy, a time after it ignored),
 * `yyyy-mm-dd`, an Excel serial number (a cell formatted as number, or its text), or an XLSX date
 * cell. Impossible days (31.02.) are refused; null when empty.
 */
export function parseDate(v: CellValue): Parsed<string | null> {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail('not_a_date');
    return ok(v.toISOString().slice(0, 10));
  }
  if (typeof v === 'number') {
    const iso = excelSerialToIso(v);
    return iso ? ok(iso) : fail('not_a_date');
  }
  const s = rawText(v);
  if (s === '') return ok(null);
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) {
    const year = m[3]?.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const iso = isoOf(year, Number(m[2]), Number(m[1]));
    return iso ? ok(iso) : fail('impossible_date');
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : fail('impossible_date');
  }
  if (/^\d{5}(?:[.,]0+)?$/.test(s)) {
    const iso = excelSerialToIso(Number.parseInt(s, 10));
    if (iso) return ok(iso);
  }
  return fail('not_a_date');
}

/**
 * Form of a German postcode: five digits ("D-40210" and spaces tolerated). Four digits — a postcode
 * whose leading zero a spreadsheet dropped (01067 → 1067) — are padded, with a warning. Whether the
 * postcode exists is checked by the caller. Null when empty.
 */
export function parsePostcode(v: CellValue): Parsed<string | null> {
  const s = (typeof v === 'number' ? String(v) : rawText(v)).replace(/^D\s*-\s*/i, '').replace(/\s+/g, '');
  if (s === '') return ok(null);
  if (/^\d{5}$/.test(s)) return ok(s);
  if (/^\d{4}$/.test(s)) {
    const padded = `0${s}`;
    return { ok: true, value: padded, warning: { code: 'postcode_padded', params: { postcode: padded } } };
  }
  return fail('invalid_postcode');
}

const ZEmail = z.email();

/** An e-mail address (zod's check); null when empty. */
export function parseEmail(v: CellValue): Parsed<string | null> {
  const s = rawText(v).replace(/^mailto:/i, '');
  if (s === '') return ok(null);
  if (s.length > 254 || !ZEmail.safeParse(s).success) return fail('invalid_email');
  return ok(s);
}

/**
 * A code from a label table (see imports.labels.ts): any listed German or English spelling, the code
 * itself; null when empty. `allowed` (the export labels) goes into the issue for the message.
 */
export function parseLabel<T extends string>(
  v: CellValue,
  index: ReadonlyMap<string, T>,
  allowed: string,
): Parsed<T | null> {
  const s = rawText(v);
  if (s === '') return ok(null);
  const code = index.get(labelKey(s));
  return code ? ok(code) : fail('unknown_value', { allowed });
}

/** Splits a list cell ("Türkisch, Arabisch"; "a; b | c") into trimmed, non-empty parts. */
export function splitList(v: CellValue, separators: RegExp = /[,;|]+/): string[] {
  return rawText(v)
    .split(separators)
    .map((p) => p.trim())
    .filter(Boolean);
}

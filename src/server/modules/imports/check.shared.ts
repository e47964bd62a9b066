import type { TCefrLevel } from '../../../contracts/clients';
import type { CellValue } from '../../platform/tabular/index';
import type { CheckEnv } from './check.core';
import { CEFR_LEVELS, labelIndex } from './imports.labels';
import { type Parsed, parseLabel, parseText, rawText } from './imports.values';

/** The export labels of a label table joined for an `unknown_value` message ("Ausbildung, Praktikum, …"). */
export function labelsAllowed(labels: Record<string, readonly string[]>): string {
  return Object.values(labels)
    .map((l) => l[0])
    .join(', ');
}

/** A parsed postcode that must also exist in the reference postcodes (`unknown_postcode` otherwise). */
export function existingPostcode(parsed: Parsed<string | null>, env: CheckEnv): Parsed<string | null> {
  if (!parsed.ok || parsed.value === null || env.postcodes.has(parsed.value)) return parsed;
  return { ok: false, code: 'unknown_postcode', params: {} };
}

/** A CEFR level A1–C2 anywhere in the cell ("B1", "b1", "Niveau B1 (GER)"); null when empty. */
export function cefrParser(v: CellValue): Parsed<TCefrLevel | null> {
  const s = rawText(v);
  if (s === '') return { ok: true, value: null };
  const m = /(?:^|[^a-z])([abc][12])(?:$|[^0-9])/i.exec(s);
  const level = m?.[1]?.toUpperCase() as TCefrLevel | undefined;
  return level && CEFR_LEVELS.includes(level)
    ? { ok: true, value: level }
    : { ok: false, code: 'unknown_value', params: { allowed: CEFR_LEVELS.join(', ') } };
}

const textParsers = new Map<number, (v: CellValue) => Parsed<string | null>>();

/** The text parser for `max` characters (one function per limit, not one per row). */
export function textParser(max: number): (v: CellValue) => Parsed<string | null> {
  let p = textParsers.get(max);
  if (!p) {
    p = (v) => parseText(v, max);
    textParsers.set(max, p);
  }
  return p;
}

/** A parser of one label table (see `parseLabel`), built once per table. */
export function labelParser<T extends string>(
  labels: Record<T, readonly [string, ...string[]]>,
): (v: CellValue) => Parsed<T | null> {
  const index = labelIndex(labels);
  const allowed = labelsAllowed(labels);
  return (v) => parseLabel(v, index, allowed);
}

/** `fn` cached per distinct argument (company name keys: 50,000 rows, a few thousand companies). */
export function memoise(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let hit = cache.get(s);
    if (hit === undefined) {
      hit = fn(s);
      cache.set(s, hit);
    }
    return hit;
  };
}

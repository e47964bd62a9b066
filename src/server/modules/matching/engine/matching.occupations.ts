import type { MatchOccupation, OccupationLevel } from './matching.types';

/**
 * The occupation list as the engine uses it: indices, KldB 2010 prefix groups and interest lookup.
 * KldB 2010 codes have 5 digits: occupational area (1), main group (2), group (3), subgroup (4) and the
 * requirement level (5th digit; 2 = skilled, the level of recognised training occupations), DOMAIN.md.
 */

/**
 * Occupation levels as numbers, best fit first (the order of `LEVEL_NAMES`); a client's relation to an
 * occupation is the smallest level reached through any wish or interest.
 */
export const LEVEL_EXACT = 0;
/** Same 5-digit KldB code as a wished occupation, another occupation. */
export const LEVEL_SAME_CODE = 1;
/** Same 4-digit KldB subgroup. */
export const LEVEL_SUBGROUP = 2;
/** Same 3-digit KldB group. */
export const LEVEL_GROUP = 3;
/** Named by an interest (field, name, alias or KldB prefix). */
export const LEVEL_INTEREST = 4;
/** Same 2-digit KldB main group. */
export const LEVEL_MAIN_GROUP = 5;
/** Not related (client named occupations or interests, none fits). */
export const LEVEL_UNRELATED = 6;
/** No occupation information on one side. */
export const LEVEL_UNKNOWN = 7;

/** Level names by level number. */
export const LEVEL_NAMES: readonly OccupationLevel[] = [
  'exact',
  'same_code',
  'subgroup',
  'group',
  'interest',
  'main_group',
  'unrelated',
  'unknown',
];

/**
 * Occupation fit value by level (0…1; `unknown` takes the configured `unknownValue` instead). The steps
 * follow the KldB hierarchy: each level up shares less of the occupation's content (ADR 0004).
 */
export const LEVEL_FIT: readonly number[] = [1, 0.9, 0.8, 0.6, 0.5, 0.4, 0, 0.5];

/** Lower-cases and folds accents/umlauts ("Büro" → "buro", "ß" → "ss"), as the reference search does. */
export function foldText(s: string): string {
  return s.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '').trim();
}

/** Occupation list prepared for matching. Indices are positions in the given list. */
export interface OccupationCatalogue {
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly kldb: readonly string[];
  /** Occupation indices sharing a KldB prefix, keyed by the prefix (1–5 digits). */
  readonly byPrefix: ReadonlyMap<string, readonly number[]>;
  /** Folded name, aliases and field of each occupation (interest keyword search). */
  readonly searchText: readonly string[];
  readonly interestCache: Map<string, readonly number[]>;
}

/**
 * Indexes an occupation list.
 * @throws Error on a duplicate id, a KldB code that is not 5 digits, or more than 65,535 occupations
 */
export function buildOccupationCatalogue(list: readonly MatchOccupation[]): OccupationCatalogue {
  if (list.length > 65535) throw new Error('at most 65,535 occupations');
  const indexOf = new Map<string, number>();
  const byPrefix = new Map<string, number[]>();
  list.forEach((o, i) => {
    if (indexOf.has(o.id)) throw new Error(`duplicate occupation id ${o.id}`);
    if (!/^\d{5}$/.test(o.kldb)) throw new Error(`occupation ${o.id}: KldB code must have 5 digits`);
    indexOf.set(o.id, i);
    for (let len = 1; len <= 5; len++) {
      const key = o.kldb.slice(0, len);
      const group = byPrefix.get(key);
      if (group) group.push(i);
      else byPrefix.set(key, [i]);
    }
  });
  return {
    ids: list.map((o) => o.id),
    indexOf,
    kldb: list.map((o) => o.kldb),
    byPrefix,
    searchText: list.map((o) => foldText([o.name ?? '', ...(o.aliases ?? []), o.field ?? ''].join(' | '))),
    interestCache: new Map(),
  };
}

/**
 * Occupations an interest names: a KldB prefix of 1–4 digits ("26" = Mechatronik-, Energie- und
 * Elektroberufe) names all occupations under it; a word of at least 3 letters names every occupation whose
 * folded name, alias or field contains it ("metall", "kfz", "büro"). Shorter words name nothing.
 */
export function interestOccupations(cat: OccupationCatalogue, interest: string): readonly number[] {
  const key = foldText(interest);
  const hit = cat.interestCache.get(key);
  if (hit) return hit;
  let found: readonly number[] = [];
  if (/^\d{1,4}$/.test(key)) found = cat.byPrefix.get(key) ?? [];
  else if (key.length >= 3) {
    const list: number[] = [];
    cat.searchText.forEach((t, i) => {
      if (t.includes(key)) list.push(i);
    });
    found = list;
  }
  cat.interestCache.set(key, found);
  return found;
}

/** A client's related occupations, best level first (ties by occupation index). */
export interface OccupationRelation {
  occ: number[];
  level: number[];
  /** Per entry, the wished occupation (index) the level comes from; -1 for an interest. */
  via: number[];
  /** Wished ids that are not in the list (left out). */
  unknownWishes: number;
}

/**
 * The occupations related to a client's wishes and interests with the best level for each: every
 * occupation in a wished occupation's KldB main group (exact / same code / subgroup / group / main group)
 * and every occupation an interest names.
 */
export function relateOccupations(
  cat: OccupationCatalogue,
  wishedIds: readonly string[],
  interests: readonly string[],
): OccupationRelation {
  const best = new Map<number, { level: number; via: number }>();
  const offer = (occ: number, level: number, via: number) => {
    const cur = best.get(occ);
    if (!cur || level < cur.level) best.set(occ, { level, via });
  };
  let unknownWishes = 0;
  for (const id of wishedIds) {
    const w = cat.indexOf.get(id);
    if (w === undefined) {
      unknownWishes++;
      continue;
    }
    const code = cat.kldb[w] as string;
    for (const o of cat.byPrefix.get(code.slice(0, 2)) ?? []) {
      const other = cat.kldb[o] as string;
      const level =
        o === w
          ? LEVEL_EXACT
          : other === code
            ? LEVEL_SAME_CODE
            : other.slice(0, 4) === code.slice(0, 4)
              ? LEVEL_SUBGROUP
              : other.slice(0, 3) === code.slice(0, 3)
                ? LEVEL_GROUP
                : LEVEL_MAIN_GROUP;
      offer(o, level, w);
    }
  }
  for (const interest of interests)
    for (const o of interestOccupations(cat, interest)) offer(o, LEVEL_INTEREST, -1);
  const entries = [...best.entries()].sort((a, b) => a[1].level - b[1].level || a[0] - b[0]);
  return {
    occ: entries.map((e) => e[0]),
    level: entries.map((e) => e[1].level),
    via: entries.map((e) => e[1].via),
    unknownWishes,
  };
}

/** Reusable buffers of `relatePacked` (one per catalogue and thread). */
const packScratch = new WeakMap<OccupationCatalogue, { best: Uint8Array; keys: Int32Array }>();

/**
 * `relateOccupations` without objects, for compiling many clients: the related occupations packed as
 * `level · 2¹⁶ + occupation`, sorted (best level first, ties by occupation) — the same entries and order.
 * @returns a view of a shared buffer (valid until the next call) holding the packed entries
 */
export function relatePacked(
  cat: OccupationCatalogue,
  wishedIds: readonly string[],
  interests: readonly string[],
): Int32Array {
  let sc = packScratch.get(cat);
  if (!sc) {
    sc = { best: new Uint8Array(cat.ids.length).fill(255), keys: new Int32Array(cat.ids.length) };
    packScratch.set(cat, sc);
  }
  const { best, keys } = sc;
  let n = 0;
  const offer = (occ: number, level: number) => {
    const cur = best[occ] as number;
    if (cur === 255) keys[n++] = occ;
    if (level < cur) best[occ] = level;
  };
  for (const id of wishedIds) {
    const w = cat.indexOf.get(id);
    if (w === undefined) continue;
    const code = cat.kldb[w] as string;
    for (const o of cat.byPrefix.get(code.slice(0, 2)) ?? []) {
      const other = cat.kldb[o] as string;
      offer(
        o,
        o === w
          ? LEVEL_EXACT
          : other === code
            ? LEVEL_SAME_CODE
            : other.slice(0, 4) === code.slice(0, 4)
              ? LEVEL_SUBGROUP
              : other.slice(0, 3) === code.slice(0, 3)
                ? LEVEL_GROUP
                : LEVEL_MAIN_GROUP,
      );
    }
  }
  for (const interest of interests)
    for (const o of interestOccupations(cat, interest)) offer(o, LEVEL_INTEREST);
  for (let i = 0; i < n; i++) {
    const occ = keys[i] as number;
    keys[i] = (best[occ] as number) * 65536 + occ;
    best[occ] = 255;
  }
  return keys.subarray(0, n).sort();
}

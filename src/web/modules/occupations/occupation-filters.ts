import type { TOccupation } from '../../../contracts/reference';

/** Kinds of training entry (contracts `ZOccupationKind`), in display order. */
export const OCCUPATION_KINDS = [
  'dual',
  'two_year',
  'theory_reduced',
  'federal_other',
  'eq',
] as const satisfies readonly TOccupation['kind'][];

/** Letters of the A–Z list (umlauts sort with their base letter: Ä under A). */
export const LETTERS = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));

/** Occupations per page. */
export const PAGE_SIZE = 50;

/** What the occupation browser shows, as kept in the page address. */
export interface TOccupationFilters {
  /** How to browse: A–Z letters or KldB occupational areas (the visible tab). */
  view: 'az' | 'kldb';
  /** Search text (name, alias, misspelling); empty = none. */
  q: string;
  /** Initial letter A–Z, or null. */
  letter: string | null;
  /** KldB 2010 code prefix (1–3 digits: area, main group, group), or null. */
  kldb: string | null;
  /** Kind of training, or null for all. */
  kind: TOccupation['kind'] | null;
  /** Index of the first occupation shown (0-based, multiple of {@link PAGE_SIZE}). */
  offset: number;
}

/** Reads the filters from the address; invalid values are dropped. */
export function filtersFromParams(params: URLSearchParams): TOccupationFilters {
  const letter = params.get('letter')?.toUpperCase() ?? '';
  const kldb = params.get('kldb') ?? '';
  const kind = params.get('kind') ?? '';
  const offset = Number(params.get('offset') ?? 0);
  const validKldb = /^\d{1,3}$/.test(kldb) ? kldb : null;
  return {
    view: params.get('view') === 'kldb' || validKldb ? 'kldb' : 'az',
    q: (params.get('q') ?? '').slice(0, 100),
    letter: LETTERS.includes(letter) ? letter : null,
    kldb: validKldb,
    kind: (OCCUPATION_KINDS as readonly string[]).includes(kind) ? (kind as TOccupation['kind']) : null,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** Writes the filters into an address query (empty values left out; `view` only when not A–Z). */
export function filtersToParams(filters: TOccupationFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.view === 'kldb') params.set('view', 'kldb');
  if (filters.q.trim()) params.set('q', filters.q);
  if (filters.letter) params.set('letter', filters.letter);
  if (filters.kldb) params.set('kldb', filters.kldb);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.offset > 0) params.set('offset', String(filters.offset));
  return params;
}

/**
 * The next filters after a choice: a search, a letter and a KldB node each replace the other two (one
 * way of finding at a time); the kind filter stays; any change goes back to the first page.
 */
export function applyChoice(
  filters: TOccupationFilters,
  choice:
    | { type: 'search'; q: string }
    | { type: 'letter'; letter: string | null }
    | { type: 'kldb'; code: string | null }
    | { type: 'kind'; kind: TOccupation['kind'] | null }
    | { type: 'view'; view: TOccupationFilters['view'] }
    | { type: 'page'; offset: number },
): TOccupationFilters {
  switch (choice.type) {
    case 'search':
      return { ...filters, q: choice.q, letter: null, kldb: null, offset: 0 };
    case 'letter':
      return { ...filters, view: 'az', q: '', letter: choice.letter, kldb: null, offset: 0 };
    case 'kldb':
      return { ...filters, view: 'kldb', q: '', letter: null, kldb: choice.code, offset: 0 };
    case 'kind':
      return { ...filters, kind: choice.kind, offset: 0 };
    case 'view':
      return { ...filters, view: choice.view };
    case 'page':
      return { ...filters, offset: Math.max(0, choice.offset) };
  }
}

/** The KldB codes from the area down to `code` ("251" → ["2", "25", "251"]). */
export function kldbAncestry(code: string | null): string[] {
  if (!code) return [];
  return Array.from({ length: code.length }, (_, i) => code.slice(0, i + 1));
}

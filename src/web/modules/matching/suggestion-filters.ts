import { ZCefrLevel } from '../../../contracts/clients';
import { ZPlaceKind } from '../../../contracts/companies.enums';

/**
 * Filters of the suggestion lists (issue 6) as the forms hold them (strings from inputs) and as the API
 * wants them. Pure; unit-tested.
 */

/** How many suggestions a list shows. */
export const SUGGESTION_COUNT = 10;

/** Filters of "Vorschläge" on a client's page. */
export interface TClientSuggestionFilters {
  /** One place kind, '' = all. */
  kind: string;
  /** One occupation id, '' = all. */
  occupationId: string;
  /** Maximum distance in km as typed, '' = the client's radius. */
  maxKm: string;
  /** Leave out suggestions with a flag (e.g. work permit missing). */
  withoutFlags: boolean;
}

/** Filters of "Passende Bewerber*innen" on a place's page. */
export interface TPlaceCandidateFilters {
  /** Minimum recorded German level, '' = any. */
  minGermanLevel: string;
  maxKm: string;
  withoutFlags: boolean;
}

/** No filter on a client's suggestions. */
export const NO_CLIENT_FILTERS: TClientSuggestionFilters = {
  kind: '',
  occupationId: '',
  maxKm: '',
  withoutFlags: false,
};

/** No filter on a place's candidates. */
export const NO_PLACE_FILTERS: TPlaceCandidateFilters = {
  minGermanLevel: '',
  maxKm: '',
  withoutFlags: false,
};

/**
 * The typed maximum distance in km, or null when empty; `'invalid'` when it is no number in 1–1000
 * (a comma is taken as the decimal point).
 */
export function parseMaxKm(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return null;
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return 'invalid';
  const km = Number(trimmed);
  return km > 0 && km <= 1000 ? km : 'invalid';
}

/** Query of `GET /api/clients/:id/suggestions` for the filters (an invalid distance is left out). */
export function clientFiltersToQuery(
  filters: TClientSuggestionFilters,
): Record<string, string | number | boolean> {
  const query: Record<string, string | number | boolean> = { k: SUGGESTION_COUNT };
  if (ZPlaceKind.safeParse(filters.kind).success) query.kind = filters.kind;
  if (filters.occupationId) query.occupationId = filters.occupationId;
  const km = parseMaxKm(filters.maxKm);
  if (typeof km === 'number') query.maxKm = km;
  if (filters.withoutFlags) query.withoutFlags = true;
  return query;
}

/** Query of `GET /api/places/:id/matching-candidates` for the filters. */
export function placeFiltersToQuery(
  filters: TPlaceCandidateFilters,
): Record<string, string | number | boolean> {
  const query: Record<string, string | number | boolean> = { k: SUGGESTION_COUNT };
  if (ZCefrLevel.safeParse(filters.minGermanLevel).success) query.minGermanLevel = filters.minGermanLevel;
  const km = parseMaxKm(filters.maxKm);
  if (typeof km === 'number') query.maxKm = km;
  if (filters.withoutFlags) query.withoutFlags = true;
  return query;
}

/** True when any filter is set (the empty state then suggests loosening them). */
export function filtersActive(filters: TClientSuggestionFilters | TPlaceCandidateFilters): boolean {
  return Object.values(filters).some((v) => v !== '' && v !== false);
}

/**
 * The radius that limits a client's suggestions, km: the client's own (or the office default when none is
 * recorded), narrowed by a typed maximum distance; null when unknown.
 */
export function radiusInForce(
  clientRadiusKm: number | null | undefined,
  defaultRadiusKm: number | null | undefined,
  maxKm: string,
): number | null {
  const own = clientRadiusKm ?? defaultRadiusKm ?? null;
  const typed = parseMaxKm(maxKm);
  if (typeof typed !== 'number') return own;
  return own === null ? typed : Math.min(own, typed);
}

/**
 * Occupations to offer in the occupation filter: those seen in the lists so far (id → name), merged with
 * `seen`, sorted by name; keeps the chosen one even when the current list no longer shows it.
 */
export function mergeOccupations(
  seen: ReadonlyMap<string, string>,
  items: ReadonlyArray<{ occupationId: string | null; occupationName: string | null }>,
): Map<string, string> {
  const next = new Map(seen);
  for (const item of items) {
    if (item.occupationId && !next.has(item.occupationId)) {
      next.set(item.occupationId, item.occupationName ?? item.occupationId);
    }
  }
  return new Map([...next.entries()].sort((a, b) => a[1].localeCompare(b[1], 'de')));
}

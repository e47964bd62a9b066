import { explainIndices } from './matching.explain';
import type { MatchModel } from './matching.model';
import { searchPlacesIndexed, searchPlacesNaive } from './matching.search';
import { searchClientsIndexed, searchClientsNaive } from './matching.search-clients';
import { compileClientFilters, compilePlaceFilters, TopK } from './matching.topk';
import type { ClientFilters, MatchSuggestion, PairExplanation, PlaceFilters } from './matching.types';

/**
 * The engine's question-and-answer surface by id: best places for a client, best clients for a place, and
 * the explanation of any pair. Results are lists of explained suggestions, best first, ties by id.
 */

const idMaps = new WeakMap<MatchModel, { client: Map<string, number>; place: Map<string, number> }>();

function indexOfIds(m: MatchModel) {
  let maps = idMaps.get(m);
  if (!maps) {
    maps = {
      client: new Map(m.clients.ids.map((id, i) => [id, i])),
      place: new Map(m.places.ids.map((id, i) => [id, i])),
    };
    idMaps.set(m, maps);
  }
  return maps;
}

/** Thrown for an id the model does not hold (`kind` says which side). */
export class UnknownMatchIdError extends Error {
  constructor(
    readonly kind: 'client' | 'place',
    readonly id: string,
  ) {
    super(`unknown ${kind} id ${id}`);
    this.name = 'UnknownMatchIdError';
  }
}

function clientIndex(m: MatchModel, id: string): number {
  const i = indexOfIds(m).client.get(id);
  if (i === undefined) throw new UnknownMatchIdError('client', id);
  return i;
}

function placeIndex(m: MatchModel, id: string): number {
  const i = indexOfIds(m).place.get(id);
  if (i === undefined) throw new UnknownMatchIdError('place', id);
  return i;
}

/** Options of the top-k queries. */
export interface TopOptions {
  /** Run the naive all-pairs scan instead of the index (same result; for tests and the benchmark). */
  naive?: boolean;
}

/**
 * The `k` best places for a client, explained, with `filters` applied. A client without matching consent
 * gets an empty list.
 * @throws UnknownMatchIdError for an unknown client id
 */
export function topPlacesForClient(
  m: MatchModel,
  clientId: string,
  k: number,
  filters: PlaceFilters = {},
  opts: TopOptions = {},
): MatchSuggestion[] {
  const ci = clientIndex(m, clientId);
  const f = compilePlaceFilters(m.catalogue, filters);
  const top = new TopK(k);
  (opts.naive ? searchPlacesNaive : searchPlacesIndexed)(m, ci, f, top);
  const rc2 = Math.min(m.clients.radiusChord2[ci] as number, f.maxChord2);
  return Array.from({ length: top.n }, (_, i) => strip(explainIndices(m, ci, top.item[i] as number, rc2)));
}

/**
 * The `k` best clients for a place, explained (clients without matching consent never appear).
 * @throws UnknownMatchIdError for an unknown place id
 */
export function topClientsForPlace(
  m: MatchModel,
  placeId: string,
  k: number,
  filters: ClientFilters = {},
  opts: TopOptions = {},
): MatchSuggestion[] {
  const pi = placeIndex(m, placeId);
  const f = compileClientFilters(filters);
  const top = new TopK(k);
  (opts.naive ? searchClientsNaive : searchClientsIndexed)(m, pi, f, top);
  return Array.from({ length: top.n }, (_, i) => {
    const ci = top.item[i] as number;
    const rc2 = Math.min(m.clients.radiusChord2[ci] as number, f.maxChord2);
    return strip(explainIndices(m, ci, pi, rc2));
  });
}

/**
 * Explains any pair, also one that is excluded (`excluded` names the first hard exclusion).
 * @throws UnknownMatchIdError for an unknown id
 */
export function explainPair(m: MatchModel, clientId: string, placeId: string): PairExplanation {
  return explainIndices(m, clientIndex(m, clientId), placeIndex(m, placeId));
}

function strip(e: PairExplanation): MatchSuggestion {
  const { excluded: _excluded, ...rest } = e;
  return rest;
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TKldbNode, TOccupation } from '../../../contracts/reference';
import { api } from '../../lib/api';
import { PAGE_SIZE, type TOccupationFilters } from './occupation-filters';

/**
 * `GET /api/reference/occupations` for the browser's filters: search text, initial letter, KldB prefix,
 * kind, one page of {@link PAGE_SIZE}. Hits found through an alias carry `matchedAlias`.
 */
export function useOccupations(filters: TOccupationFilters) {
  const query = {
    q: filters.q.trim() || undefined,
    letter: filters.letter ?? undefined,
    kldbPrefix: filters.kldb ?? undefined,
    kind: filters.kind ?? undefined,
    limit: PAGE_SIZE,
    offset: filters.offset,
  };
  return useQuery({
    queryKey: ['reference', 'occupations', query],
    queryFn: ({ signal }) =>
      api.get<{ items: TOccupation[]; total: number }>('/api/reference/occupations', query, signal),
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
}

/** `GET /api/reference/kldb?parent=` — KldB 2010 nodes below `parent` (the 10 areas for null), with counts. */
export function useKldbChildren(parent: string | null, enabled = true) {
  return useQuery({
    queryKey: ['reference', 'kldb', parent],
    queryFn: ({ signal }) =>
      api
        .get<{ items: TKldbNode[] }>('/api/reference/kldb', { parent: parent ?? undefined }, signal)
        .then((body) => body.items),
    enabled,
    staleTime: 60 * 60_000,
  });
}

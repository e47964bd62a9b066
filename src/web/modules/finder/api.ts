import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TDirectoryResult } from '../../../contracts/office-directory';
import type { TPlaceHit, TPostcodeInfo } from '../../../contracts/reference';
import { api } from '../../lib/api';

/** `GET /api/reference/places?q=` — place and postcode autocomplete (≥ 2 characters). */
export function fetchPlaces(q: string, limit = 8, signal?: AbortSignal): Promise<TPlaceHit[]> {
  return api
    .get<{ items: TPlaceHit[] }>('/api/reference/places', { q: q.trim().slice(0, 80), limit }, signal)
    .then((body) => body.items);
}

/** React Query key of the place suggestions for `q`. */
export const placesQueryKey = (q: string) => ['reference', 'places', q.trim().toLowerCase()] as const;

/** Suggestions for the finder field; idle below two characters. */
export function usePlaceSuggestions(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: placesQueryKey(text),
    queryFn: ({ signal }) => fetchPlaces(text, 8, signal),
    enabled: text.length >= 2,
    staleTime: 10 * 60_000,
    placeholderData: (previous) => previous,
  });
}

/**
 * `GET /api/reference/postcodes/:plz` — Land, Kreis and centre of a postcode (`null` = no search).
 * Fails with 400 `invalid_postcode` (e.g. four digits) or 404 `unknown_postcode`, with a localised detail.
 */
export function usePostcode(postcode: string | null) {
  // The language is part of the key: refusals carry a message in the language asked for.
  const { i18n } = useTranslation();
  return useQuery<TPostcodeInfo>({
    queryKey: ['reference', 'postcode', postcode, i18n.language],
    // After a language switch, keep showing the same postcode's answer while it is asked for again.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === postcode ? previous : undefined,
    queryFn: ({ signal }) =>
      api.get<TPostcodeInfo>(
        `/api/reference/postcodes/${encodeURIComponent(postcode ?? '')}`,
        undefined,
        signal,
      ),
    enabled: postcode !== null,
    staleTime: 60 * 60_000,
  });
}

/** Query of {@link useDirectory}: a postcode or a Land (AGS 2 digits). */
export type TDirectoryQueryInput = { plz: string } | { land: string };

/** `GET /api/office-directory?plz=|land=` — the responsible KAUSA offices, nearest first for a postcode. */
export function useDirectory(query: TDirectoryQueryInput | null, enabled = true) {
  const { i18n } = useTranslation();
  return useQuery<TDirectoryResult>({
    queryKey: ['office-directory', query, i18n.language],
    placeholderData: (previous, previousQuery) =>
      JSON.stringify(previousQuery?.queryKey[1]) === JSON.stringify(query) ? previous : undefined,
    queryFn: ({ signal }) => api.get<TDirectoryResult>('/api/office-directory', query ?? undefined, signal),
    enabled: enabled && query !== null,
    staleTime: 10 * 60_000,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TPlacement,
  TPlacementListItem,
  TPlacementMoveResult,
  TPlacementSource,
  ZPlacementList,
  ZPlacementProblem,
} from '../../../contracts/placements';
import { api, isApiError } from '../../lib/api';
import type { TStageBody } from './placement-stages';

/** A page of placements. */
export type TPlacementList = z.infer<typeof ZPlacementList>;
/** Problem body of the placement routes (`existingId` with 409 `placement_exists`). */
type TPlacementProblem = z.infer<typeof ZPlacementProblem>;

/** Filters of {@link usePlacements}. */
export interface TPlacementFilters {
  clientId?: string;
  placeId?: string;
  companyId?: string;
  stage?: string;
  open?: boolean;
  limit?: number;
  offset?: number;
}

/** React Query keys of the placements module. */
export const placementsKeys = {
  all: ['placements'] as const,
  list: (filters: TPlacementFilters) => ['placements', 'list', filters] as const,
  detail: (id: string) => ['placements', 'detail', id] as const,
};

const placementPath = (id: string) => `/api/placements/${encodeURIComponent(id)}`;

/** `GET /api/placements` — placements of the own office, filtered, newest first (audited read). */
export function usePlacements(filters: TPlacementFilters, enabled = true) {
  return useQuery({
    queryKey: placementsKeys.list(filters),
    queryFn: ({ signal }) => api.get<TPlacementList>('/api/placements', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** `GET /api/placements/:id` — one placement with its dated history. */
export function usePlacement(id: string | undefined) {
  return useQuery({
    queryKey: placementsKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ placement: TPlacement }>(placementPath(id ?? ''), undefined, signal).then((b) => b.placement),
    enabled: Boolean(id),
  });
}

/**
 * Refreshes everything a placement change can move: placements, the case (stage `applying` / `placed`),
 * the client and place pages, the company (stage `training`), matching suggestions (case stage shown).
 */
function useRefreshAfterPlacement() {
  const queryClient = useQueryClient();
  return (placement: TPlacement) => {
    queryClient.setQueryData(placementsKeys.detail(placement.id), placement);
    return Promise.all(
      [['placements'], ['matching'], ['cases'], ['clients'], ['places'], ['companies'], ['agenda']].map(
        (queryKey) => queryClient.invalidateQueries({ queryKey }),
      ),
    );
  };
}

/** Body of "create a placement" as sent. */
export interface TCreatePlacementInput {
  clientId: string;
  placeId: string;
  /** `matching`: the server computes the score snapshot with the matching engine (never sent). */
  source: TPlacementSource;
  proposedOn?: string;
  note?: string | null;
}

/**
 * `POST /api/placements` — a `proposed` placement of a client and an open place (moves the client's
 * case to `applying` when earlier).
 * @throws ApiError 409 `placement_exists` (see {@link existingPlacementId}), 422
 *   `matching_consent_required` / `place_not_open`, 400 `validation`
 */
export function useCreatePlacement() {
  const refresh = useRefreshAfterPlacement();
  return useMutation({
    mutationFn: (body: TCreatePlacementInput) =>
      api.post<{ placement: TPlacement }>('/api/placements', body).then((b) => b.placement),
    onSuccess: (placement) => refresh(placement),
  });
}

/** The open placement named by a 409 `placement_exists` answer, else null. */
export function existingPlacementId(error: unknown): string | null {
  if (!isApiError(error, 409) || error.code !== 'placement_exists') return null;
  return (error.problem as TPlacementProblem | null)?.existingId ?? null;
}

/**
 * `POST /api/placements/:id/stage` — the new stage on the day it happened, with the `version` read.
 * Resolves to the placement and the `notices` of the move (after leaving a contract: the case and the
 * company were not moved back, the place was reopened).
 * @throws ApiError 409 `conflict` (someone changed it first), 400/422 with field errors
 */
export function useMovePlacementStage() {
  const refresh = useRefreshAfterPlacement();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TStageBody }) =>
      api.post<TPlacementMoveResult>(`${placementPath(id)}/stage`, body),
    onSuccess: (result) => refresh(result.placement),
  });
}

/** `DELETE /api/placements/:id?version=` — removes a placement recorded by mistake (only while `proposed`). */
export function useDeletePlacement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (placement: Pick<TPlacementListItem, 'id' | 'version'>) =>
      api.delete<unknown>(`${placementPath(placement.id)}?version=${placement.version}`),
    onSuccess: () =>
      Promise.all(
        [['placements'], ['matching'], ['places']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

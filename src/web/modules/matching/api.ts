import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TClientSummary } from '../../../contracts/clients';
import type { TCompanySummary } from '../../../contracts/companies';
import type {
  TAssignmentResult,
  TClientSuggestions,
  TCreateMatchRun,
  TMatchConfigUpdate,
  TMatchConfigView,
  TMatchRun,
  TMatchRunResultQuery,
  TPairExplanation,
  TPlaceCandidates,
  ZAssignmentInput,
  ZMatchRunList,
  ZMatchRunResultList,
} from '../../../contracts/matching';
import type { TOccupation } from '../../../contracts/reference';
import { api, type TQueryParams } from '../../lib/api';

/** Body of `POST /api/matching/assignment` as the planner sends it. */
export type TAssignmentBody = z.input<typeof ZAssignmentInput>;
/** A page of batch runs. */
export type TMatchRunList = z.infer<typeof ZMatchRunList>;
/** A page of run results. */
export type TMatchRunResultList = z.infer<typeof ZMatchRunResultList>;

/** React Query keys of the matching module (everything under `['matching']` is refreshed after a change). */
export const matchingKeys = {
  all: ['matching'] as const,
  clientSuggestions: (clientId: string, query: unknown) =>
    ['matching', 'client-suggestions', clientId, query] as const,
  placeCandidates: (placeId: string, query: unknown) =>
    ['matching', 'place-candidates', placeId, query] as const,
  explain: (clientId: string, placeId: string) => ['matching', 'explain', clientId, placeId] as const,
  config: (officeId: string | null) => ['matching', 'config', officeId ?? 'own'] as const,
  runs: (page: unknown) => ['matching', 'runs', page] as const,
  run: (id: string) => ['matching', 'run', id] as const,
  results: (id: string, query: unknown) => ['matching', 'results', id, query] as const,
};

const enc = encodeURIComponent;

/**
 * `GET /api/clients/:id/suggestions` — the best places for a client, explained, with `empty` saying why
 * there are none and `notes` naming the client's unknown inputs (audited read).
 */
export function useClientSuggestions(clientId: string, query: TQueryParams) {
  return useQuery({
    queryKey: matchingKeys.clientSuggestions(clientId, query),
    queryFn: ({ signal }) =>
      api.get<TClientSuggestions>(`/api/clients/${enc(clientId)}/suggestions`, query, signal),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/places/:id/matching-candidates` — the best clients for a place, explained (audited read). */
export function usePlaceMatchingCandidates(placeId: string, query: TQueryParams) {
  return useQuery({
    queryKey: matchingKeys.placeCandidates(placeId, query),
    queryFn: ({ signal }) =>
      api.get<TPlaceCandidates>(`/api/places/${enc(placeId)}/matching-candidates`, query, signal),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/matching/explain` — any pair, also an excluded one ("why is this place not suggested?"). */
export function useExplainPair(pair: { clientId: string; placeId: string } | null) {
  return useQuery({
    queryKey: matchingKeys.explain(pair?.clientId ?? '', pair?.placeId ?? ''),
    queryFn: ({ signal }) => api.get<TPairExplanation>('/api/matching/explain', { ...pair }, signal),
    enabled: pair !== null,
  });
}

/**
 * `GET /api/matching/config` — the weights and parameters of the own office (or, for a coordinator, of
 * `officeId` below theirs), with the defaults and the reason for each default weight.
 */
export function useMatchConfig(officeId: string | null = null, enabled = true) {
  return useQuery({
    queryKey: matchingKeys.config(officeId),
    queryFn: ({ signal }) => api.get<TMatchConfigView>('/api/matching/config', { officeId }, signal),
    staleTime: 60_000,
    enabled,
  });
}

/**
 * `PUT /api/matching/config` — the whole parameters with the `version` read (coordinators only).
 * @throws ApiError 400 `match_config_invalid` (field errors such as `body.weights.distance`), 409 `conflict`
 */
export function useSaveMatchConfig(officeId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TMatchConfigUpdate) =>
      api.put<TMatchConfigView>(
        officeId ? `/api/matching/config?officeId=${enc(officeId)}` : '/api/matching/config',
        body,
      ),
    onSuccess: async (view) => {
      queryClient.setQueryData(matchingKeys.config(officeId), view);
      // Suggestions were scored with the old weights.
      await queryClient.invalidateQueries({ queryKey: ['matching', 'client-suggestions'] });
      await queryClient.invalidateQueries({ queryKey: ['matching', 'place-candidates'] });
    },
  });
}

/** True while a run has not ended (its progress still changes). */
export function runActive(run: Pick<TMatchRun, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running';
}

/** `GET /api/matching/runs` — the office's runs, newest first; polled every `pollMs` while one is active. */
export function useMatchRuns(page: { limit: number; offset: number }, pollMs = 700) {
  return useQuery({
    queryKey: matchingKeys.runs(page),
    queryFn: ({ signal }) => api.get<TMatchRunList>('/api/matching/runs', { ...page }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(runActive) ? pollMs : false),
  });
}

/** `GET /api/matching/runs/:id` — one run with its parameters and progress; polled while it runs. */
export function useMatchRun(id: string | undefined, pollMs = 500) {
  return useQuery({
    queryKey: matchingKeys.run(id ?? ''),
    queryFn: ({ signal }) => api.get<TMatchRun>(`/api/matching/runs/${enc(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && runActive(query.state.data) ? pollMs : false),
  });
}

/** Body of "start a run" as the form sends it. */
export type TCreateMatchRunInput = Partial<TCreateMatchRun>;

/** `POST /api/matching/runs` — starts a batch run over the own office (answers at once; it runs in the background). */
export function useStartMatchRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateMatchRunInput) => api.post<TMatchRun>('/api/matching/runs', body),
    onSuccess: async (run) => {
      queryClient.setQueryData(matchingKeys.run(run.id), run);
      await queryClient.invalidateQueries({ queryKey: ['matching', 'runs'] });
    },
  });
}

/** `GET /api/matching/runs/:id/results` — stored result rows (by list owner, then rank); idle until enabled. */
export function useMatchRunResults(id: string, query: Partial<TMatchRunResultQuery>, enabled = true) {
  return useQuery({
    queryKey: matchingKeys.results(id, query),
    queryFn: ({ signal }) =>
      api.get<TMatchRunResultList>(`/api/matching/runs/${enc(id)}/results`, { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** `GET /api/reference/occupations/:id` — an occupation's name (same cache entry as the clients module). */
export function useOccupationName(id: string | null | undefined): string | null {
  const query = useQuery({
    queryKey: ['reference', 'occupation', id],
    queryFn: ({ signal }) =>
      api
        .get<{ occupation: TOccupation }>(`/api/reference/occupations/${enc(id ?? '')}`, undefined, signal)
        .then((body) => body.occupation),
    enabled: Boolean(id),
    staleTime: 60 * 60_000,
  });
  return query.data?.name ?? null;
}

/** An office of the tree (for the coordinator's office choice of the settings). */
export interface TOfficeChoice {
  id: string;
  parentId: string | null;
  name: string;
}

/** `GET /api/offices` — the office tree (idle unless enabled). */
export function useOffices(enabled: boolean) {
  return useQuery({
    queryKey: ['matching', 'offices'],
    queryFn: ({ signal }) =>
      api.get<{ items: TOfficeChoice[] }>('/api/offices', undefined, signal).then((b) => b.items),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** A place hit of the "check a place" search. */
export interface TPlaceHit {
  id: string;
  title: string | null;
  occupationName: string | null;
  kind: string;
  companyName: string;
  postcode: string | null;
  place: string | null;
  status: string;
}

/** `GET /api/places?q=` — the office's places for the "check a place" search (idle below 2 characters). */
export function usePlaceSearch(q: string) {
  const text = q.trim();
  return useQuery<TPlaceHit[]>({
    queryKey: ['matching', 'place-search', text],
    queryFn: ({ signal }) =>
      api.get<{ items: TPlaceHit[] }>('/api/places', { q: text, limit: 10 }, signal).then((b) => b.items),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** A client hit of the speed-dating planner's search (`GET /api/clients`). */
export type TClientHit = Pick<
  TClientSummary,
  'id' | 'givenNames' | 'familyName' | 'postcode' | 'place' | 'dateOfBirth'
>;
/** A company hit of the planner's search (`GET /api/companies`). */
export type TCompanyHit = Pick<TCompanySummary, 'id' | 'name' | 'postcode' | 'place'>;
/** A place hit of the planner's search (`GET /api/places?status=open`), with its company. */
export interface TOpenPlaceHit extends TPlaceHit {
  companyId: string;
}

/** `GET /api/clients?q=` — the office's clients for the planner (idle below 2 characters). */
export function useClientPickSearch(q: string) {
  const text = q.trim();
  return useQuery<TClientHit[]>({
    queryKey: ['matching', 'client-pick', text],
    queryFn: ({ signal }) =>
      api.get<{ items: TClientHit[] }>('/api/clients', { q: text, limit: 8 }, signal).then((b) => b.items),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/companies?q=` — the office's companies for the planner (idle below 2 characters). */
export function useCompanyPickSearch(q: string) {
  const text = q.trim();
  return useQuery<TCompanyHit[]>({
    queryKey: ['matching', 'company-pick', text],
    queryFn: ({ signal }) =>
      api.get<{ items: TCompanyHit[] }>('/api/companies', { q: text, limit: 8 }, signal).then((b) => b.items),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/places?q=&status=open` — the office's open places for the planner (idle below 2 characters). */
export function useOpenPlacePickSearch(q: string) {
  const text = q.trim();
  return useQuery<TOpenPlaceHit[]>({
    queryKey: ['matching', 'open-place-pick', text],
    queryFn: ({ signal }) =>
      api
        .get<{ items: TOpenPlaceHit[] }>('/api/places', { q: text, status: 'open', limit: 8 }, signal)
        .then((b) => b.items),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/**
 * `POST /api/matching/assignment` — plans who meets which company in which round (nothing is stored).
 * @throws ApiError 404 `not_found` naming each unknown or other-office id (`body.clientIds.2`,
 *   `body.companyIds.0`, `body.placeIds.1`), 400 `validation`
 */
export function usePlanMeetings() {
  return useMutation({
    mutationFn: (body: TAssignmentBody) => api.post<TAssignmentResult>('/api/matching/assignment', body),
  });
}

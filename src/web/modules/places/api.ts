import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TClientSummary } from '../../../contracts/clients';
import type { TCompanyDetail, TCompanySummary } from '../../../contracts/companies';
import type {
  TPlace,
  TPlaceCandidate,
  TPlaceProfile,
  TPlaceProposal,
  ZCandidateAnswer,
  ZCandidateAssessment,
  ZCandidateList,
  ZCreateCandidate,
  ZCreateProposal,
  ZPlaceList,
  ZProposalChannel,
  ZPublicPlaceList,
  ZRecordAnswer,
  ZUpdateCandidate,
  ZUpdatePlaceProfile,
} from '../../../contracts/places';
import { api } from '../../lib/api';
import type { TPlaceListFilters } from './place-filters';
import type { TCreatePlaceInput, TUpdatePlaceInput } from './place-form';

/** A page of the office's places (rows with `distanceKm`). */
export type TPlaceList = z.infer<typeof ZPlaceList>;
/** One row of the office's place list. */
export type TPlaceListItem = TPlaceList['items'][number];
/** A page of the public place list. */
export type TPublicPlaceList = z.infer<typeof ZPublicPlaceList>;
/** Candidates and proposals of a place. */
export type TCandidateList = z.infer<typeof ZCandidateList>;
/** The counsellor's assessment of a candidate. */
export type TCandidateAssessment = z.infer<typeof ZCandidateAssessment>;
/** The company's answer to a proposed candidate. */
export type TCandidateAnswer = z.infer<typeof ZCandidateAnswer>;
/** How a proposal went to the company. */
export type TProposalChannel = z.infer<typeof ZProposalChannel>;
/** Body of "add a candidate" as sent. */
export type TCreateCandidateInput = z.input<typeof ZCreateCandidate>;
/** Body of "change an assessment" as sent. */
export type TUpdateCandidateInput = z.input<typeof ZUpdateCandidate>;
/** Body of "record the company's answer" as sent. */
export type TRecordAnswerInput = z.input<typeof ZRecordAnswer>;
/** Body of "send a proposal" as sent. */
export type TCreateProposalInput = z.input<typeof ZCreateProposal>;
/** Body of "save the requirement profile" as sent. */
export type TUpdateProfileInput = z.input<typeof ZUpdatePlaceProfile>;

/** React Query keys of the places module (everything under `['places']` is refreshed after a change). */
export const placesKeys = {
  all: ['places'] as const,
  list: (query: unknown) => ['places', 'list', query] as const,
  detail: (id: string) => ['places', 'detail', id] as const,
  profile: (id: string) => ['places', 'profile', id] as const,
  candidates: (id: string) => ['places', 'candidates', id] as const,
  company: (id: string) => ['places', 'company', id] as const,
};

const placePath = (id: string) => `/api/places/${encodeURIComponent(id)}`;

/** `GET /api/places` — the office's places, filtered and sorted; one page (`limit` 1–200). */
export function usePlaces(query: TPlaceListFilters & { limit: number; offset: number }, enabled = true) {
  return useQuery({
    queryKey: placesKeys.list(query),
    queryFn: ({ signal }) => api.get<TPlaceList>('/api/places', { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** `GET /api/places/:id` — one place of the office (404 for another office's). */
export function usePlace(id: string | undefined) {
  return useQuery({
    queryKey: placesKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ place: TPlace }>(placePath(id ?? ''), undefined, signal).then((body) => body.place),
    enabled: Boolean(id),
  });
}

/** Stores a place answer in the cache and refreshes every place list. */
function useStorePlace() {
  const queryClient = useQueryClient();
  return async (place: TPlace) => {
    queryClient.setQueryData(placesKeys.detail(place.id), place);
    await queryClient.invalidateQueries({ queryKey: ['places', 'list'] });
    await queryClient.invalidateQueries({ queryKey: ['public-places'] });
  };
}

/**
 * `POST /api/places` — a new place of a company of the office.
 * @throws ApiError 422 `place_invalid` (field errors, `suggestions` for an unknown occupation),
 *   400 `validation`, 404 (`body.companyId`)
 */
export function useCreatePlace() {
  const store = useStorePlace();
  return useMutation({
    mutationFn: (body: TCreatePlaceInput) =>
      api.post<{ place: TPlace }>('/api/places', body).then((r) => r.place),
    onSuccess: (place) => store(place),
  });
}

/** `PATCH /api/places/:id` — changed fields plus `version`; 409 `conflict` when someone saved first. */
export function useUpdatePlace() {
  const store = useStorePlace();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdatePlaceInput }) =>
      api.patch<{ place: TPlace }>(placePath(id), body).then((r) => r.place),
    onSuccess: (place) => store(place),
  });
}

/** `GET /api/places/:id/profile` — the requirement profile (`version` 0 when never saved). */
export function usePlaceProfile(placeId: string) {
  return useQuery({
    queryKey: placesKeys.profile(placeId),
    queryFn: ({ signal }) =>
      api
        .get<{ profile: TPlaceProfile }>(`${placePath(placeId)}/profile`, undefined, signal)
        .then((body) => body.profile),
  });
}

/** `PUT /api/places/:id/profile` — the whole profile with the `version` read (409 when stale). */
export function useSavePlaceProfile(placeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateProfileInput) =>
      api.put<{ profile: TPlaceProfile }>(`${placePath(placeId)}/profile`, body).then((r) => r.profile),
    onSuccess: (profile) => queryClient.setQueryData(placesKeys.profile(placeId), profile),
  });
}

/** `GET /api/places/:id/candidates` — candidates (best assessment first) and proposals (audited read). */
export function useCandidates(placeId: string) {
  return useQuery({
    queryKey: placesKeys.candidates(placeId),
    queryFn: ({ signal }) => api.get<TCandidateList>(`${placePath(placeId)}/candidates`, undefined, signal),
  });
}

/** Refreshes a place's candidates and the place itself (its candidate count). */
function useRefreshCandidates(placeId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: placesKeys.candidates(placeId) }),
      queryClient.invalidateQueries({ queryKey: placesKeys.detail(placeId) }),
      queryClient.invalidateQueries({ queryKey: ['places', 'list'] }),
    ]);
}

/**
 * `POST /api/places/:id/candidates` — adds a client of the office.
 * @throws ApiError 422 `matching_consent_required` (field `body.clientId`), 409 `duplicate`,
 *   422 `place_not_open`
 */
export function useAddCandidate(placeId: string) {
  const refresh = useRefreshCandidates(placeId);
  return useMutation({
    mutationFn: (body: TCreateCandidateInput) =>
      api
        .post<{ candidate: TPlaceCandidate }>(`${placePath(placeId)}/candidates`, body)
        .then((r) => r.candidate),
    onSuccess: () => refresh(),
  });
}

const candidatePath = (placeId: string, candidateId: string) =>
  `${placePath(placeId)}/candidates/${encodeURIComponent(candidateId)}`;

/** `PATCH /api/places/:id/candidates/:candidateId` — the assessment, with `version` (409 when stale). */
export function useUpdateCandidate(placeId: string) {
  const refresh = useRefreshCandidates(placeId);
  return useMutation({
    mutationFn: ({ candidateId, body }: { candidateId: string; body: TUpdateCandidateInput }) =>
      api
        .patch<{ candidate: TPlaceCandidate }>(candidatePath(placeId, candidateId), body)
        .then((r) => r.candidate),
    onSuccess: () => refresh(),
  });
}

/** `DELETE /api/places/:id/candidates/:candidateId` — removes a candidate. */
export function useRemoveCandidate(placeId: string) {
  const refresh = useRefreshCandidates(placeId);
  return useMutation({
    mutationFn: (candidateId: string) => api.delete<unknown>(candidatePath(placeId, candidateId)),
    onSuccess: () => refresh(),
  });
}

/** `PUT /api/places/:id/candidates/:candidateId/answer` — the company's answer (reason for `rejected`). */
export function useRecordAnswer(placeId: string) {
  const refresh = useRefreshCandidates(placeId);
  return useMutation({
    mutationFn: ({ candidateId, body }: { candidateId: string; body: TRecordAnswerInput }) =>
      api
        .put<{ candidate: TPlaceCandidate }>(`${candidatePath(placeId, candidateId)}/answer`, body)
        .then((r) => r.candidate),
    onSuccess: () => refresh(),
  });
}

/** `POST /api/places/:id/proposals` — records a proposal and marks its candidates proposed. */
export function useCreateProposal(placeId: string) {
  const refresh = useRefreshCandidates(placeId);
  return useMutation({
    mutationFn: (body: TCreateProposalInput) =>
      api.post<{ proposal: TPlaceProposal }>(`${placePath(placeId)}/proposals`, body).then((r) => r.proposal),
    onSuccess: () => refresh(),
  });
}

/** Query of {@link usePublicPlaces}. */
export interface TPublicPlacesQuery {
  kind?: string;
  occupationId?: string;
  near?: string;
  radiusKm?: number;
  sort: 'startsOn' | 'distance';
  limit: number;
  offset: number;
}

/** `GET /api/public/places` — published open places of every office (no sign-in). */
export function usePublicPlaces(query: TPublicPlacesQuery) {
  const { i18n } = useTranslation();
  return useQuery({
    // The language is part of the key: refusals (e.g. an unknown postcode) carry a localised message.
    queryKey: ['public-places', query, i18n.language],
    queryFn: ({ signal }) => api.get<TPublicPlaceList>('/api/public/places', { ...query }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** `GET /api/companies?q=` — companies of the office for the company picker (idle below 2 characters). */
export function useCompanySearch(q: string) {
  const text = q.trim();
  return useQuery<TCompanySummary[]>({
    queryKey: ['places', 'company-search', text],
    queryFn: ({ signal }) =>
      api
        .get<{ items: TCompanySummary[] }>('/api/companies', { q: text, limit: 10 }, signal)
        .then((body) => body.items),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/**
 * `GET /api/companies/:id` — the company of a place form: its address (defaults of a new place) and its
 * contact persons (audited read by the companies module). Idle without an id.
 */
export function usePlaceCompany(companyId: string | null | undefined) {
  return useQuery({
    queryKey: placesKeys.company(companyId ?? ''),
    queryFn: ({ signal }) =>
      api
        .get<{ company: TCompanyDetail }>(
          `/api/companies/${encodeURIComponent(companyId ?? '')}`,
          undefined,
          signal,
        )
        .then((body) => body.company),
    enabled: Boolean(companyId),
    staleTime: 60_000,
  });
}

/** `GET /api/clients?q=` — clients of the office for the candidate picker (idle below 2 characters). */
export function useClientPickSearch(q: string) {
  const text = q.trim();
  return useQuery<TClientSummary[]>({
    queryKey: ['places', 'client-search', text],
    queryFn: ({ signal }) =>
      api
        .get<{ items: TClientSummary[] }>('/api/clients', { q: text, limit: 10 }, signal)
        .then((body) => body.items),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  TClient,
  TConsent,
  TCreateClient,
  TUpdateClient,
  ZClientList,
  ZCreateGuardian,
  ZDuplicateHit,
  ZDuplicatePair,
  ZGuardian,
  ZRecordConsent,
} from '../../../contracts/clients';
import type { TOccupation, TPostcodeInfo } from '../../../contracts/reference';
import { api } from '../../lib/api';

/** A page of client search results. */
export type TClientList = z.infer<typeof ZClientList>;
/** A possible duplicate with its score and reasons. */
export type TDuplicateHit = z.infer<typeof ZDuplicateHit>;
/** A guardian as stored. */
export type TGuardian = z.infer<typeof ZGuardian>;
/** Body of "record a consent". */
export type TRecordConsentInput = z.input<typeof ZRecordConsent>;
/** Body of "add a guardian". */
export type TCreateGuardianInput = z.input<typeof ZCreateGuardian>;

/** React Query keys of the clients module. */
export const clientsKeys = {
  all: ['clients'] as const,
  list: (q: string, offset: number) => ['clients', 'list', q, offset] as const,
  detail: (id: string) => ['clients', 'detail', id] as const,
  duplicates: (input: unknown) => ['clients', 'duplicates', input] as const,
};

const clientPath = (id: string) => `/api/clients/${encodeURIComponent(id)}`;

/** `GET /api/clients?q=` — search by any name spelling, phone, e-mail or postcode; one page. */
export function useClientSearch(q: string, offset: number, limit = 50) {
  return useQuery({
    queryKey: clientsKeys.list(q, offset),
    queryFn: ({ signal }) =>
      api.get<TClientList>('/api/clients', { q: q.trim() || undefined, limit, offset }, signal),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/clients/:id` — one client with consents, guardians and programme fields. */
export function useClient(id: string | undefined) {
  return useQuery({
    queryKey: clientsKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ client: TClient }>(clientPath(id ?? ''), undefined, signal).then((body) => body.client),
    enabled: Boolean(id),
  });
}

/** Ids of the client and case a successful intake created. */
export interface TIntakeResult {
  clientId: string;
  caseId: string | null;
}

/**
 * `POST /api/cases` with `{ client }` — creates the client (with the client's own counselling consent
 * when given) and opens their case in `first_contact`. Without an active counselling consent only names
 * and birth date may be sent (400 `consent_required` otherwise).
 * @throws ApiError 400 `validation` with field errors at `body.client.<field>`.
 */
export function useCreateIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (client: TCreateClient): Promise<TIntakeResult> => {
      const created = await api.post<{ case: { id: string; clientId: string } }>('/api/cases', { client });
      return { clientId: created.case.clientId, caseId: created.case.id };
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
        queryClient.invalidateQueries({ queryKey: ['clients'] }),
      ]),
  });
}

/** Stores a client answer in the cache and refreshes lists that show it. */
function useStoreClient() {
  const queryClient = useQueryClient();
  return async (client: TClient) => {
    queryClient.setQueryData(clientsKeys.detail(client.id), client);
    await queryClient.invalidateQueries({ queryKey: ['clients', 'list'] });
    await queryClient.invalidateQueries({ queryKey: ['cases'] });
  };
}

/** `PATCH /api/clients/:id` — changed fields plus `version`; 409 `conflict` (with `changedFields`) when stale. */
export function useUpdateClient() {
  const store = useStoreClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TUpdateClient & { id: string }) =>
      api.patch<{ client: TClient }>(clientPath(id), body).then((result) => result.client),
    onSuccess: (client) => store(client),
  });
}

/** Refetches the client after a change to one of its parts (consents, guardians). */
function useRefreshClient() {
  const queryClient = useQueryClient();
  return (clientId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: clientsKeys.detail(clientId) }),
      queryClient.invalidateQueries({ queryKey: ['cases'] }),
    ]);
}

/** A consent and the client as it is after recording or withdrawing it. */
export interface TConsentResult {
  consent: TConsent;
  client: TClient;
}

/** `POST /api/clients/:id/consents` — records a consent (for minors under 16 given by a guardian). */
export function useRecordConsent() {
  const store = useStoreClient();
  return useMutation({
    mutationFn: ({ clientId, ...body }: TRecordConsentInput & { clientId: string }) =>
      api.post<TConsentResult>(`${clientPath(clientId)}/consents`, body),
    onSuccess: (result) => store(result.client),
  });
}

/** `POST /api/clients/:id/consents/:consentId/withdraw` — records a withdrawal on a date. */
export function useWithdrawConsent() {
  const store = useStoreClient();
  return useMutation({
    mutationFn: ({
      clientId,
      consentId,
      withdrawnOn,
    }: {
      clientId: string;
      consentId: string;
      withdrawnOn: string;
    }) =>
      api.post<TConsentResult>(`${clientPath(clientId)}/consents/${encodeURIComponent(consentId)}/withdraw`, {
        withdrawnOn,
      }),
    onSuccess: (result) => store(result.client),
  });
}

/** `POST /api/clients/:id/guardians` — adds a guardian; answers it (its id is needed for a consent). */
export function useCreateGuardian() {
  const refresh = useRefreshClient();
  return useMutation({
    mutationFn: ({ clientId, ...body }: TCreateGuardianInput & { clientId: string }) =>
      api.post<{ guardian: TGuardian }>(`${clientPath(clientId)}/guardians`, body).then((r) => r.guardian),
    onSuccess: (_result, { clientId }) => refresh(clientId),
  });
}

/** `PATCH /api/clients/:id/guardians/:guardianId` — changed fields plus `version`. */
export function useUpdateGuardian() {
  const refresh = useRefreshClient();
  return useMutation({
    mutationFn: ({
      clientId,
      guardianId,
      ...body
    }: Partial<TCreateGuardianInput> & { clientId: string; guardianId: string; version: number }) =>
      api
        .patch<{ guardian: TGuardian }>(
          `${clientPath(clientId)}/guardians/${encodeURIComponent(guardianId)}`,
          body,
        )
        .then((r) => r.guardian),
    onSuccess: (_result, { clientId }) => refresh(clientId),
  });
}

/** `DELETE /api/clients/:id/guardians/:guardianId`. */
export function useDeleteGuardian() {
  const refresh = useRefreshClient();
  return useMutation({
    mutationFn: ({ clientId, guardianId }: { clientId: string; guardianId: string }) =>
      api.delete<unknown>(`${clientPath(clientId)}/guardians/${encodeURIComponent(guardianId)}`),
    onSuccess: (_result, { clientId }) => refresh(clientId),
  });
}

/**
 * `POST /api/clients/duplicates/check` — existing clients of the office that may be the same person
 * (transliterated name variants, phonetic key, birth date). Idle while `input` is null.
 */
export function useDuplicateCheck(
  input: { givenNames: string; familyName: string; dateOfBirth: string } | null,
) {
  return useQuery({
    queryKey: clientsKeys.duplicates(input),
    queryFn: () =>
      api.post<{ items: TDuplicateHit[] }>('/api/clients/duplicates/check', input).then((body) => body.items),
    enabled: input !== null,
    staleTime: 30_000,
  });
}

/** `GET /api/reference/occupations?q=` — occupation suggestions for a search text (idle below 2 characters). */
export function useOccupationSuggestions(q: string) {
  const text = q.trim();
  return useQuery<TOccupation[]>({
    queryKey: ['reference', 'occupations', { q: text, limit: 15 }],
    queryFn: ({ signal }) =>
      api
        .get<{ items: TOccupation[] }>('/api/reference/occupations', { q: text, limit: 15 }, signal)
        .then((body) => body.items),
    enabled: text.length >= 2,
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/reference/occupations/:id` — one occupation (for showing a stored id by its name). */
export function useOccupation(id: string | null | undefined) {
  return useQuery({
    queryKey: ['reference', 'occupation', id],
    queryFn: ({ signal }) =>
      api
        .get<{ occupation: TOccupation }>(
          `/api/reference/occupations/${encodeURIComponent(id ?? '')}`,
          undefined,
          signal,
        )
        .then((body) => body.occupation),
    enabled: Boolean(id),
    staleTime: 60 * 60_000,
  });
}

/**
 * `GET /api/reference/postcodes/:plz` for a complete 5-digit postcode (idle otherwise): the places,
 * Kreis and Land. 404 `unknown_postcode` when it does not exist.
 */
export function usePostcodeInfo(postcode: string) {
  const { i18n } = useTranslation();
  const plz = /^\d{5}$/.test(postcode.trim()) ? postcode.trim() : null;
  return useQuery({
    queryKey: ['reference', 'postcode', plz, i18n.language],
    queryFn: ({ signal }) =>
      api.get<TPostcodeInfo>(`/api/reference/postcodes/${encodeURIComponent(plz ?? '')}`, undefined, signal),
    enabled: plz !== null,
    staleTime: 60 * 60_000,
    retry: false,
  });
}

/** A likely duplicate pair of the office. */
export type TDuplicatePair = z.infer<typeof ZDuplicatePair>;

/** `GET /api/clients/duplicates` — the office's likely duplicate pairs, best first. */
export function useDuplicatePairs() {
  return useQuery({
    queryKey: ['clients', 'duplicate-pairs'],
    queryFn: ({ signal }) =>
      api.get<{ items: TDuplicatePair[] }>('/api/clients/duplicates', undefined, signal).then((b) => b.items),
  });
}

/**
 * Merges `otherId` into `keepId` (`POST /api/clients/:id/merge`), reading the kept client's current
 * `version` first; all history (consents, guardians, cases) moves over, the other record stays read-only.
 * @throws ApiError 409 `conflict` (changed meanwhile, or merged already)
 */
export function useMergeClients() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ keepId, otherId }: { keepId: string; otherId: string }) => {
      const { client } = await api.get<{ client: TClient }>(clientPath(keepId));
      return api
        .post<{ client: TClient }>(`${clientPath(keepId)}/merge`, { otherId, version: client.version })
        .then((r) => r.client);
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: clientsKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
      ]),
  });
}

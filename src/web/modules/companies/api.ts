import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TTask } from '../../../contracts/cases';
import type {
  TAdviceItem,
  TAdviceItemKey,
  TCompany,
  TCompanyBoard,
  TCompanyContact,
  TCompanyDetail,
  TCompanyDuplicate,
  TCompanyFields,
  TCompanySummary,
  TContactPerson,
  TUpdateAdviceItem,
  ZCreateCompanyContact,
  ZCreateContactPerson,
} from '../../../contracts/companies';
import type {
  TAcquisitionChannel,
  TCompanyStage,
  TTrainingHistory,
} from '../../../contracts/companies.enums';
import { api, isApiError } from '../../lib/api';

/** Body of "add a contact person". */
export type TContactPersonInput = z.input<typeof ZCreateContactPerson>;
/** Body of "log a contact". */
export type TLogContactInput = z.input<typeof ZCreateCompanyContact>;

/** Query of the company list (`GET /api/companies`); undefined = no filter. */
export interface TCompanyListQuery {
  q?: string;
  stage?: TCompanyStage;
  ownerUserId?: string;
  tag?: string;
  channel?: TAcquisitionChannel;
  trainingHistory?: TTrainingHistory;
  limit?: number;
  offset?: number;
}

/** React Query keys of the companies module (everything under `['companies']`). */
export const companiesKeys = {
  all: ['companies'] as const,
  list: (query: TCompanyListQuery) => ['companies', 'list', query] as const,
  board: (ownerUserId: string | undefined) => ['companies', 'board', ownerUserId ?? null] as const,
  detail: (id: string) => ['companies', 'detail', id] as const,
  contacts: (id: string) => ['companies', 'contacts', id] as const,
  duplicates: (name: string, postcode: string | undefined) =>
    ['companies', 'duplicates', name, postcode ?? null] as const,
  /** Under `['tasks']` so that every task change (also in the cases module) refreshes it. */
  tasks: (companyId: string) => ['tasks', { companyId }] as const,
};

const companyPath = (id: string) => `/api/companies/${encodeURIComponent(id)}`;

/** `GET /api/companies` — one page of the office's companies matching the search and filters. */
export function useCompanies(query: TCompanyListQuery) {
  return useQuery({
    queryKey: companiesKeys.list(query),
    queryFn: ({ signal }) =>
      api.get<{ items: TCompanySummary[]; total: number }>('/api/companies', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * `GET /api/companies/board` — one column per stage (pipeline order, then declined and inactive) with
 * its full count and at most `perStage` cards; `ownerUserId` only that counsellor's companies.
 */
export function useCompanyBoard(ownerUserId: string | undefined, perStage = 100) {
  return useQuery({
    queryKey: companiesKeys.board(ownerUserId),
    queryFn: ({ signal }) =>
      api.get<TCompanyBoard>('/api/companies/board', { ownerUserId, perStage }, signal),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/companies/:id` — one company with contact persons, history, newest contacts and advice. */
export function useCompany(id: string | undefined) {
  return useQuery({
    queryKey: companiesKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ company: TCompanyDetail }>(companyPath(id ?? ''), undefined, signal).then((b) => b.company),
    enabled: Boolean(id),
  });
}

/** `GET /api/companies/:id/contacts` — the whole contact log, newest first, with each follow-up task. */
export function useCompanyContacts(id: string) {
  return useQuery({
    queryKey: companiesKeys.contacts(id),
    queryFn: ({ signal }) =>
      api
        .get<{ items: TCompanyContact[] }>(`${companyPath(id)}/contacts`, undefined, signal)
        .then((b) => b.items),
  });
}

/** `GET /api/tasks?companyId=` — the company's open follow-up tasks. */
export function useCompanyTasks(companyId: string) {
  return useQuery({
    queryKey: companiesKeys.tasks(companyId),
    queryFn: ({ signal }) =>
      api.get<{ items: TTask[]; total: number }>('/api/tasks', { companyId }, signal).then((b) => b.items),
  });
}

/**
 * `GET /api/companies/duplicates?name=&postcode=` — companies of the office with the same name key
 * (and postcode); disabled while `name` is shorter than 2 characters.
 */
export function useCompanyDuplicates(name: string, postcode?: string) {
  const trimmed = name.trim();
  return useQuery({
    queryKey: companiesKeys.duplicates(trimmed, postcode),
    queryFn: ({ signal }) =>
      api
        .get<{ items: TCompanyDuplicate[] }>('/api/companies/duplicates', { name: trimmed, postcode }, signal)
        .then((b) => b.items),
    enabled: trimmed.length >= 2,
  });
}

/** Returns a function that refetches a company's contact log (it shows the state of each follow-up task). */
export function useRefreshCompanyContacts(companyId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: companiesKeys.contacts(companyId) });
}

/** Refreshes everything a change to a company can show up in: companies, tasks, the agenda. */
function useRefreshCompanies() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: companiesKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      queryClient.invalidateQueries({ queryKey: ['agenda'] }),
    ]);
}

/** A mutation whose success, or a 409 (someone else changed the company), refreshes the company data. */
function useCompanyMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const refresh = useRefreshCompanies();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => refresh(),
    onError: (error) => (isApiError(error, 409) ? refresh() : undefined),
  });
}

/** Body of "create a company". */
export type TCreateCompanyInput = TCompanyFields & { stage?: TCompanyStage; allowDuplicate?: boolean };

/**
 * `POST /api/companies` — creates the company (stage `identified` unless given). 409
 * `company_duplicate` with `duplicates` when one with the same name and postcode exists, unless
 * `allowDuplicate`. A 409 here refreshes nothing: it is a warning, not a stale record.
 */
export function useCreateCompany() {
  const refresh = useRefreshCompanies();
  return useMutation({
    mutationFn: (body: TCreateCompanyInput) =>
      api.post<{ company: TCompanyDetail }>('/api/companies', body).then((b) => b.company),
    onSuccess: () => refresh(),
  });
}

/** Body of "update a company": changed fields, the `version` read, and `allowDuplicate` after a warning. */
export type TUpdateCompanyInput = Partial<TCompanyFields> & {
  id: string;
  version: number;
  allowDuplicate?: boolean;
};

/**
 * `PATCH /api/companies/:id` — changed fields with the `version` read; 409 `conflict` when stale, 409
 * `company_duplicate` with `duplicates` when the new name or postcode matches another company,
 * unless `allowDuplicate`.
 */
export function useUpdateCompany() {
  return useCompanyMutation(({ id, ...body }: TUpdateCompanyInput) =>
    api.patch<{ company: TCompanyDetail }>(companyPath(id), body).then((b) => b.company),
  );
}

/** Input of {@link useMoveCompanyStage}. */
export interface TMoveCompanyStageInput {
  id: string;
  version: number;
  to: TCompanyStage;
  /** Day of the change, `YYYY-MM-DD` (not in the future, not before the previous change). */
  on: string;
  /** Required for `declined` and `inactive`. */
  reason?: string | null;
}

/** `POST /api/companies/:id/stage` — moves the company; 409 when `version` is stale. */
export function useMoveCompanyStage() {
  return useCompanyMutation(({ id, ...body }: TMoveCompanyStageInput) =>
    api.post<{ company: TCompanyDetail }>(`${companyPath(id)}/stage`, body).then((b) => b.company),
  );
}

/** `POST /api/companies/:id/merge` — merges `otherId` into company `id` (`version` of `id`). */
export function useMergeCompanies() {
  return useCompanyMutation(({ id, ...body }: { id: string; otherId: string; version: number }) =>
    api.post<{ company: TCompanyDetail }>(`${companyPath(id)}/merge`, body).then((b) => b.company),
  );
}

/** `POST /api/companies/:id/contact-persons` — adds a contact person (optionally the primary one). */
export function useAddContactPerson() {
  return useCompanyMutation(({ companyId, ...body }: TContactPersonInput & { companyId: string }) =>
    api.post<{ contactPerson: TContactPerson }>(`${companyPath(companyId)}/contact-persons`, body),
  );
}

/** `PATCH /api/companies/:id/contact-persons/:personId` — changes a person (with `version`). */
export function useUpdateContactPerson() {
  return useCompanyMutation(
    ({
      companyId,
      personId,
      ...body
    }: Partial<TContactPersonInput> & { companyId: string; personId: string; version: number }) =>
      api.patch<{ contactPerson: TContactPerson }>(
        `${companyPath(companyId)}/contact-persons/${encodeURIComponent(personId)}`,
        body,
      ),
  );
}

/** `DELETE /api/companies/:id/contact-persons/:personId?version=` — removes a contact person. */
export function useRemoveContactPerson() {
  return useCompanyMutation(
    ({ companyId, personId, version }: { companyId: string; personId: string; version: number }) =>
      api.delete<{ ok: true }>(
        `${companyPath(companyId)}/contact-persons/${encodeURIComponent(personId)}?version=${version}`,
      ),
  );
}

/**
 * `POST /api/companies/:id/contacts` — logs a contact; a next step becomes a follow-up task. An
 * `identified` company moves to `contacted` (the answer carries the company as it is now).
 */
export function useLogContact() {
  return useCompanyMutation(({ companyId, ...body }: TLogContactInput & { companyId: string }) =>
    api.post<{ contact: TCompanyContact; company: TCompany }>(`${companyPath(companyId)}/contacts`, body),
  );
}

/** `PUT /api/companies/:id/advice/:item` — one checklist item's state, date and note (with `version`). */
export function useUpdateAdviceItem() {
  return useCompanyMutation(
    ({ companyId, item, ...body }: TUpdateAdviceItem & { companyId: string; item: TAdviceItemKey }) =>
      api
        .put<{ items: TAdviceItem[] }>(`${companyPath(companyId)}/advice/${encodeURIComponent(item)}`, body)
        .then((b) => b.items),
  );
}

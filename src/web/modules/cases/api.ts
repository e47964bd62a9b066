import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TCase,
  TCaseStage,
  ZAgenda,
  ZCaseCard,
  ZCaseList,
  ZCaseOutcome,
  ZCreateContract,
  ZCreateReferral,
  ZCreateSession,
  ZCreateTask,
  ZReferral,
  ZSession,
  ZTask,
  ZTerminateContract,
  ZTrainingContract,
  ZUpdateTask,
} from '../../../contracts/cases';
import { api, isApiError } from '../../lib/api';

/** A board card / list row. */
export type TCaseCard = z.infer<typeof ZCaseCard>;
/** A page of cards. */
export type TCaseList = z.infer<typeof ZCaseList>;
/** A task. */
export type TTask = z.infer<typeof ZTask>;
/** A counselling session or appointment. */
export type TSession = z.infer<typeof ZSession>;
/** A referral. */
export type TReferral = z.infer<typeof ZReferral>;
/** A training contract. */
export type TTrainingContract = z.infer<typeof ZTrainingContract>;
/** Outcome of a closed case. */
export type TCaseOutcome = z.infer<typeof ZCaseOutcome>;
/** Body of "record a session". */
export type TCreateSessionInput = z.input<typeof ZCreateSession>;
/** Body of "add a task". */
export type TCreateTaskInput = z.input<typeof ZCreateTask>;
/** Body of "change a task". */
export type TUpdateTaskInput = z.input<typeof ZUpdateTask>;
/** Body of "add a referral". */
export type TCreateReferralInput = z.input<typeof ZCreateReferral>;
/** Body of "record the training contract". */
export type TCreateContractInput = z.input<typeof ZCreateContract>;
/** Body of "terminate the contract". */
export type TTerminateContractInput = z.input<typeof ZTerminateContract>;

/** Filters of the case list and board (`GET /api/cases`); undefined = no filter. */
export interface TCaseFilters {
  stage?: TCaseStage;
  counsellorId?: string;
  minAge?: number;
  maxAge?: number;
  germanLevel?: string;
  occupationId?: string;
  residenceStatus?: string;
  noContactForDays?: number;
  limit?: number;
  offset?: number;
}

/** React Query keys of the cases module. */
export const casesKeys = {
  all: ['cases'] as const,
  list: (filters: TCaseFilters) => ['cases', 'list', filters] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  tasks: (query: object) => ['tasks', query] as const,
  agenda: ['agenda'] as const,
};

const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

/** `GET /api/cases` — cards of the office's cases matching the filters (board and list). */
export function useCases(filters: TCaseFilters) {
  return useQuery({
    queryKey: casesKeys.list(filters),
    queryFn: ({ signal }) => api.get<TCaseList>('/api/cases', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/cases/:id` — one case with history, sessions, tasks, referrals, contract and reminders. */
export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: casesKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ case: TCase }>(casePath(id ?? ''), undefined, signal).then((b) => b.case),
    enabled: Boolean(id),
  });
}

/** Refreshes everything a change to a case can show up in: the case, lists, tasks, agenda, the client. */
function useRefreshCases() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: casesKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      queryClient.invalidateQueries({ queryKey: casesKeys.agenda }),
      queryClient.invalidateQueries({ queryKey: ['clients'] }),
    ]);
}

/** A mutation whose success, or a 409 conflict (someone else changed it), refreshes the case data. */
function useCaseMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const refresh = useRefreshCases();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => refresh(),
    onError: (error) => (isApiError(error, 409) ? refresh() : undefined),
  });
}

/** Input of {@link useMoveStage}. */
export interface TMoveStageInput {
  caseId: string;
  version: number;
  stage: TCaseStage;
  changedOn: string;
  outcome?: TCaseOutcome | null;
  note?: string | null;
}

/**
 * `POST /api/cases/:id/stage` — moves the case, recording the day it happened (not before the case
 * opened, not in the future). 409 `conflict` when `version` is stale.
 */
export function useMoveStage() {
  return useCaseMutation(({ caseId, ...body }: TMoveStageInput) =>
    api.post<{ case: TCase }>(`${casePath(caseId)}/stage`, body),
  );
}

/** `POST /api/cases/:id/sessions` — records a session; its `nextSteps` become tasks. */
export function useCreateSession() {
  return useCaseMutation(({ caseId, ...body }: TCreateSessionInput & { caseId: string }) =>
    api.post<{ session: TSession; tasks: TTask[] }>(`${casePath(caseId)}/sessions`, body),
  );
}

/** `PATCH /api/sessions/:id` — e.g. marks a planned appointment as held or cancelled. */
export function useUpdateSession() {
  return useCaseMutation(({ id, ...body }: { id: string; version: number } & Partial<TCreateSessionInput>) =>
    api.patch<{ session: TSession }>(`/api/sessions/${encodeURIComponent(id)}`, body),
  );
}

/** `POST /api/cases/:id/tasks` — adds a task to the case. */
export function useCreateTask() {
  return useCaseMutation(({ caseId, ...body }: TCreateTaskInput & { caseId: string }) =>
    api.post<{ task: TTask }>(`${casePath(caseId)}/tasks`, body),
  );
}

/** `PATCH /api/tasks/:id` — done toggle, due date, owner, title (with `version`). */
export function useUpdateTask() {
  return useCaseMutation(({ id, ...body }: TUpdateTaskInput & { id: string }) =>
    api.patch<{ task: TTask }>(`/api/tasks/${encodeURIComponent(id)}`, body),
  );
}

/** `GET /api/tasks?mine=&overdue=&done=` — tasks (mine: owned by the signed-in user). */
export function useTasks(query: { mine?: boolean; overdue?: boolean; done?: boolean }) {
  return useQuery({
    queryKey: casesKeys.tasks(query),
    queryFn: ({ signal }) =>
      api.get<{ items: TTask[]; total: number }>('/api/tasks', { ...query }, signal).then((b) => b.items),
  });
}

/** `POST /api/cases/:id/referrals` — refers the client to a partner organisation. */
export function useCreateReferral() {
  return useCaseMutation(({ caseId, ...body }: TCreateReferralInput & { caseId: string }) =>
    api.post<{ referral: TReferral }>(`${casePath(caseId)}/referrals`, body),
  );
}

/** `PATCH /api/referrals/:id` — records the partner's feedback (with `version`). */
export function useUpdateReferral() {
  return useCaseMutation(
    ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      feedback?: string | null;
      feedbackOn?: string | null;
    }) => api.patch<{ referral: TReferral }>(`/api/referrals/${encodeURIComponent(id)}`, body),
  );
}

/** `POST /api/cases/:id/contract` — records the signed training contract. */
export function useCreateContract() {
  return useCaseMutation(({ caseId, ...body }: TCreateContractInput & { caseId: string }) =>
    api.post<{ contract: TTrainingContract }>(`${casePath(caseId)}/contract`, body),
  );
}

/** `POST /api/cases/:id/contract/terminate` — records an early termination with its reason. */
export function useTerminateContract() {
  return useCaseMutation(({ caseId, ...body }: TTerminateContractInput & { caseId: string }) =>
    api.post<{ contract: TTrainingContract }>(`${casePath(caseId)}/contract/terminate`, body),
  );
}

/** The counsellor's home page data (`GET /api/agenda`). */
export type TAgenda = z.infer<typeof ZAgenda>;

/**
 * `GET /api/agenda?noContactDays=` — today's appointments, my open tasks (overdue flagged), my cases
 * without contact for `noContactDays` (default 30), residence reminders of my open cases.
 */
export function useAgenda(noContactDays = 30) {
  return useQuery({
    queryKey: [...casesKeys.agenda, noContactDays],
    queryFn: ({ signal }) => api.get<TAgenda>('/api/agenda', { noContactDays }, signal),
  });
}

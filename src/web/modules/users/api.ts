import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TRole } from '../../../contracts/common';
import type { TUser } from '../../../contracts/users';
import { api } from '../../lib/api';
import { ME_QUERY_KEY } from '../auth';

/** Filters and paging of the user list (`GET /api/users`). */
export interface TUserFilters {
  q?: string;
  role?: TRole;
  officeId?: string;
  limit: number;
  offset: number;
}

/** A created user or a reset password: `oneTimePassword` is shown once, then never again. */
export interface TUserWithPassword {
  user: TUser;
  oneTimePassword: string | null;
}

/** React Query keys of the users module. */
export const usersKeys = {
  all: ['users'] as const,
  list: (filters: TUserFilters) => ['users', 'list', filters] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

/** One page of users (admin: all; coordinator: own office and below). Keeps the last page while loading. */
export function useUsers(filters: TUserFilters, enabled = true) {
  return useQuery({
    queryKey: usersKeys.list(filters),
    queryFn: ({ signal }) => api.get<{ items: TUser[]; total: number }>('/api/users', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One user (`GET /api/users/:id`), for the edit drawer (fresh `version`). */
export function useUser(id: string | null) {
  return useQuery({
    queryKey: usersKeys.detail(id ?? ''),
    queryFn: async ({ signal }) =>
      (await api.get<{ user: TUser }>(`/api/users/${encodeURIComponent(id ?? '')}`, undefined, signal)).user,
    enabled: id !== null,
  });
}

/** Input of {@link useCreateUser} (`POST /api/users`, admin). Without `password` one is generated. */
export interface TCreateUserInput {
  email: string;
  displayName: string;
  role: TRole;
  officeId: string;
  locale: 'de' | 'en';
  password?: string;
}

/** Creates a user; answers the user and, once, the generated one-time password. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateUserInput) => api.post<TUserWithPassword>('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.all }),
  });
}

/** Input of {@link useUpdateUser} (`PATCH /api/users/:id`, admin): changed fields plus the `version` read. */
export interface TUpdateUserInput {
  id: string;
  version: number;
  displayName?: string;
  role?: TRole;
  officeId?: string;
  locale?: 'de' | 'en';
  disabled?: boolean;
}

function useStoreUser() {
  const queryClient = useQueryClient();
  return async (user: TUser) => {
    queryClient.setQueryData(usersKeys.detail(user.id), user);
    await queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    const me = queryClient.getQueryData<TUser | null>(ME_QUERY_KEY);
    if (me?.id === user.id) await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
  };
}

/** Updates a user; 409 `conflict` when `version` is stale, 400 `cannot_disable_self`. */
export function useUpdateUser() {
  const store = useStoreUser();
  return useMutation({
    mutationFn: ({ id, ...body }: TUpdateUserInput) =>
      api.patch<{ user: TUser }>(`/api/users/${encodeURIComponent(id)}`, body),
    onSuccess: ({ user }) => store(user),
  });
}

/** Resets a user's password (`POST /api/users/:id/reset-password`); answers the one-time password. */
export function useResetPassword() {
  const store = useStoreUser();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<TUserWithPassword>(`/api/users/${encodeURIComponent(id)}/reset-password`),
    onSuccess: ({ user }) => store(user),
  });
}

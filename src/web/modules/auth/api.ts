import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TLogin, TMe, TSession } from '../../../contracts/auth';
import type { TChangePassword, TUser } from '../../../contracts/users';
import { api, resetCsrfToken } from '../../lib/api';

/** React Query key of the signed-in user (`null` when signed out). */
export const ME_QUERY_KEY = ['auth', 'me'] as const;

let signedOutByUser = false;
let sessionLost = false;

/** Notes that a signed-in user's session ended on the server (a 401): the login page then says so. */
export function markSessionLost(): void {
  sessionLost = true;
}

/** True after a signed-in user's session ended on the server, until the next sign-in. */
export function wasSessionLost(): boolean {
  return sessionLost;
}

/**
 * True after the user signed out themselves (until the next sign-in): the login page then starts
 * fresh instead of offering to return to the previous user's page.
 */
export function wasSignedOutByUser(): boolean {
  return signedOutByUser;
}

/** Loads the signed-in user (null when signed out) without a 401 in the browser console. */
async function fetchMe(): Promise<TUser | null> {
  return (await api.get<TSession>('/api/auth/session')).user;
}

/** The signed-in user (`data` null when signed out). */
export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/**
 * The signed-in user, for components rendered inside the authentication guard only.
 * @throws Error when rendered while signed out (a programming error).
 */
export function useCurrentUser(): TUser {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser used outside RequireAuth');
  return data;
}

/** `POST /api/auth/login`; on success stores the user and forgets the pre-login CSRF token. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TLogin) => api.post<TMe>('/api/auth/login', input),
    onSuccess: ({ user }) => {
      signedOutByUser = false;
      sessionLost = false;
      resetCsrfToken();
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, user);
    },
  });
}

/** `POST /api/auth/logout`; always ends the local session, even when the call fails. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      signedOutByUser = true;
      sessionLost = false;
      resetCsrfToken();
      queryClient.setQueryData(ME_QUERY_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
    },
  });
}

/** `POST /api/users/me/password`; 400 `wrong_password` names field `body.currentPassword`. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TChangePassword) => api.post<{ ok: true }>('/api/users/me/password', input),
    onSuccess: async () => {
      // The server may rotate the session on a password change; a fresh token is cheap.
      resetCsrfToken();
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

/** `PATCH /api/users/me` with the preferred UI language. */
export function useUpdateMyLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: 'de' | 'en') => api.patch<TMe>('/api/users/me', { locale }),
    onSuccess: ({ user }) => queryClient.setQueryData(ME_QUERY_KEY, user),
  });
}

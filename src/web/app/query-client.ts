import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from '../lib/api';
import { ME_QUERY_KEY, markSessionLost } from '../modules/auth';
import { MATCHING_QUERY_KEY } from '../modules/matching';

/**
 * The app's React Query client. A 401 from any call marks the user as signed out, which makes the
 * authentication guard send them to the login page (and back afterwards). Client errors (4xx) are
 * not retried. Every successful change marks the matching queries stale (shown ones load again): they
 * derive from nearly every record — a consent recorded on the client page must bring its suggestions.
 */
export function createQueryClient(): QueryClient {
  const signOut = (error: unknown) => {
    if (!isApiError(error, 401)) return;
    // A 401 while someone was signed in: the session ended (expired, or ended elsewhere).
    if (client.getQueryData(ME_QUERY_KEY)) markSessionLost();
    client.setQueryData(ME_QUERY_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: signOut }),
    mutationCache: new MutationCache({
      onError: signOut,
      // Not awaited: the change is done; the suggestions catch up in the background.
      onSuccess: () => {
        void client.invalidateQueries({ queryKey: MATCHING_QUERY_KEY });
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

/**
 * The query cache of the app. A 401 on any call means the session ended: the cached session is
 * dropped and the protected pages send the user to the sign-in page. A rejected anti-forgery token
 * refreshes the session (and its token).
 */
import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError, setCsrfToken } from '../lib/api-client.ts';
import { sessionQueryKey } from '../lib/session.tsx';

function isSessionKey(key: QueryKey | undefined): boolean {
  return key !== undefined && key[0] === sessionQueryKey[0];
}

/** Builds the one QueryClient of the app. */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown, key?: QueryKey) => {
    if (!(error instanceof ApiError) || isSessionKey(key)) return;
    if (error.status === 401 && error.code !== 'invalid_credentials') {
      setCsrfToken(null);
      client.setQueryData(sessionQueryKey, null);
    } else if (error.code === 'csrf_invalid') {
      void client.invalidateQueries({ queryKey: sessionQueryKey });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        // A 4xx answer will not change by asking again; network and server failures may.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

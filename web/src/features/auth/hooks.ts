/** Sign-in, sign-out and password change as mutations that keep the cached session right. */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../lib/api-client.ts';
import { fetchSession, sessionQueryKey } from '../../lib/session.tsx';
import { changePassword, login, logout } from './api.ts';

/** Drops every cached answer except the session itself (its observers stay subscribed). */
function forgetAllButSession(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}

/** Signs in and stores the new session. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      // Whatever another account had cached must not leak into this one.
      forgetAllButSession(client);
      setCsrfToken(session.csrfToken);
      client.setQueryData(sessionQueryKey, session);
    },
  });
}

/** Signs out, forgetting every cached answer. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
      forgetAllButSession(client);
      client.setQueryData(sessionQueryKey, null);
    },
  });
}

/** Changes the own password, then re-reads the session (no longer "must change"). */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      client.setQueryData(sessionQueryKey, await fetchSession());
    },
  });
}

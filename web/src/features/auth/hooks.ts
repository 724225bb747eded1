/** Sign-in, sign-out and password change as mutations that keep the cached session right. */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
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

/**
 * Signs out: first leaves for the sign-in page (which then says "you have signed out"), then forgets
 * the session and every cached answer. In the other order the protected pages would notice the
 * missing session first and redirect on their own, without that message.
 */
export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSettled: async () => {
      // flushSync: the sign-in page is on screen before the session disappears below.
      await navigate('/login', { replace: true, state: { loggedOut: true }, flushSync: true });
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

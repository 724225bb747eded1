/** Sign-out and password change as mutations that keep the cached session right. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../lib/api-client.ts';
import { fetchSession, sessionQueryKey } from '../../lib/session.tsx';
import { signInAddress } from '../../lib/sign-in-address.ts';
import { changePassword, logout } from './api.ts';

/**
 * Signs out, then leaves the app for the sign-in page (a light page of its own, ADR 41) with a full
 * page load, which forgets every cached answer; that page then says "you have signed out".
 */
export function useLogout() {
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
      window.location.replace(signInAddress({ signedOut: true }));
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

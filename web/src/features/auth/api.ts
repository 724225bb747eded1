/** Calls of sign-out and password change (signing in is the sign-in page's, web/src/sign-in). */
import type { ChangePasswordInput } from '@shared/contract/auth.ts';
import { api } from '../../lib/api-client.ts';

/** Ends the session. */
export function logout(): Promise<void> {
  return api.post<void>('/auth/logout');
}

/** Changes the signed-in user's own password. */
export function changePassword(input: ChangePasswordInput): Promise<void> {
  return api.post<void>('/auth/password', input);
}

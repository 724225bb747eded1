/** Calls of sign-out and password change (signing in is the sign-in page's, web/src/sign-in). */
import { api } from '../../lib/api-client.ts';

/** Ends the session. */
export function logout(): Promise<void> {
  return api.post<void>('/auth/logout');
}

/** Changes the signed-in user's own password. */
export function changePassword(input: {
  currentPassword: string;
  newPassword: string;
}): Promise<void> {
  return api.post<void>('/auth/password', input);
}

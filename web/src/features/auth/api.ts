/** Calls of sign-in, sign-out and password change. */
import { api } from '../../lib/api-client.ts';
import type { Session } from '../../lib/session.tsx';

/** Signs in; the server sets the session cookie. */
export function login(input: { username: string; password: string }): Promise<Session> {
  return api.post<Session>('/auth/login', input);
}

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

/** Calls of user administration. */
import type {
  CreateUserInput,
  CreateUserResult,
  GrantInput,
  ResetPasswordResult,
  UpdateUserInput,
  User,
  UserGrant,
  UserPage,
} from '@shared/contract/users.ts';
import { api } from '../../lib/api-client.ts';

export type { CreateUserInput, GrantInput, User, UserGrant, UserPage };

/** Users the caller manages, searched by username, name or e-mail. */
export function fetchUsers(
  search: { q?: string | undefined; limit: number; offset: number },
  signal?: AbortSignal,
): Promise<UserPage> {
  return api.get<UserPage>(
    '/users',
    { q: search.q, limit: search.limit, offset: search.offset },
    signal,
  );
}

/** One user. */
export function fetchUser(id: number, signal?: AbortSignal): Promise<User> {
  return api.get<User>(`/users/${id}`, undefined, signal);
}

/** Creates a user; the temporary password is returned once when none was given. */
export function createUser(input: CreateUserInput): Promise<CreateUserResult> {
  return api.post('/users', input);
}

/** Edits name, e-mail or the disabled state. */
export function updateUser(id: number, input: UpdateUserInput): Promise<User> {
  return api.put<User>(`/users/${id}`, input);
}

/** Replaces the password with a generated temporary one. */
export function resetPassword(id: number): Promise<ResetPasswordResult> {
  return api.post(`/users/${id}/reset-password`, {});
}

/** Grants a role on a unit (or the whole country). */
export function addGrant(id: number, input: GrantInput): Promise<User> {
  return api.post<User>(`/users/${id}/grants`, input);
}

/** Withdraws a grant. */
export function removeGrant(id: number, grantId: number): Promise<User> {
  return api.delete<User>(`/users/${id}/grants/${grantId}`);
}

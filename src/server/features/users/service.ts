/**
 * Use-cases on accounts: administrators create users, grant roles on units, disable accounts and
 * reset passwords. An administrator only manages grants on units inside their own scope.
 */
import { can, permissionsOf, scopeOf, type Actor, type Role } from '../../../domain/access.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { deleteUserSessions } from '../auth/service.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.ts';
import { findUnit } from '../units/service.ts';
import * as repo from './repository.ts';

export interface UserView {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  version: number;
  createdAt: string;
  grants: Array<{
    id: number;
    role: Role;
    unitId: number | null;
    unitName: string | null;
    unitCode: string | null;
  }>;
}

function present(u: repo.UserRow, grants: repo.GrantRow[]): UserView {
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    email: u.email,
    disabled: u.disabled,
    mustChangePassword: u.must_change_password,
    lockedUntil: u.locked_until ? new Date(u.locked_until).toISOString() : null,
    version: u.version,
    createdAt: new Date(u.created_at).toISOString(),
    grants: grants
      .filter((g) => g.user_id === u.id)
      .map((g) => ({
        id: g.id,
        role: g.role,
        unitId: g.unit_id,
        unitName: g.unit_name,
        unitCode: g.unit_code,
      })),
  };
}

const auditActor = (actor: Actor) => ({
  actorId: actor.userId > 0 ? actor.userId : null,
  actorName: actor.username,
});

function requireUserManager(actor: Actor): void {
  if (!actor.grants.some((g) => permissionsOf(g.role).includes('user.manage')))
    throw new AppError('forbidden', 'forbidden');
}

/** Lists the users the actor may manage. */
export async function listUsers(
  deps: Deps,
  actor: Actor,
  input: { q?: string | undefined; limit: number; offset: number },
) {
  requireUserManager(actor);
  const result = await repo.listUsers(deps.db, {
    q: input.q,
    scopePaths: scopeOf(actor, 'user.manage'),
    limit: input.limit,
    offset: input.offset,
  });
  const grants = await repo.findGrantsOf(
    deps.db,
    result.items.map((u) => u.id),
  );
  return { items: result.items.map((u) => present(u, grants)), total: result.total };
}

async function loadManaged(
  tx: Queryable,
  actor: Actor,
  id: number,
): Promise<{ user: repo.UserRow; grants: repo.GrantRow[] }> {
  requireUserManager(actor);
  const user = await repo.findUser(tx, id);
  if (!user) throw notFound('entity_user');
  const grants = await repo.findGrantsOf(tx, [id]);
  const scope = scopeOf(actor, 'user.manage');
  const inScope =
    scope === null ||
    grants.some((g) => g.unit_path !== null && scope.some((s) => g.unit_path!.startsWith(s)));
  if (!inScope) throw new AppError('forbidden', 'forbidden');
  return { user, grants };
}

/** One user, if the actor manages them. */
export async function getUser(deps: Deps, actor: Actor, id: number): Promise<UserView> {
  const { user, grants } = await loadManaged(deps.db, actor, id);
  return present(user, grants);
}

async function checkGrantScope(
  tx: Queryable,
  actor: Actor,
  role: Role,
  unitId: number | null,
  field: string,
): Promise<void> {
  let path: string | null = null;
  let unitName = '—';
  if (unitId !== null) {
    const unit = await findUnit(tx, unitId);
    if (!unit)
      throw new AppError('invalid', 'not_found', { what: '@entity_unit' }, [
        { field, key: 'not_found', params: { what: '@entity_unit' } },
      ]);
    path = unit.path;
    unitName = unit.name;
  }
  if (!can(actor, 'user.manage', path)) {
    throw unitId === null
      ? new AppError('forbidden', 'forbidden')
      : new AppError('forbidden', 'forbidden_unit', { unit: unitName });
  }
  // Only a national administrator hands out administrator rights.
  if (role === 'system_admin' && !can(actor, 'user.manage', null))
    throw new AppError('forbidden', 'forbidden');
}

/** Creates an account with its first grants; a password is generated when none is given. */
export async function createUser(
  deps: Deps,
  actor: Actor,
  input: {
    username: string;
    fullName: string;
    email?: string | null | undefined;
    password?: string | undefined;
    grants: Array<{ role: Role; unitId: number | null }>;
  },
): Promise<{ user: UserView; temporaryPassword: string | null }> {
  requireUserManager(actor);
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('invalid', 'password_too_weak', {}, [
      { field: 'password', key: 'password_too_weak' },
    ]);
  }
  const temporaryPassword = input.password === undefined ? generatePassword() : null;
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  return deps.db.transaction(async (tx) => {
    if (await repo.usernameExists(tx, input.username)) {
      const params = { username: input.username };
      throw new AppError('conflict', 'username_taken', params, [
        { field: 'username', key: 'username_taken', params },
      ]);
    }
    for (const [i, g] of input.grants.entries())
      await checkGrantScope(tx, actor, g.role, g.unitId, `grants.${i}.unitId`);
    if (input.grants.length === 0 && !can(actor, 'user.manage', null))
      throw new AppError('forbidden', 'forbidden');
    const now = deps.clock.now();
    const id = await repo.insertUser(
      tx,
      {
        username: input.username,
        fullName: input.fullName,
        email: input.email ?? null,
        passwordHash,
        mustChangePassword: temporaryPassword !== null,
      },
      now,
    );
    for (const g of input.grants) await repo.insertGrant(tx, id, g.role, g.unitId);
    const user = present((await repo.findUser(tx, id))!, await repo.findGrantsOf(tx, [id]));
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'user.create',
        entity: 'user',
        entityId: id,
        unitId: input.grants[0]?.unitId ?? null,
        after: user,
      },
      now,
    );
    return { user, temporaryPassword };
  });
}

/** Edits a user's name, e-mail or disabled state; disabling ends their sessions. */
export async function updateUser(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { fullName: string; email: string | null; disabled: boolean; version: number },
): Promise<UserView> {
  return deps.db.transaction(async (tx) => {
    const { user, grants } = await loadManaged(tx, actor, id);
    if (input.disabled && id === actor.userId)
      throw new AppError('invalid', 'cannot_disable_self', {}, [
        { field: 'disabled', key: 'cannot_disable_self' },
      ]);
    const now = deps.clock.now();
    if (!(await repo.updateUser(tx, id, input.version, input, now)))
      throw new AppError('conflict', 'conflict');
    if (input.disabled) await deleteUserSessions(tx, id);
    const after = present((await repo.findUser(tx, id))!, grants);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: input.disabled && !user.disabled ? 'user.disable' : 'user.update',
        entity: 'user',
        entityId: id,
        unitId: grants[0]?.unit_id ?? null,
        before: present(user, grants),
        after,
      },
      now,
    );
    return after;
  });
}

/** Resets a password: the given one, or a generated one the user must change at next sign-in. */
export async function resetPassword(
  deps: Deps,
  actor: Actor,
  id: number,
  password?: string,
): Promise<{ temporaryPassword: string | null }> {
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('invalid', 'password_too_weak', {}, [
      { field: 'password', key: 'password_too_weak' },
    ]);
  }
  const temporaryPassword = password === undefined ? generatePassword() : null;
  const hash = await hashPassword(password ?? temporaryPassword!);
  await deps.db.transaction(async (tx) => {
    const { grants } = await loadManaged(tx, actor, id);
    const now = deps.clock.now();
    await repo.setPassword(tx, id, hash, temporaryPassword !== null, now);
    await deleteUserSessions(tx, id);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'user.reset_password',
        entity: 'user',
        entityId: id,
        unitId: grants[0]?.unit_id ?? null,
      },
      now,
    );
  });
  return { temporaryPassword };
}

/** Grants a role on a unit (or nationally) to a user. */
export async function addGrant(
  deps: Deps,
  actor: Actor,
  userId: number,
  input: { role: Role; unitId: number | null },
): Promise<UserView> {
  return deps.db.transaction(async (tx) => {
    requireUserManager(actor);
    const user = await repo.findUser(tx, userId);
    if (!user) throw notFound('entity_user');
    await checkGrantScope(tx, actor, input.role, input.unitId, 'unitId');
    const grantId = await repo.insertGrant(tx, userId, input.role, input.unitId);
    if (grantId !== null) {
      await appendAuditEntry(
        tx,
        {
          ...auditActor(actor),
          action: 'user.grant',
          entity: 'role_grant',
          entityId: grantId,
          unitId: input.unitId,
          after: { userId, ...input },
        },
        deps.clock.now(),
      );
    }
    return present(user, await repo.findGrantsOf(tx, [userId]));
  });
}

/** Withdraws a grant. */
export async function removeGrant(
  deps: Deps,
  actor: Actor,
  userId: number,
  grantId: number,
): Promise<UserView> {
  return deps.db.transaction(async (tx) => {
    requireUserManager(actor);
    const user = await repo.findUser(tx, userId);
    if (!user) throw notFound('entity_user');
    const grant = (await repo.findGrantsOf(tx, [userId])).find((g) => g.id === grantId);
    if (!grant) throw notFound('entity_grant');
    await checkGrantScope(tx, actor, grant.role, grant.unit_id, 'grantId');
    await repo.deleteGrant(tx, userId, grantId);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'user.revoke',
        entity: 'role_grant',
        entityId: grantId,
        unitId: grant.unit_id,
        before: { userId, role: grant.role, unitId: grant.unit_id },
      },
      deps.clock.now(),
    );
    return present(user, await repo.findGrantsOf(tx, [userId]));
  });
}

/** SQL for user accounts and their role grants. */
import type { Role } from '../../../domain/access.ts';
import type { Queryable } from '../../infra/db.ts';
import { sqlParams } from '../../infra/sql.ts';

export interface UserRow {
  id: number;
  username: string;
  full_name: string;
  email: string | null;
  disabled: boolean;
  must_change_password: boolean;
  locked_until: Date | null;
  locale: string;
  version: number;
  created_at: Date;
}

export interface GrantRow {
  id: number;
  user_id: number;
  role: Role;
  unit_id: number | null;
  unit_name: string | null;
  unit_code: string | null;
  unit_path: string | null;
}

// locked_until: until when the account's sign-in attempts wait after failures (ADR 5).
const USER_COLUMNS = `u.id, u.username, u.full_name, u.email, u.disabled, u.must_change_password,
  (SELECT t.wait_until FROM login_throttle t WHERE t.key = 'account:' || lower(u.username)) AS locked_until,
  u.locale, u.version, u.created_at`;

/** Lists users, optionally only those with a grant inside the given subtrees. */
export async function listUsers(
  db: Queryable,
  f: { q?: string | undefined; scopePaths: string[] | null; limit: number; offset: number },
): Promise<{ items: UserRow[]; total: number }> {
  const where: string[] = [];
  const { values: params, p } = sqlParams();
  if (f.q)
    where.push(
      `(lower(u.username) LIKE ${p(`%${f.q.toLowerCase()}%`)} OR lower(u.full_name) LIKE ${p(`%${f.q.toLowerCase()}%`)})`,
    );
  if (f.scopePaths) {
    if (f.scopePaths.length === 0) return { items: [], total: 0 };
    where.push(
      `EXISTS (SELECT 1 FROM role_grants g JOIN units gu ON gu.id = g.unit_id WHERE g.user_id = u.id AND (${f.scopePaths.map((s) => `gu.path LIKE ${p(`${s}%`)}`).join(' OR ')}))`,
    );
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total } = { total: 0 }] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM users u ${whereSql}`,
    params,
  );
  const items = await db.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users u ${whereSql} ORDER BY lower(u.username) LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`,
    params,
  );
  return { items, total };
}

/** One user by id. */
export async function findUser(db: Queryable, id: number): Promise<UserRow | undefined> {
  return (await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]))[0];
}

/** Is a username taken (case-insensitively)? */
export async function usernameExists(db: Queryable, username: string): Promise<boolean> {
  return (
    (await db.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username])).length > 0
  );
}

/** Creates a user. */
export async function insertUser(
  db: Queryable,
  u: {
    username: string;
    fullName: string;
    email: string | null;
    passwordHash: string;
    mustChangePassword: boolean;
  },
  now: Date,
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO users (username, full_name, email, password_hash, must_change_password, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [u.username, u.fullName, u.email, u.passwordHash, u.mustChangePassword, now.toISOString()],
  );
  return row!.id;
}

/** Updates the editable fields with a version check; false when the version is stale. */
export async function updateUser(
  db: Queryable,
  id: number,
  version: number,
  f: { fullName: string; email: string | null; disabled: boolean },
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE users SET full_name = $3, email = $4, disabled = $5, updated_at = $6, version = version + 1
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, f.fullName, f.email, f.disabled, now.toISOString()],
  );
  return rows.length === 1;
}

/** Sets a new password hash; the user must change it at next sign-in when `mustChange`. */
export async function setPassword(
  db: Queryable,
  id: number,
  passwordHash: string,
  mustChange: boolean,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE users SET password_hash = $2, must_change_password = $3, failed_logins = 0, locked_until = NULL,
       updated_at = $4, version = version + 1 WHERE id = $1`,
    [id, passwordHash, mustChange, now.toISOString()],
  );
  // A new password starts the account's sign-in with no wait.
  await db.query(
    `DELETE FROM login_throttle WHERE key = (SELECT 'account:' || lower(username) FROM users WHERE id = $1)`,
    [id],
  );
}

/** Grants of the given users, with their units. */
export async function findGrantsOf(db: Queryable, userIds: number[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  return db.query<GrantRow>(
    `SELECT g.id, g.user_id, g.role, g.unit_id, un.name AS unit_name, un.code AS unit_code, un.path AS unit_path
     FROM role_grants g LEFT JOIN units un ON un.id = g.unit_id
     WHERE g.user_id = ANY($1::int[]) ORDER BY g.id`,
    [userIds],
  );
}

/** Adds a grant; returns its id, or null when the same grant exists. */
export async function insertGrant(
  db: Queryable,
  userId: number,
  role: Role,
  unitId: number | null,
): Promise<number | null> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO role_grants (user_id, role, unit_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING id`,
    [userId, role, unitId],
  );
  return rows[0]?.id ?? null;
}

/** Removes a grant of a user; returns it, if it existed. */
export async function deleteGrant(
  db: Queryable,
  userId: number,
  grantId: number,
): Promise<GrantRow | undefined> {
  const [grant] = await findGrantsOf(db, [userId]).then((gs) => gs.filter((g) => g.id === grantId));
  if (!grant) return undefined;
  await db.query('DELETE FROM role_grants WHERE id = $1 AND user_id = $2', [grantId, userId]);
  return grant;
}

/** Number of accounts, to know whether the first admin still has to be created. */
export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return row?.n ?? 0;
}

/** SQL for sessions, sign-in attempts and the actor behind a session. */
import type { Grant, Role } from '../../../domain/access.ts';
import type { Queryable } from '../../infra/db.ts';

export interface UserAuthRow {
  id: number;
  username: string;
  full_name: string;
  password_hash: string;
  disabled: boolean;
  must_change_password: boolean;
  locale: string;
}

/** Finds a user by username, case-insensitively. */
export async function findUserForLogin(
  db: Queryable,
  username: string,
): Promise<UserAuthRow | undefined> {
  const rows = await db.query<UserAuthRow>(
    `SELECT id, username, full_name, password_hash, disabled, must_change_password, locale
     FROM users WHERE lower(username) = lower($1)`,
    [username],
  );
  return rows[0];
}

/** The latest time before which any of these sign-in throttle keys makes attempts wait. */
export async function findLoginWait(
  db: Queryable,
  keys: readonly string[],
  now: Date,
): Promise<Date | null> {
  const rows = await db.query<{ wait_until: Date | null }>(
    `SELECT max(wait_until) AS wait_until FROM login_throttle
     WHERE key = ANY($1::text[]) AND wait_until > $2`,
    [keys, now.toISOString()],
  );
  const until = rows[0]?.wait_until;
  return until ? new Date(until) : null;
}

/**
 * Counts one failed sign-in under each key (a key quiet for `forgetSeconds` starts again from one)
 * and returns each key's count of failures.
 */
export async function countLoginFailure(
  db: Queryable,
  keys: readonly string[],
  now: Date,
  forgetSeconds: number,
): Promise<Map<string, number>> {
  const rows = await db.query<{ key: string; failures: number }>(
    `INSERT INTO login_throttle AS t (key, failures, last_failure_at, wait_until)
     SELECT k, 1, $2::timestamptz, $2::timestamptz FROM unnest($1::text[]) AS k
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t.last_failure_at <= $2::timestamptz - make_interval(secs => $3)
                       THEN 1 ELSE t.failures + 1 END,
       last_failure_at = $2::timestamptz
     RETURNING key, failures`,
    [keys, now.toISOString(), forgetSeconds],
  );
  return new Map(rows.map((r) => [r.key, Number(r.failures)]));
}

/** Sets how long further attempts under each key wait. */
export async function setLoginWaits(
  db: Queryable,
  waits: ReadonlyArray<{ key: string; until: Date }>,
): Promise<void> {
  await db.query(
    `UPDATE login_throttle t SET wait_until = w.until
     FROM unnest($1::text[], $2::timestamptz[]) AS w(key, until) WHERE t.key = w.key`,
    [waits.map((w) => w.key), waits.map((w) => w.until.toISOString())],
  );
}

/** Forgets the failures under these keys (after a successful sign-in, or a password reset). */
export async function clearLoginFailures(db: Queryable, keys: readonly string[]): Promise<void> {
  await db.query('DELETE FROM login_throttle WHERE key = ANY($1::text[])', [keys]);
}

/** Removes throttle rows quiet for longer than `forgetSeconds`. */
export async function deleteStaleLoginFailures(
  db: Queryable,
  now: Date,
  forgetSeconds: number,
): Promise<void> {
  await db.query(
    `DELETE FROM login_throttle
     WHERE last_failure_at <= $1::timestamptz - make_interval(secs => $2) AND wait_until <= $1`,
    [now.toISOString(), forgetSeconds],
  );
}

/**
 * Counts a hit against a fixed one-minute window shared by every server process; returns the hits
 * in the current window and when it started.
 */
export async function hitRateCounter(
  db: Queryable,
  key: string,
  now: Date,
  windowSeconds: number,
): Promise<{ hits: number; windowStart: Date }> {
  const rows = await db.query<{ hits: number; window_start: Date }>(
    `INSERT INTO rate_counters (key, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN rate_counters.window_start <= $2::timestamptz - make_interval(secs => $3) THEN 1 ELSE rate_counters.hits + 1 END,
       window_start = CASE WHEN rate_counters.window_start <= $2::timestamptz - make_interval(secs => $3) THEN $2::timestamptz ELSE rate_counters.window_start END
     RETURNING hits, window_start`,
    [key, now.toISOString(), windowSeconds],
  );
  const row = rows[0]!;
  return { hits: row.hits, windowStart: new Date(row.window_start) };
}

/** Stores a new session under the hash of its token. */
export async function insertSession(
  db: Queryable,
  s: {
    idHash: string;
    userId: number;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
    ip: string;
    userAgent: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
    [
      s.idHash,
      s.userId,
      s.csrfToken,
      s.now.toISOString(),
      s.expiresAt.toISOString(),
      s.ip,
      s.userAgent.slice(0, 300),
    ],
  );
}

export interface SessionRow {
  user_id: number;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
  username: string;
  full_name: string;
  disabled: boolean;
  must_change_password: boolean;
  locale: string;
}

/** A grant as the session carries it: role, unit, and the unit's path, name and code. */
export type SessionGrant = Grant & { id: number; unitName: string | null; unitCode: string | null };

interface GrantJson {
  id: number;
  role: Role;
  unit_id: number | null;
  path: string | null;
  name: string | null;
  code: string | null;
}

const presentGrant = (r: GrantJson): SessionGrant => ({
  id: r.id,
  role: r.role,
  unitId: r.unit_id,
  unitPath: r.path,
  unitName: r.name,
  unitCode: r.code,
});

/**
 * The live session with this token hash, its user and the user's grants, in one query: every
 * signed-in request asks it first, so it costs one round trip to the database.
 */
export async function findSession(
  db: Queryable,
  idHash: string,
  now: Date,
): Promise<(SessionRow & { grants: SessionGrant[] }) | undefined> {
  const rows = await db.query<SessionRow & { grants_json: GrantJson[] | string }>(
    `SELECT s.user_id, s.csrf_token, s.expires_at, s.last_seen_at, u.username, u.full_name, u.disabled,
            u.must_change_password, u.locale,
            (SELECT coalesce(json_agg(json_build_object('id', g.id, 'role', g.role, 'unit_id', g.unit_id,
                'path', gu.path, 'name', gu.name, 'code', gu.code) ORDER BY g.id), '[]')
             FROM role_grants g LEFT JOIN units gu ON gu.id = g.unit_id WHERE g.user_id = s.user_id) AS grants_json
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id_hash = $1 AND s.expires_at > $2`,
    [idHash, now.toISOString()],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { grants_json, ...session } = row;
  const grants = (
    typeof grants_json === 'string' ? (JSON.parse(grants_json) as GrantJson[]) : grants_json
  ).map(presentGrant);
  return { ...session, grants };
}

/** Slides a session's expiry forward. */
export async function touchSession(
  db: Queryable,
  idHash: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id_hash = $1', [
    idHash,
    now.toISOString(),
    expiresAt.toISOString(),
  ]);
}

/** Ends one session. */
export async function deleteSession(db: Queryable, idHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
}

/** Ends every session of a user (disabled account, password reset). */
export async function deleteUserSessions(db: Queryable, userId: number): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** Removes sessions past their expiry. */
export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now.toISOString()]);
}

/** The grants of a user with the paths and names of their units. */
export async function findGrants(db: Queryable, userId: number): Promise<SessionGrant[]> {
  const rows = await db.query<GrantJson>(
    `SELECT g.id, g.role, g.unit_id, u.path, u.name, u.code
     FROM role_grants g LEFT JOIN units u ON u.id = g.unit_id
     WHERE g.user_id = $1 ORDER BY g.id`,
    [userId],
  );
  return rows.map(presentGrant);
}

/** A user's own new password: no longer one to change at the next sign-in. */
export async function setOwnPassword(
  db: Queryable,
  userId: number,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db.query(
    'UPDATE users SET password_hash = $2, must_change_password = false, updated_at = $3, version = version + 1 WHERE id = $1',
    [userId, passwordHash, now.toISOString()],
  );
}

/** Ends every session of a user but the one whose token hash is `keepIdHash`. */
export async function deleteOtherSessions(
  db: Queryable,
  userId: number,
  keepIdHash: string,
): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2', [userId, keepIdHash]);
}

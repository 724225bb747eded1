/**
 * Sign-in, sign-out and the session behind each request. Sessions live in the database (several
 * server processes share them); the cookie carries a random token whose hash is the session key.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../../domain/access.ts';
import { AppError } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import { appendAuditEntry } from '../audit/append.ts';
import * as repo from './repository.ts';
import {
  dummyPasswordHash,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  verifyPassword,
} from './password.ts';

/**
 * What other features use of the sessions and the shared rate counters, through this service:
 * ending a user's sessions (users), counting hits per key and minute (public dossier ratings).
 */
export { deleteUserSessions, hitRateCounter } from './repository.ts';

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  mustChangePassword: boolean;
  locale: 'vi' | 'en';
  grants: Awaited<ReturnType<typeof repo.findGrants>>;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Failures quiet for this long are forgotten. */
const FORGET_FAILURES_SECONDS = 24 * 3600;
/** An address may fail this many times as often as one account from it before its own waits start. */
const ADDRESS_FAILURES_FACTOR = 4;

/**
 * The wait after `failures` failures under one key: none for the first `free`, then 2, 4, 8…
 * seconds, never more than `maxSeconds`.
 */
export function loginDelaySeconds(failures: number, free: number, maxSeconds: number): number {
  if (failures <= free) return 0;
  return Math.min(maxSeconds, 2 ** Math.min(failures - free, 30));
}

/**
 * The keys a sign-in attempt is throttled under: the account name (known or not, written as typed
 * but folded to lower case, so an unknown name behaves exactly like a real one), the account name
 * from this address, and this address.
 */
export function loginThrottleKeys(username: string, ip: string) {
  const name = username.trim().toLowerCase();
  return { account: `account:${name}`, pair: `pair:${ip}|${name}`, address: `address:${ip}` };
}

/**
 * Signs a user in; returns the new session token (for the cookie) and the session. Nothing locks
 * an account: failures make further attempts wait, growing with each failure, per account and
 * address, per address, and (capped low, since a stranger can cause it) per account from anywhere.
 * An unknown name costs one argon2 verification too and is throttled the same way (ADR 5).
 */
export async function login(
  deps: Deps,
  input: { username: string; password: string; ip: string; userAgent: string },
): Promise<{ token: string; session: SessionInfo }> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const limit = await repo.hitRateCounter(db, `login:${input.ip}`, now, 60);
  if (limit.hits > config.loginRatePerMinute) {
    const seconds = Math.max(
      1,
      Math.ceil((limit.windowStart.getTime() + 60_000 - now.getTime()) / 1000),
    );
    throw new AppError('rate_limited', 'rate_limited', { seconds });
  }
  const keys = loginThrottleKeys(input.username, input.ip);
  const allKeys = [keys.account, keys.pair, keys.address];
  const waitUntil = await repo.findLoginWait(db, allKeys, now);
  if (waitUntil) {
    throw new AppError('rate_limited', 'login_throttled', {
      seconds: secondsUntil(waitUntil, now),
    });
  }
  const user = await repo.findUserForLogin(db, input.username.trim());
  const ok = await verifyPassword(
    user?.password_hash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!user || !ok) {
    await db.transaction(async (tx) => {
      const counts = await repo.countLoginFailure(tx, allKeys, now, FORGET_FAILURES_SECONDS);
      const free = config.loginMaxFailures;
      const delays = [
        {
          key: keys.account,
          seconds: loginDelaySeconds(
            counts.get(keys.account) ?? 0,
            free,
            config.loginAccountMaxDelaySeconds,
          ),
        },
        {
          key: keys.pair,
          seconds: loginDelaySeconds(counts.get(keys.pair) ?? 0, free, config.loginMaxDelaySeconds),
        },
        {
          key: keys.address,
          seconds: loginDelaySeconds(
            counts.get(keys.address) ?? 0,
            free * ADDRESS_FAILURES_FACTOR,
            config.loginMaxDelaySeconds,
          ),
        },
      ];
      await repo.setLoginWaits(
        tx,
        delays.map((d) => ({ key: d.key, until: new Date(now.getTime() + d.seconds * 1000) })),
      );
      // The first failure that makes the account's attempts wait is audited (real accounts only).
      if (user && counts.get(keys.account) === free + 1) {
        await appendAuditEntry(
          tx,
          {
            actorId: null,
            actorName: null,
            action: 'auth.throttle',
            entity: 'user',
            entityId: user.id,
            unitId: null,
            after: { username: user.username, failedLogins: free + 1, ip: input.ip },
          },
          now,
        );
      }
    });
    throw new AppError('unauthenticated', 'invalid_credentials');
  }
  if (user.disabled) throw new AppError('forbidden', 'account_disabled');

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await repo.clearLoginFailures(tx, [keys.account, keys.pair]);
    await repo.deleteStaleLoginFailures(tx, now, FORGET_FAILURES_SECONDS);
    await repo.deleteExpiredSessions(tx, now);
    await repo.insertSession(tx, {
      idHash: hashToken(token),
      userId: user.id,
      csrfToken,
      now,
      expiresAt: new Date(now.getTime() + config.sessionTtlHours * 3_600_000),
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await appendAuditEntry(
      tx,
      {
        actorId: user.id,
        actorName: user.username,
        action: 'auth.login',
        entity: 'session',
        entityId: null,
        unitId: null,
        after: { ip: input.ip },
      },
      now,
    );
  });
  const session = await resolveSession(deps, token);
  if (!session) throw new AppError('unauthenticated', 'not_authenticated');
  return { token, session };
}

/** The session for a cookie token, or null when absent, expired or the account is disabled. */
export async function resolveSession(
  deps: Deps,
  token: string | undefined,
): Promise<SessionInfo | null> {
  if (!token || token.length > 100) return null;
  const { db, clock, config } = deps;
  const now = clock.now();
  const idHash = hashToken(token);
  const row = await repo.findSession(db, idHash, now);
  if (!row || row.disabled) return null;
  // Slide the expiry at most once a minute, not on every request.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await repo.touchSession(
      db,
      idHash,
      now,
      new Date(now.getTime() + config.sessionTtlHours * 3_600_000),
    );
  }
  const grants = row.grants;
  return {
    actor: { userId: row.user_id, username: row.username, fullName: row.full_name, grants },
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
    locale: row.locale === 'en' ? 'en' : 'vi',
    grants,
  };
}

/** Constant-time comparison of the anti-forgery token sent with a request. */
export function csrfMatches(expected: string, sent: string | undefined): boolean {
  if (!sent) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Ends the session of this token. */
export async function logout(
  deps: Deps,
  token: string | undefined,
  actor: Actor | null,
): Promise<void> {
  if (!token) return;
  await deps.db.transaction(async (tx) => {
    await repo.deleteSession(tx, hashToken(token));
    if (actor) {
      await appendAuditEntry(
        tx,
        {
          actorId: actor.userId,
          actorName: actor.username,
          action: 'auth.logout',
          entity: 'session',
          entityId: null,
          unitId: null,
        },
        deps.clock.now(),
      );
    }
  });
}

/** Changes the signed-in user's own password; other sessions of the user end. */
export async function changeOwnPassword(
  deps: Deps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  currentToken: string,
): Promise<void> {
  const user = await repo.findUserForLogin(deps.db, actor.username);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('invalid', 'wrong_current_password', {}, [
      { field: 'currentPassword', key: 'wrong_current_password' },
    ]);
  }
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('invalid', 'password_too_weak', {}, [
      { field: 'newPassword', key: 'password_too_weak' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await repo.setOwnPassword(tx, actor.userId, passwordHash, deps.clock.now());
    await repo.deleteOtherSessions(tx, actor.userId, hashToken(currentToken));
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId,
        actorName: actor.username,
        action: 'user.change_password',
        entity: 'user',
        entityId: actor.userId,
        unitId: null,
      },
      deps.clock.now(),
    );
  });
}

function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

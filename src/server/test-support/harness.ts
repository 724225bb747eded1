/**
 * Test harness for integration tests: a fresh database per test file (in-memory embedded by
 * default; a new database on the PostgreSQL server named by PARINDEX_TEST_DATABASE_URL when set),
 * migrated and seeded like a first start, the HTTP app on top, and clients that sign in and carry
 * their cookie and anti-forgery token like the web app does. With PARINDEX_TEST_DATABASE_READ_URL
 * (a streaming replica of that server) the read routes read the test database on the replica, as a
 * server with DATABASE_READ_URL does (ADR 51).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../config.ts';
import type { Deps } from '../deps.ts';
import { prepareDatabase } from '../bootstrap.ts';
import { startJobs } from '../jobs.ts';
import { createApp, type App } from '../http/app.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../http/session.ts';
import { fixedClock } from '../infra/clock.ts';
import { openEmbeddedDb, openPostgresDb, type Db } from '../infra/db.ts';
import { openReplica, type Replica } from '../infra/replica.ts';
import { createStorage, type FileStorage } from '../infra/storage.ts';

export const ADMIN_PASSWORD = 'admin-test-password';
export const DEMO_PASSWORD = 'demo-parindex';

export interface Harness {
  app: App;
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  /** Signs in and returns a client carrying the session. */
  login(username: string, password?: string): Promise<Client>;
  /** A client without a session. */
  anonymous(): Client;
  close(): Promise<void>;
  /** The test database's URL on PostgreSQL; undefined on the embedded database. */
  databaseUrl: string | undefined;
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  /** The body's bytes (for files). */
  raw: Buffer;
}

export interface Client {
  csrfToken: string;
  /** The session cookie's value; undefined without a session. */
  sessionCookie: string | undefined;
  request<T = any>(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response<T>>;
  get<T = any>(url: string): Promise<Response<T>>;
  post<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  put<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  delete<T = any>(url: string): Promise<Response<T>>;
}

/** Which backend the integration suite runs on. */
export const testBackend = process.env.PARINDEX_TEST_DATABASE_URL ? 'postgres' : 'embedded';

/** A fresh database on the suite's backend, and what drops it. */
export async function openTestDb(): Promise<{
  db: Db;
  drop: () => Promise<void>;
  /** The fresh database's URL on PostgreSQL. */
  url?: string;
  /** The same database on the replica (PARINDEX_TEST_DATABASE_READ_URL), when there is one. */
  readUrl?: string;
}> {
  const url = process.env.PARINDEX_TEST_DATABASE_URL;
  if (!url) return { db: await openEmbeddedDb(null), drop: async () => {} };
  const name = `parindex_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openPostgresDb(target.toString(), 5);
  // A database created on the primary appears on its physical replica under the same name.
  const replicaServer = process.env.PARINDEX_TEST_DATABASE_READ_URL;
  let readUrl: string | undefined;
  if (replicaServer) {
    const replicaTarget = new URL(replicaServer);
    replicaTarget.pathname = `/${name}`;
    readUrl = replicaTarget.toString();
  }
  return {
    db,
    url: target.toString(),
    ...(readUrl ? { readUrl } : {}),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Builds a harness; `config` overrides defaults (rate limits, lockout…). Stored files go to a
 * fresh temporary data directory (removed on close) unless `options.storage` is given.
 */
export async function createHarness(
  config: Partial<Config> = {},
  options: {
    storage?: FileStorage;
    /** The read replica's URL; unset: the suite's replica if any; null: none. */
    replicaUrl?: string | null;
  } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parindex-test-'));
  const base = loadConfig({
    PARINDEX_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    // A web build of its own, for test runs side by side.
    PARINDEX_WEB_DIST: process.env.PARINDEX_WEB_DIST,
  });
  const fullConfig: Config = {
    ...base,
    adminPassword: ADMIN_PASSWORD,
    demo: true,
    loginRatePerMinute: 1000,
    // No timed deadline scans in tests: they run it on the test's clock.
    notifyIntervalMinutes: 0,
    ...config,
  };
  const clock = fixedClock(new Date('2026-03-02T02:00:00.000Z'));
  const { db, drop, url: databaseUrl, readUrl } = await openTestDb();
  await prepareDatabase(db, fullConfig, clock);
  const storage = options.storage ?? createStorage(fullConfig);
  const replicaUrl = options.replicaUrl === undefined ? readUrl : options.replicaUrl;
  const replica: Replica | undefined = replicaUrl
    ? openReplica(replicaUrl, { poolSize: 3 })
    : undefined;
  const deps: Deps = {
    db,
    clock,
    config: fullConfig,
    storage,
    ...(replica ? { replica } : {}),
  };
  // Background work runs as in the server: one job runner for this database (ADR 37).
  await startJobs(deps, { pollMs: 500 });
  const app = await createApp(deps, { logger: false });
  await app.ready();

  const makeClient = (cookie: string | undefined, csrfToken: string): Client => {
    const request = async <T>(
      method: string,
      url: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<Response<T>> => {
      const h: Record<string, string> = { ...headers };
      if (cookie) h.cookie = `${SESSION_COOKIE}=${cookie}`;
      if (csrfToken && !['GET', 'HEAD'].includes(method) && !(CSRF_HEADER in h))
        h[CSRF_HEADER] = csrfToken;
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers: h,
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      const text = res.body;
      let parsed: unknown = text;
      if ((res.headers['content-type'] ?? '').toString().includes('json') && text)
        parsed = JSON.parse(text);
      return {
        status: res.statusCode,
        body: parsed as T,
        headers: res.headers,
        raw: res.rawPayload,
      };
    };
    return {
      csrfToken,
      sessionCookie: cookie,
      request,
      get: (url) => request('GET', url),
      post: (url, body) => request('POST', url, body ?? {}),
      put: (url, body) => request('PUT', url, body ?? {}),
      delete: (url) => request('DELETE', url),
    };
  };

  return {
    app,
    deps,
    clock,
    databaseUrl,
    anonymous: () => makeClient(undefined, ''),
    async login(
      username: string,
      password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD,
    ) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200)
        throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
      return makeClient(cookie, (JSON.parse(res.body) as { csrfToken: string }).csrfToken);
    },
    async close() {
      await deps.jobs?.stop();
      await app.close();
      await replica?.close();
      await db.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Finds the id of a campaign of `year` whose name matches `name`, through the API. */
export async function campaignIdByName(
  client: Client,
  year: number,
  name: RegExp,
): Promise<number> {
  const res = await client.get<{ items: Array<{ id: number; year: number; name: string }> }>(
    '/api/v1/campaigns',
  );
  const campaign = res.body.items.find((c) => c.year === year && name.test(c.name));
  if (!campaign) throw new Error(`campaign ${year} ${name} not found`);
  return campaign.id;
}

/** Finds a unit id by code through the API (the current unit when several share the code). */
export async function unitIdByCode(client: Client, code: string): Promise<number> {
  const res = await client.get<{
    items: Array<{ id: number; code: string; validTo: string | null }>;
  }>(`/api/v1/units?q=${encodeURIComponent(code)}&limit=50`);
  const matches = res.body.items.filter((u) => u.code === code);
  const unit = matches.find((u) => u.validTo === null) ?? matches[0];
  if (!unit) throw new Error(`unit ${code} not found`);
  return unit.id;
}

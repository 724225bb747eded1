/**
 * The read replica (ADR 51). With a streaming replica (PARINDEX_TEST_DATABASE_READ_URL, as in CI):
 * a ranking is read on the replica, a change and the reads of the same browser right after it on
 * the primary, and /readyz tells the replica's state. On every backend: a replica that cannot be
 * reached leaves every read answered from the primary, never a 500.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDeps, startDeps } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { readHandle } from '../infra/replica.ts';
import { READ_PRIMARY_COOKIE } from './read-routing.ts';
import {
  campaignIdByName,
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../test-support/harness.ts';

const withReplica = Boolean(
  process.env.PARINDEX_TEST_DATABASE_URL && process.env.PARINDEX_TEST_DATABASE_READ_URL,
);

/** A port on which nothing listens (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A GET as `client` would send it, with or without the cookie that keeps reads on the primary. */
async function get(h: Harness, client: Client, url: string, readPrimary = false) {
  const cookies = [client.sessionCookie ? `parindex_session=${client.sessionCookie}` : ''];
  if (readPrimary) cookies.push(`${READ_PRIMARY_COOKIE}=1`);
  const res = await h.app.inject({
    method: 'GET',
    url,
    headers: { cookie: cookies.filter(Boolean).join('; ') },
  });
  return { status: res.statusCode, body: res.json() as any, headers: res.headers };
}

describe.runIf(withReplica)('with a streaming replica', () => {
  let h: Harness;
  let admin: Client;
  let c2026 = 0;

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.login('admin');
    c2026 = await campaignIdByName(admin, 2026, /dữ liệu mẫu/);
  }, 120_000);
  afterAll(async () => h?.close());

  it('reads through the read handle on a standby, and the primary is not one', async () => {
    const reading = readHandle(h.deps.db, h.deps.replica);
    const [onReplica] = await reading.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r');
    const [onPrimary] = await h.deps.db.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r');
    expect(onReplica!.r).toBe(true);
    expect(onPrimary!.r).toBe(false);
    // A transaction on the read handle runs on the primary, and so does every read after it.
    const inTx = await reading.transaction((tx) =>
      tx.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r'),
    );
    expect(inTx[0]!.r).toBe(false);
    const after = await reading.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r');
    expect(after[0]!.r).toBe(false);
  });

  it('runs a write that reaches the read handle on the primary, with a warning', async () => {
    const warnings: string[] = [];
    const replica = h.deps.replica!;
    const warn = replica.warn;
    replica.warn = (message) => warnings.push(message);
    try {
      const reading = readHandle(h.deps.db, replica);
      await reading.query(
        "INSERT INTO app_settings (key, value) VALUES ('read_routing_probe', '1'::jsonb)",
      );
      const stored = await h.deps.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM app_settings WHERE key = 'read_routing_probe'",
      );
      expect(stored[0]!.n).toBe(1);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('25006');
    } finally {
      replica.warn = warn;
    }
  });

  it('serves a ranking from the replica, the same ranking the primary serves', async () => {
    const replica = h.deps.replica!;
    const before = { ...replica.counts };
    const fromReplica = await get(h, admin, `/api/v1/campaigns/${c2026}/results`);
    expect(fromReplica.status).toBe(200);
    expect(replica.counts.replica).toBeGreaterThan(before.replica);
    expect(replica.counts.fallback).toBe(before.fallback);

    const between = { ...replica.counts };
    const fromPrimary = await get(h, admin, `/api/v1/campaigns/${c2026}/results`, true);
    expect(fromPrimary.status).toBe(200);
    expect(replica.counts).toEqual(between);
    expect(fromReplica.body).toEqual(fromPrimary.body);
    expect(fromReplica.body.units.length).toBeGreaterThan(0);
  });

  it('marks a browser that changed something, whose next reads go to the primary and see it', async () => {
    const replica = h.deps.replica!;
    const detail = await admin.get(`/api/v1/campaigns/${c2026}`);
    expect(detail.status).toBe(200);
    const c = detail.body.campaign;
    const renamed = `${c.name} (đổi tên)`;
    const put = await admin.put(`/api/v1/campaigns/${c2026}`, {
      name: renamed,
      year: c.year,
      deadlines: c.deadlines,
      version: c.version,
    });
    expect(put.status).toBe(200);
    const cookie = String(put.headers['set-cookie'] ?? '');
    expect(cookie).toContain(`${READ_PRIMARY_COOKIE}=1`);
    expect(cookie).toContain('Max-Age=10');
    expect(cookie).toContain('HttpOnly');

    const before = { ...replica.counts };
    const read = await get(h, admin, `/api/v1/campaigns/${c2026}/results`, true);
    expect(read.status).toBe(200);
    expect(read.body.campaign.name).toBe(renamed);
    expect(replica.counts).toEqual(before);

    // A refused change marks nothing; a read is never marked.
    const refused = await admin.put(`/api/v1/campaigns/${c2026}`, {
      name: renamed,
      year: c.year,
      deadlines: c.deadlines,
      version: c.version,
    });
    expect(refused.status).toBe(409);
    expect(String(refused.headers['set-cookie'] ?? '')).not.toContain(READ_PRIMARY_COOKIE);
    expect(String(read.headers['set-cookie'] ?? '')).not.toContain(READ_PRIMARY_COOKIE);
  });

  it('reads a quarterly view and the public results page on the replica, as the primary would', async () => {
    const replica = h.deps.replica!;
    const thaiNguyen = await unitIdByCode(admin, '19');
    const anonymous = h.anonymous();
    // The 2026 campaign publishes nothing yet: its public page is "not found" from either.
    for (const [client, url, status] of [
      [admin, `/api/v1/dossiers/quarter-view?unitId=${thaiNguyen}&period=2026-Q1`, 200],
      [anonymous, `/api/v1/public/campaigns/${c2026}/results`, 404],
    ] as const) {
      const before = replica.counts.replica;
      const fromReplica = await get(h, client, url);
      expect(replica.counts.replica).toBeGreaterThan(before);
      const fromPrimary = await get(h, client, url, true);
      expect(fromReplica.status).toBe(status);
      expect(fromPrimary.status).toBe(status);
      expect(fromReplica.body).toEqual(fromPrimary.body);
    }
  });

  it('reports the replica as a standby, with its lag, in /readyz', async () => {
    const res = await h.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.replica).toMatchObject({ state: 'ok', standby: true });
    expect(typeof body.replica.lagSeconds).toBe('number');
    expect(body.replica.lagSeconds).toBeGreaterThanOrEqual(0);
  });
});

describe('with a replica that cannot be reached', () => {
  let h: Harness;
  let admin: Client;
  let c2026 = 0;
  const warnings: string[] = [];

  beforeAll(async () => {
    h = await createHarness(
      {},
      { replicaUrl: `postgres://postgres@127.0.0.1:${await closedPort()}/parindex` },
    );
    h.deps.replica!.warn = (message) => warnings.push(message);
    admin = await h.login('admin');
    c2026 = await campaignIdByName(admin, 2026, /dữ liệu mẫu/);
  }, 120_000);
  afterAll(async () => h?.close());

  it('answers the ranking and its download from the primary, with one warning logged', async () => {
    const viaPrimary = await get(h, admin, `/api/v1/campaigns/${c2026}/results`, true);
    expect(viaPrimary.status).toBe(200);
    const ranking = await get(h, admin, `/api/v1/campaigns/${c2026}/results`);
    expect(ranking.status).toBe(200);
    expect(ranking.body).toEqual(viaPrimary.body);
    const csv = await h.app.inject({
      url: `/api/v1/campaigns/${c2026}/results.csv`,
      headers: { cookie: `parindex_session=${admin.sessionCookie}` },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(ranking.body.units[0].unitCode);
    expect(h.deps.replica!.counts.replica).toBe(0);
    expect(h.deps.replica!.counts.fallback).toBeGreaterThan(0);
    // One warning for the interval the replica is left alone, not one per read.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('DATABASE_READ_URL');
  });

  it('stays ready, and says the replica is unreachable', async () => {
    const res = await h.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ready',
      replica: { state: 'unreachable', standby: null, lagSeconds: null },
    });
  });
});

describe.runIf(!process.env.PARINDEX_TEST_DATABASE_URL)('on the embedded database', () => {
  it('ignores DATABASE_READ_URL, and the start-up report says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parindex-replica-'));
    const { deps, report } = await startDeps(
      loadConfig({
        PARINDEX_DATA_DIR: dir,
        DATABASE_READ_URL: `postgres://postgres@127.0.0.1:${await closedPort()}/parindex`,
        PARINDEX_DEMO: '0',
        PARINDEX_ADMIN_PASSWORD: 'replica-test-password',
        LOG_LEVEL: 'silent',
      }),
    );
    try {
      expect(report.readReplica).toBe('ignored');
      expect(deps.replica).toBeUndefined();
    } finally {
      await closeDeps(deps);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

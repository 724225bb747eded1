import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

// Several server processes against one PostgreSQL: both start together on an empty database
// (migrations and first-start seeding happen once), and a session opened on one is valid on the other.
// With PARINDEX_TEST_DATABASE_READ_URL both also read from the replica (DATABASE_READ_URL, ADR 51).
const url = process.env.PARINDEX_TEST_DATABASE_URL;
const replicaUrl = process.env.PARINDEX_TEST_DATABASE_READ_URL;
const BIN = path.resolve(import.meta.dirname, '../../bin/parindex.mjs');
const children: ChildProcess[] = [];
let dbName = '';

function startServer(
  databaseUrl: string,
  port: number,
  readUrl: string | undefined,
): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ...(readUrl ? { DATABASE_READ_URL: readUrl } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      PARINDEX_ADMIN_PASSWORD: 'admin-multi-process',
      PARINDEX_DEMO: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`server on ${port} did not start:\n${output}`)),
      90_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('parindex đang chạy tại')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) =>
      reject(new Error(`server on ${port} exited with ${code}:\n${output}`)),
    );
  });
}

afterAll(async () => {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  if (url && dbName) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  }
});

describe.runIf(url)('several server processes on one PostgreSQL', () => {
  it('start together, seed once and share sessions', async () => {
    dbName = `parindex_multi_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const target = new URL(url!);
    target.pathname = `/${dbName}`;
    let readTarget: string | undefined;
    if (replicaUrl) {
      const r = new URL(replicaUrl);
      r.pathname = `/${dbName}`;
      readTarget = r.toString();
    }
    await Promise.all([
      startServer(target.toString(), 3471, readTarget),
      startServer(target.toString(), 3472, readTarget),
    ]);
    if (readTarget) {
      for (const port of [3471, 3472]) {
        const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toMatchObject({ replica: { state: 'ok', standby: true } });
      }
    }

    const login = await fetch('http://127.0.0.1:3471/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin-multi-process' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('parindex_session='))!
      .split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const me = await fetch('http://127.0.0.1:3472/api/v1/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    const units = await fetch(
      'http://127.0.0.1:3472/api/v1/units?parentId=root&current=true&limit=100',
      { headers: { cookie } },
    );
    expect(((await units.json()) as { total: number }).total).toBe(34);
    const logout = await fetch('http://127.0.0.1:3472/api/v1/auth/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(logout.status).toBe(204);
    expect(
      (await fetch('http://127.0.0.1:3471/api/v1/auth/me', { headers: { cookie } })).status,
    ).toBe(401);
    const db = new pg.Client({ connectionString: target.toString() });
    await db.connect();
    const admins = await db.query("SELECT count(*)::int AS n FROM users WHERE username = 'admin'");
    await db.end();
    expect(admins.rows[0].n).toBe(1);
  });
});

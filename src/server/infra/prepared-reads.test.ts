/**
 * Reads outside a transaction are prepared once per connection on PostgreSQL (ADR 53): the
 * statement is kept under its name, gives the right rows for each call's parameters, and a change
 * of its table's shape does not break it. Needs PARINDEX_TEST_DATABASE_URL; skipped without it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresDb, type Db } from './db.ts';

const url = process.env.PARINDEX_TEST_DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** A database of its own on the test server, with a pool of one connection. */
async function freshDb(): Promise<Db> {
  const name = `parindex_prep_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url!);
  target.pathname = `/${name}`;
  const db = await openPostgresDb(target.toString(), 1);
  cleanups.push(async () => {
    await db.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  return db;
}

describe.skipIf(!url)('prepared reads on PostgreSQL', () => {
  it('keeps a read with parameters prepared and answers each call with its own rows', async () => {
    const db = await freshDb();
    await db.query('CREATE TABLE things (id int PRIMARY KEY, label text)');
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO things VALUES (1, 'một'), (2, 'hai'), (3, 'ba')");
    });
    const sql = 'SELECT label FROM things WHERE id = $1';
    expect(await db.query(sql, [2])).toEqual([{ label: 'hai' }]);
    expect(await db.query(sql, [3])).toEqual([{ label: 'ba' }]);
    // The pool's one connection holds the statement under a name, with its text.
    const prepared = await db.query<{ statement: string }>(
      'SELECT statement FROM pg_prepared_statements WHERE statement = $1',
      [sql],
    );
    expect(prepared).toHaveLength(1);
    // A read without parameters is not prepared.
    await db.query('SELECT count(*) FROM things');
    const unnamed = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE 'SELECT count(*) FROM things%'",
    );
    expect(unnamed).toEqual([{ n: 0 }]);
  });

  it('reads the new shape after the table changed since the statement was prepared', async () => {
    const db = await freshDb();
    await db.query('CREATE TABLE places (id int PRIMARY KEY, name text)');
    await db.query("INSERT INTO places VALUES (1, 'Xã Bảo Hà')");
    const sql = 'SELECT * FROM places WHERE id = $1';
    expect(await db.query(sql, [1])).toEqual([{ id: 1, name: 'Xã Bảo Hà' }]);
    await db.query("ALTER TABLE places ADD COLUMN kind text NOT NULL DEFAULT 'commune'");
    expect(await db.query(sql, [1])).toEqual([{ id: 1, name: 'Xã Bảo Hà', kind: 'commune' }]);
    // A statement that fails for another reason still fails.
    await expect(
      db.query('SELECT * FROM places WHERE id = $1::int', ['không phải số']),
    ).rejects.toThrow();
  });
});

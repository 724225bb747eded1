/**
 * Binary COPY on the suite's database: what the encoder writes is what the server stores, for every
 * type the import uses, across buffers (a row bigger than a buffer included), through a pooled
 * load and one inside a transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../test-support/harness.ts';
import { CopyBinaryBuffer } from './copy-binary.ts';
import type { CopyWriter, Db } from './db.ts';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await openTestDb());
  await db.query(`CREATE TABLE copy_probe (
    t text, s smallint, i integer, b bigint, f boolean, at timestamptz, j jsonb)`);
});
afterAll(async () => {
  await db.close();
  await drop();
});

interface Probe {
  t: string | null;
  s: number | null;
  i: number | null;
  b: number | null;
  f: boolean | null;
  at: number | null;
  j: unknown;
}

const COLUMNS = ['t', 's', 'i', 'b', 'f', 'at', 'j'];

async function load(copy: CopyWriter, rows: Probe[], chunkBytes: number): Promise<void> {
  const out = new CopyBinaryBuffer(chunkBytes);
  for (const r of rows) {
    out.row(COLUMNS.length);
    out.text(r.t);
    out.int2(r.s);
    out.int4(r.i);
    out.int8(r.b);
    out.bool(r.f);
    out.timestamptz(r.at);
    out.jsonb(r.j === null ? null : JSON.stringify(r.j));
    const full = out.endRow();
    if (full !== null) await copy.write(full);
  }
  const rest = out.take();
  if (rest !== null) await copy.write(rest);
  await copy.end();
}

async function stored(): Promise<Probe[]> {
  const rows = await db.query<Omit<Probe, 'at'> & { at: Date | null }>(
    'SELECT t, s, i, b, f, at, j FROM copy_probe ORDER BY i',
  );
  return rows.map((r) => ({ ...r, at: r.at === null ? null : new Date(r.at).getTime() }));
}

const SAMPLES: Probe[] = [
  {
    t: 'Cấp bản sao\tcó tab, \\ gạch\nvà dòng mới 🙂',
    s: -32768,
    i: 1,
    b: -9_007_199_254_740_991,
    f: true,
    at: Date.UTC(2024, 1, 5, 1, 0, 0, 250),
    j: [2, null, 1.5],
  },
  {
    t: '',
    s: 32767,
    i: 2,
    b: 9_007_199_254_740_991,
    f: false,
    at: Date.UTC(1999, 11, 31, 23, 59, 59),
    j: { a: 'ư' },
  },
  { t: null, s: null, i: 3, b: null, f: null, at: null, j: null },
  {
    t: 'Đ'.repeat(300),
    s: 0,
    i: 4,
    b: 4_294_967_296,
    f: true,
    at: Date.UTC(2200, 0, 1),
    j: [],
  },
];

describe('binary COPY', () => {
  it('stores exactly the values encoded, a row larger than its buffer included', async () => {
    await db.query('TRUNCATE copy_probe');
    await load(await db.copyIn('copy_probe', COLUMNS, 'binary'), SAMPLES, 64);
    expect(await stored()).toEqual(SAMPLES);
  });

  it('loads many rows over many buffers inside a transaction', async () => {
    await db.query('TRUNCATE copy_probe');
    const rows: Probe[] = Array.from({ length: 5000 }, (_, k) => ({
      t: `HS${k}`,
      s: k % 200,
      i: k,
      b: k * 1_000_003,
      f: k % 2 === 0,
      at: Date.UTC(2025, 6, 1) + k * 60_000,
      j: null,
    }));
    await db.transaction(async (tx) => {
      await load(await tx.copyIn('copy_probe', COLUMNS, 'binary'), rows, 4096);
    });
    expect(await stored()).toEqual(rows);
  });

  it('refuses a number that does not fit its column instead of storing another', () => {
    const out = new CopyBinaryBuffer(64);
    out.row(1);
    expect(() => out.int2(40_000)).toThrow(RangeError);
    expect(() => out.int2(1.5)).toThrow(RangeError);
    expect(() => out.int4(2 ** 31)).toThrow(RangeError);
    expect(() => out.int8(2 ** 60)).toThrow(RangeError);
  });
});

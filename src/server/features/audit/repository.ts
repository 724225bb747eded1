/**
 * SQL for the audit log. Appends are serialised by an advisory lock held to the end of the
 * writing transaction, so entries chain in id order even with several server processes.
 */
import {
  entryHash,
  GENESIS_HASH,
  type AuditContent,
  type ChainedEntry,
} from '../../../domain/audit-chain.ts';
import type { Queryable } from '../../infra/db.ts';
import { sqlParams } from '../../infra/sql.ts';

const AUDIT_LOCK_KEY = 7_262_002;

export interface AuditInput {
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  unitId: number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry inside the caller's transaction. */
export async function appendAuditEntry(
  tx: Queryable,
  input: AuditInput,
  now: Date,
): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
  const head = await tx.query<{ last_id: number; last_hash: string }>(
    'SELECT last_id, last_hash FROM audit_head WHERE singleton',
  );
  const prevHash = head[0]?.last_hash ?? GENESIS_HASH;
  const [{ id } = { id: 0 }] = await tx.query<{ id: number }>(
    "SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::int8 AS id",
  );
  const content: AuditContent = {
    id,
    at: new Date(Math.floor(now.getTime())).toISOString(),
    actorId: input.actorId,
    actorName: input.actorName,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId === null ? null : String(input.entityId),
    unitId: input.unitId,
    before: normalise(input.before),
    after: normalise(input.after),
  };
  const hash = entryHash(content, prevHash);
  await tx.query(
    `INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity, entity_id, unit_id, before, after, prev_hash, hash)
     OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      id,
      content.at,
      content.actorId,
      content.actorName,
      content.action,
      content.entity,
      content.entityId,
      content.unitId,
      content.before === null ? null : JSON.stringify(content.before),
      content.after === null ? null : JSON.stringify(content.after),
      prevHash,
      hash,
    ],
  );
  await tx.query(
    `INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (true, $1, $2)
     ON CONFLICT (singleton) DO UPDATE SET last_id = EXCLUDED.last_id, last_hash = EXCLUDED.last_hash`,
    [id, hash],
  );
  return id;
}

/** Values go through JSON once so that what is hashed is exactly what jsonb gives back. */
function normalise(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

interface AuditRow {
  id: number;
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_id: number | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

function toEntry(row: AuditRow): ChainedEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    unitId: row.unit_id,
    before: row.before ?? null,
    after: row.after ?? null,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Reads the chain in id order after entry `from` (default: all), a page at a time. */
export async function* readChain(
  db: Queryable,
  pageSize = 5000,
  from = -1,
): AsyncGenerator<ChainedEntry> {
  let after = from;
  for (;;) {
    const rows = await db.query<AuditRow>(
      'SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2',
      [after, pageSize],
    );
    for (const row of rows) yield toEntry(row);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** The recorded head of the chain, if any entry was ever written. */
export async function readHead(
  db: Queryable,
): Promise<{ lastId: number; lastHash: string } | null> {
  const rows = await db.query<{ last_id: number; last_hash: string }>(
    'SELECT last_id, last_hash FROM audit_head WHERE singleton',
  );
  const row = rows[0];
  return row ? { lastId: row.last_id, lastHash: row.last_hash } : null;
}

export interface AuditFilter {
  unitPaths: string[] | null; // null: everything (national scope)
  unitId?: number | undefined;
  actorId?: number | undefined;
  from?: string | undefined; // ISO date, inclusive
  to?: string | undefined; // ISO date, inclusive
  beforeId?: number | undefined;
  limit: number;
}

/** Lists entries newest first, within the reader's scope and the filters. */
export async function listAuditEntries(
  db: Queryable,
  f: AuditFilter,
): Promise<Array<ChainedEntry & { unitName: string | null }>> {
  const where: string[] = [];
  const { values: params, p } = sqlParams();
  if (f.unitPaths) {
    if (f.unitPaths.length === 0) return [];
    where.push(
      `a.unit_id IN (SELECT u.id FROM units u WHERE ${f.unitPaths.map((path) => `u.path LIKE ${p(`${path}%`)}`).join(' OR ')})`,
    );
  }
  if (f.unitId !== undefined) {
    where.push(
      `a.unit_id IN (SELECT u.id FROM units u WHERE u.path LIKE (SELECT path FROM units WHERE id = ${p(f.unitId)}) || '%')`,
    );
  }
  if (f.actorId !== undefined) where.push(`a.actor_id = ${p(f.actorId)}`);
  if (f.from) where.push(`a.at >= ${p(f.from)}::date`);
  if (f.to) where.push(`a.at < (${p(f.to)}::date + 1)`);
  if (f.beforeId !== undefined) where.push(`a.id < ${p(f.beforeId)}`);
  const sql = `SELECT a.*, un.name AS unit_name FROM audit_log a LEFT JOIN units un ON un.id = a.unit_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ${p(f.limit)}`;
  return (await db.query<AuditRow & { unit_name: string | null }>(sql, params)).map((row) => ({
    ...toEntry(row),
    unitName: row.unit_name,
  }));
}

/** The stored hashes of some entries, by id (an entry no longer there is missing). */
export async function findEntryHashes(
  db: Queryable,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const rows = await db.query<{ id: number; hash: string }>(
    'SELECT id, hash FROM audit_log WHERE id = ANY($1::int8[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.hash]));
}

/** How many entries the log holds and the id of the last. */
export async function chainSize(db: Queryable): Promise<{ count: number; last: number | null }> {
  const [row] = await db.query<{ count: number; last: number | null }>(
    'SELECT count(*)::int8 AS count, max(id) AS last FROM audit_log',
  );
  return row ?? { count: 0, last: null };
}

/** How many entries come after the entry `id`. */
export async function countEntriesAfter(db: Queryable, id: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int8 AS n FROM audit_log WHERE id > $1',
    [id],
  );
  return row?.n ?? 0;
}

/**
 * Applies the SQL migrations in `migrations/` in name order, each once, on either backend. All
 * pending migrations run in one transaction under an advisory lock, so several servers starting
 * together against one PostgreSQL apply them exactly once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Tx } from './db.ts';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

const MIGRATION_LOCK_KEY = 7_262_001;

/** The names of the migrations this version of the product ships, in the order they apply. */
export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort();
}

/**
 * Applies, inside the caller's transaction, those of `names` (default: every migration) not yet
 * applied, in order; returns the names applied now.
 */
export async function applyMigrations(
  tx: Tx,
  names: readonly string[] = migrationNames(),
  dir = MIGRATIONS_DIR,
): Promise<string[]> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
  await tx.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const done = new Set(
    (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
  );
  const applied: string[] = [];
  for (const file of [...names].sort()) {
    if (done.has(file)) continue;
    await tx.exec(readFileSync(path.join(dir, file), 'utf8'));
    await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
    applied.push(file);
  }
  return applied;
}

/** Applies pending migrations; returns the names applied now. */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  return db.transaction((tx) => applyMigrations(tx, migrationNames(dir), dir));
}

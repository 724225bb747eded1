/**
 * A quarter's sums shared by the readers of the quarterly views (ADR 50). Summing a quarter of a
 * whole country reads millions of dossiers; the sums change only when dossiers are written, and
 * every statement writing dossiers moves their revision (migration 0041). Sums are kept per
 * database, keyed by the revision read before computing them and by everything they were
 * computed from: a reader at the same revision gets the same sums without a scan, readers arriving
 * while they are computed wait for that one computation, and a write makes every kept entry
 * unreachable (a new revision). Only the last entries are kept.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../../infra/db.ts';
import * as repo from './repository.ts';

const KEPT = 48;

const stores = new WeakMap<object, Map<string, Promise<unknown>>>();

/** The sums named by `key` at the dossiers' current revision: kept ones, or `compute`'s. */
export async function sharedSums<T>(
  db: Queryable,
  key: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  let store = stores.get(db);
  if (store === undefined) {
    store = new Map();
    stores.set(db, store);
  }
  const revision = await repo.dossierRevision(db);
  const name = `${revision}:${createHash('sha256').update(JSON.stringify(key)).digest('base64')}`;
  const kept = store.get(name);
  if (kept !== undefined) {
    // Most recently used last: the oldest is dropped first.
    store.delete(name);
    store.set(name, kept);
    return kept as Promise<T>;
  }
  const pending = compute();
  store.set(name, pending);
  while (store.size > KEPT) store.delete(store.keys().next().value as string);
  pending.catch(() => {
    if (store.get(name) === pending) store.delete(name);
  });
  return pending;
}

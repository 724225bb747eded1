/**
 * A quarter's sums shared by the readers of the quarterly views (ADR 50). Summing a quarter of a
 * whole country reads millions of dossiers; the sums change only when dossiers are written, and
 * every statement writing dossiers moves their revision (migration 0041). Sums are kept per
 * database, keyed by the revision read before computing them and by everything they were
 * computed from: a reader at the same revision gets the same sums without a scan, readers arriving
 * while they are computed wait for that one computation, and a write makes every kept entry
 * unreachable (a new revision): they are dropped when the new revision is first read. Only the
 * last entries are kept.
 */
import { createHash } from 'node:crypto';
import { cacheKeyOf, type Queryable } from '../../infra/db.ts';
import * as repo from './repository.ts';

const KEPT = 48;

interface Store {
  /** The newest revision seen: entries of older ones are dropped (no reader reaches them). */
  revision: bigint;
  entries: Map<string, Promise<unknown>>;
}

const stores = new WeakMap<object, Store>();

/** The sums named by `key` at the dossiers' current revision: kept ones, or `compute`'s. */
export async function sharedSums<T>(
  db: Queryable,
  key: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  // A read handle (replica) shares its primary's entries: revisions are the same numbers on both.
  const owner = cacheKeyOf(db);
  let store = stores.get(owner);
  if (store === undefined) {
    store = { revision: 0n, entries: new Map() };
    stores.set(owner, store);
  }
  const text = await repo.dossierRevision(db);
  const revision = BigInt(text);
  if (revision > store.revision) {
    store.revision = revision;
    store.entries.clear();
  } else if (revision < store.revision) {
    // A reader that read the revision before a write committed: its sums are not kept.
    return compute();
  }
  const entries = store.entries;
  const name = createHash('sha256').update(JSON.stringify(key)).digest('base64');
  const kept = entries.get(name);
  if (kept !== undefined) {
    // Most recently used last: the oldest is dropped first.
    entries.delete(name);
    entries.set(name, kept);
    return kept as Promise<T>;
  }
  const pending = compute();
  entries.set(name, pending);
  while (entries.size > KEPT) entries.delete(entries.keys().next().value as string);
  pending.catch(() => {
    if (entries.get(name) === pending) entries.delete(name);
  });
  return pending;
}

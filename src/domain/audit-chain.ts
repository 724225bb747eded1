/**
 * The audit log's hash chain: each entry's hash covers its content and the previous entry's hash,
 * so altering or removing any entry breaks every later link. Pure functions; the database only
 * stores what these compute.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  id: number;
  at: string; // ISO 8601 with milliseconds, UTC
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  unitId: number | null;
  before: unknown;
  after: unknown;
}

export interface ChainedEntry extends AuditContent {
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash of an entry given the hash of the one before it. */
export function entryHash(content: AuditContent, prevHash: string): string {
  // Only the content fields: an entry read back also carries its stored hashes.
  const { id, at, actorId, actorName, action, entity, entityId, unitId, before, after } = content;
  const canonical = canonicalJson({
    id,
    at,
    actorId,
    actorName,
    action,
    entity,
    entityId,
    unitId,
    before,
    after,
  });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export type ChainProblem =
  | { kind: 'altered'; id: number }
  | { kind: 'removed_before'; id: number; expectedPrevious: number | null }
  | { kind: 'removed_at_end'; lastId: number | null; expectedLastId: number };

/**
 * Checks entries fed in id order and reports the first broken link: an entry whose content no
 * longer matches its hash (altered), one whose predecessor is missing (removed), or a chain that
 * ends before the recorded head (removed at the end). Fed one entry at a time, so a long log is
 * verified in constant memory.
 */
export function createChainVerifier() {
  let prevHash = GENESIS_HASH;
  let prevId: number | null = null;
  let count = 0;
  let problem: ChainProblem | null = null;
  return {
    /** Checks the next entry; returns false once a problem is found. */
    push(entry: ChainedEntry): boolean {
      if (problem) return false;
      if (entry.prevHash !== prevHash) {
        problem = { kind: 'removed_before', id: entry.id, expectedPrevious: prevId };
        return false;
      }
      if (entryHash(entry, entry.prevHash) !== entry.hash) {
        problem = { kind: 'altered', id: entry.id };
        return false;
      }
      prevHash = entry.hash;
      prevId = entry.id;
      count++;
      return true;
    },
    /** The verdict, comparing the end of the chain with the recorded head. */
    finish(head: { lastId: number; lastHash: string } | null): ChainVerdict {
      if (!problem && head && (head.lastId !== prevId || head.lastHash !== prevHash)) {
        problem = { kind: 'removed_at_end', lastId: prevId, expectedLastId: head.lastId };
      }
      return problem ? { ok: false, count, problem } : { ok: true, count };
    },
  };
}

export type ChainVerdict =
  { ok: true; count: number } | { ok: false; count: number; problem: ChainProblem };

/** Verifies a whole chain held in memory. */
export function verifyChain(
  entries: Iterable<ChainedEntry>,
  head: { lastId: number; lastHash: string } | null,
): ChainVerdict {
  const verifier = createChainVerifier();
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.finish(head);
}

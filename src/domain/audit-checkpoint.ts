/**
 * Signed checkpoints of the audit chain's head, kept outside the database (ADR 24). A checkpoint
 * says "at this time the chain ended at entry N with hash H", signed with HMAC-SHA256 under a key
 * the database never holds: whoever can rewrite the database can re-hash the chain, but cannot
 * sign a checkpoint that agrees with the rewritten one. Pure functions; the server stores and
 * compares what these compute.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const CHECKPOINT_FORMAT = 'parindex-audit-checkpoint';
const CHECKPOINT_VERSION = 1;

/** What a checkpoint anchors: the head of the chain at one moment. */
export interface ChainHead {
  lastId: number;
  lastHash: string;
}

export interface Checkpoint extends ChainHead {
  format: typeof CHECKPOINT_FORMAT;
  version: number;
  /** When it was signed, ISO 8601 UTC. */
  at: string;
  /** Names the key that signed it without revealing it (see `keyId`). */
  keyId: string;
  /** HMAC-SHA256 of the fields above, lower-case hex. */
  mac: string;
}

/** A short public name of a key: equal ids, same key (with overwhelming likelihood). */
export function keyId(key: string): string {
  return createHmac('sha256', key).update('parindex-audit-key-id').digest('hex').slice(0, 16);
}

function macOf(
  key: string,
  c: Pick<Checkpoint, 'version' | 'at' | 'lastId' | 'lastHash' | 'keyId'>,
) {
  return createHmac('sha256', key)
    .update([CHECKPOINT_FORMAT, c.version, c.at, c.lastId, c.lastHash, c.keyId].join('\n'))
    .digest('hex');
}

/** Signs the head of the chain as it is at `at`. */
export function signCheckpoint(key: string, head: ChainHead, at: Date): Checkpoint {
  const fields = {
    version: CHECKPOINT_VERSION,
    at: at.toISOString(),
    lastId: head.lastId,
    lastHash: head.lastHash,
    keyId: keyId(key),
  };
  return { format: CHECKPOINT_FORMAT, ...fields, mac: macOf(key, fields) };
}

/** The file name of a checkpoint: sorted by the entry it anchors. */
export function checkpointName(c: ChainHead): string {
  return `audit-checkpoint-${String(c.lastId).padStart(12, '0')}-${c.lastHash.slice(0, 16)}.json`;
}

export const CHECKPOINT_NAME = /^audit-checkpoint-(\d{12})-[0-9a-f]{16}\.json$/;

/** Reads a checkpoint's text; null when it is not one. */
export function parseCheckpoint(text: string): Checkpoint | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const c = value as Partial<Checkpoint> | null;
  if (
    !c ||
    c.format !== CHECKPOINT_FORMAT ||
    c.version !== CHECKPOINT_VERSION ||
    typeof c.at !== 'string' ||
    !Number.isSafeInteger(c.lastId) ||
    typeof c.lastHash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(c.lastHash) ||
    typeof c.keyId !== 'string' ||
    typeof c.mac !== 'string' ||
    !/^[0-9a-f]{64}$/.test(c.mac)
  )
    return null;
  return c as Checkpoint;
}

/** Whether `key` signed this checkpoint: yes, another key did, or the checkpoint was altered. */
export function checkSignature(key: string, c: Checkpoint): 'ok' | 'other_key' | 'forged' {
  if (c.keyId !== keyId(key)) return 'other_key';
  const expected = Buffer.from(macOf(key, c), 'hex');
  return timingSafeEqual(expected, Buffer.from(c.mac, 'hex')) ? 'ok' : 'forged';
}

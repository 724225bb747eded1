/**
 * The audit chain's anchor outside the database (ADR 24): signed checkpoints of the chain's head
 * written to a folder (by default `<dataDir>/audit-checkpoints`) or, when stored files go to an
 * S3-compatible bucket, to its `audit-checkpoints/` prefix; `parindex audit verify` compares the
 * database with them. The key comes from configuration only (PARINDEX_AUDIT_KEY).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  checkpointName,
  CHECKPOINT_NAME,
  checkSignature,
  keyId,
  parseCheckpoint,
  signCheckpoint,
  type ChainHead,
  type Checkpoint,
} from '../../../domain/audit-checkpoint.ts';
import { entryHash } from '../../../domain/audit-chain.ts';
import type { Config } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import type { JobHandler } from '../../infra/jobs.ts';
import {
  chainSize,
  countEntriesAfter,
  findEntryHashes,
  readChain,
  readHead,
} from './repository.ts';

/** Where checkpoints are kept. */
export interface CheckpointStore {
  /** For messages: the folder, or s3://bucket/prefix. */
  readonly where: string;
  /** Checkpoint names, in the order of the entry they anchor. */
  list(): Promise<string[]>;
  read(name: string): Promise<string>;
  write(name: string, text: string): Promise<void>;
}

export function createDiskCheckpointStore(dir: string): CheckpointStore {
  return {
    where: dir,
    async list() {
      try {
        return (await readdir(dir)).filter((n) => CHECKPOINT_NAME.test(n)).sort();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
    read: (name) => readFile(path.join(dir, name), 'utf8'),
    async write(name, text) {
      await mkdir(dir, { recursive: true });
      // Whole or not at all: written aside, then renamed.
      const part = path.join(dir, `.${randomUUID()}.part`);
      await writeFile(part, text, { mode: 0o644 });
      await rename(part, path.join(dir, name));
    },
  };
}

export function createS3CheckpointStore(
  options: Extract<Config['storage'], { kind: 's3' }>,
  prefix = 'audit-checkpoints/',
): CheckpointStore & { client: S3Client } {
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: true,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // A bucket that does not answer fails the checkpoint (logged), never hangs the server.
    requestHandler: { connectionTimeout: options.timeoutMs, socketTimeout: options.timeoutMs },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = options.bucket;
  return {
    client,
    where: `s3://${Bucket}/${prefix}`,
    async list() {
      const names: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const o of page.Contents ?? []) {
          const name = (o.Key ?? '').slice(prefix.length);
          if (CHECKPOINT_NAME.test(name)) names.push(name);
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return names.sort();
    },
    async read(name) {
      const res = await client.send(new GetObjectCommand({ Bucket, Key: `${prefix}${name}` }));
      return (await res.Body?.transformToString('utf8')) ?? '';
    },
    async write(name, text) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: `${prefix}${name}`,
          Body: text,
          ContentType: 'application/json',
        }),
      );
    },
  };
}

/** The store the configuration names. */
export function checkpointStoreFor(config: Pick<Config, 'audit' | 'dataDir' | 'storage'>) {
  if (config.audit.checkpointDir) return createDiskCheckpointStore(config.audit.checkpointDir);
  if (config.storage.kind === 's3') return createS3CheckpointStore(config.storage);
  return createDiskCheckpointStore(path.join(config.dataDir, 'audit-checkpoints'));
}

/** The chain in the database does not continue the last checkpoint: nothing is signed. */
export class AnchorMismatchError extends Error {
  override name = 'AnchorMismatchError';
}

/** The last checkpoint this key signed, if any (checkpoints it did not sign are passed over). */
async function latestSigned(store: CheckpointStore, key: string): Promise<Checkpoint | null> {
  const names = await store.list();
  for (let i = names.length - 1; i >= 0; i--) {
    const c = parseCheckpoint(await store.read(names[i]!));
    if (c && checkSignature(key, c) === 'ok') return c;
  }
  return null;
}

/**
 * Whether the chain in the database runs on from `from` (null: its start) to `head`, every link
 * checked: a checkpoint never anchors a chain rewritten since the previous one.
 */
async function continues(db: Queryable, from: ChainHead | null, head: ChainHead): Promise<boolean> {
  let prevHash = from?.lastHash ?? '0'.repeat(64);
  let prevId = from?.lastId ?? 0;
  if (from) {
    const stored = await findEntryHashes(db, [from.lastId]);
    if (stored.get(from.lastId) !== from.lastHash) return false;
  }
  for await (const entry of readChain(db, 5000, prevId)) {
    if (entry.prevHash !== prevHash || entryHash(entry, entry.prevHash) !== entry.hash)
      return false;
    prevHash = entry.hash;
    prevId = entry.id;
    if (entry.id === head.lastId) break;
  }
  return prevId === head.lastId && prevHash === head.lastHash;
}

/**
 * Signs and writes a checkpoint of the chain's head when it moved since `since` (default: the
 * last checkpoint in the store). Returns it, or null when there is no key, no entry or nothing new;
 * throws AnchorMismatchError when the chain no longer continues the last checkpoint.
 */
export async function writeCheckpoint(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  store: CheckpointStore = checkpointStoreFor(deps.config),
  since?: ChainHead | null,
): Promise<Checkpoint | null> {
  const key = deps.config.audit.key;
  if (!key) return null;
  const head = await readHead(deps.db);
  if (!head) return null;
  const last = since === undefined ? await latestSigned(store, key) : since;
  if (last && last.lastId === head.lastId && last.lastHash === head.lastHash) return null;
  if (!(await continues(deps.db, last, head)))
    throw new AnchorMismatchError(
      `audit chain does not continue checkpoint ${last ? checkpointName(last) : '(start)'}`,
    );
  const checkpoint = signCheckpoint(key, head, deps.clock.now());
  await store.write(checkpointName(head), `${JSON.stringify(checkpoint, null, 2)}\n`);
  return checkpoint;
}

/** The runner's kind of job that anchors the chain (ADR 24, 54). */
export const AUDIT_CHECKPOINT = 'audit.checkpoint';

/** How often the checkpoint job reads the chain's head (one row). */
const CHECKPOINT_EVERY_MS = 15_000;

/**
 * The checkpoints of a server as a recurring job of the job runner (ADR 54): every `everyMs` it
 * writes a checkpoint once `everyEntries` entries were appended since the last one, or when
 * `everyMinutes` passed since the last one (or since this process started) and entries were
 * appended. One job for every process sharing the database (its dedupe key); a server writes a
 * last checkpoint itself when it stops (`writeCheckpoint`). Without a key the kind never runs.
 */
export function auditCheckpointJob(
  deps: Deps,
  options: { everyMs?: number } = {},
): JobHandler<Record<string, never>> {
  const { key, everyEntries, everyMinutes } = deps.config.audit;
  // Read from the store once, then kept: this process's view of the last checkpoint.
  let last: Checkpoint | null | undefined;
  let lastAt = Date.now();
  let store: CheckpointStore | null = null;
  return {
    kind: AUDIT_CHECKPOINT,
    ...(key ? { everyMs: options.everyMs ?? CHECKPOINT_EVERY_MS } : {}),
    async run() {
      if (!key) return null;
      store ??= checkpointStoreFor(deps.config);
      if (last === undefined) {
        last = await latestSigned(store, key);
        if (last) lastAt = Math.max(lastAt, new Date(last.at).getTime());
      }
      const head = await readHead(deps.db);
      if (!head || (last && last.lastId === head.lastId && last.lastHash === head.lastHash))
        return null;
      const due =
        head.lastId - (last?.lastId ?? 0) >= everyEntries ||
        (everyMinutes > 0 && Date.now() - lastAt >= everyMinutes * 60_000);
      if (!due) return null;
      const written = await writeCheckpoint(deps, store, last);
      if (!written) return null;
      last = written;
      lastAt = Date.now();
      return { lastId: written.lastId };
    },
  };
}

export type AnchorVerdict =
  | { kind: 'no_key' }
  | { kind: 'no_checkpoints'; where: string }
  | {
      kind: 'ok';
      where: string;
      count: number;
      latest: { name: string; at: string; lastId: number };
      unanchored: number;
    }
  | { kind: 'unreadable'; name: string }
  | { kind: 'other_key'; name: string; found: string; expected: string }
  | { kind: 'forged'; name: string }
  | {
      kind: 'rewritten';
      name: string;
      at: string;
      lastId: number;
      expected: string;
      found: string;
    }
  | {
      kind: 'truncated';
      name: string;
      at: string;
      lastId: number;
      count: number;
      last: number | null;
    };

/**
 * Compares the database with every checkpoint, oldest first, and reports the first that
 * disagrees: one this key did not sign, an entry it anchored that is gone (a truncated or emptied
 * log) or that has another hash (a rewritten log).
 */
export async function verifyAnchor(
  deps: Pick<Deps, 'db' | 'config'>,
  store: CheckpointStore = checkpointStoreFor(deps.config),
): Promise<AnchorVerdict> {
  const key = deps.config.audit.key;
  if (!key) return { kind: 'no_key' };
  const names = await store.list();
  if (names.length === 0) return { kind: 'no_checkpoints', where: store.where };
  const checkpoints: Array<{ name: string; c: Checkpoint }> = [];
  for (const name of names) {
    const c = parseCheckpoint(await store.read(name));
    if (!c || checkpointName(c) !== name) return { kind: 'unreadable', name };
    const signature = checkSignature(key, c);
    if (signature === 'other_key')
      return { kind: 'other_key', name, found: c.keyId, expected: keyId(key) };
    if (signature === 'forged') return { kind: 'forged', name };
    checkpoints.push({ name, c });
  }
  const ids = checkpoints.map((x) => x.c.lastId);
  const stored = await findEntryHashes(deps.db, ids);
  const { count, last } = await chainSize(deps.db);
  for (const { name, c } of checkpoints) {
    const hash = stored.get(c.lastId);
    if (hash === undefined)
      return { kind: 'truncated', name, at: c.at, lastId: c.lastId, count, last };
    if (hash !== c.lastHash)
      return {
        kind: 'rewritten',
        name,
        at: c.at,
        lastId: c.lastId,
        expected: c.lastHash.slice(0, 16),
        found: hash.slice(0, 16),
      };
  }
  const latest = checkpoints[checkpoints.length - 1]!;
  const n = await countEntriesAfter(deps.db, latest.c.lastId);
  return {
    kind: 'ok',
    where: store.where,
    count: checkpoints.length,
    latest: { name: latest.name, at: latest.c.at, lastId: latest.c.lastId },
    unanchored: n,
  };
}

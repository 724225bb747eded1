/**
 * Where stored files (evidence documents) live: on disk under the data directory's `files/` (which
 * backup and restore cover), or in an S3-compatible bucket. Either way an upload is streamed to a
 * staging file while it is measured and hashed, and only a complete file that fits the size cap
 * ever appears under its key; on any failure the staging file is removed. A bucket that cannot be
 * reached, answers with a server error or stays silent longer than the configured time makes the
 * operation fail with `StorageUnavailableError` (told to the user as a 503), never hang.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { constants } from 'node:fs';
import { access, mkdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Config } from '../config.ts';

/** What a completed `put` measured. */
export interface StoredObject {
  size: number;
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
}

/** A stored file opened for reading. */
export interface StoredFile {
  stream: Readable;
  size: number;
}

/** Storage for opaque files addressed by keys such as `evidence/12/<uuid>`. */
export interface FileStorage {
  readonly kind: 'disk' | 's3';
  /**
   * Stores a stream under `key`. Larger than `maxBytes` rejects with `FileTooLargeError`; a stream
   * error rejects with that error. Either way nothing is left behind and `key` is untouched.
   */
  put(key: string, source: Readable, options: { maxBytes: number }): Promise<StoredObject>;
  /** Opens a stored file; `StoredFileMissingError` when there is none. */
  get(key: string): Promise<StoredFile>;
  /** Removes a stored file; nothing happens when it is already gone. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Resolves when the storage can be reached; `StorageUnavailableError` otherwise. */
  check(): Promise<void>;
}

/** The stream was longer than the cap. */
export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
  constructor(readonly limit: number) {
    super(`file larger than ${limit} bytes`);
  }
}

/** A key that should hold a file holds none. */
export class StoredFileMissingError extends Error {
  override name = 'StoredFileMissingError';
  constructor(readonly key: string) {
    super(`stored file missing: ${key}`);
  }
}

/** The storage could not be reached, failed on its side or did not answer in time. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  constructor(readonly reason: string) {
    super(`file storage unavailable: ${reason}`);
  }
}

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

function checkKey(key: string): string {
  if (!KEY_PATTERN.test(key) || key.split('/').some((part) => part === '..'))
    throw new Error(`invalid storage key: ${key}`);
  return key;
}

/**
 * Streams `source` into a new file in `stagingDir`, hashing and counting; returns its path. The
 * staging file is removed when anything fails.
 */
async function spool(
  source: Readable,
  stagingDir: string,
  maxBytes: number,
): Promise<StoredObject & { path: string }> {
  await mkdir(stagingDir, { recursive: true });
  const file = path.join(stagingDir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) return callback(new FileTooLargeError(maxBytes));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { path: file, size, sha256: hash.digest('hex') };
}

/** Files under `root` (the data directory's `files/`), staged in `stagingDir` on the same disk. */
export function createDiskStorage(options: { root: string; stagingDir: string }): FileStorage {
  const full = (key: string) => path.join(options.root, checkKey(key));
  return {
    kind: 'disk',
    async put(key, source, { maxBytes }) {
      const target = full(key);
      const spooled = await spool(source, options.stagingDir, maxBytes);
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await rename(spooled.path, target);
      } catch (error) {
        await rm(spooled.path, { force: true });
        throw error;
      }
      return { size: spooled.size, sha256: spooled.sha256 };
    },
    async get(key) {
      const target = full(key);
      try {
        const info = await stat(target);
        return { stream: createReadStream(target), size: info.size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new StoredFileMissingError(key);
        throw error;
      }
    },
    async delete(key) {
      await rm(full(key), { force: true });
    },
    async exists(key) {
      try {
        return (await stat(full(key))).isFile();
      } catch {
        return false;
      }
    },
    async check() {
      try {
        await mkdir(options.root, { recursive: true });
        await access(options.root, constants.W_OK);
      } catch (error) {
        throw new StorageUnavailableError((error as NodeJS.ErrnoException).code ?? 'disk');
      }
    },
  };
}

export interface S3StorageOptions {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Local directory for spooling uploads before they are sent with a known length. */
  stagingDir: string;
  /**
   * Longest wait, in milliseconds, for a connection, for the bucket's answer to a request, and
   * for any progress of a transfer (default 5000).
   */
  timeoutMs?: number;
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

/**
 * Whether an error of the S3 client means the bucket is out of reach (network, timeout, a server
 * error or a refused access) rather than a problem with one object.
 */
function unavailability(error: unknown): StorageUnavailableError | null {
  if (error instanceof StorageUnavailableError) return error;
  const e = error as {
    name?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status !== 404 && (status >= 500 || status === 403 || status === 401))
    return new StorageUnavailableError(`HTTP ${status}`);
  if (status === undefined && !(error instanceof FileTooLargeError))
    return new StorageUnavailableError(e.code ?? e.name ?? 'network');
  return null;
}

/**
 * Files in an S3-compatible bucket (path-style addressing, so MinIO, Ceph and similar work). An
 * upload is spooled to a local staging file first: its size and hash are known before anything is
 * sent, and the bucket only ever receives complete objects.
 */
export function createS3Storage(options: S3StorageOptions): FileStorage & { client: S3Client } {
  const timeoutMs = options.timeoutMs ?? 5000;
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: true,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // Plain PUTs with Content-Length: many S3-compatible servers refuse the newer checksum trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A connection not made, or a socket where nothing moves, within the timeout fails the attempt.
    requestHandler: { connectionTimeout: timeoutMs, socketTimeout: timeoutMs },
    // One retry of a transient failure; a bucket that is down is told after two attempts.
    maxAttempts: 2,
  });
  const Bucket = options.bucket;
  /**
   * Sends a command that must be answered within the timeout (both attempts together): the
   * deadline ends once the answer's headers arrive, so a long download is not cut.
   */
  async function answered<T>(send: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await send(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) throw new StorageUnavailableError('timeout');
      throw unavailability(error) ?? error;
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    kind: 's3',
    client,
    async put(key, source, { maxBytes }) {
      const Key = checkKey(key);
      const spooled = await spool(source, options.stagingDir, maxBytes);
      try {
        // No overall deadline (a large file on a slow link takes its time); a stalled transfer
        // fails through the socket timeout.
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key,
            Body: createReadStream(spooled.path),
            ContentLength: spooled.size,
            ContentType: 'application/octet-stream',
          }),
        );
      } catch (error) {
        throw unavailability(error) ?? error;
      } finally {
        await unlink(spooled.path).catch(() => {});
      }
      return { size: spooled.size, sha256: spooled.sha256 };
    },
    async get(key) {
      const Key = checkKey(key);
      try {
        const res = await answered((abortSignal) =>
          client.send(new GetObjectCommand({ Bucket, Key }), { abortSignal }),
        );
        return { stream: res.Body as Readable, size: res.ContentLength ?? 0 };
      } catch (error) {
        if (isNotFound(error)) throw new StoredFileMissingError(key);
        throw error;
      }
    },
    async delete(key) {
      const Key = checkKey(key);
      await answered((abortSignal) =>
        client.send(new DeleteObjectCommand({ Bucket, Key }), { abortSignal }),
      );
    },
    async exists(key) {
      const Key = checkKey(key);
      try {
        await answered((abortSignal) =>
          client.send(new HeadObjectCommand({ Bucket, Key }), { abortSignal }),
        );
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async check() {
      await answered((abortSignal) =>
        client.send(new HeadBucketCommand({ Bucket }), { abortSignal }),
      );
    },
  };
}

/** The storage the configuration asks for; files on disk live under `<dataDir>/files`. */
export function createStorage(config: Pick<Config, 'dataDir' | 'storage'>): FileStorage {
  const stagingDir = path.join(config.dataDir, 'uploads');
  switch (config.storage.kind) {
    case 'disk':
      return createDiskStorage({ root: path.join(config.dataDir, 'files'), stagingDir });
    case 's3':
      return createS3Storage({ ...config.storage, stagingDir });
  }
}

/**
 * Where stored files (evidence documents) live: on disk under the data directory's `files/` (which
 * backup and restore cover), or in an S3-compatible bucket. Either way an upload is streamed to a
 * staging file while it is measured and hashed, and only a complete file that fits the size cap
 * ever appears under its key; on any failure the staging file is removed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
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
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

/**
 * Files in an S3-compatible bucket (path-style addressing, so MinIO, Ceph and similar work). An
 * upload is spooled to a local staging file first: its size and hash are known before anything is
 * sent, and the bucket only ever receives complete objects.
 */
export function createS3Storage(options: S3StorageOptions): FileStorage & { client: S3Client } {
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: true,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // Plain PUTs with Content-Length: many S3-compatible servers refuse the newer checksum trailers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = options.bucket;
  return {
    kind: 's3',
    client,
    async put(key, source, { maxBytes }) {
      const Key = checkKey(key);
      const spooled = await spool(source, options.stagingDir, maxBytes);
      try {
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key,
            Body: createReadStream(spooled.path),
            ContentLength: spooled.size,
            ContentType: 'application/octet-stream',
          }),
        );
      } finally {
        await unlink(spooled.path).catch(() => {});
      }
      return { size: spooled.size, sha256: spooled.sha256 };
    },
    async get(key) {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: checkKey(key) }));
        return { stream: res.Body as Readable, size: res.ContentLength ?? 0 };
      } catch (error) {
        if (isNotFound(error)) throw new StoredFileMissingError(key);
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkKey(key) }));
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: checkKey(key) }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
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

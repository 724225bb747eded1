/**
 * Reading uploads (multipart/form-data), for every route that takes a file. Three ways, by what
 * the route does with the file:
 * - `readUpload`: the file in memory with the text fields (spreadsheets, templates, lists: files
 *   the service reads whole);
 * - `receiveUploadToFile`: the file streamed to a staging file on disk with the text fields (large
 *   files read in passes: dossier files, catalogues); the caller removes the file;
 * - `receiveStreamingUpload`: the file as a stream, the fields before it at once and those after
 *   it once the stream is consumed (evidence, stored as it arrives).
 * All three refuse a request that is not multipart (415), a request without a file (with the
 * caller's message), and a file over the configured size (413); the plugin's limits (one file,
 * twenty fields) apply to all.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** A file read whole, its name as the browser sent it, and the form's text fields. */
export interface Upload {
  content: Buffer;
  fileName: string;
  fields: Record<string, string>;
}

/** A file staged on disk, its name as the browser sent it, and the form's text fields. */
export interface StagedUpload {
  filePath: string;
  fileName: string;
  fields: Record<string, string>;
}

function requireMultipart(request: FastifyRequest): void {
  if (!request.isMultipart()) throw new AppError('unsupported', 'unsupported_media_type');
}

const tooLarge = (deps: Deps) =>
  new AppError('too_large', 'payload_too_large', {
    limit: `${Math.round(deps.config.maxUploadBytes / 1024 / 1024)} MB`,
  });

/**
 * Reads the upload's first file whole and every text field, before or after it. `missing` is the
 * message when no file (or an empty one) came.
 */
export async function readUpload(
  request: FastifyRequest,
  missing: MessageKey = 'import_empty',
): Promise<Upload> {
  requireMultipart(request);
  let content: Buffer | null = null;
  let fileName = '';
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (content !== null) {
        part.file.resume();
        continue;
      }
      content = await part.toBuffer();
      fileName = part.filename;
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (content === null || content.length === 0) throw new AppError('invalid', missing);
  return { content, fileName, fields };
}

/**
 * Streams the upload's first file to a new file under the data directory's `uploads/` and reads
 * every text field. Nothing is left on disk when it fails; on success the caller removes the file.
 */
export async function receiveUploadToFile(
  request: FastifyRequest,
  deps: Deps,
  opts: { missing: MessageKey; prefix: string; defaultName: string },
): Promise<StagedUpload> {
  requireMultipart(request);
  const dir = path.join(deps.config.dataDir, 'uploads');
  mkdirSync(dir, { recursive: true });
  const fields: Record<string, string> = {};
  let filePath: string | null = null;
  let fileName = '';
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (filePath !== null) {
          part.file.resume();
          continue;
        }
        filePath = path.join(dir, `${opts.prefix}-${randomUUID()}`);
        fileName = part.filename || opts.defaultName;
        await pipeline(part.file, createWriteStream(filePath));
        if (part.file.truncated) throw tooLarge(deps);
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (filePath !== null) await unlink(filePath).catch(() => undefined);
    throw error;
  }
  if (filePath === null) throw new AppError('invalid', opts.missing);
  return { filePath, fileName, fields };
}

/**
 * Reads an upload up to its file and hands the file over as a stream; `readFields` reads the text
 * fields after the file once the stream has been consumed. One byte over the size limit reaches
 * the caller, so that the storage can refuse the file as too large by itself.
 */
export async function receiveStreamingUpload(
  request: FastifyRequest,
  deps: Deps,
  messages: { missing: MessageKey; tooMany: MessageKey },
): Promise<{
  file: { filename: string; stream: Readable };
  readFields: () => Promise<Record<string, string>>;
}> {
  requireMultipart(request);
  const limits = { fileSize: deps.config.maxUploadBytes + 1, files: 1 };
  const parts = request.parts({ limits })[Symbol.asyncIterator]();
  const fields: Record<string, string> = {};
  const next = async (): Promise<Multipart | undefined> => {
    try {
      const { value, done } = await parts.next();
      return done ? undefined : value;
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_FILES_LIMIT')
        throw new AppError('invalid', messages.tooMany);
      throw error;
    }
  };
  let file: MultipartFile | undefined;
  for (let part = await next(); part; part = await next()) {
    if (part.type === 'file') {
      file = part;
      break;
    }
    fields[part.fieldname] = String(part.value);
  }
  if (!file) throw new AppError('invalid', messages.missing);
  return {
    file: { filename: file.filename, stream: file.file },
    readFields: async () => {
      for (let part = await next(); part; part = await next()) {
        if (part.type === 'file') {
          part.file.resume();
          throw new AppError('invalid', messages.tooMany);
        }
        fields[part.fieldname] = String(part.value);
      }
      return fields;
    },
  };
}

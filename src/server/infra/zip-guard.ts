/**
 * Checks an uploaded Office file (a zip archive) before a library opens it: that it really is a
 * zip, that it has the parts of the expected document, and that it does not inflate beyond a
 * limit (a "zip bomb"). Every entry is inflated once with a hard output cap, so sizes declared in
 * the archive cannot lie their way past the limit.
 */
import { inflateRawSync } from 'node:zlib';

export type ZipProblem =
  | { kind: 'not_zip' }
  | { kind: 'corrupt' }
  | { kind: 'too_many_entries'; limit: number }
  | { kind: 'too_large_uncompressed'; limit: number }
  | { kind: 'missing_part'; part: string };

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Lists entry names and inspects every entry's real size; returns the names or the first problem. */
export function inspectZip(
  buffer: Buffer,
  limits: ZipLimits,
  requiredParts: string[] = [],
): { ok: true; names: string[] } | { ok: false; problem: ZipProblem } {
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== LOCAL_SIGNATURE)
    return { ok: false, problem: { kind: 'not_zip' } };
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, problem: { kind: 'corrupt' } };
  const entries = buffer.readUInt16LE(eocd + 10);
  const centralOffset = buffer.readUInt32LE(eocd + 16);
  if (entries > limits.maxEntries)
    return { ok: false, problem: { kind: 'too_many_entries', limit: limits.maxEntries } };
  const names: string[] = [];
  let total = 0;
  let p = centralOffset;
  try {
    for (let n = 0; n < entries; n++) {
      if (buffer.readUInt32LE(p) !== CENTRAL_SIGNATURE)
        return { ok: false, problem: { kind: 'corrupt' } };
      const method = buffer.readUInt16LE(p + 10);
      const compressedSize = buffer.readUInt32LE(p + 20);
      const nameLength = buffer.readUInt16LE(p + 28);
      const extraLength = buffer.readUInt16LE(p + 30);
      const commentLength = buffer.readUInt16LE(p + 32);
      const localOffset = buffer.readUInt32LE(p + 42);
      const name = buffer.toString('utf8', p + 46, p + 46 + nameLength);
      names.push(name);
      if (buffer.readUInt32LE(localOffset) !== LOCAL_SIGNATURE)
        return { ok: false, problem: { kind: 'corrupt' } };
      const dataStart =
        localOffset +
        30 +
        buffer.readUInt16LE(localOffset + 26) +
        buffer.readUInt16LE(localOffset + 28);
      const data = buffer.subarray(dataStart, dataStart + compressedSize);
      const remaining = limits.maxUncompressedBytes - total;
      if (method === 0) {
        total += data.length;
      } else if (method === 8) {
        try {
          total += inflateRawSync(data, { maxOutputLength: Math.max(1, remaining + 1) }).length;
        } catch (error) {
          if (
            (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ||
            /Cannot create a Buffer larger|maxOutputLength/i.test((error as Error).message)
          ) {
            return {
              ok: false,
              problem: { kind: 'too_large_uncompressed', limit: limits.maxUncompressedBytes },
            };
          }
          return { ok: false, problem: { kind: 'corrupt' } };
        }
      } else {
        return { ok: false, problem: { kind: 'corrupt' } };
      }
      if (total > limits.maxUncompressedBytes)
        return {
          ok: false,
          problem: { kind: 'too_large_uncompressed', limit: limits.maxUncompressedBytes },
        };
      p += 46 + nameLength + extraLength + commentLength;
    }
  } catch {
    return { ok: false, problem: { kind: 'corrupt' } };
  }
  for (const part of requiredParts)
    if (!names.includes(part)) return { ok: false, problem: { kind: 'missing_part', part } };
  return { ok: true, names };
}

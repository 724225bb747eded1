/**
 * The one check every uploaded Office file (a zip archive: .docx, .xlsx) passes before a library
 * opens it. The central directory is read, then every entry is inflated as a stream and thrown
 * away as it comes, counting: so sizes declared in the archive cannot lie their way past a limit,
 * and a bomb costs a few kilobytes of memory, never its inflated size. It refuses, naming the part:
 * too many entries, a part or the whole inflating beyond its cap, a part that inflates far more
 * than a document does (compression ratio), an XML part with a document type declaration or
 * entities (billion laughs, external entities), and worksheets with more cells than the use allows.
 * What each use allows is a policy below; the limits are data, the code the same for all.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { AppError } from '../errors.ts';

export type ZipProblem =
  | { kind: 'not_zip' }
  | { kind: 'corrupt'; part?: string }
  | { kind: 'too_many_entries'; count: number; limit: number }
  | { kind: 'part_too_large'; part: string; limit: number }
  | { kind: 'total_too_large'; limit: number }
  | { kind: 'ratio_too_high'; part: string; ratio: number; limit: number }
  | { kind: 'xml_doctype'; part: string }
  | { kind: 'too_many_cells'; part: string; limit: number }
  | { kind: 'missing_part'; part: string };

/** What one use of Office files allows. */
export interface ZipPolicy {
  /** Entries in the archive. */
  maxEntries: number;
  /** Inflated bytes of one part, unless a rule of `partLimits` names it. */
  maxPartBytes: number;
  /** Caps of particular parts (first matching rule wins), e.g. the shared strings of a workbook. */
  partLimits: { pattern: RegExp; limit: number }[];
  /** Inflated bytes of all parts together. */
  maxTotalBytes: number;
  /** Inflated over compressed size of one part, checked once it passes `ratioFromBytes`. */
  maxRatio: number;
  ratioFromBytes: number;
  /** Cells (`<c>` elements) of all worksheets together. */
  maxCells: number;
  /** Parts the document must have. */
  requiredParts: string[];
}

const MB = 1024 * 1024;

const base = {
  partLimits: [],
  ratioFromBytes: 4 * MB,
  // Real parts reach 200:1 (rows of identical cells); bombs run at 300 to 1000:1.
  maxRatio: 400,
} satisfies Partial<ZipPolicy>;

/** The limits of each use; a name crosses into the worker thread, the policy itself stays here. */
export const ZIP_POLICIES = {
  /** A province's Word template of an official document (a few pages, a logo). */
  template: {
    ...base,
    maxEntries: 500,
    maxPartBytes: 8 * MB,
    partLimits: [{ pattern: /^word\/media\//, limit: 10 * MB }],
    maxTotalBytes: 48 * MB,
    maxCells: 0,
    requiredParts: ['[Content_Types].xml', 'word/document.xml'],
  },
  /** A workbook read whole: criteria sets, questionnaires (a few thousand rows, several sheets). */
  workbook: {
    ...base,
    maxEntries: 500,
    maxPartBytes: 48 * MB,
    partLimits: [{ pattern: /^xl\/sharedStrings\.xml$/, limit: 24 * MB }],
    maxTotalBytes: 96 * MB,
    maxCells: 300_000,
    requiredParts: ['[Content_Types].xml', 'xl/workbook.xml'],
  },
  /** A table whose first sheet is read row by row: survey answers, score files, catalogues. */
  table: {
    ...base,
    maxEntries: 1000,
    maxPartBytes: 256 * MB,
    partLimits: [{ pattern: /^xl\/sharedStrings\.xml$/, limit: 48 * MB }],
    maxTotalBytes: 320 * MB,
    maxCells: 3_000_000,
    requiredParts: ['[Content_Types].xml', 'xl/workbook.xml'],
  },
  /** A dossier export (up to millions of rows, streamed; only the shared strings are held). */
  dossiers: {
    ...base,
    maxEntries: 10_000,
    maxPartBytes: 1024 * MB,
    partLimits: [{ pattern: /^xl\/sharedStrings\.xml$/, limit: 160 * MB }],
    maxTotalBytes: 1024 * MB,
    maxCells: 40_000_000,
    requiredParts: ['[Content_Types].xml', 'xl/workbook.xml'],
  },
  /**
   * An evidence file: stored and typed, so only bombs are refused (a Word document's or an
   * OpenDocument text's body is then read under `evidenceText`). An OpenDocument file has no
   * `[Content_Types].xml`, so no part is required here; the parts tell the format.
   */
  evidence: {
    ...base,
    maxEntries: 20_000,
    maxPartBytes: 256 * MB,
    maxTotalBytes: 512 * MB,
    maxRatio: 1000,
    maxCells: Number.MAX_SAFE_INTEGER,
    requiredParts: [],
  },
  /** The text of an evidence document (.docx, .odt) read for its Decree 30 metadata. */
  evidenceText: {
    ...base,
    maxEntries: 5000,
    maxPartBytes: 32 * MB,
    partLimits: [{ pattern: /^(word\/media|Pictures)\//, limit: 64 * MB }],
    maxTotalBytes: 256 * MB,
    maxCells: Number.MAX_SAFE_INTEGER,
    requiredParts: [],
  },
} satisfies Record<string, ZipPolicy>;

export type ZipPolicyName = keyof typeof ZIP_POLICIES;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  dataStart: number;
  /** The name in the entry's local header (a reader that walks the local headers sees this one). */
  localName: string;
}

/** The entries of the central directory, or the problem that stops reading it. */
function centralDirectory(
  buffer: Buffer,
  maxEntries: number,
): { ok: true; entries: Entry[] } | { ok: false; problem: ZipProblem } {
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
  // Without its closing record the file is no (complete) zip archive at all.
  if (eocd < 0) return { ok: false, problem: { kind: 'not_zip' } };
  const count = buffer.readUInt16LE(eocd + 10);
  if (count > maxEntries)
    return { ok: false, problem: { kind: 'too_many_entries', count, limit: maxEntries } };
  const entries: Entry[] = [];
  let p = buffer.readUInt32LE(eocd + 16);
  try {
    for (let n = 0; n < count; n++) {
      if (buffer.readUInt32LE(p) !== CENTRAL_SIGNATURE)
        return { ok: false, problem: { kind: 'corrupt' } };
      const nameLength = buffer.readUInt16LE(p + 28);
      const name = buffer.toString('utf8', p + 46, p + 46 + nameLength);
      const localOffset = buffer.readUInt32LE(p + 42);
      if (buffer.readUInt32LE(localOffset) !== LOCAL_SIGNATURE)
        return { ok: false, problem: { kind: 'corrupt', part: name } };
      entries.push({
        name,
        method: buffer.readUInt16LE(p + 10),
        compressedSize: buffer.readUInt32LE(p + 20),
        declaredSize: buffer.readUInt32LE(p + 24),
        dataStart:
          localOffset +
          30 +
          buffer.readUInt16LE(localOffset + 26) +
          buffer.readUInt16LE(localOffset + 28),
        localName: buffer.toString(
          'utf8',
          localOffset + 30,
          localOffset + 30 + buffer.readUInt16LE(localOffset + 26),
        ),
      });
      p += 46 + nameLength + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
    }
  } catch {
    return { ok: false, problem: { kind: 'corrupt' } };
  }
  return { ok: true, entries };
}

/** Counts occurrences of byte patterns across the chunks of a stream (matches may straddle two). */
class PatternCounter {
  private tail = Buffer.alloc(0);
  readonly counts: number[];
  private readonly keep: number;

  constructor(private readonly patterns: Buffer[]) {
    this.counts = patterns.map(() => 0);
    this.keep = Math.max(...patterns.map((p) => p.length)) - 1;
  }

  push(chunk: Buffer): void {
    this.patterns.forEach((pattern, i) => {
      let at = chunk.indexOf(pattern);
      while (at !== -1) {
        this.counts[i]! += 1;
        at = chunk.indexOf(pattern, at + 1);
      }
    });
    if (this.tail.length > 0) {
      // Matches straddling the previous chunk and this one: they start in the tail.
      const joint = Buffer.concat([this.tail, chunk.subarray(0, this.keep)]);
      this.patterns.forEach((pattern, i) => {
        let at = joint.indexOf(pattern);
        while (at !== -1 && at < this.tail.length) {
          if (at + pattern.length > this.tail.length) this.counts[i]! += 1;
          at = joint.indexOf(pattern, at + 1);
        }
      });
    }
    this.tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - this.keep)));
  }
}

const DOCTYPE_PATTERNS = [Buffer.from('<!DOCTYPE'), Buffer.from('<!ENTITY')];
const CELL_PATTERNS = [Buffer.from('<c '), Buffer.from('<c>'), Buffer.from(':c ')];
const isXml = (name: string) => /\.(xml|rels|vml)$/i.test(name);
const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

function partLimit(policy: ZipPolicy, name: string): number {
  return policy.partLimits.find((r) => r.pattern.test(name))?.limit ?? policy.maxPartBytes;
}

/**
 * Inflates one entry as a stream, counting bytes and, for XML, looking for declarations and
 * cells; stops at the first limit passed. Resolves to the inflated size and the cells seen.
 */
async function inflateEntry(
  data: Buffer,
  entry: Entry,
  caps: { part: number; total: number; cells: number; ratio: number; ratioFrom: number },
): Promise<{ ok: true; bytes: number; cells: number } | { ok: false; problem: ZipProblem }> {
  const part = entry.name;
  const doctype = isXml(part) ? new PatternCounter(DOCTYPE_PATTERNS) : null;
  const cells = isWorksheet(part) ? new PatternCounter(CELL_PATTERNS) : null;
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  let bytes = 0;
  let problem: ZipProblem | null = null;
  const done = new Promise<void>((resolve, reject) => {
    inflate.on('end', resolve);
    inflate.on('close', resolve);
    inflate.on('error', reject);
  });
  inflate.on('data', (chunk: Buffer) => {
    if (problem) return;
    bytes += chunk.length;
    if (bytes > caps.part) problem = { kind: 'part_too_large', part, limit: caps.part };
    else if (bytes > caps.total) problem = { kind: 'total_too_large', limit: caps.total };
    else if (bytes > caps.ratioFrom && bytes > caps.ratio * Math.max(1, data.length)) {
      problem = {
        kind: 'ratio_too_high',
        part,
        ratio: Math.round(bytes / Math.max(1, data.length)),
        limit: caps.ratio,
      };
    } else {
      doctype?.push(chunk);
      if (doctype && doctype.counts.some((c) => c > 0)) problem = { kind: 'xml_doctype', part };
      cells?.push(chunk);
      if (cells && cells.counts.reduce((a, b) => a + b, 0) > caps.cells)
        problem = { kind: 'too_many_cells', part, limit: caps.cells };
    }
    if (problem) inflate.destroy();
  });
  inflate.end(data);
  try {
    await done;
  } catch {
    if (!problem) return { ok: false, problem: { kind: 'corrupt', part } };
  }
  if (problem) return { ok: false, problem };
  return { ok: true, bytes, cells: cells ? cells.counts.reduce((a, b) => a + b, 0) : 0 };
}

/**
 * Inspects an Office archive under a policy; returns its entry names or the first problem.
 * Runs in whichever thread calls it; uploads call it in the contained worker (see contained.ts).
 */
export async function inspectZip(
  buffer: Buffer,
  policy: ZipPolicy,
): Promise<{ ok: true; names: string[] } | { ok: false; problem: ZipProblem }> {
  const directory = centralDirectory(buffer, policy.maxEntries);
  if (!directory.ok) return directory;
  const names = directory.entries.map((e) => e.name);
  for (const part of policy.requiredParts)
    if (!names.includes(part)) return { ok: false, problem: { kind: 'missing_part', part } };
  let total = 0;
  let cells = 0;
  for (const entry of directory.entries) {
    const limit = partLimit(policy, entry.name);
    // A declared size over the cap is refused before inflating anything.
    if (entry.declaredSize > limit)
      return { ok: false, problem: { kind: 'part_too_large', part: entry.name, limit } };
    const end = entry.dataStart + entry.compressedSize;
    if (end > buffer.length) return { ok: false, problem: { kind: 'corrupt', part: entry.name } };
    const data = buffer.subarray(entry.dataStart, end);
    if (entry.method === 0) {
      if (data.length > limit)
        return { ok: false, problem: { kind: 'part_too_large', part: entry.name, limit } };
      total += data.length;
      if (isXml(entry.name) && DOCTYPE_PATTERNS.some((p) => data.includes(p)))
        return { ok: false, problem: { kind: 'xml_doctype', part: entry.name } };
      if (isWorksheet(entry.name)) {
        const counter = new PatternCounter(CELL_PATTERNS);
        counter.push(data);
        cells += counter.counts.reduce((a, b) => a + b, 0);
      }
    } else if (entry.method === 8) {
      const result = await inflateEntry(data, entry, {
        part: limit,
        total: policy.maxTotalBytes - total,
        cells: policy.maxCells - cells,
        ratio: policy.maxRatio,
        ratioFrom: policy.ratioFromBytes,
      });
      if (!result.ok) {
        if (result.problem.kind === 'total_too_large')
          return { ok: false, problem: { kind: 'total_too_large', limit: policy.maxTotalBytes } };
        if (result.problem.kind === 'too_many_cells')
          return {
            ok: false,
            problem: { kind: 'too_many_cells', part: entry.name, limit: policy.maxCells },
          };
        return result;
      }
      total += result.bytes;
      cells += result.cells;
    } else {
      return { ok: false, problem: { kind: 'corrupt', part: entry.name } };
    }
    if (total > policy.maxTotalBytes)
      return { ok: false, problem: { kind: 'total_too_large', limit: policy.maxTotalBytes } };
    if (cells > policy.maxCells)
      return {
        ok: false,
        problem: { kind: 'too_many_cells', part: entry.name, limit: policy.maxCells },
      };
  }
  return { ok: true, names };
}

const sizeText = (bytes: number) =>
  bytes >= MB ? `${Math.round(bytes / MB).toLocaleString('vi-VN')} MB` : `${bytes} byte`;

/**
 * The refusal a user reads for a problem: what is wrong and in which part. `format` names the
 * kind of file the use expects (its "not a … file" message).
 */
export function zipRefusal(problem: ZipProblem, format: 'xlsx' | 'docx'): AppError {
  switch (problem.kind) {
    case 'not_zip':
    case 'missing_part':
      if (format === 'docx') return new AppError('unsupported', 'document_template_not_docx');
      // A zip without Office's content types is no Office file at all, only a damaged one.
      return problem.kind === 'missing_part' && problem.part === '[Content_Types].xml'
        ? new AppError('invalid', 'xlsx_corrupt')
        : new AppError('unsupported', 'xlsx_not_xlsx');
    case 'corrupt':
      if (format === 'docx') return new AppError('unsupported', 'document_template_not_docx');
      return problem.part
        ? new AppError('invalid', 'file_corrupt', { part: problem.part })
        : new AppError('invalid', 'xlsx_corrupt');
    case 'too_many_entries':
      return new AppError('too_large', 'file_too_many_entries', {
        count: problem.count.toLocaleString('vi-VN'),
        limit: problem.limit.toLocaleString('vi-VN'),
      });
    case 'part_too_large':
      return new AppError('too_large', 'file_part_too_large', {
        part: problem.part,
        limit: sizeText(problem.limit),
      });
    case 'total_too_large':
      return new AppError('too_large', 'file_inflated_too_large', {
        limit: sizeText(problem.limit),
      });
    case 'ratio_too_high':
      return new AppError('too_large', 'file_ratio_too_high', {
        part: problem.part,
        ratio: problem.ratio.toLocaleString('vi-VN'),
        limit: problem.limit.toLocaleString('vi-VN'),
      });
    case 'xml_doctype':
      return new AppError('invalid', 'file_xml_doctype', { part: problem.part });
    case 'too_many_cells':
      return new AppError('too_large', 'file_too_many_cells', {
        part: problem.part,
        limit: problem.limit.toLocaleString('vi-VN'),
      });
  }
}

/** Inspects under a named policy and throws the user's refusal; returns the entry names. */
export async function guardZip(
  buffer: Buffer,
  policyName: ZipPolicyName,
  format: 'xlsx' | 'docx',
): Promise<string[]> {
  const result = await inspectZip(buffer, ZIP_POLICIES[policyName]);
  if (!result.ok) throw zipRefusal(result.problem, format);
  return result.names;
}

/**
 * The task the contained worker runs for a file only typed (evidence): its entry names and, for
 * an OpenDocument file, its declared media type (the `mimetype` part).
 */
export async function inspectBytes(
  data: Uint8Array,
  policyName: ZipPolicyName,
): Promise<
  { ok: true; names: string[]; mimetype: string | null } | { ok: false; problem: ZipProblem }
> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const inspected = await inspectZip(buffer, ZIP_POLICIES[policyName]);
  if (!inspected.ok) return inspected;
  if (!inspected.names.includes('mimetype')) return { ...inspected, mimetype: null };
  const parts = await readZipParts(buffer, policyName, ['mimetype']);
  const mimetype = parts.ok ? (parts.parts.mimetype?.toString('latin1').trim() ?? null) : null;
  return { ...inspected, mimetype: mimetype && mimetype.length <= 100 ? mimetype : null };
}

/**
 * The inflated content of some parts of an archive that passes the guard under `policyName`
 * (a part absent from the archive is absent from the answer). Each part is inflated within the
 * policy's cap for it, so what the guard measured is what comes back.
 */
export async function readZipParts(
  buffer: Buffer,
  policyName: ZipPolicyName,
  wanted: string[],
): Promise<{ ok: true; parts: Record<string, Buffer> } | { ok: false; problem: ZipProblem }> {
  const policy = ZIP_POLICIES[policyName];
  const inspected = await inspectZip(buffer, policy);
  if (!inspected.ok) return inspected;
  const directory = centralDirectory(buffer, policy.maxEntries);
  if (!directory.ok) return directory;
  const parts: Record<string, Buffer> = {};
  for (const entry of directory.entries) {
    if (!wanted.includes(entry.name)) continue;
    const data = buffer.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (entry.method === 0) parts[entry.name] = Buffer.from(data);
    else
      try {
        parts[entry.name] = inflateRawSync(data, {
          maxOutputLength: partLimit(policy, entry.name),
        });
      } catch {
        return { ok: false, problem: { kind: 'corrupt', part: entry.name } };
      }
  }
  return { ok: true, parts };
}

/**
 * An archive that passes the guard under `policyName`, opened for reading its parts one at a
 * time (each inflated within the policy's cap for it): its entry names, and `read` giving a
 * part's content, or null for a name it does not hold or a part that does not inflate.
 */
export async function openZipParts(
  buffer: Buffer,
  policyName: ZipPolicyName,
): Promise<
  | {
      ok: true;
      names: string[];
      read: (name: string) => Buffer | null;
      /** A name occurs twice, or an entry's local header names another part than the directory. */
      ambiguous: boolean;
    }
  | { ok: false; problem: ZipProblem }
> {
  const policy = ZIP_POLICIES[policyName];
  const inspected = await inspectZip(buffer, policy);
  if (!inspected.ok) return inspected;
  const directory = centralDirectory(buffer, policy.maxEntries);
  if (!directory.ok) return directory;
  const entries = new Map(directory.entries.map((e) => [e.name, e]));
  const read = (name: string): Buffer | null => {
    const entry = entries.get(name);
    if (!entry) return null;
    const data = buffer.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (entry.method === 0) return Buffer.from(data);
    try {
      return inflateRawSync(data, { maxOutputLength: partLimit(policy, entry.name) });
    } catch {
      return null;
    }
  };
  const ambiguous =
    entries.size !== directory.entries.length ||
    directory.entries.some((e) => e.localName !== e.name);
  return { ok: true, names: inspected.names, read, ambiguous };
}

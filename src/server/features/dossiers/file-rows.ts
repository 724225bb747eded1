/**
 * Reading a dossier file row by row without holding it: CSV through a splitter of its own (see
 * CsvSplitter: csv-parse took three times as long as PostgreSQL's COPY of the same file),
 * XLSX through the one file guard and exceljs's streaming reader (first worksheet), both in a
 * contained worker that sends the rows back a batch at a time (infra/workbook.ts). The type is
 * decided by content, never by the file name.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { CellValue } from '../../../domain/dossiers/dossier.ts';
import { AppError } from '../../errors.ts';
import { streamXlsxRows } from '../../infra/workbook.ts';

export type FileKind = 'csv' | 'xlsx';

/** One row of the file: its 1-based number in the file and its cells. */
export interface FileRow {
  rowNumber: number;
  cells: CellValue[];
}

const HEAD_BYTES = 64 * 1024;
// CSV read at a time: the rows of one chunk stay alive while they are processed, and a smaller
// batch spares the garbage collector copying them from one young generation space to the next.
const READ_CHUNK_BYTES = 128 * 1024;

/** Decides the file's type by content; refuses empty, binary and non-UTF-8 files. */
export async function detectFileKind(filePath: string): Promise<FileKind> {
  const size = (await stat(filePath)).size;
  if (size === 0) throw new AppError('invalid', 'dossier_import_empty');
  const handle = await open(filePath, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  // A workbook is guarded when its rows are first read (readHead), in the contained worker.
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (head.includes(0)) throw new AppError('unsupported', 'dossier_import_wrong_type');
  try {
    // stream: true tolerates a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    throw new AppError('unsupported', 'dossier_import_not_utf8');
  }
  return 'csv';
}

function delimiterOf(firstLine: string): string {
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates = [',', ';', '\t'];
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

/** The delimiter of the header line, and whether lines end with CR alone (no LF in the head). */
export async function csvLayout(filePath: string): Promise<{ delimiter: string; crOnly: boolean }> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const crOnly = !text.includes('\n') && text.includes('\r');
    return { delimiter: delimiterOf(text.split(/\r?\n|\r/)[0] ?? ''), crOnly };
  } finally {
    await handle.close();
  }
}

/**
 * Splits CSV text into records as it arrives, a chunk at a time. Lines without a quote character
 * (nearly all of an export) are cut with `split`; a line with one goes through a quote-aware
 * scanner (RFC 4180: a quoted field may hold the delimiter, line breaks and doubled quotes; a quote
 * inside an unquoted field is kept as text). Empty lines are skipped; CRLF, LF and CR endings.
 * `rowNumber` counts records, the header being 1.
 */
export class CsvSplitter {
  private rest = '';
  private records = 0;
  private first = true;

  /**
   * `crOnly`: the file ends its lines with CR alone (decided from its head, see csvLayout);
   * `atStart`: the text begins the file (a byte order mark there is dropped).
   */
  constructor(
    private readonly delimiter: string,
    private readonly crOnly = false,
    atStart = true,
  ) {
    this.first = atStart;
  }

  /** The text pushed next follows `records` records (a piece cut from the middle of a file). */
  startAfter(records: number): void {
    this.records = records;
  }

  /** Records read so far (with those given to startAfter). */
  get recordCount(): number {
    return this.records;
  }

  /** The text of the record not complete yet, taken out of the splitter. */
  takeRest(): string {
    const rest = this.rest;
    this.rest = '';
    return rest;
  }

  /** Adds text; appends the complete records to `out`. `final` = no more text will come. */
  push(chunk: string, final: boolean, out: FileRow[]): void {
    if (this.first) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.crOnly) chunk = chunk.replaceAll('\r', '\n');
    const s = this.rest.length > 0 ? this.rest + chunk : chunk;
    const n = s.length;
    const d = this.delimiter;
    let pos = 0;
    let quoteAt = s.indexOf('"');
    if (quoteAt === -1) quoteAt = n;
    while (pos < n) {
      const nl = s.indexOf('\n', pos);
      if (nl === -1 && !final) break;
      const lineEnd = nl === -1 ? n : nl;
      if (quoteAt < pos) {
        quoteAt = s.indexOf('"', pos);
        if (quoteAt === -1) quoteAt = n;
      }
      if (quoteAt >= lineEnd) {
        let end = lineEnd;
        if (end > pos && s.charCodeAt(end - 1) === 13) end--;
        if (end > pos) {
          this.records++;
          out.push({ rowNumber: this.records, cells: s.slice(pos, end).split(d) });
        }
        pos = lineEnd + 1;
        continue;
      }
      const next = this.quoted(s, pos, final, out);
      if (next === -1) break;
      pos = next;
    }
    this.rest = pos >= n ? '' : s.slice(pos);
  }

  /** Reads one record that has a quote in it; returns where the next begins, -1 = needs more. */
  private quoted(s: string, start: number, final: boolean, out: FileRow[]): number {
    const n = s.length;
    const d = this.delimiter.charCodeAt(0);
    const cells: string[] = [];
    let i = start;
    for (;;) {
      if (i < n && s.charCodeAt(i) === 34 /* " */) {
        let value = '';
        let j = i + 1;
        for (;;) {
          const k = s.indexOf('"', j);
          if (k === -1) {
            if (!final) return -1;
            throw this.error('quote');
          }
          if (k + 1 >= n && !final) return -1;
          value += s.slice(j, k);
          if (s.charCodeAt(k + 1) === 34) {
            value += '"';
            j = k + 2;
            continue;
          }
          i = k + 1;
          break;
        }
        cells.push(value);
        let c = i < n ? s.charCodeAt(i) : -1;
        if (c === 13) {
          if (i + 1 >= n && !final) return -1;
          i++;
          c = i < n ? s.charCodeAt(i) : -1;
        }
        if (c === d) {
          i++;
          continue;
        }
        if (c === 10 || c === -1) {
          this.records++;
          out.push({ rowNumber: this.records, cells });
          return i + 1;
        }
        throw this.error('closing');
      }
      let k = i;
      while (k < n) {
        const c = s.charCodeAt(k);
        if (c === d || c === 10) break;
        k++;
      }
      if (k >= n && !final) return -1;
      let end = k;
      if ((k >= n || s.charCodeAt(k) === 10) && end > i && s.charCodeAt(end - 1) === 13) end--;
      cells.push(s.slice(i, end));
      if (k < n && s.charCodeAt(k) === d) {
        i = k + 1;
        continue;
      }
      this.records++;
      out.push({ rowNumber: this.records, cells });
      return k + 1;
    }
  }

  private error(kind: 'quote' | 'closing'): AppError {
    return new AppError('invalid', 'dossier_import_bad_csv', {
      row: this.records + 1,
      detail:
        kind === 'quote'
          ? 'dấu ngoặc kép mở mà không đóng'
          : 'sau dấu ngoặc kép đóng phải là dấu phân cách hoặc hết dòng',
    });
  }
}

/**
 * Streams the rows of the file in batches (each a few thousand rows), the header first.
 * `rowNumber` is the row's number as the user sees it (the spreadsheet row, or the record's
 * position in the CSV with the header as row 1).
 */
export async function* readFileRowBatches(
  filePath: string,
  kind: FileKind,
  batchRows = 5000,
): AsyncGenerator<FileRow[]> {
  if (kind === 'csv') {
    const layout = await csvLayout(filePath);
    const splitter = new CsvSplitter(layout.delimiter, layout.crOnly);
    const stream = createReadStream(filePath, {
      encoding: 'utf8',
      highWaterMark: READ_CHUNK_BYTES,
    });
    try {
      let out: FileRow[] = [];
      for await (const chunk of stream as AsyncIterable<string>) {
        splitter.push(chunk, false, out);
        if (out.length > 0) {
          yield out;
          out = [];
        }
      }
      splitter.push('', true, out);
      if (out.length > 0) yield out;
    } finally {
      stream.destroy();
    }
    return;
  }
  yield* readXlsxBatches(filePath, batchRows);
}

/** A piece of the file as the import's workers take it (see import-chunk.ts). */
export type FilePiece =
  | { kind: 'text'; text: string; recordsBefore: number; final: boolean }
  | { kind: 'rows'; rows: FileRow[] };

// CSV text read at a time for the import's pieces: about 7,000 rows of an export.
const PIECE_BYTES = 1024 * 1024;

/** The records of CSV text without quotes (empty lines are no records, as in CsvSplitter). */
function countRecords(text: string): number {
  let n = 0;
  let pos = 0;
  const length = text.length;
  while (pos < length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? length : nl;
    let end = lineEnd;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    if (end > pos) n++;
    pos = lineEnd + 1;
  }
  return n;
}

/**
 * Streams the file as pieces of whole records for the import's workers, without the header (the
 * first CSV piece still holds it: `recordsBefore` 0). CSV text without a quote character (nearly
 * all of an export) is cut at its last line break and handed over as text, with the number of
 * records before it, so that row numbers stay the file's; text with a quote is split here (a
 * quoted field may hold line breaks) and handed over as rows. Workbook rows come as read.
 */
export async function* readFilePieces(
  filePath: string,
  kind: FileKind,
  batchRows = 5000,
): AsyncGenerator<FilePiece> {
  if (kind === 'xlsx') {
    let first = true;
    for await (let rows of readXlsxBatches(filePath, batchRows)) {
      if (first) {
        first = false;
        rows = rows.slice(1);
      }
      if (rows.length > 0) yield { kind: 'rows', rows };
    }
    return;
  }
  const layout = await csvLayout(filePath);
  const splitter = new CsvSplitter(layout.delimiter, false, false);
  const stream = createReadStream(filePath, { encoding: 'utf8', highWaterMark: PIECE_BYTES });
  let records = 0;
  let carry = '';
  let start = true;
  const split = (text: string, final: boolean): FileRow[] => {
    const rows: FileRow[] = [];
    splitter.startAfter(records);
    splitter.push(text, final, rows);
    carry = splitter.takeRest();
    if (records === 0 && rows[0]?.rowNumber === 1) rows.shift();
    records = splitter.recordCount;
    return rows;
  };
  try {
    for await (let chunk of stream as AsyncIterable<string>) {
      if (start) {
        start = false;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      if (layout.crOnly) chunk = chunk.replaceAll('\r', '\n');
      const s = carry.length > 0 ? carry + chunk : chunk;
      if (s.includes('"')) {
        const rows = split(s, false);
        if (rows.length > 0) yield { kind: 'rows', rows };
        continue;
      }
      const cut = s.lastIndexOf('\n') + 1;
      if (cut === 0) {
        carry = s;
        continue;
      }
      const text = s.slice(0, cut);
      carry = s.slice(cut);
      const before = records;
      records += countRecords(text);
      yield { kind: 'text', text, recordsBefore: before, final: false };
    }
    if (carry.length > 0) {
      if (carry.includes('"')) {
        const rows = split(carry, true);
        if (rows.length > 0) yield { kind: 'rows', rows };
      } else {
        yield { kind: 'text', text: carry, recordsBefore: records, final: true };
      }
    }
  } finally {
    stream.destroy();
  }
}

/** Streams the rows of the file one by one, the header first (see readFileRowBatches). */
export async function* readFileRows(filePath: string, kind: FileKind): AsyncGenerator<FileRow> {
  for await (const batch of readFileRowBatches(filePath, kind)) yield* batch;
}

// Workbooks that passed the guard, by path, with the size and time of the file then: an import
// reads its upload three times (check, first row, rows) and inflates it only once.
const guarded = new Map<string, string>();

async function* readXlsxBatches(filePath: string, batchRows: number): AsyncGenerator<FileRow[]> {
  const file = await stat(filePath);
  const stamp = `${file.size}:${file.mtimeMs}`;
  const inspected = guarded.get(filePath) === stamp;
  const remember = () => {
    guarded.delete(filePath);
    guarded.set(filePath, stamp);
    if (guarded.size > 64) guarded.delete(guarded.keys().next().value!);
  };
  const rows = streamXlsxRows(filePath, { policy: 'dossiers', batchRows, inspected });
  try {
    let first = true;
    for await (const batch of rows) {
      if (first) {
        first = false;
        remember();
      }
      yield batch;
    }
    if (first) remember();
  } catch (error) {
    // A zip that is no workbook (a Word file, say) is refused as the other wrong types are.
    if (error instanceof AppError && error.code === 'xlsx_not_xlsx')
      throw new AppError('unsupported', 'dossier_import_wrong_type');
    throw error;
  }
}

/** The header and up to `limit` data rows (for the preview). */
export async function readHead(
  filePath: string,
  kind: FileKind,
  limit: number,
): Promise<{ header: string[]; rows: FileRow[] }> {
  let header: string[] | null = null;
  const rows: FileRow[] = [];
  for await (const row of readFileRows(filePath, kind)) {
    if (header === null) {
      header = row.cells.map((c) => (c === null || c === undefined ? '' : String(c).trim()));
      continue;
    }
    rows.push(row);
    if (rows.length >= limit) break;
  }
  if (header === null || header.every((h) => h === '')) {
    throw new AppError('invalid', 'dossier_import_empty');
  }
  return { header, rows };
}

/** Rough number of data rows of a CSV file (its line count), for progress. */
export async function estimateCsvRows(filePath: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 })) {
    const buffer = chunk as Buffer;
    let i = buffer.indexOf(10);
    while (i !== -1) {
      lines++;
      i = buffer.indexOf(10, i + 1);
    }
    if (buffer.length > 0) last = buffer[buffer.length - 1] as number;
  }
  if (last !== 10) lines++;
  return Math.max(0, lines - 1);
}

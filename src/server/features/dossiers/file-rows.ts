/**
 * Reading a dossier file row by row without holding it: CSV through csv-parse's streaming API,
 * XLSX through exceljs's streaming reader (first worksheet) after the zip guard has checked the
 * archive. The type is decided by content, never by the file name.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../../domain/dossiers/dossier.ts';
import { AppError } from '../../errors.ts';
import { inspectZip } from '../../infra/zip-guard.ts';

export type FileKind = 'csv' | 'xlsx';

/** One row of the file: its 1-based number in the file and its cells. */
export interface FileRow {
  rowNumber: number;
  cells: CellValue[];
}

const MAX_XLSX_UNCOMPRESSED = 1024 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

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
  if (head.readUInt32LE(0) === 0x04034b50) {
    // The guard needs the whole archive; it is the compressed file, bounded by the upload limit.
    const check = inspectZip(
      await readFile(filePath),
      { maxEntries: 10_000, maxUncompressedBytes: MAX_XLSX_UNCOMPRESSED },
      ['xl/workbook.xml'],
    );
    if (!check.ok) {
      if (check.problem.kind === 'too_large_uncompressed') {
        throw new AppError('too_large', 'xlsx_bomb', { limit: '1 GB' });
      }
      throw new AppError('unsupported', 'dossier_import_wrong_type');
    }
    return 'xlsx';
  }
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

async function csvDelimiter(filePath: string): Promise<string> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    return delimiterOf(text.split(/\r?\n/)[0] ?? '');
  } finally {
    await handle.close();
  }
}

/** A cell of exceljs as a plain value: text, number, boolean or date. */
function plainCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) {
      const r = value.result;
      return r === undefined || r === null || typeof r === 'object' ? null : r;
    }
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return null;
}

/**
 * Streams the rows of the file, the header first. `rowNumber` is the row's number as the user
 * sees it (the spreadsheet row, or the record's position in the CSV with the header as row 1).
 */
export async function* readFileRows(filePath: string, kind: FileKind): AsyncGenerator<FileRow> {
  if (kind === 'csv') {
    const parser = createReadStream(filePath, { highWaterMark: 256 * 1024 }).pipe(
      parse({
        bom: true,
        delimiter: await csvDelimiter(filePath),
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
      }),
    );
    let n = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        n++;
        yield { rowNumber: n, cells: record };
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('invalid', 'dossier_import_bad_csv', {
        row: n + 1,
        detail: (error as Error).message,
      });
    } finally {
      parser.destroy();
    }
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        // exceljs rows are 1-based: values[0] is always empty.
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        if (cells.every((c) => c === null || c === '')) continue;
        yield { rowNumber: row.number, cells };
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid', 'xlsx_corrupt');
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

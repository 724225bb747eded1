/**
 * The reading of uploaded workbooks that runs inside the contained worker (see contained.ts and
 * workbook.ts): the zip guard first, then exceljs. Cells come back as plain values (text, number,
 * boolean, date, or null: formulas as their result, rich text joined), which cross the thread
 * boundary as they are. A whole workbook is read for small, many-sheet files; a table's first
 * sheet is streamed row by row in batches, holding only the shared strings.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';
import { guardZip, type ZipPolicyName } from './zip-guard.ts';

export type PlainCell = string | number | boolean | Date | null;

/** One row: its 1-based number in the sheet and its cells from column A. */
export interface PlainRow {
  rowNumber: number;
  cells: PlainCell[];
}

/** One worksheet: its name, extent, merged ranges and the rows that hold something. */
export interface PlainSheet {
  name: string;
  rowCount: number;
  columnCount: number;
  merges: string[];
  rows: PlainRow[];
}

/** A cell of exceljs as a plain value. */
export function plainCell(value: ExcelJS.CellValue): PlainCell {
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

const bytesOf = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/**
 * Guards and reads every sheet of a workbook (the whole file in memory: meant for the worker,
 * under a policy whose caps keep it small).
 */
export async function readWholeWorkbook(
  data: Uint8Array,
  policy: ZipPolicyName,
): Promise<PlainSheet[]> {
  const buffer = bytesOf(data);
  await guardZip(buffer, policy, 'xlsx');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid', 'xlsx_corrupt');
  }
  return wb.worksheets.map((ws) => {
    const rows: PlainRow[] = [];
    ws.eachRow((row, rowNumber) => {
      const cells: PlainCell[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(plainCell(row.getCell(c).value));
      rows.push({ rowNumber, cells });
    });
    return {
      name: ws.name,
      rowCount: ws.rowCount,
      columnCount: ws.columnCount,
      merges: (ws.model as { merges?: string[] }).merges ?? [],
      rows,
    };
  });
}

/**
 * Guards a workbook (unless `inspected`: the same file passed the guard already) and streams the
 * non-empty rows of its first sheet in batches. `source` is a file path or the file's bytes.
 */
export async function* firstSheetRowBatches(
  source: string | Uint8Array,
  policy: ZipPolicyName,
  batchRows: number,
  inspected = false,
): AsyncGenerator<PlainRow[]> {
  const buffer = typeof source === 'string' ? null : bytesOf(source);
  if (!inspected) await guardZip(buffer ?? (await readFile(source as string)), policy, 'xlsx');
  const { Readable } = await import('node:stream');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    buffer ? Readable.from([buffer]) : (source as string),
    {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'emit',
    },
  );
  let batch: PlainRow[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        // exceljs rows are 1-based: values[0] is always empty.
        const cells: PlainCell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        if (cells.every((c) => c === null || c === '')) continue;
        batch.push({ rowNumber: row.number, cells });
        if (batch.length >= batchRows) {
          yield batch;
          batch = [];
        }
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid', 'xlsx_corrupt');
  }
  if (batch.length > 0) yield batch;
}

/** Guards a workbook and returns the non-empty rows of its first sheet, at most `maxRows`. */
export async function readFirstSheet(
  data: Uint8Array,
  policy: ZipPolicyName,
  maxRows: number,
): Promise<{ rows: PlainRow[]; more: boolean }> {
  const rows: PlainRow[] = [];
  for await (const batch of firstSheetRowBatches(data, policy, 5000)) {
    for (const row of batch) {
      if (rows.length >= maxRows) return { rows, more: true };
      rows.push(row);
    }
  }
  return { rows, more: false };
}

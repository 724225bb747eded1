/**
 * Reading a file of answers (CSV or Excel, first sheet) as a table of text cells with the
 * spreadsheet's row numbers, so that every refusal names its row and column.
 */
import { AppError } from '../../errors.ts';
import { readCsvRecords } from '../../infra/csv-read.ts';
import { plainText, readXlsxTable, type PlainCell } from '../../infra/workbook.ts';

/** The most rows one answers file may hold. */
export const MAX_ANSWER_ROWS = 50_000;

export interface AnswersTable {
  headers: string[];
  rows: string[][];
  rowNumbers: number[];
}

async function readCsv(content: Buffer): Promise<AnswersTable> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new AppError('unsupported', 'import_not_text');
  }
  const parsed = await readCsvRecords(text, { trim: true, bom: true, delimiter: [',', ';', '\t'] });
  if (!parsed.ok) throw new AppError('invalid', 'import_not_text');
  const [headers, ...rows] = parsed.records;
  if (!headers) throw new AppError('invalid', 'import_empty');
  const kept: string[][] = [];
  const rowNumbers: number[] = [];
  rows.forEach((r, i) => {
    if (r.every((c) => c.trim() === '')) return;
    kept.push(r);
    rowNumbers.push(i + 2);
  });
  return { headers, rows: kept, rowNumbers };
}

async function readXlsx(content: Buffer): Promise<AnswersTable> {
  const sheet = await readXlsxTable(content, MAX_ANSWER_ROWS + 2);
  const [first, ...rest] = sheet.rows;
  if (!first || first.rowNumber !== 1) throw new AppError('invalid', 'import_empty');
  const width = Math.max(...sheet.rows.map((r) => r.cells.length));
  const read = (cells: PlainCell[]) => Array.from({ length: width }, (_, c) => plainText(cells[c]));
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const r of rest) {
    const cells = read(r.cells);
    if (cells.every((c) => c === '')) continue;
    rows.push(cells);
    rowNumbers.push(r.rowNumber);
  }
  return { headers: read(first.cells), rows, rowNumbers };
}

/** The table of an uploaded answers file: Excel when it is a zip, else CSV (UTF-8). */
export async function readAnswersTable(content: Buffer): Promise<AnswersTable> {
  const table =
    content.length >= 4 && content.readUInt32LE(0) === 0x04034b50
      ? await readXlsx(content)
      : await readCsv(content);
  if (table.rows.length === 0) throw new AppError('invalid', 'import_empty');
  if (table.rows.length > MAX_ANSWER_ROWS)
    throw new AppError('too_large', 'payload_too_large', { limit: String(MAX_ANSWER_ROWS) });
  return table;
}

/**
 * Reading uploaded Excel workbooks safely and plainly. The file goes through the zip guard and is
 * parsed by exceljs in a contained worker (memory and time limits, see contained.ts), which sends
 * back plain cells; here they are offered sheet by sheet, row by row, cell by cell, as Excel
 * numbers them. Cells are read as trimmed text whatever their type; columns are named by letter.
 */
import { AppError } from '../errors.ts';
import { runContained, streamContained, type ContainedLimits } from './contained.ts';
import type { PlainCell, PlainRow, PlainSheet } from './workbook-read.ts';
import type { ZipPolicyName } from './zip-guard.ts';

export type { PlainCell, PlainRow } from './workbook-read.ts';

const TASKS = new URL('./workbook-read.ts', import.meta.url);

/** Limits of a workbook read whole (criteria sets, questionnaires). */
const WHOLE_LIMITS: ContainedLimits = { heapMb: 256, timeoutMs: 30_000 };
/** Limits of a table read from its first sheet (answers, scores, catalogues). */
const TABLE_LIMITS: ContainedLimits = { heapMb: 256, timeoutMs: 60_000 };
/** Limits of a dossier file streamed into an import: a wait of a minute per batch at most. */
const STREAM_LIMITS: ContainedLimits = { heapMb: 384, timeoutMs: 60_000 };

/** A cell: its plain value. */
export interface Cell {
  readonly value: PlainCell;
}

const EMPTY: Cell = { value: null };

/** A row of a sheet; cells are numbered from 1 (column A). */
export class Row {
  constructor(
    readonly number: number,
    private readonly cells: readonly PlainCell[],
  ) {}

  /** The last column with a cell. */
  get cellCount(): number {
    return this.cells.length;
  }

  getCell(column: number): Cell {
    const value = this.cells[column - 1];
    return value === undefined ? EMPTY : { value };
  }

  /** Calls `fn` for every cell that holds something. */
  eachCell(fn: (cell: Cell, column: number) => void): void {
    this.cells.forEach((value, i) => {
      if (value !== null && value !== '') fn({ value }, i + 1);
    });
  }
}

/** A worksheet read whole. */
export class Sheet {
  private readonly byNumber = new Map<number, Row>();

  constructor(private readonly plain: PlainSheet) {
    for (const r of plain.rows) this.byNumber.set(r.rowNumber, new Row(r.rowNumber, r.cells));
  }

  get name(): string {
    return this.plain.name;
  }

  /** The last row number used. */
  get rowCount(): number {
    return this.plain.rowCount;
  }

  /** Rows that hold something. */
  get actualRowCount(): number {
    return this.plain.rows.filter((r) => r.cells.some((c) => c !== null && c !== '')).length;
  }

  get columnCount(): number {
    return this.plain.columnCount;
  }

  /** Merged ranges, as "A1:B2". */
  get merges(): readonly string[] {
    return this.plain.merges;
  }

  getRow(number: number): Row {
    return this.byNumber.get(number) ?? new Row(number, []);
  }

  /** Calls `fn` for every row that holds something, in order. */
  eachRow(fn: (row: Row, number: number) => void): void {
    for (const r of this.plain.rows) {
      if (r.cells.some((c) => c !== null && c !== ''))
        fn(this.byNumber.get(r.rowNumber)!, r.rowNumber);
    }
  }
}

/** A workbook read whole: its sheets in order. */
export class Workbook {
  readonly worksheets: Sheet[];

  constructor(sheets: PlainSheet[]) {
    this.worksheets = sheets.map((s) => new Sheet(s));
  }

  getWorksheet(name: string): Sheet | undefined {
    return this.worksheets.find((s) => s.name === name);
  }
}

function checkSize(buffer: Buffer, maxBytes: number): void {
  if (buffer.length > maxBytes)
    throw new AppError('too_large', 'payload_too_large', {
      limit: `${Math.round(maxBytes / 1024 / 1024)} MB`,
    });
}

/**
 * Opens an .xlsx upload read whole (all sheets), through the guard in a contained worker; refuses
 * anything else with a message the user can act on.
 */
export async function openXlsx(
  buffer: Buffer,
  { maxBytes = 10 * 1024 * 1024 }: { maxBytes?: number } = {},
): Promise<Workbook> {
  checkSize(buffer, maxBytes);
  const sheets = await runContained<PlainSheet[]>(
    { module: TASKS, fn: 'readWholeWorkbook', args: [buffer, 'workbook' satisfies ZipPolicyName] },
    WHOLE_LIMITS,
  );
  return new Workbook(sheets);
}

/**
 * The non-empty rows of a workbook's first sheet (a table: answers, scores), at most `maxRows`
 * (`more` tells there were others), through the guard in a contained worker.
 */
export async function readXlsxTable(
  buffer: Buffer,
  maxRows: number,
): Promise<{ rows: PlainRow[]; more: boolean }> {
  return runContained(
    {
      module: TASKS,
      fn: 'readFirstSheet',
      args: [buffer, 'table' satisfies ZipPolicyName, maxRows],
    },
    TABLE_LIMITS,
  );
}

/**
 * Streams the non-empty rows of the first sheet of a workbook file in batches, parsed in a
 * contained worker that reads ahead by one batch at most. `inspected`: the file passed the guard
 * under `policy` already (the same upload read again), so it is not inflated twice.
 */
export function streamXlsxRows(
  filePath: string,
  {
    policy,
    batchRows,
    inspected,
  }: { policy: ZipPolicyName; batchRows: number; inspected: boolean },
): AsyncGenerator<PlainRow[]> {
  return streamContained<PlainRow[]>(
    { module: TASKS, fn: 'firstSheetRowBatches', args: [filePath, policy, batchRows, inspected] },
    STREAM_LIMITS,
  );
}

/** Text of a cell whatever its type (number, text, boolean, date), trimmed. */
export function cellText(cell: Cell): string {
  return plainText(cell.value);
}

/** Text of a plain value, trimmed; a date as YYYY-MM-DD. */
export function plainText(v: PlainCell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** Excel's name of a column: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

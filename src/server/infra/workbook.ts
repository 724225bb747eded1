/**
 * Reading uploaded Excel workbooks safely and plainly: the file is checked as a zip first (type by
 * content, inflated size capped) so a renamed file or a zip bomb never reaches exceljs; cells are
 * read as trimmed text whatever their type; columns are named by letter as Excel shows them.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';
import { inspectZip } from './zip-guard.ts';

const MAX_UNCOMPRESSED = 100 * 1024 * 1024;

/** Opens an .xlsx upload; refuses anything else with a message the user can act on. */
export async function openXlsx(
  buffer: Buffer,
  { maxBytes = 10 * 1024 * 1024 }: { maxBytes?: number } = {},
): Promise<ExcelJS.Workbook> {
  if (buffer.length > maxBytes)
    throw new AppError('too_large', 'payload_too_large', {
      limit: `${Math.round(maxBytes / 1024 / 1024)} MB`,
    });
  const zip = inspectZip(buffer, { maxEntries: 500, maxUncompressedBytes: MAX_UNCOMPRESSED }, [
    '[Content_Types].xml',
  ]);
  if (!zip.ok) {
    switch (zip.problem.kind) {
      case 'not_zip':
        throw new AppError('unsupported', 'xlsx_not_xlsx');
      case 'too_large_uncompressed':
      case 'too_many_entries':
        throw new AppError('too_large', 'xlsx_bomb', { limit: '100 MB' });
      case 'missing_part':
      case 'corrupt':
        throw new AppError('invalid', 'xlsx_corrupt');
    }
  }
  // A Word or PowerPoint file is a zip too: only a workbook has its parts under xl/.
  if (!zip.names.some((n) => n.startsWith('xl/')))
    throw new AppError('unsupported', 'xlsx_not_xlsx');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid', 'xlsx_corrupt');
  }
  return wb;
}

/** Text of a cell whatever its type (number, text, rich text, formula result, date), trimmed. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v && v.result !== undefined && v.result !== null)
      return typeof v.result === 'object' ? '' : String(v.result).trim();
    if ('text' in v) return String(v.text).trim();
  }
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

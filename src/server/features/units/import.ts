/**
 * Importing units from a CSV file: every row is checked first and problems are reported with row
 * and column; only a file without a single problem is written, in one transaction.
 *
 * Columns (header names in English or Vietnamese, any order):
 *   code | mã, name | tên, kind | loại, parent_code | mã cấp trên, valid_from | hiệu lực từ,
 *   valid_to | hiệu lực đến
 */
import { readCsvRecords } from '../../infra/csv-read.ts';
import { createHash } from 'node:crypto';
import { can, permissionsOf, type Actor } from '../../../domain/access.ts';
import { parseUserDate } from '../../../domain/dates.ts';
import { searchKey } from '../../../domain/text.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import { appendAuditEntry } from '../audit/append.ts';
import * as repo from './repository.ts';

const COLUMN_ALIASES: Record<string, string> = {
  code: 'code',
  mã: 'code',
  ma: 'code',
  'mã đơn vị': 'code',
  name: 'name',
  tên: 'name',
  ten: 'name',
  'tên đơn vị': 'name',
  kind: 'kind',
  loại: 'kind',
  loai: 'kind',
  'loại đơn vị': 'kind',
  parent_code: 'parent_code',
  'mã cấp trên': 'parent_code',
  'ma cap tren': 'parent_code',
  valid_from: 'valid_from',
  'hiệu lực từ': 'valid_from',
  'hieu luc tu': 'valid_from',
  valid_to: 'valid_to',
  'hiệu lực đến': 'valid_to',
  'hieu luc den': 'valid_to',
};
const REQUIRED = ['code', 'name', 'kind'] as const;
const MAX_ERRORS = 200;
export const MAX_IMPORT_ROWS = 100_000;

interface ParsedRow {
  row: number;
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** Imports units from CSV text; returns how many were added. Nothing is written if any row is wrong. */
export async function importUnitsCsv(
  deps: Deps,
  actor: Actor,
  content: Buffer,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ imported: number }> {
  if (!actor.grants.some((g) => permissionsOf(g.role).includes('unit.import'))) {
    throw new AppError('forbidden', 'forbidden');
  }
  const text = decodeCsv(content);
  const parsed = await readCsvRecords(text, { trim: true, bom: true, delimiter: [',', ';'] });
  if (!parsed.ok)
    throw new AppError('invalid', 'bad_request', {
      detail: `CSV${parsed.line ? ` (dòng ${parsed.line})` : ''}`,
    });
  const records = parsed.records;
  const [header, ...body] = records;
  if (!header || body.length === 0) throw new AppError('invalid', 'import_empty');
  if (body.length > MAX_IMPORT_ROWS) {
    throw new AppError('too_large', 'payload_too_large', {
      limit: `${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng`,
    });
  }
  const columns = header.map((h) => COLUMN_ALIASES[h.trim().toLowerCase()] ?? null);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length)
    throw new AppError('invalid', 'import_missing_columns', { columns: missing.join(', ') });
  const col = (name: string) => columns.indexOf(name);

  const kinds = new Map<string, string>();
  for (const k of await repo.listKinds(deps.db)) {
    kinds.set(k.code, k.code);
    kinds.set(searchKey(k.name_vi), k.code);
  }
  const errors: ErrorDetail[] = [];
  const problem = (
    row: number,
    column: string,
    key: ErrorDetail['key'],
    params: Record<string, string | number> = {},
  ) => {
    if (errors.length < MAX_ERRORS) errors.push({ row, column, key, params });
  };
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const rowNo = index + 2; // the header is row 1
    if (cells.length !== header.length) {
      problem(rowNo, '*', 'row_column_count', { count: cells.length, expected: header.length });
      return;
    }
    const get = (name: string) => {
      const i = col(name);
      return i >= 0 ? (cells[i] ?? '').trim() : '';
    };
    const code = get('code');
    const name = get('name');
    const kindText = get('kind');
    if (!code) problem(rowNo, header[col('code')]!, 'row_missing_value');
    else if (!/^[A-Za-z0-9._-]{1,32}$/.test(code))
      problem(rowNo, header[col('code')]!, 'row_bad_code', { value: code });
    if (!name) problem(rowNo, header[col('name')]!, 'row_missing_value');
    const kind = kinds.get(kindText) ?? kinds.get(searchKey(kindText));
    if (!kindText) problem(rowNo, header[col('kind')]!, 'row_missing_value');
    else if (!kind) problem(rowNo, header[col('kind')]!, 'row_unknown_kind', { value: kindText });
    const dates: Record<string, string | null> = {};
    for (const field of ['valid_from', 'valid_to'] as const) {
      const raw = get(field);
      dates[field] = null;
      if (raw) {
        const parsed = parseUserDate(raw);
        if (!parsed) problem(rowNo, header[col(field)]!, 'row_bad_date', { value: raw });
        dates[field] = parsed;
      }
    }
    if (dates.valid_from && dates.valid_to && dates.valid_from > dates.valid_to) {
      problem(rowNo, header[col('valid_to')]!, 'row_validity');
    }
    if (code) {
      const other = seen.get(code);
      if (other !== undefined)
        problem(rowNo, header[col('code')]!, 'row_duplicate_code', { value: code, other });
      else seen.set(code, rowNo);
    }
    rows.push({
      row: rowNo,
      code,
      name,
      kind: kind ?? '',
      parentCode: get('parent_code') || null,
      validFrom: dates.valid_from ?? null,
      validTo: dates.valid_to ?? null,
    });
  });

  // Parents: another row of the file, or a unit already in the system.
  const inFile = new Map(rows.map((r) => [r.code, r]));
  const existing = await repo.findUnitsByCodes(deps.db, [
    ...new Set(rows.flatMap((r) => [r.code, r.parentCode ?? '']).filter(Boolean)),
  ]);
  const parentColumn = col('parent_code') >= 0 ? header[col('parent_code')]! : 'parent_code';
  for (const r of rows) {
    if (r.parentCode && !inFile.has(r.parentCode) && !existing.has(r.parentCode)) {
      problem(r.row, parentColumn, 'row_unknown_parent', { value: r.parentCode });
    }
    const clash = existing.get(r.code);
    if (clash && overlaps(clash, r))
      problem(r.row, header[col('code')]!, 'row_code_taken', { value: r.code, name: clash.name });
  }
  // A parent chain inside the file that loops back on itself.
  for (const r of rows) {
    let cursor: ParsedRow | undefined = r;
    const visited = new Set<string>();
    while (cursor?.parentCode && inFile.has(cursor.parentCode)) {
      if (visited.has(cursor.code)) {
        problem(r.row, parentColumn, 'unit_cycle', { unit: r.name });
        break;
      }
      visited.add(cursor.code);
      cursor = inFile.get(cursor.parentCode);
    }
  }
  // Scope: every parent outside the file must be a unit the actor manages.
  for (const r of rows) {
    const parent =
      r.parentCode && !inFile.has(r.parentCode) ? existing.get(r.parentCode) : undefined;
    const path = parent ? parent.path : r.parentCode ? 'in-file' : null;
    if (path !== 'in-file' && !can(actor, 'unit.manage', path)) {
      problem(r.row, parentColumn, 'forbidden_unit', { unit: parent?.name ?? r.parentCode ?? '—' });
    }
  }
  if (errors.length) {
    throw new AppError(
      'invalid',
      'import_invalid',
      { count: new Set(errors.map((e) => e.row)).size },
      errors,
    );
  }

  // Insert parents before children, one level at a time.
  const now = deps.clock.now();
  const sha256 = createHash('sha256').update(content).digest('hex');
  const imported = await deps.db.transaction(async (tx) => {
    const idOf = new Map<string, number>();
    let pending = rows;
    let done = 0;
    while (pending.length) {
      const ready = pending.filter(
        (r) => !r.parentCode || !inFile.has(r.parentCode) || idOf.has(r.parentCode),
      );
      const ids = await repo.insertUnitsBulk(
        tx,
        ready.map((r) => ({
          code: r.code,
          name: r.name,
          kind: r.kind,
          parentId: r.parentCode
            ? (idOf.get(r.parentCode) ?? existing.get(r.parentCode)!.id)
            : null,
          validFrom: r.validFrom,
          validTo: r.validTo,
          searchKey: searchKey(r.name),
        })),
        now,
      );
      ready.forEach((r, i) => idOf.set(r.code, ids[i]!));
      pending = pending.filter((r) => !idOf.has(r.code));
      done += ready.length;
      onProgress(done, rows.length);
    }
    await repo.rebuildPaths(tx);
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId,
        actorName: actor.username,
        action: 'unit.import',
        entity: 'unit',
        entityId: null,
        unitId: null,
        after: { count: rows.length, sha256, codes: rows.slice(0, 50).map((r) => r.code) },
      },
      now,
    );
    return rows.length;
  });
  return { imported };
}

function overlaps(unit: repo.UnitRow, r: ParsedRow): boolean {
  const startsBeforeEnd = !unit.valid_from || !r.validTo || unit.valid_from <= r.validTo;
  const endsAfterStart = !unit.valid_to || !r.validFrom || unit.valid_to >= r.validFrom;
  return startsBeforeEnd && endsAfterStart;
}

/** Decodes UTF-8 text; binary content (a renamed spreadsheet, an image) is refused. */
function decodeCsv(content: Buffer): string {
  if (content.length === 0) throw new AppError('invalid', 'import_empty');
  if (content.subarray(0, 8192).includes(0)) throw new AppError('unsupported', 'import_not_text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new AppError('unsupported', 'import_not_text');
  }
}

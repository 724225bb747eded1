/**
 * Criteria sets as Excel workbooks, in the layout provinces publish their annexes in: one row per
 * criterion with its code (STT), title, max score, how it is scored, the evidence required, the
 * appraising agency, the scoring rule in the documented text syntax, and what the automatic checks
 * expect of its evidence (type of document, must be signed, issue deadline — the year is the
 * campaign's —, and what a signing day other than the issue day costs). A second sheet holds the
 * set's own fields and a third its classification bands. Export then import gives the same set.
 *
 * Reading is strict: every problem is reported with its sheet, row and column, and nothing is
 * saved unless the whole workbook is right. The file goes through the one file guard and is parsed
 * in a contained worker (infra/workbook.ts), so a renamed file or a zip bomb never reaches the
 * spreadsheet library and a heavy one cannot hold the server.
 */
import { parseUserDate } from '../../../domain/dates.ts';
import { kindName, type NodeEvidenceRequirement } from '../../../domain/documents/findings.ts';
import { OFFICIAL_DOCUMENT_KINDS } from '../../../domain/documents/official-document.ts';
import { formatDateShort } from '../../../domain/format.ts';
import { parseHundredths, formatPointsCompact } from '../../../domain/scoring/decimal.ts';
import { DEFAULT_PAR_BANDS, type ClassBand } from '../../../domain/scoring/index.ts';
import { parseRuleText, RULE_SYNTAX_HELP } from '../../../domain/scoring/rule-text.ts';
import { searchKey } from '../../../domain/text.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import {
  cellText,
  columnLetter,
  openXlsx,
  type Cell,
  type Workbook,
} from '../../infra/workbook.ts';
import type { NodeInput, NodeView, SetMeta } from './service.ts';
import { newWorkbook, workbookBytes } from '../../infra/workbook-write.ts';

export const SHEET_CRITERIA = 'Bộ chỉ số';
export const SHEET_INFO = 'Thông tin';
export const SHEET_BANDS = 'Xếp loại';
export const SHEET_HELP = 'Hướng dẫn';
export const MAX_ROWS = 5000;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

type Field =
  | 'code'
  | 'title'
  | 'max'
  | 'guidance'
  | 'evidence'
  | 'agency'
  | 'rule'
  | 'kind'
  | 'notApplicable'
  | 'source'
  | 'toBeConfirmed'
  | 'requiredKind'
  | 'mustBeSigned'
  | 'deadline'
  | 'signingDateDiffers';

/** Column headers as written on export, and the other names accepted on import (folded). */
const COLUMNS: Array<{
  field: Field;
  header: string;
  aliases: string[];
  width: number;
  required: boolean;
}> = [
  {
    field: 'code',
    header: 'STT',
    aliases: ['stt', 'ma', 'ma tieu chi', 'so tt'],
    width: 9,
    required: true,
  },
  {
    field: 'title',
    header: 'Tiêu chí, tiêu chí thành phần',
    aliases: ['tieu chi', 'noi dung', 'ten tieu chi', 'linh vuc, tieu chi, tieu chi thanh phan'],
    width: 60,
    required: true,
  },
  {
    field: 'max',
    header: 'Điểm tối đa',
    aliases: ['diem toi da', 'diem chuan', 'thang diem'],
    width: 11,
    required: true,
  },
  {
    field: 'guidance',
    header: 'Cách chấm',
    aliases: ['cach cham', 'huong dan cham', 'cach cham diem', 'huong dan'],
    width: 45,
    required: false,
  },
  {
    field: 'evidence',
    header: 'Tài liệu kiểm chứng',
    aliases: ['tai lieu kiem chung', 'tlkc'],
    width: 40,
    required: false,
  },
  {
    field: 'agency',
    header: 'Cơ quan thẩm định',
    aliases: ['co quan tham dinh', 'co quan danh gia', 'don vi tham dinh'],
    width: 18,
    required: false,
  },
  {
    field: 'rule',
    header: 'Quy tắc chấm',
    aliases: ['quy tac cham', 'quy tac', 'quy tac cham diem'],
    width: 40,
    required: false,
  },
  { field: 'kind', header: 'Loại điểm', aliases: ['loai diem'], width: 11, required: false },
  {
    field: 'notApplicable',
    header: 'Không áp dụng',
    aliases: ['khong ap dung', 'kad'],
    width: 13,
    required: false,
  },
  { field: 'source', header: 'Nguồn', aliases: ['nguon'], width: 30, required: false },
  {
    field: 'toBeConfirmed',
    header: 'Cần xác nhận',
    aliases: ['can xac nhan'],
    width: 12,
    required: false,
  },
  {
    field: 'requiredKind',
    header: 'Loại văn bản yêu cầu',
    aliases: ['loai van ban', 'loai van ban kiem chung'],
    width: 18,
    required: false,
  },
  {
    field: 'mustBeSigned',
    header: 'Phải ký số',
    aliases: ['ky so', 'yeu cau ky so'],
    width: 11,
    required: false,
  },
  {
    field: 'deadline',
    header: 'Hạn ban hành',
    aliases: ['thoi han ban hanh', 'han'],
    width: 13,
    required: false,
  },
  {
    field: 'signingDateDiffers',
    header: 'Ngày ký khác ngày ban hành',
    aliases: ['ngay ky khac ngay ban hanh', 'ngay ky so khac ngay ban hanh'],
    width: 16,
    required: false,
  },
];

const YES = ['x', 'co', 'yes', 'true', '1'];
/** What a signing day other than the issue day costs (ADR 34); empty: the default, points at risk. */
const SIGNING_DATE_TEXT = { problem: 'mất điểm', warning: 'cảnh báo' } as const;
const KIND_TEXT = { normal: 'thường', bonus: 'thưởng', penalty: 'trừ' } as const;
const NA_TEXT = { exclude: 'loại trừ', zero: 'tính 0' } as const;
const INFO_KEYS = {
  name: 'Tên bộ chỉ số',
  year: 'Năm đánh giá',
  unitKind: 'Loại đơn vị',
  survey: 'Điểm điều tra xã hội học',
  description: 'Mô tả',
};

/** Writes a set to an .xlsx workbook. */
export async function exportCriteriaXlsx(meta: SetMeta, nodes: NodeView[]): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'parindex';
  const ws = wb.addWorksheet(SHEET_CRITERIA, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  const walk = (list: NodeView[], depth: number) => {
    for (const n of list) {
      const row = ws.addRow({
        code: n.code,
        title: n.title,
        max: formatPointsCompact(n.maxHundredths),
        guidance: n.guidance ?? '',
        evidence: n.evidence ?? '',
        agency: n.agency ?? '',
        rule: n.ruleText ?? '',
        kind: n.kind ? KIND_TEXT[n.kind] : '',
        notApplicable: n.notApplicable ? NA_TEXT[n.notApplicable] : '',
        source: n.source ?? '',
        toBeConfirmed: n.toBeConfirmed ? 'x' : '',
        requiredKind: n.evidenceRequirement?.kind ? kindName(n.evidenceRequirement.kind) : '',
        mustBeSigned: n.evidenceRequirement?.mustBeSigned ? 'x' : '',
        // Written as text ("15/01/2026") like the scores, whatever the reader's locale.
        deadline: n.evidenceRequirement?.deadline
          ? formatDateShort(n.evidenceRequirement.deadline)
          : '',
        signingDateDiffers: n.evidenceRequirement?.signingDateDiffers
          ? SIGNING_DATE_TEXT[n.evidenceRequirement.signingDateDiffers]
          : '',
      });
      if (depth === 1) row.font = { bold: true };
      row.getCell('title').alignment = { indent: depth - 1, wrapText: true };
      row.getCell('max').alignment = { horizontal: 'right' };
      walk(n.children, depth + 1);
    }
  };
  walk(nodes, 1);
  // Max scores are written as text ("1,5") so the decimal comma survives every locale.
  const info = wb.addWorksheet(SHEET_INFO);
  info.columns = [{ width: 28 }, { width: 60 }];
  info.addRows([
    [INFO_KEYS.name, meta.name],
    [INFO_KEYS.year, meta.year],
    [INFO_KEYS.unitKind, meta.unitKind],
    [
      INFO_KEYS.survey,
      meta.surveyMaxHundredths === null ? '' : formatPointsCompact(meta.surveyMaxHundredths),
    ],
    [INFO_KEYS.description, meta.description],
  ]);
  const bands = wb.addWorksheet(SHEET_BANDS);
  bands.columns = [
    { header: 'Mức xếp loại', width: 16 },
    { header: 'Từ (%)', width: 10 },
    { header: 'Đến dưới (%)', width: 14 },
    { header: 'Gồm cận trên', width: 14 },
  ];
  bands.getRow(1).font = { bold: true };
  for (const b of meta.bands) {
    bands.addRow([
      b.label,
      formatPointsCompact(b.fromPercent),
      b.toPercent === null ? '' : formatPointsCompact(b.toPercent),
      b.toInclusive ? 'x' : '',
    ]);
  }
  const help = wb.addWorksheet(SHEET_HELP);
  help.columns = [{ width: 120 }];
  for (const line of RULE_SYNTAX_HELP.split('\n'))
    help.addRow([line]).alignment = { wrapText: true };
  return await workbookBytes(wb);
}

/** A score cell: a number with at most two decimals (1,5 / 1.5 / 1.5 as a number). */
function cellHundredths(cell: Cell):
  | { ok: true; value: number }
  | {
      ok: false;
      key: 'cell_required' | 'cell_not_number' | 'cell_too_many_decimals' | 'cell_negative';
      value: string;
    } {
  const raw = cell.value;
  if (typeof raw === 'number') {
    const scaled = Math.round(raw * 100);
    if (Math.abs(raw * 100 - scaled) > 1e-6)
      return { ok: false, key: 'cell_too_many_decimals', value: String(raw) };
    if (scaled < 0) return { ok: false, key: 'cell_negative', value: String(raw) };
    return { ok: true, value: scaled };
  }
  const text = cellText(cell);
  if (!text) return { ok: false, key: 'cell_required', value: '' };
  const parsed = parseHundredths(text);
  if (!parsed.ok)
    return {
      ok: false,
      key: /thập phân|decimal/i.test(parsed.error) ? 'cell_too_many_decimals' : 'cell_not_number',
      value: text,
    };
  if (parsed.value < 0) return { ok: false, key: 'cell_negative', value: text };
  return { ok: true, value: parsed.value };
}

/** "thường" and "thưởng" differ only by a tone mark, so they are compared with their marks. */
function parseKind(text: string): 'normal' | 'bonus' | 'penalty' | null | undefined {
  const exact = text.normalize('NFC').trim().toLowerCase();
  if (exact === '') return null;
  if (exact === 'thưởng' || exact === 'điểm thưởng' || exact === 'cộng' || exact === 'bonus')
    return 'bonus';
  if (exact === 'thường' || exact === 'normal') return 'normal';
  const folded = searchKey(exact);
  if (folded === 'tru' || folded === 'diem tru' || folded === 'phat' || folded === 'penalty')
    return 'penalty';
  return undefined;
}

/** Reads a workbook into the set's fields and its tree; throws an AppError listing every problem. */
export async function importCriteriaXlsx(
  buffer: Buffer,
): Promise<{ meta: Partial<SetMeta>; nodes: NodeInput[] }> {
  const wb = await openXlsx(buffer, { maxBytes: MAX_FILE_BYTES });
  const ws = wb.getWorksheet(SHEET_CRITERIA) ?? wb.worksheets[0];
  if (!ws) throw new AppError('invalid', 'xlsx_missing_sheet', { sheet: SHEET_CRITERIA });
  const sheet = ws.name;
  if (ws.actualRowCount === 0) throw new AppError('invalid', 'xlsx_empty_sheet', { sheet });
  if (ws.rowCount > MAX_ROWS + 20)
    throw new AppError('too_large', 'xlsx_too_many_rows', {
      sheet,
      count: ws.rowCount.toLocaleString('vi-VN'),
      limit: MAX_ROWS.toLocaleString('vi-VN'),
    });

  const errors: ErrorDetail[] = [];
  const problem = (
    row: number,
    column: string,
    key: ErrorDetail['key'],
    params: Record<string, string | number> = {},
  ) => {
    if (errors.length < 200) errors.push({ sheet, row, column, key, params });
  };
  for (const range of ws.merges) {
    const match = /^([A-Z]+)(\d+)/.exec(range);
    problem(Number(match?.[2] ?? 0), match?.[1] ?? '?', 'cell_merged', { range });
  }

  // The header row: the first of the first 10 rows that names the required columns.
  let headerRow = 0;
  const columnOf = new Map<Field, number>();
  for (let r = 1; r <= Math.min(10, ws.rowCount) && headerRow === 0; r++) {
    const found = new Map<Field, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const key = searchKey(cellText(cell));
      const column = COLUMNS.find((c) => searchKey(c.header) === key || c.aliases.includes(key));
      if (column && !found.has(column.field)) found.set(column.field, col);
    });
    if (COLUMNS.filter((c) => c.required).every((c) => found.has(c.field))) {
      headerRow = r;
      for (const [k, v] of found) columnOf.set(k, v);
    }
  }
  if (headerRow === 0) {
    throw new AppError('invalid', 'xlsx_missing_columns', {
      sheet,
      columns: COLUMNS.filter((c) => c.required)
        .map((c) => c.header)
        .join(', '),
    });
  }
  if (errors.length)
    throw new AppError('invalid', 'xlsx_invalid', { count: errors.length }, errors);

  const headerText = (field: Field) => COLUMNS.find((c) => c.field === field)!.header;
  const at = (field: Field) => `${columnLetter(columnOf.get(field) ?? 0)} (${headerText(field)})`;
  const roots: NodeInput[] = [];
  const byCode = new Map<string, { node: NodeInput; row: number }>();
  let dataRows = 0;
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (field: Field) => (columnOf.has(field) ? row.getCell(columnOf.get(field)!) : null);
    const text = (field: Field) => {
      const cell = get(field);
      return cell ? cellText(cell) : '';
    };
    const code = text('code').replace(/\.$/, '');
    const title = text('title');
    if (!code && !title && !text('max')) continue; // blank line
    dataRows++;
    if (dataRows > MAX_ROWS)
      throw new AppError('too_large', 'xlsx_too_many_rows', {
        sheet,
        count: `> ${MAX_ROWS.toLocaleString('vi-VN')}`,
        limit: MAX_ROWS.toLocaleString('vi-VN'),
      });
    if (!code) problem(r, at('code'), 'cell_required');
    else if (!/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/.test(code))
      problem(r, at('code'), 'cell_bad_code', { value: code });
    if (!title) problem(r, at('title'), 'cell_required');
    const max = cellHundredths(get('max')!);
    if (!max.ok) problem(r, at('max'), max.key, { value: max.value });
    const ruleText = text('rule');
    if (ruleText) {
      const parsed = parseRuleText(ruleText);
      if (!parsed.ok) problem(r, at('rule'), 'cell_bad_rule', { reason: parsed.error });
    }
    const kind = parseKind(text('kind'));
    if (kind === undefined)
      problem(r, at('kind'), 'cell_bad_value', {
        value: text('kind'),
        options: 'thường, thưởng, trừ',
      });
    const naText = searchKey(text('notApplicable'));
    const notApplicable =
      naText === ''
        ? null
        : naText === 'loai tru'
          ? 'exclude'
          : naText === 'tinh 0'
            ? 'zero'
            : undefined;
    if (notApplicable === undefined)
      problem(r, at('notApplicable'), 'cell_bad_value', {
        value: text('notApplicable'),
        options: 'loại trừ, tính 0',
      });
    const requirement: NodeEvidenceRequirement = {};
    const kindText = text('requiredKind');
    if (kindText) {
      const folded = searchKey(kindText);
      const kind = OFFICIAL_DOCUMENT_KINDS.find(
        (k) => searchKey(kindName(k)) === folded || k === folded,
      );
      if (kind) requirement.kind = kind;
      else
        problem(r, at('requiredKind'), 'cell_bad_value', {
          value: kindText,
          options: OFFICIAL_DOCUMENT_KINDS.map(kindName).join('; '),
        });
    }
    const signedText = searchKey(text('mustBeSigned'));
    if (YES.includes(signedText)) requirement.mustBeSigned = true;
    else if (signedText !== '' && !['khong', 'no', 'false', '0'].includes(signedText))
      problem(r, at('mustBeSigned'), 'cell_bad_value', {
        value: text('mustBeSigned'),
        options: 'x (có), để trống (không)',
      });
    const deadlineText = text('deadline');
    if (deadlineText) {
      const deadline = parseUserDate(deadlineText);
      if (deadline) requirement.deadline = deadline;
      else problem(r, at('deadline'), 'cell_bad_date', { value: deadlineText });
    }
    const signingText = searchKey(text('signingDateDiffers'));
    if (signingText === searchKey(SIGNING_DATE_TEXT.problem) || signingText === 'problem')
      requirement.signingDateDiffers = 'problem';
    else if (signingText === searchKey(SIGNING_DATE_TEXT.warning) || signingText === 'warning')
      requirement.signingDateDiffers = 'warning';
    else if (signingText !== '')
      problem(r, at('signingDateDiffers'), 'cell_bad_value', {
        value: text('signingDateDiffers'),
        options: `${SIGNING_DATE_TEXT.problem}, ${SIGNING_DATE_TEXT.warning}, để trống (${SIGNING_DATE_TEXT.problem})`,
      });
    const node: NodeInput = {
      id: null,
      code,
      title,
      maxHundredths: max.ok ? max.value : 0,
      ruleText: ruleText || null,
      notApplicable: notApplicable ?? null,
      kind: kind ?? null,
      guidance: text('guidance') || null,
      evidence: text('evidence') || null,
      agency: text('agency') || null,
      source: text('source') || null,
      toBeConfirmed: YES.includes(searchKey(text('toBeConfirmed'))),
      evidenceRequirement: Object.keys(requirement).length > 0 ? requirement : null,
      children: [],
    };
    if (!code) continue;
    const previous = byCode.get(code);
    if (previous) {
      problem(r, at('code'), 'cell_duplicate_code', { value: code, other: previous.row });
      continue;
    }
    byCode.set(code, { node, row: r });
    const parentCode = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
    if (parentCode === null) roots.push(node);
    else {
      const parent = byCode.get(parentCode);
      if (!parent) problem(r, at('code'), 'cell_orphan', { parent: parentCode });
      else parent.node.children.push(node);
    }
  }
  if (dataRows === 0) throw new AppError('invalid', 'xlsx_empty_sheet', { sheet });

  const meta = readMeta(wb, errors);
  if (errors.length)
    throw new AppError('invalid', 'xlsx_invalid', { count: errors.length }, errors);
  return { meta, nodes: roots };
}

function readMeta(wb: Workbook, errors: ErrorDetail[]): Partial<SetMeta> {
  const meta: Partial<SetMeta> = {};
  const info = wb.getWorksheet(SHEET_INFO);
  if (info) {
    info.eachRow((row, r) => {
      const key = searchKey(cellText(row.getCell(1)));
      const cell = row.getCell(2);
      const value = cellText(cell);
      if (key === searchKey(INFO_KEYS.name) && value) meta.name = value;
      else if (key === searchKey(INFO_KEYS.year) && value) {
        const year = Number(value);
        if (Number.isInteger(year) && year >= 2000 && year <= 2100) meta.year = year;
        else
          errors.push({
            sheet: SHEET_INFO,
            row: r,
            column: 'B',
            key: 'cell_not_number',
            params: { value },
          });
      } else if (key === searchKey(INFO_KEYS.unitKind) && value) meta.unitKind = value;
      else if (key === searchKey(INFO_KEYS.description)) meta.description = value;
      else if (key === searchKey(INFO_KEYS.survey)) {
        if (!value) meta.surveyMaxHundredths = null;
        else {
          const h = cellHundredths(cell);
          if (h.ok) meta.surveyMaxHundredths = h.value;
          else
            errors.push({
              sheet: SHEET_INFO,
              row: r,
              column: 'B',
              key: h.key,
              params: { value: h.value },
            });
        }
      }
    });
  }
  const bandsSheet = wb.getWorksheet(SHEET_BANDS);
  if (bandsSheet) {
    const bands: ClassBand[] = [];
    bandsSheet.eachRow((row, r) => {
      if (r === 1) return;
      const label = cellText(row.getCell(1));
      if (!label) return;
      const from = cellHundredths(row.getCell(2));
      const toText = cellText(row.getCell(3));
      const to = toText ? cellHundredths(row.getCell(3)) : null;
      if (!from.ok)
        errors.push({
          sheet: SHEET_BANDS,
          row: r,
          column: 'B',
          key: from.key,
          params: { value: from.value },
        });
      if (to && !to.ok)
        errors.push({
          sheet: SHEET_BANDS,
          row: r,
          column: 'C',
          key: to.key,
          params: { value: to.value },
        });
      bands.push({
        label,
        fromPercent: from.ok ? from.value : 0,
        toPercent: to && to.ok ? to.value : null,
        ...(cellText(row.getCell(4)) ? { toInclusive: true } : {}),
      });
    });
    meta.bands = bands.length ? bands : [...DEFAULT_PAR_BANDS];
  }
  return meta;
}

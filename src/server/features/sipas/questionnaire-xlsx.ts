/**
 * SIPAS questionnaires as Excel workbooks: the sheet "Câu hỏi" has one row per question (order,
 * element code and name, question code and text, kind, scale, required, "no answer" allowed), the
 * overall question included; "Thông tin" holds the questionnaire's code, version, name, basis, the
 * suggestion prompt and what is still to be checked; "Thông tin người trả lời" has one row per
 * option of each profile question. Export then import gives the same questionnaire.
 *
 * Reading is strict and all or nothing: every problem is reported with its sheet, row and column,
 * the common ones in words of their own and the rest as the domain check words them.
 */
import {
  ELEMENT_IDS,
  ELEMENT_NAMES,
  PROFILE_KEYS,
  QUESTIONNAIRE_FORMAT_VERSION,
  validateQuestionnaire,
  type ElementId,
  type ProfileKey,
  type ProfileQuestion,
  type Questionnaire,
  type QuestionnaireElement,
  type ScaleQuestion,
} from '../../../domain/sipas/questionnaire.ts';
import { searchKey } from '../../../domain/text.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import {
  cellText,
  columnLetter,
  openXlsx,
  type Sheet,
  type Workbook,
} from '../../infra/workbook.ts';
import { newWorkbook, workbookBytes } from '../../infra/workbook-write.ts';

export const SHEET_QUESTIONS = 'Câu hỏi';
export const SHEET_INFO = 'Thông tin';
export const SHEET_PROFILE = 'Thông tin người trả lời';
const MAX_ROWS = 500;

type QuestionField =
  | 'order'
  | 'element'
  | 'elementName'
  | 'code'
  | 'text'
  | 'kind'
  | 'scale'
  | 'required'
  | 'allowNoAnswer';

interface Column<F extends string> {
  field: F;
  header: string;
  width: number;
  required: boolean;
}

const QUESTION_COLUMNS: Column<QuestionField>[] = [
  { field: 'order', header: 'Thứ tự', width: 8, required: false },
  { field: 'element', header: 'Mã yếu tố', width: 14, required: true },
  { field: 'elementName', header: 'Tên yếu tố', width: 30, required: false },
  { field: 'code', header: 'Mã câu hỏi', width: 11, required: true },
  { field: 'text', header: 'Nội dung câu hỏi', width: 80, required: true },
  { field: 'kind', header: 'Loại câu hỏi', width: 16, required: true },
  { field: 'scale', header: 'Thang đo', width: 10, required: false },
  { field: 'required', header: 'Bắt buộc', width: 10, required: false },
  { field: 'allowNoAnswer', header: 'Cho chọn «Không trả lời»', width: 14, required: false },
];

type ProfileField = 'key' | 'text' | 'required' | 'value' | 'label';

const PROFILE_COLUMNS: Column<ProfileField>[] = [
  { field: 'key', header: 'Mã thông tin', width: 16, required: true },
  { field: 'text', header: 'Câu hỏi', width: 45, required: true },
  { field: 'required', header: 'Bắt buộc', width: 10, required: false },
  { field: 'value', header: 'Mã lựa chọn', width: 16, required: true },
  { field: 'label', header: 'Nhãn lựa chọn', width: 40, required: true },
];

const INFO_KEYS = {
  id: 'Mã mẫu phiếu',
  version: 'Phiên bản',
  name: 'Tên mẫu phiếu',
  basis: 'Căn cứ',
  suggestionPrompt: 'Câu hỏi góp ý',
  suggestionMax: 'Số ký tự góp ý tối đa',
  toConfirm: 'Cần đối chiếu',
} as const;
type InfoKey = keyof typeof INFO_KEYS;

const KIND_ELEMENT = 'yếu tố';
const KIND_OVERALL = 'đánh giá chung';
const SCALE = '5 mức';
const YES = 'x';

/** Writes a questionnaire to an .xlsx workbook. */
export async function exportQuestionnaireXlsx(q: Questionnaire): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'parindex';
  const ws = wb.addWorksheet(SHEET_QUESTIONS, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = QUESTION_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  let order = 0;
  const add = (question: ScaleQuestion, element: QuestionnaireElement | null) => {
    order += 1;
    ws
      .addRow({
        order,
        element: element?.id ?? '',
        elementName: element?.name ?? '',
        code: question.id,
        text: question.text,
        kind: element ? KIND_ELEMENT : KIND_OVERALL,
        scale: SCALE,
        required: question.required ? YES : '',
        allowNoAnswer: question.allowNoAnswer ? YES : '',
      })
      .getCell('text').alignment = { wrapText: true, vertical: 'top' };
  };
  for (const element of q.elements)
    for (const question of element.questions) add(question, element);
  add(q.overallQuestion, null);

  const info = wb.addWorksheet(SHEET_INFO);
  info.columns = [
    { header: 'Mục', width: 26 },
    { header: 'Giá trị', width: 100 },
  ];
  info.getRow(1).font = { bold: true };
  info.addRows([
    [INFO_KEYS.id, q.id],
    [INFO_KEYS.version, q.version],
    [INFO_KEYS.name, q.name],
    [INFO_KEYS.basis, q.basis],
    [INFO_KEYS.suggestionPrompt, q.suggestion.prompt],
    [INFO_KEYS.suggestionMax, q.suggestion.maxLength],
    ...q.toConfirm.map((item) => [INFO_KEYS.toConfirm, item]),
  ]);
  info.getColumn(2).alignment = { wrapText: true };

  const profile = wb.addWorksheet(SHEET_PROFILE, { views: [{ state: 'frozen', ySplit: 1 }] });
  profile.columns = PROFILE_COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.width,
  }));
  profile.getRow(1).font = { bold: true };
  for (const p of q.profile) {
    for (const o of p.options) {
      profile.addRow({
        key: p.key,
        text: p.text,
        required: p.required ? YES : '',
        value: o.value,
        label: o.label,
      });
    }
  }
  return await workbookBytes(wb);
}

/** Where a value of the questionnaire came from in the workbook. */
interface Place {
  sheet: string;
  row: number;
  column?: string;
}

/** Collects located problems; at most 200, one per cell. */
class Problems {
  readonly list: ErrorDetail[] = [];
  private readonly cells = new Set<string>();

  add(place: Place, key: MessageKey, params: Record<string, string | number> = {}): void {
    if (this.list.length >= 200) return;
    // One problem per cell is enough; problems of a whole sheet are all kept.
    if (place.row > 0 && place.column) {
      const id = `${place.sheet}|${place.row}|${place.column}`;
      if (this.cells.has(id)) return;
      this.cells.add(id);
    }
    this.list.push({
      sheet: place.sheet,
      ...(place.row > 0 ? { row: place.row } : {}),
      ...(place.column ? { column: place.column } : {}),
      key,
      params,
    });
  }
}

/** Finds the header row (one of the first 10) naming every required column. */
function findColumns<F extends string>(
  ws: Sheet,
  columns: Column<F>[],
): { headerRow: number; at: (field: F) => string; index: Map<F, number> } {
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const found = new Map<F, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const key = searchKey(cellText(cell));
      const column = columns.find((c) => searchKey(c.header) === key);
      if (column && !found.has(column.field)) found.set(column.field, col);
    });
    if (columns.filter((c) => c.required).every((c) => found.has(c.field))) {
      const header = (field: F) => columns.find((c) => c.field === field)!.header;
      return {
        headerRow: r,
        index: found,
        at: (field) => `${columnLetter(found.get(field) ?? 0)} (${header(field)})`,
      };
    }
  }
  throw new AppError('invalid', 'xlsx_missing_columns', {
    sheet: ws.name,
    columns: columns
      .filter((c) => c.required)
      .map((c) => c.header)
      .join(', '),
  });
}

const isYes = (text: string) => ['x', 'co', 'yes', 'true', '1'].includes(searchKey(text));

/** Reads an element code: the code itself ("access") or its number in the decision (1–5). */
function elementOf(text: string): ElementId | null {
  const folded = searchKey(text);
  const byCode = ELEMENT_IDS.find((id) => searchKey(id) === folded);
  if (byCode) return byCode;
  const n = Number(folded);
  return Number.isInteger(n) && n >= 1 && n <= ELEMENT_IDS.length ? ELEMENT_IDS[n - 1]! : null;
}

interface QuestionRow {
  row: number;
  sort: number;
  element: ElementId | null;
  elementName: string;
  question: ScaleQuestion;
}

/** Reads a workbook into a questionnaire; throws an AppError listing every problem, located. */
export async function importQuestionnaireXlsx(buffer: Buffer): Promise<Questionnaire> {
  const wb = await openXlsx(buffer);
  const problems = new Problems();
  const places = new Map<string, Place>();

  // --- questions -------------------------------------------------------------------------
  const ws = wb.getWorksheet(SHEET_QUESTIONS) ?? wb.worksheets[0];
  if (!ws) throw new AppError('invalid', 'xlsx_missing_sheet', { sheet: SHEET_QUESTIONS });
  const sheet = ws.name;
  if (ws.actualRowCount === 0) throw new AppError('invalid', 'xlsx_empty_sheet', { sheet });
  const { headerRow, at, index } = findColumns(ws, QUESTION_COLUMNS);
  const rows: QuestionRow[] = [];
  let overall: QuestionRow | null = null;
  const codes = new Map<string, number>();
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const text = (field: QuestionField) =>
      index.has(field) ? cellText(row.getCell(index.get(field)!)) : '';
    if (QUESTION_COLUMNS.every((c) => text(c.field) === '')) continue;
    if (rows.length + (overall ? 1 : 0) >= MAX_ROWS)
      throw new AppError('too_large', 'xlsx_too_many_rows', {
        sheet,
        count: `> ${MAX_ROWS}`,
        limit: String(MAX_ROWS),
      });
    const place = (field: QuestionField): Place => ({ sheet, row: r, column: at(field) });

    const kindText = searchKey(text('kind'));
    const isOverall = kindText === searchKey(KIND_OVERALL);
    if (!isOverall && kindText !== searchKey(KIND_ELEMENT)) {
      problems.add(place('kind'), kindText === '' ? 'cell_required' : 'cell_bad_value', {
        value: text('kind'),
        options: `${KIND_ELEMENT}, ${KIND_OVERALL}`,
      });
    }
    let element: ElementId | null = null;
    if (!isOverall) {
      element = elementOf(text('element'));
      if (!element) {
        problems.add(
          place('element'),
          text('element') === '' ? 'cell_required' : 'cell_bad_value',
          {
            value: text('element'),
            options: `${ELEMENT_IDS.join(', ')} (hoặc 1–${ELEMENT_IDS.length})`,
          },
        );
      }
    }
    const scale = searchKey(text('scale'));
    if (scale !== '' && scale !== searchKey(SCALE) && scale !== '5') {
      problems.add(place('scale'), 'cell_bad_value', { value: text('scale'), options: SCALE });
    }
    const code = text('code');
    if (code === '') problems.add(place('code'), 'cell_required');
    else if (codes.has(code))
      problems.add(place('code'), 'cell_duplicate_code', { value: code, other: codes.get(code)! });
    else codes.set(code, r);
    const questionText = text('text');
    if (questionText === '') problems.add(place('text'), 'cell_required');

    let sort = rows.length + 1;
    const orderText = text('order');
    if (orderText !== '') {
      const n = Number(orderText.replace(',', '.'));
      if (!Number.isFinite(n))
        problems.add(place('order'), 'cell_not_number', { value: orderText });
      else sort = n;
    }
    const entry: QuestionRow = {
      row: r,
      sort,
      element,
      elementName: text('elementName'),
      question: {
        id: code,
        text: questionText,
        // An absent column means the usual: answered, and no "no answer".
        required: index.has('required') ? isYes(text('required')) : true,
        allowNoAnswer: isYes(text('allowNoAnswer')),
      },
    };
    if (isOverall) {
      if (overall) problems.add(place('kind'), 'sipas_xlsx_two_overall', { other: overall.row });
      else overall = entry;
    } else rows.push(entry);
  }
  if (rows.length === 0 && !overall) throw new AppError('invalid', 'xlsx_empty_sheet', { sheet });
  if (!overall) problems.add({ sheet, row: 0 }, 'sipas_xlsx_no_overall');

  // Elements in the order of their first question, questions by their order number.
  const sorted = [...rows].sort((a, b) => a.sort - b.sort);
  const elements: QuestionnaireElement[] = [];
  const firstRow = new Map<ElementId, QuestionRow>();
  for (const entry of sorted) {
    if (!entry.element) continue;
    let element = elements.find((e) => e.id === entry.element);
    const first = firstRow.get(entry.element);
    if (!element || !first) {
      element = {
        id: entry.element,
        name: entry.elementName || ELEMENT_NAMES[entry.element],
        questions: [],
      };
      elements.push(element);
      firstRow.set(entry.element, entry);
    } else if (entry.elementName !== '' && entry.elementName !== element.name) {
      problems.add(
        { sheet, row: entry.row, column: at('elementName') },
        'sipas_xlsx_element_name',
        {
          other: first.row,
          name: element.name,
        },
      );
    }
    const i = elements.indexOf(element);
    const j = element.questions.length;
    (element.questions as ScaleQuestion[]).push(entry.question);
    const base = `elements[${i}]`;
    places.set(`${base}.id`, { sheet, row: first?.row ?? entry.row, column: at('element') });
    places.set(`${base}.name`, {
      sheet,
      row: first?.row ?? entry.row,
      column: at('elementName'),
    });
    placeQuestion(places, `${base}.questions[${j}]`, sheet, entry.row, at);
  }
  if (overall) placeQuestion(places, 'overallQuestion', sheet, overall.row, at);

  // --- information -----------------------------------------------------------------------
  const info: Partial<Record<InfoKey, string>> = {};
  const toConfirm: string[] = [];
  const infoSheet = wb.getWorksheet(SHEET_INFO);
  if (!infoSheet) throw new AppError('invalid', 'xlsx_missing_sheet', { sheet: SHEET_INFO });
  infoSheet.eachRow((row, r) => {
    const label = searchKey(cellText(row.getCell(1)));
    const key = (Object.keys(INFO_KEYS) as InfoKey[]).find(
      (k) => searchKey(INFO_KEYS[k]) === label,
    );
    if (!key) return;
    const value = cellText(row.getCell(2));
    const place: Place = { sheet: SHEET_INFO, row: r, column: 'B' };
    if (key === 'toConfirm') {
      if (value !== '') {
        places.set(`toConfirm[${toConfirm.length}]`, place);
        toConfirm.push(value);
      }
      return;
    }
    info[key] = value;
    places.set(INFO_PATHS[key], place);
  });
  for (const key of Object.keys(INFO_KEYS) as InfoKey[]) {
    if (key !== 'toConfirm' && info[key] === undefined)
      problems.add({ sheet: SHEET_INFO, row: 0 }, 'sipas_xlsx_missing_info', {
        key: INFO_KEYS[key],
      });
  }
  const maxText = info.suggestionMax ?? '';
  const maxLength = /^\d+$/.test(maxText.replace(/[.\s]/g, ''))
    ? Number(maxText.replace(/[.\s]/g, ''))
    : Number.NaN;
  if (maxText !== '' && Number.isNaN(maxLength))
    problems.add(places.get('suggestion.maxLength')!, 'cell_not_number', { value: maxText });

  // --- profile ---------------------------------------------------------------------------
  const profile = readProfile(wb, problems, places);

  const questionnaire: Questionnaire = {
    formatVersion: QUESTIONNAIRE_FORMAT_VERSION,
    id: info.id ?? '',
    version: info.version ?? '',
    name: info.name ?? '',
    basis: info.basis ?? '',
    elements,
    overallQuestion: overall?.question ?? {
      id: '',
      text: '',
      required: true,
      allowNoAnswer: false,
    },
    profile,
    suggestion: { prompt: info.suggestionPrompt ?? '', maxLength },
    toConfirm,
  };

  // Whatever else the domain check finds, located where the workbook holds it.
  for (const p of validateQuestionnaire(questionnaire)) {
    const place = places.get(p.path) ?? placeOfParent(places, p.path);
    problems.add(place ?? { sheet, row: 0 }, 'sipas_problem', {
      message: p.message,
    });
  }
  if (problems.list.length > 0)
    throw new AppError('invalid', 'xlsx_invalid', { count: problems.list.length }, problems.list);
  return questionnaire;
}

const INFO_PATHS: Record<Exclude<InfoKey, 'toConfirm'>, string> = {
  id: 'id',
  version: 'version',
  name: 'name',
  basis: 'basis',
  suggestionPrompt: 'suggestion.prompt',
  suggestionMax: 'suggestion.maxLength',
};

function placeQuestion(
  places: Map<string, Place>,
  path: string,
  sheet: string,
  row: number,
  at: (field: QuestionField) => string,
): void {
  places.set(`${path}.id`, { sheet, row, column: at('code') });
  places.set(`${path}.text`, { sheet, row, column: at('text') });
  places.set(`${path}.required`, { sheet, row, column: at('required') });
  places.set(`${path}.allowNoAnswer`, { sheet, row, column: at('allowNoAnswer') });
  places.set(path, { sheet, row });
}

/** "elements[0].questions" → the place of "elements[0].name"; else the nearest known parent. */
function placeOfParent(places: Map<string, Place>, path: string): Place | undefined {
  let p = path;
  while (p.includes('.') || p.includes('[')) {
    p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    const found = places.get(p) ?? places.get(`${p}.name`) ?? places.get(`${p}.text`);
    if (found) return found;
  }
  return undefined;
}

function readProfile(
  wb: Workbook,
  problems: Problems,
  places: Map<string, Place>,
): ProfileQuestion[] {
  const ws = wb.getWorksheet(SHEET_PROFILE);
  // A questionnaire may ask no profile question at all.
  if (!ws || ws.actualRowCount <= 1) return [];
  const sheet = ws.name;
  const { headerRow, at, index } = findColumns(ws, PROFILE_COLUMNS);
  const profile: {
    key: ProfileKey;
    text: string;
    required: boolean;
    options: ProfileQuestion['options'][number][];
    row: number;
  }[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const text = (field: ProfileField) =>
      index.has(field) ? cellText(row.getCell(index.get(field)!)) : '';
    if (PROFILE_COLUMNS.every((c) => text(c.field) === '')) continue;
    const place = (field: ProfileField): Place => ({ sheet, row: r, column: at(field) });
    const keyText = text('key');
    const key = PROFILE_KEYS.find((k) => searchKey(k) === searchKey(keyText));
    if (!key) {
      problems.add(place('key'), keyText === '' ? 'cell_required' : 'cell_bad_value', {
        value: keyText,
        options: PROFILE_KEYS.join(', '),
      });
      continue;
    }
    let item = profile.find((p) => p.key === key);
    if (!item) {
      item = { key, text: text('text'), required: isYes(text('required')), options: [], row: r };
      profile.push(item);
      const i = profile.length - 1;
      places.set(`profile[${i}].key`, place('key'));
      places.set(`profile[${i}].text`, place('text'));
      places.set(`profile[${i}].required`, place('required'));
      places.set(`profile[${i}].options`, place('value'));
      places.set(`profile[${i}]`, { sheet, row: r });
    }
    const i = profile.indexOf(item);
    const j = item.options.length;
    places.set(`profile[${i}].options[${j}].value`, place('value'));
    places.set(`profile[${i}].options[${j}].label`, place('label'));
    places.set(`profile[${i}].options[${j}]`, { sheet, row: r });
    item.options.push({ value: text('value'), label: text('label') });
  }
  return profile.map(({ row: _row, ...p }) => p);
}

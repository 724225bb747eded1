/**
 * A survey questionnaire as an Excel workbook, one sheet per part (information with the version,
 * scale, survey nodes, respondent groups, questions, rating rules): exported, edited, imported back
 * (the same design; every problem by sheet, row and column, nothing saved). And the survey's
 * results as a workbook: per unit and node, then per unit, question and group, with the counts
 * and formulas behind every number.
 */
import type { SurveyDesign } from '../../../domain/social-survey/design.ts';
import { formatPointsCompact, parseHundredths } from '../../../domain/scoring/decimal.ts';
import { formatPoints, formatScaled } from '../../../domain/scoring/decimal.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import { translate, type Locale, type MessageKey } from '../../i18n/messages.ts';
import { cellText, columnLetter, openXlsx, type Sheet } from '../../infra/workbook.ts';
import { newWorkbook, workbookBytes } from '../../infra/workbook-write.ts';

/** Sheets and their columns: the file's format (the headers are read back on import). */
export const SHEETS = {
  info: { name: 'Thông tin', columns: ['Mục', 'Giá trị'] },
  scale: { name: 'Thang đo', columns: ['Mã', 'Mức', 'Giá trị (%)', 'Tích cực', 'Loại trừ'] },
  nodes: { name: 'Nút điều tra', columns: ['Mã', 'Tên', 'Điểm tối đa', 'Nguồn'] },
  groups: { name: 'Nhóm đối tượng', columns: ['Mã', 'Tên', 'Trọng số'] },
  questions: { name: 'Câu hỏi', columns: ['Mã', 'Nội dung', 'Nút', 'Nhóm được hỏi'] },
  rules: {
    name: 'Ai đánh giá ai',
    columns: ['Nhóm', 'Loại đơn vị người trả lời', 'Phạm vi', 'Cỡ mẫu'],
  },
} as const;

const INFO = {
  unitKind: 'Loại đơn vị được đánh giá',
  criteriaSet: 'Bộ chỉ số',
  version: 'Phiên bản',
  method: 'Cách tính',
} as const;
const METHOD_TEXT = { favourable: 'tỷ lệ tích cực', mean: 'điểm trung bình' } as const;
const SOURCE_TEXT = { questions: 'câu hỏi', sipas: 'SIPAS' } as const;
const SCOPE_TEXT = { same_parent: 'cùng đơn vị cấp trên', province: 'toàn tỉnh' } as const;
const YES = 'x';

/** Writes a questionnaire's workbook. */
export async function exportQuestionnaireXlsx(
  design: SurveyDesign,
  meta: { unitKind: string; criteriaSetName: string; version: number; locale: Locale },
): Promise<Buffer> {
  const wb = await newWorkbook();
  const sheet = (part: keyof typeof SHEETS, rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(SHEETS[part].name);
    ws.addRow([...SHEETS[part].columns]).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c) => (c.width = 24));
  };
  sheet('info', [
    [INFO.unitKind, meta.unitKind],
    [INFO.criteriaSet, meta.criteriaSetName],
    [INFO.version, meta.version],
    [INFO.method, METHOD_TEXT[design.method]],
  ]);
  sheet('scale', [
    ...design.scale.levels.map((l) => [
      l.code,
      l.label,
      formatPointsCompact(l.valueHundredths),
      design.scale.favourable.includes(l.code) ? YES : '',
      '',
    ]),
    ...design.scale.excluded.map((l) => [l.code, l.label, '', '', YES]),
  ]);
  sheet(
    'nodes',
    design.nodes.map((n) => [
      n.code,
      n.title,
      formatPointsCompact(n.maxHundredths),
      SOURCE_TEXT[n.source],
    ]),
  );
  sheet(
    'groups',
    design.groups.map((g) => [g.code, g.name, g.weight]),
  );
  sheet(
    'questions',
    design.questions.map((q) => [q.code, q.text, q.nodes.join(', '), q.groups.join(', ')]),
  );
  sheet(
    'rules',
    design.rules.map((r) => [r.group, r.raterKind, SCOPE_TEXT[r.scope], r.sampleSize]),
  );
  return await workbookBytes(wb);
}

/** Where a design field ('questions.3.nodes.0') is in the workbook: sheet, row, column. */
export function locateDesignField(field: string): Pick<ErrorDetail, 'sheet' | 'row' | 'column'> {
  const [part, index, sub] = field.replace(/^design\./, '').split('.');
  const fieldColumn: Record<string, Record<string, number>> = {
    scale: { code: 0, label: 1, valueHundredths: 2 },
    nodes: { code: 0, title: 1, maxHundredths: 2, source: 3 },
    groups: { code: 0, name: 1, weight: 2 },
    questions: { code: 0, text: 1, nodes: 2, groups: 3 },
    rules: { group: 0, raterKind: 1, scope: 2, sampleSize: 3 },
  };
  const key = (part === 'scale' ? 'scale' : part) as keyof typeof SHEETS;
  if (!(key in SHEETS)) return {};
  const sheet = SHEETS[key];
  // Scale fields are 'scale.levels.i.x', 'scale.excluded.i.x' or 'scale.favourable.i'.
  const [rowIndex, column] =
    part === 'scale' ? [field.split('.')[2], field.split('.')[3] ?? 'code'] : [index, sub];
  const row = rowIndex !== undefined && /^\d+$/.test(rowIndex) ? Number(rowIndex) + 2 : undefined;
  const c = column !== undefined ? fieldColumn[key]?.[column] : undefined;
  return {
    sheet: sheet.name,
    ...(row !== undefined ? { row } : {}),
    ...(c !== undefined ? { column: `${columnLetter(c)} (${sheet.columns[c]})` } : {}),
  };
}

/** Reads a questionnaire workbook: the design and the version it was exported at (null: none). */
export async function readQuestionnaireXlsx(
  buffer: Buffer,
): Promise<{ design: SurveyDesign; version: number | null }> {
  const wb = await openXlsx(buffer);
  const problems: ErrorDetail[] = [];
  const rowsOf = (part: keyof typeof SHEETS): { row: number; cells: string[] }[] => {
    const def = SHEETS[part];
    const ws: Sheet | undefined = wb.getWorksheet(def.name);
    if (!ws) {
      problems.push({ sheet: def.name, key: 'xlsx_missing_sheet', params: { sheet: def.name } });
      return [];
    }
    const header = def.columns.map((_, i) => cellText(ws.getRow(1).getCell(i + 1)).trim());
    const missing = def.columns.filter((c, i) => header[i] !== c);
    if (missing.length > 0) {
      problems.push({
        sheet: def.name,
        row: 1,
        key: 'xlsx_missing_columns',
        params: { sheet: def.name, columns: missing.join(', ') },
      });
      return [];
    }
    const out: { row: number; cells: string[] }[] = [];
    ws.eachRow((r, n) => {
      if (n === 1) return;
      out.push({ row: n, cells: def.columns.map((_, i) => cellText(r.getCell(i + 1)).trim()) });
    });
    return out;
  };
  const bad = (part: keyof typeof SHEETS, row: number, col: number, key: MessageKey, params = {}) =>
    problems.push({
      sheet: SHEETS[part].name,
      row,
      column: `${columnLetter(col)} (${SHEETS[part].columns[col]})`,
      key,
      params,
    });
  const hundredths = (part: keyof typeof SHEETS, row: number, col: number, text: string) => {
    const parsed = parseHundredths(text);
    if (!parsed.ok) {
      bad(part, row, col, 'survey_xlsx_number', { value: text });
      return 0;
    }
    return parsed.value;
  };
  const list = (text: string) =>
    text
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');

  const info = new Map(rowsOf('info').map((r) => [r.cells[0], r]));
  const methodRow = info.get(INFO.method);
  let method: SurveyDesign['method'] = 'favourable';
  if (methodRow) {
    const m = (Object.keys(METHOD_TEXT) as (keyof typeof METHOD_TEXT)[]).find(
      (k) => METHOD_TEXT[k] === methodRow.cells[1] || k === methodRow.cells[1],
    );
    if (m) method = m;
    else
      bad('info', methodRow.row, 1, 'survey_xlsx_choice', {
        value: methodRow.cells[1] ?? '',
        choices: Object.values(METHOD_TEXT).join(', '),
      });
  }
  const versionText = info.get(INFO.version)?.cells[1] ?? '';
  const version = /^\d+$/.test(versionText) ? Number(versionText) : null;

  const scale: SurveyDesign['scale'] = { levels: [], excluded: [], favourable: [] };
  for (const { row, cells } of rowsOf('scale')) {
    const [code = '', label = '', value = '', fav = '', excl = ''] = cells;
    if (excl.toLowerCase() === YES) scale.excluded.push({ code, label });
    else {
      scale.levels.push({ code, label, valueHundredths: hundredths('scale', row, 2, value) });
      if (fav.toLowerCase() === YES) scale.favourable.push(code);
    }
  }
  const nodes: SurveyDesign['nodes'] = rowsOf('nodes').map(({ row, cells }) => {
    const [code = '', title = '', max = '', source = ''] = cells;
    const s = (Object.keys(SOURCE_TEXT) as (keyof typeof SOURCE_TEXT)[]).find(
      (k) => SOURCE_TEXT[k].toLowerCase() === source.toLowerCase() || k === source,
    );
    if (!s)
      bad('nodes', row, 3, 'survey_xlsx_choice', {
        value: source,
        choices: Object.values(SOURCE_TEXT).join(', '),
      });
    return {
      code,
      title,
      maxHundredths: hundredths('nodes', row, 2, max),
      source: s ?? 'questions',
    };
  });
  const groups: SurveyDesign['groups'] = rowsOf('groups').map(({ row, cells }) => {
    const [code = '', name = '', weight = ''] = cells;
    if (!/^\d+$/.test(weight)) bad('groups', row, 2, 'survey_xlsx_number', { value: weight });
    return { code, name, weight: Number(weight) || 0 };
  });
  const questions: SurveyDesign['questions'] = rowsOf('questions').map(({ cells }) => {
    const [code = '', text = '', n = '', g = ''] = cells;
    return { code, text, nodes: list(n), groups: list(g) };
  });
  const rules: SurveyDesign['rules'] = rowsOf('rules').map(({ row, cells }) => {
    const [group = '', raterKind = '', scope = '', size = ''] = cells;
    const sc = (Object.keys(SCOPE_TEXT) as (keyof typeof SCOPE_TEXT)[]).find(
      (k) => SCOPE_TEXT[k] === scope || k === scope,
    );
    if (!sc)
      bad('rules', row, 2, 'survey_xlsx_choice', {
        value: scope,
        choices: Object.values(SCOPE_TEXT).join(', '),
      });
    if (!/^\d*$/.test(size)) bad('rules', row, 3, 'survey_xlsx_number', { value: size });
    return { group, raterKind, scope: sc ?? 'same_parent', sampleSize: Number(size) || 0 };
  });
  if (problems.length > 0)
    throw new AppError('invalid', 'xlsx_invalid', { count: problems.length }, problems);
  return { design: { method, scale, nodes, groups, questions, rules }, version };
}

interface ResultsView {
  units: {
    unitCode: string;
    unitName: string;
    unitKind: string;
    pointsHundredths: number | null;
    maxHundredths: number | null;
    nodes: {
      code: string;
      title: string;
      maxHundredths: number;
      shareHundredths: number | null;
      pointsHundredths: number | null;
      formula: string | null;
    }[];
    questions: {
      question: string;
      shareHundredths: number | null;
      formula: string | null;
      groups: {
        group: string;
        weight: number;
        answers: number;
        excluded: number;
        valid: number;
        favourable: number;
        shareHundredths: number | null;
        formula: string | null;
      }[];
    }[];
  }[];
  provisional: boolean;
}

/** The survey's results as a workbook: units and nodes, then questions and groups. */
export async function exportResultsXlsx(
  survey: { campaignName: string },
  results: ResultsView,
  locale: Locale,
): Promise<Buffer> {
  const t = (key: MessageKey) => translate(locale, key);
  const pct = (h: number | null) => (h === null ? '' : `${formatScaled(h, 2)} %`);
  const pts = (h: number | null) => (h === null ? '' : formatPoints(h));
  const wb = await newWorkbook();
  const units = wb.addWorksheet(t('survey_sheet_units'));
  units.addRow([
    `${survey.campaignName}${results.provisional ? ` (${t('survey_provisional')})` : ''}`,
  ]).font = { bold: true };
  units.addRow([
    t('survey_col_unit_code'),
    t('survey_col_unit'),
    t('survey_col_node'),
    t('survey_col_max'),
    t('survey_col_share'),
    t('survey_col_points'),
    t('survey_col_formula'),
  ]).font = { bold: true };
  for (const u of results.units) {
    for (const n of u.nodes)
      units.addRow([
        u.unitCode,
        u.unitName,
        `${n.code} ${n.title}`,
        pts(n.maxHundredths),
        pct(n.shareHundredths),
        pts(n.pointsHundredths),
        n.formula ?? '',
      ]);
    units.addRow([
      u.unitCode,
      u.unitName,
      t('survey_col_total'),
      pts(u.maxHundredths),
      '',
      pts(u.pointsHundredths),
      '',
    ]).font = { bold: true };
  }
  const questions = wb.addWorksheet(t('survey_sheet_questions'));
  questions.addRow([
    t('survey_col_unit_code'),
    t('survey_col_unit'),
    t('survey_col_question'),
    t('survey_col_group'),
    t('survey_col_weight'),
    t('survey_col_answers'),
    t('survey_col_excluded'),
    t('survey_col_valid'),
    t('survey_col_favourable'),
    t('survey_col_share'),
    t('survey_col_formula'),
  ]).font = { bold: true };
  for (const u of results.units)
    for (const q of u.questions) {
      for (const g of q.groups)
        questions.addRow([
          u.unitCode,
          u.unitName,
          q.question,
          g.group,
          g.weight,
          g.answers,
          g.excluded,
          g.valid,
          g.favourable,
          pct(g.shareHundredths),
          g.formula ?? '',
        ]);
      questions.addRow([
        u.unitCode,
        u.unitName,
        q.question,
        t('survey_col_weighted'),
        '',
        '',
        '',
        '',
        '',
        pct(q.shareHundredths),
        q.formula ?? '',
      ]).font = { italic: true };
    }
  for (const ws of [units, questions]) ws.columns.forEach((c) => (c.width = 18));
  return await workbookBytes(wb);
}

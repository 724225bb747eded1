/**
 * Importing SIPAS answers from a CSV (UTF-8) or Excel (.xlsx) file in two steps. The preview reads
 * the file, lists its columns with sample values, proposes which column feeds which part of the
 * form (matched on names without diacritics: "Câu 1.1", "Đơn vị", "Lĩnh vực"…), and shows the
 * first rows checked with that mapping. The import takes the file again with the mapping the user
 * confirmed and stores every row in one transaction, or none: every problem is reported with its
 * row and column.
 *
 * Cells: a level is 1–5 or its label ("Hài lòng"); "Không trả lời" / "no-answer" is no answer; a
 * profile value is its code or label; the unit is its code, id or name; the field its code or
 * name. Rows without a client id get one derived from the file's content and the row number, so
 * importing the same file twice reports every row as already imported instead of counting it twice.
 */
import { createHash } from 'node:crypto';
import { readCsvRecords } from '../../infra/csv-read.ts';
import type { Actor } from '../../../domain/access.ts';
import {
  ANSWER_LABELS,
  NO_ANSWER,
  SATISFACTION_LEVELS,
  scaleQuestions,
} from '../../../domain/sipas/questionnaire.ts';
import {
  dedupeKeys,
  validateSubmission,
  type SurveySubmission,
} from '../../../domain/sipas/answers.ts';
import { searchKey } from '../../../domain/text.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound, type ErrorDetail } from '../../errors.ts';
import { plainText, readXlsxTable, type PlainCell } from '../../infra/workbook.ts';
import * as repo from './repository.ts';
import {
  appendSipasAudit,
  canManageCampaign,
  loadCampaignContext,
  type CampaignContext,
} from './service.ts';

export const MAX_IMPORT_ROWS = 50_000;
const MAX_PROBLEMS = 200;
const PREVIEW_ROWS = 10;

/** A file read as a table of text cells. */
interface Table {
  headers: string[];
  rows: string[][];
  /** Spreadsheet row number of each data row (the header is row 1 in CSV). */
  rowNumbers: number[];
  hash: string;
}

async function readCsv(content: Buffer): Promise<Table> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new AppError('unsupported', 'sipas_import_unreadable');
  }
  const parsed = await readCsvRecords(text, { trim: true, bom: true, delimiter: [',', ';', '\t'] });
  if (!parsed.ok) throw new AppError('invalid', 'sipas_import_unreadable');
  const records = parsed.records;
  const [headers, ...rows] = records;
  if (!headers || rows.length === 0) throw new AppError('invalid', 'import_empty');
  return {
    headers,
    rows,
    rowNumbers: rows.map((_, i) => i + 2),
    hash: createHash('sha256').update(content).digest('hex'),
  };
}

async function readXlsx(content: Buffer): Promise<Table> {
  // One row more than allowed tells the file is too long without reading all of it.
  const sheet = await readXlsxTable(content, MAX_IMPORT_ROWS + 2);
  const [first, ...rest] = sheet.rows;
  if (!first || first.rowNumber !== 1 || rest.length === 0)
    throw new AppError('invalid', 'import_empty');
  const width = Math.max(...sheet.rows.map((r) => r.cells.length));
  const read = (cells: PlainCell[]) => Array.from({ length: width }, (_, c) => plainText(cells[c]));
  const headers = read(first.cells);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const r of rest) {
    const cells = read(r.cells);
    if (cells.every((c) => c === '')) continue;
    rows.push(cells);
    rowNumbers.push(r.rowNumber);
  }
  if (rows.length === 0) throw new AppError('invalid', 'import_empty');
  return { headers, rows, rowNumbers, hash: createHash('sha256').update(content).digest('hex') };
}

async function readTable(content: Buffer): Promise<Table> {
  const table =
    content.length >= 4 && content.readUInt32LE(0) === 0x04034b50
      ? await readXlsx(content)
      : await readCsv(content);
  if (table.rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('too_large', 'payload_too_large', {
      limit: `${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng`,
    });
  }
  return table;
}

/** One thing a column can feed. */
interface Target {
  key: string;
  label: string;
  required: boolean;
  /** Folded header texts that propose this target. */
  aliases: string[];
}

function targetsOf(ctx: CampaignContext): Target[] {
  const q = ctx.questionnaire;
  const list: Target[] = [
    {
      key: 'unit',
      label: 'Đơn vị',
      required: true,
      aliases: ['unit', 'don vi', 'ma don vi', 'co quan'],
    },
    {
      key: 'field',
      label: 'Lĩnh vực',
      required: true,
      aliases: ['field', 'linh vuc', 'ma linh vuc'],
    },
    {
      key: 'clientId',
      label: 'Mã phiếu (UUID)',
      required: false,
      aliases: ['clientid', 'client id', 'ma phieu', 'uuid'],
    },
    {
      key: 'dossierCode',
      label: 'Mã hồ sơ',
      required: false,
      aliases: ['dossier', 'dossiercode', 'ma ho so', 'so ho so'],
    },
    {
      key: 'paperSerial',
      label: 'Số sê-ri phiếu giấy',
      required: false,
      aliases: ['paperserial', 'serial', 'so phieu', 'so seri', 'so se-ri', 'seri'],
    },
    {
      key: 'suggestion',
      label: 'Góp ý',
      required: false,
      aliases: ['suggestion', 'gop y', 'y kien', 'y kien gop y', 'de xuat'],
    },
  ];
  for (const { question } of scaleQuestions(q)) {
    const id = searchKey(question.id);
    list.push({
      key: `answers.${question.id}`,
      label: `Câu ${question.id}`,
      required: question.required,
      aliases: [id, `cau ${id}`, `q${id}`, `cau hoi ${id}`, searchKey(question.text)],
    });
  }
  for (const p of q.profile) {
    list.push({
      key: `profile.${p.key}`,
      label: p.text,
      required: p.required,
      aliases: [searchKey(p.key), searchKey(p.text)],
    });
  }
  return list;
}

function proposeMapping(targets: Target[], headers: string[]): Record<string, string | null> {
  const folded = headers.map((h) => searchKey(h));
  const used = new Set<number>();
  const mapping: Record<string, string | null> = {};
  for (const t of targets) {
    const i = folded.findIndex(
      (h, idx) => !used.has(idx) && (t.aliases.includes(h) || searchKey(t.key) === h),
    );
    if (i >= 0) used.add(i);
    mapping[t.key] = i >= 0 ? headers[i]! : null;
  }
  return mapping;
}

const ANSWER_BY_TEXT = new Map<string, unknown>([
  ...SATISFACTION_LEVELS.map((l) => [searchKey(ANSWER_LABELS[l]), l] as [string, unknown]),
  ...SATISFACTION_LEVELS.map((l) => [String(l), l] as [string, unknown]),
  [searchKey(ANSWER_LABELS[NO_ANSWER]), NO_ANSWER],
  [NO_ANSWER, NO_ANSWER],
]);

function answerOf(text: string): unknown {
  if (text === '') return undefined;
  return ANSWER_BY_TEXT.get(searchKey(text)) ?? text;
}

/** A UUID (v4 layout) derived from the file and row, so the same row is recognised again. */
function derivedClientId(campaignId: number, hash: string, row: number): string {
  const h = createHash('sha256').update(`${campaignId}:${hash}:${row}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface RowOutcome {
  row: number;
  values: Record<string, string>;
  submission: SurveySubmission | null;
  problems: { column: string; message: string }[];
}

function checkMapping(
  targets: Target[],
  headers: string[],
  mapping: Record<string, string | null>,
): void {
  const reasons: string[] = [];
  for (const [key, header] of Object.entries(mapping)) {
    if (!targets.some((t) => t.key === key)) reasons.push(`không có mục «${key}»`);
    else if (header !== null && !headers.includes(header)) reasons.push(`không có cột «${header}»`);
  }
  for (const key of ['unit', 'field']) {
    if (!mapping[key])
      reasons.push(`chưa chọn cột cho «${targets.find((t) => t.key === key)!.label}»`);
  }
  if (reasons.length > 0) {
    throw new AppError('invalid', 'sipas_import_mapping_invalid', { reason: reasons.join('; ') });
  }
}

function convertRows(
  ctx: CampaignContext,
  table: Table,
  mapping: Record<string, string | null>,
  limit: number,
): RowOutcome[] {
  const col = new Map<string, number>();
  for (const [key, header] of Object.entries(mapping)) {
    if (header) col.set(key, table.headers.indexOf(header));
  }
  const unitByKey = new Map<string, number>();
  for (const u of ctx.units) {
    unitByKey.set(searchKey(u.code), u.unit_id);
    unitByKey.set(String(u.unit_id), u.unit_id);
    unitByKey.set(searchKey(u.name), u.unit_id);
  }
  const fieldByKey = new Map<string, string>();
  for (const f of ctx.row.fields) {
    fieldByKey.set(searchKey(f.id), f.id);
    fieldByKey.set(searchKey(f.name), f.id);
  }
  const profileByKey = new Map(
    ctx.questionnaire.profile.map((p) => [
      p.key,
      new Map(
        p.options.flatMap((o) => [
          [searchKey(o.value), o.value],
          [searchKey(o.label), o.value],
        ]),
      ),
    ]),
  );
  const out: RowOutcome[] = [];
  const n = Math.min(limit, table.rows.length);
  for (let i = 0; i < n; i++) {
    const cells = table.rows[i]!;
    const rowNo = table.rowNumbers[i]!;
    const get = (key: string): string => {
      const c = col.get(key);
      return c === undefined || c < 0 ? '' : (cells[c] ?? '').trim();
    };
    const values: Record<string, string> = {};
    for (const key of col.keys()) values[key] = get(key);
    const problems: { column: string; message: string }[] = [];
    const unitText = get('unit');
    const unitId = unitByKey.get(searchKey(unitText));
    if (unitText === '') problems.push({ column: mapping.unit!, message: 'thiếu giá trị' });
    else if (unitId === undefined)
      problems.push({
        column: mapping.unit!,
        message: `đơn vị «${unitText}» không tham gia đợt khảo sát`,
      });
    const fieldText = get('field');
    const fieldId = fieldByKey.get(searchKey(fieldText));
    if (fieldText === '') problems.push({ column: mapping.field!, message: 'thiếu giá trị' });
    else if (fieldId === undefined)
      problems.push({
        column: mapping.field!,
        message: `lĩnh vực «${fieldText}» không thuộc đợt khảo sát`,
      });
    const answers: Record<string, unknown> = {};
    const profile: Record<string, unknown> = {};
    for (const key of col.keys()) {
      if (key.startsWith('answers.')) {
        const v = answerOf(get(key));
        if (v !== undefined) answers[key.slice(8)] = v;
      } else if (key.startsWith('profile.')) {
        const text = get(key);
        if (text !== '') {
          const pk = key.slice(8);
          profile[pk] = profileByKey.get(pk as never)?.get(searchKey(text)) ?? text;
        }
      }
    }
    let submission: SurveySubmission | null = null;
    if (unitId !== undefined && fieldId !== undefined) {
      const result = validateSubmission(ctx.questionnaire, {
        clientId: get('clientId') || derivedClientId(ctx.row.id, table.hash, rowNo),
        questionnaireId: ctx.questionnaire.id,
        questionnaireVersion: ctx.questionnaire.version,
        unitId: String(unitId),
        fieldId,
        answers,
        profile,
        suggestion: get('suggestion') || null,
        dossierCode: get('dossierCode') || null,
        paperSerial: get('paperSerial') || null,
      });
      if (result.ok) submission = result.submission;
      else {
        for (const p of result.problems) {
          const header = mapping[p.path] ?? mapping[p.path.split('.')[0] ?? ''] ?? p.path;
          // A required question without a column is reported on the question itself.
          problems.push({ column: header, message: p.message });
        }
      }
    }
    out.push({ row: rowNo, values, submission, problems });
  }
  return out;
}

async function requireImportContext(deps: Deps, actor: Actor, campaignId: number) {
  const ctx = await loadCampaignContext(deps.db, campaignId);
  if (!ctx) throw notFound('entity_sipas_campaign');
  if (!canManageCampaign(actor, ctx)) throw new AppError('forbidden', 'forbidden');
  if (!ctx.row.channels.includes('import'))
    throw new AppError('forbidden', 'sipas_channel_disabled', { channel: 'import' });
  return ctx;
}

/** Columns, proposed mapping and the first rows checked with it; nothing is stored. */
export async function previewImport(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  content: Buffer,
  chosen?: Record<string, string | null>,
) {
  const ctx = await requireImportContext(deps, actor, campaignId);
  const table = await readTable(content);
  const targets = targetsOf(ctx);
  // With the user's mapping (the wizard's check step) the rows are checked as the import will.
  if (chosen) checkMapping(targets, table.headers, chosen);
  const mapping = chosen ?? proposeMapping(targets, table.headers);
  const canCheck = Boolean(mapping.unit && mapping.field);
  const rows = canCheck ? convertRows(ctx, table, mapping, PREVIEW_ROWS) : [];
  return {
    totalRows: table.rows.length,
    columns: table.headers.map((header, index) => ({
      index,
      header,
      samples: table.rows.slice(0, 3).map((r) => r[index] ?? ''),
    })),
    targets: targets.map((t) => ({ key: t.key, label: t.label, required: t.required })),
    proposedMapping: mapping,
    rows: rows.map((r) => ({ row: r.row, values: r.values, problems: r.problems })),
  };
}

/** Imports every row with the given mapping, or none; problems carry row and column. */
export async function importResponses(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  content: Buffer,
  mapping: Record<string, string | null>,
): Promise<{ imported: number }> {
  const ctx = await requireImportContext(deps, actor, campaignId);
  const table = await readTable(content);
  checkMapping(targetsOf(ctx), table.headers, mapping);
  const outcomes = convertRows(ctx, table, mapping, table.rows.length);
  const details: ErrorDetail[] = [];
  const problem = (row: number, column: string, message: string) => {
    if (details.length < MAX_PROBLEMS)
      details.push({ row, column, key: 'sipas_problem', params: { message } });
  };
  for (const o of outcomes) for (const p of o.problems) problem(o.row, p.column, p.message);

  // Duplicates inside the file, then against what is stored.
  const firstByKey = new Map<string, number>();
  const valid = outcomes.filter(
    (o): o is RowOutcome & { submission: SurveySubmission } => o.submission !== null,
  );
  for (const o of valid) {
    for (const key of dedupeKeys(o.submission)) {
      const first = firstByKey.get(key);
      if (first !== undefined) problem(o.row, columnOfKey(key, mapping), `trùng với dòng ${first}`);
      else firstByKey.set(key, o.row);
    }
  }
  const taken = await repo.findTakenKeys(deps.db, campaignId, {
    clientIds: valid.map((o) => o.submission.clientId),
    dossierCodes: valid.flatMap((o) =>
      o.submission.dossierCode ? [o.submission.dossierCode] : [],
    ),
    paperKeys: valid.flatMap((o) =>
      o.submission.paperSerial
        ? [{ unitId: Number(o.submission.unitId), serial: o.submission.paperSerial }]
        : [],
    ),
  });
  for (const o of valid) {
    const s = o.submission;
    if (taken.clientIds.has(s.clientId))
      problem(o.row, mapping.clientId ?? '*', 'phiếu này đã được nhập trước đó');
    if (s.dossierCode && taken.dossierCodes.has(s.dossierCode))
      problem(o.row, mapping.dossierCode ?? '*', `hồ sơ ${s.dossierCode} đã có phiếu khảo sát`);
    if (s.paperSerial && taken.paperKeys.has(`${s.unitId}:${s.paperSerial}`))
      problem(o.row, mapping.paperSerial ?? '*', `phiếu giấy số ${s.paperSerial} đã được nhập`);
  }
  if (details.length > 0) {
    throw new AppError('invalid', 'sipas_import_invalid', { count: details.length }, details);
  }
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const imported = await repo.insertResponsesBulk(
      tx,
      valid.map((o) => ({
        campaignId,
        unitId: Number(o.submission.unitId),
        fieldId: o.submission.fieldId,
        channel: 'import',
        answers: o.submission.answers,
        profile: o.submission.profile,
        suggestion: o.submission.suggestion,
        clientId: o.submission.clientId,
        dossierCode: o.submission.dossierCode,
        paperSerial: o.submission.paperSerial,
        enteredBy: actor.userId,
      })),
      now,
    );
    await appendSipasAudit(
      tx,
      actor,
      'sipas.import',
      'sipas_campaign',
      campaignId,
      ctx.row.owner_unit_id,
      now,
      {
        rows: imported,
        file: table.hash,
      },
    );
    return { imported };
  });
}

function columnOfKey(key: string, mapping: Record<string, string | null>): string {
  if (key.startsWith('client:')) return mapping.clientId ?? '*';
  if (key.startsWith('dossier:')) return mapping.dossierCode ?? '*';
  return mapping.paperSerial ?? '*';
}

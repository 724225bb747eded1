/**
 * Importing a campaign's scores from a file (CSV or Excel): one row per unit and node with the
 * self, round-1 and round-2 scores and the reason (empty = not scored), and one `survey` row per
 * unit for its survey points. All or nothing: every problem is listed with its row and column and
 * nothing is written unless the whole file is right. Used for earlier years' results and for
 * provinces that scored outside the system.
 */
import type { Actor } from '../../../domain/access.ts';
import { parseHundredths } from '../../../domain/scoring/decimal.ts';
import { compiledTreeOf } from '../../../domain/scoring/tree.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import { readCsvRecords } from '../../infra/csv-read.ts';
import { plainText, readXlsxTable } from '../../infra/workbook.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { findUnitsByCodes } from '../units/service.ts';
import * as repo from './repository.ts';
import { recomputeResults } from './results.service.ts';
import { auditActor, loadCampaign, userIdOf } from './service.ts';

/** One row of a score file, as read (cells as text). */
export interface ScoreRow {
  row: number;
  unit_code: string;
  node_code: string;
  self: string;
  round1: string;
  round2: string;
  reason: string;
}

export const SCORE_COLUMNS = [
  'unit_code',
  'node_code',
  'self',
  'round1',
  'round2',
  'reason',
] as const;
const REQUIRED = ['unit_code', 'node_code'] as const;
const MAX_ROWS = 500_000;

function fromRecords(records: string[][], firstRow = 1): ScoreRow[] {
  const [header, ...body] = records;
  if (!header || body.length === 0) throw new AppError('invalid', 'import_empty');
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length)
    throw new AppError('invalid', 'import_missing_columns', { columns: missing.join(', ') });
  if (body.length > MAX_ROWS)
    throw new AppError('too_large', 'payload_too_large', { limit: `${MAX_ROWS} dòng` });
  const at = (cells: string[], name: string) => {
    const i = names.indexOf(name);
    return i < 0 ? '' : String(cells[i] ?? '').trim();
  };
  return body
    .map((cells, i) => ({
      row: firstRow + i + 1,
      unit_code: at(cells, 'unit_code'),
      node_code: at(cells, 'node_code'),
      self: at(cells, 'self'),
      round1: at(cells, 'round1'),
      round2: at(cells, 'round2'),
      reason: at(cells, 'reason'),
    }))
    .filter((r) => r.unit_code !== '' || r.node_code !== '');
}

/** Reads a CSV score file (UTF-8, comma or semicolon separated). */
export async function readScoresCsv(content: Buffer): Promise<ScoreRow[]> {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new AppError('invalid', 'import_not_text');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const parsed = await readCsvRecords(text, { delimiter });
  if (!parsed.ok)
    throw new AppError('invalid', 'bad_request', {
      detail: `CSV${parsed.line ? ` (dòng ${parsed.line})` : ''}`,
    });
  return fromRecords(parsed.records);
}

/** Reads the first sheet of an Excel score file (through the file guard, in a contained worker). */
export async function readScoresXlsx(content: Buffer): Promise<ScoreRow[]> {
  const sheet = await readXlsxTable(content, MAX_ROWS + 1);
  if (sheet.rows.length === 0) throw new AppError('invalid', 'import_empty');
  // The rows as the sheet numbers them: an empty row in between stays an empty record.
  const records: string[][] = [];
  for (const row of sheet.rows) {
    while (records.length < row.rowNumber - 1) records.push([]);
    const width = Math.max(row.cells.length, SCORE_COLUMNS.length);
    records.push(Array.from({ length: width }, (_, c) => plainText(row.cells[c])));
  }
  return fromRecords(records);
}

const SCORE_FIELDS = ['self', 'round1', 'round2'] as const;

/**
 * Imports scores into a campaign in one transaction: every score is checked against its node's
 * max, a round-2 score needs a round-1 score on the same row (round 2 decides round 1's findings),
 * and units not taking part are refused by row unless `enrol` (then they are added; their kind
 * must have a criteria set); then the results are recomputed. Returns what was written; with
 * `dryRun`, only checks and returns what would be.
 */
export async function importScores(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  rows: ScoreRow[],
  options: { dryRun?: boolean; enrol?: boolean } = {},
) {
  return deps.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, campaignId, { lock: true });
    if (c.row.status === 'closed')
      throw new AppError('conflict', 'campaign_closed', { name: c.row.name });
    const participants = new Map(
      (await repo.findParticipants(tx, campaignId)).map((p) => [p.unit_code, p]),
    );
    const units = await findUnitsByCodes(tx, [
      ...new Set(rows.map((r) => r.unit_code).filter((code) => !participants.has(code))),
    ]);
    const errors: ErrorDetail[] = [];
    const problem = (row: number, column: string, message: string) =>
      errors.push({ row, column, key: 'campaign_problem', params: { message } });
    type Parsed = {
      row: ScoreRow;
      unitCode: string;
      kind: string;
      self: number | null;
      round1: number | null;
      round2: number | null;
    };
    const parsed: Parsed[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.unit_code === '') {
        problem(r.row, 'unit_code', 'Thiếu mã đơn vị');
        continue;
      }
      const p = participants.get(r.unit_code);
      const u = p ? { kind: p.unit_kind } : units.get(r.unit_code);
      if (!u) {
        problem(r.row, 'unit_code', `Không có đơn vị mã «${r.unit_code}»`);
        continue;
      }
      if (!p && !options.enrol) {
        problem(
          r.row,
          'unit_code',
          `Đơn vị «${r.unit_code}» chưa tham gia đợt đánh giá; kiểm tra mã, hoặc nhập với tuỳ chọn ghi danh (--enrol) để thêm đơn vị vào đợt`,
        );
        continue;
      }
      const set = c.setup.criteriaSets.find((s) => s.unitKind === u.kind);
      if (!set) {
        problem(
          r.row,
          'unit_code',
          `Đợt đánh giá chưa có bộ chỉ số cho loại đơn vị của «${r.unit_code}» (${u.kind})`,
        );
        continue;
      }
      const key = `${r.unit_code}|${r.node_code}`;
      if (seen.has(key))
        problem(r.row, 'node_code', `Đơn vị «${r.unit_code}», mã «${r.node_code}» có ở hai dòng`);
      seen.add(key);
      const values: Record<(typeof SCORE_FIELDS)[number], number | null> = {
        self: null,
        round1: null,
        round2: null,
      };
      for (const f of SCORE_FIELDS) {
        if (r[f] === '') continue;
        const v = parseHundredths(r[f]);
        if (!v.ok) problem(r.row, f, v.error);
        else values[f] = v.value;
      }
      let max: number | null;
      if (r.node_code.toLowerCase() === 'survey') {
        max = set.surveyMaxHundredths;
        if (max === null)
          problem(r.row, 'node_code', 'Bộ chỉ số không có phần điểm điều tra xã hội học');
      } else {
        const compiled = compiledTreeOf(set.tree);
        const index = compiled.indexByCode.get(r.node_code);
        max = index === undefined || index === 0 ? null : (compiled.max[index] ?? 0);
        if (max === null)
          problem(r.row, 'node_code', `Mã tiêu chí «${r.node_code}» không có trong bộ chỉ số`);
      }
      if (
        r.node_code.toLowerCase() !== 'survey' &&
        values.round2 !== null &&
        values.round1 === null &&
        r.round1 === ''
      )
        problem(
          r.row,
          'round2',
          `Có điểm vòng 2 nhưng không có điểm vòng 1 của mã «${r.node_code}»: vòng 2 chỉ quyết định lại kết luận của vòng 1`,
        );
      if (max !== null) {
        for (const f of SCORE_FIELDS) {
          const v = values[f];
          if (v !== null && v > max)
            problem(
              r.row,
              f,
              `Điểm ${r[f]} vượt điểm tối đa ${(max / 100).toLocaleString('vi-VN')}`,
            );
        }
      }
      parsed.push({ row: r, unitCode: r.unit_code, kind: u.kind, ...values });
    }
    if (errors.length)
      throw new AppError(
        'invalid',
        'campaign_import_invalid',
        { count: errors.length },
        errors.slice(0, 200),
      );

    const newUnits = [...units.values()].filter((u) => parsed.some((p) => p.unitCode === u.code));
    if (options.dryRun) {
      const isSurvey = (p: Parsed) => p.row.node_code.toLowerCase() === 'survey';
      return {
        rows: rows.length,
        scores: parsed.filter((p) => !isSurvey(p)).length,
        survey: parsed.filter((p) => isSurvey(p) && (p.round2 ?? p.round1 ?? p.self) !== null)
          .length,
        unitsAdded: newUnits.length,
        units: new Set(parsed.map((p) => p.unitCode)).size,
      };
    }
    const now = deps.clock.now();
    const by = userIdOf(actor);
    if (newUnits.length) {
      await repo.insertParticipants(
        tx,
        campaignId,
        newUnits.map((u) => ({ id: u.id, kind: u.kind })),
        by,
        now,
      );
      for (const p of await repo.findParticipants(tx, campaignId)) participants.set(p.unit_code, p);
    }
    await repo.lockParticipants(tx, campaignId);
    let scores = 0;
    let survey = 0;
    for (const p of parsed) {
      const participant = participants.get(p.unitCode)!;
      if (p.row.node_code.toLowerCase() === 'survey') {
        const points = p.round2 ?? p.round1 ?? p.self;
        if (points !== null) {
          await repo.saveSurveyPoints(tx, campaignId, participant.id, points, 'imported', by, now);
          survey++;
        }
        continue;
      }
      const reason = p.row.reason || null;
      const current = await repo.findEntry(tx, participant.id, p.row.node_code);
      const saved = await repo.saveEntry(
        tx,
        { campaignId, participantId: participant.id, code: p.row.node_code },
        current?.version ?? 0,
        {
          self_score_hundredths: p.self,
          self_na: false,
          self_at: p.self === null ? null : now,
          round1_score_hundredths: p.round1,
          round1_na: false,
          round1_reason: p.round1 === null ? null : reason,
          round1_by: p.round1 === null ? null : by,
          round1_at: p.round1 === null ? null : now,
          round2_disposition: p.round2 === null || p.round1 === null ? null : 'addressed',
          round2_score_hundredths: p.round1 === null ? null : p.round2,
          round2_reason: p.round2 === null || p.round1 === null ? null : reason,
          round2_by: p.round2 === null ? null : by,
          round2_at: p.round2 === null ? null : now,
        },
        by,
        now,
      );
      if (saved === null) throw new AppError('conflict', 'conflict');
      scores++;
    }
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'campaign.scores.import',
        entity: 'campaign',
        entityId: campaignId,
        unitId: c.row.owner_unit_id,
        after: { rows: rows.length, scores, survey, unitsAdded: newUnits.map((u) => u.code) },
      },
      now,
    );
    await recomputeResults(tx, campaignId, now);
    return {
      rows: rows.length,
      scores,
      survey,
      unitsAdded: newUnits.length,
      units: new Set(parsed.map((p) => p.unitCode)).size,
    };
  });
}

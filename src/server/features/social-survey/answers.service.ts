/** The sociological survey: answers (checked by row and column, entered, imported) and the public form of a personal link. */
import type { Actor } from '../../../domain/access.ts';
import { levelKind } from '../../../domain/social-survey/design.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { auditActor, userIdOf } from '../campaigns/service.ts';
import * as repo from './repository.ts';
import { requireSurvey } from './shared.ts';
import { MAX_PROBLEMS } from './shared.ts';
import { requireStatus } from './shared.ts';
import type { Loaded } from './shared.ts';
import { hashToken } from './shared.ts';
import { requireCampaign } from './shared.ts';
import { flowPoints } from './points.service.ts';
// --- answers --------------------------------------------------------------------------------

/** One filled questionnaire as entered on paper or read from a file row. */
export interface ResponseInput {
  group: string;
  ratedUnitCode: string;
  raterUnitCode?: string | null | undefined;
  respondentCode?: string | null | undefined;
  answers: Record<string, string>;
}

export interface Located {
  row?: number;
  field?: string;
  /** The name a problem's field gets, instead of `field.name`. */
  rename?: (name: string) => string;
  column?: (name: string) => string;
}

/**
 * Checks responses against the questionnaires, the campaign's units and earlier answers; returns
 * what to save or throws every problem by row and column (nothing saved).
 */
export async function checkResponses(
  db: Queryable,
  loaded: Loaded,
  inputs: { input: ResponseInput; at: Located }[],
  channel: 'paper' | 'import' | 'field',
): Promise<repo.NewResponse[]> {
  const [units, respondents, answered] = await Promise.all([
    repo.findParticipantUnits(db, loaded.campaign.id),
    repo.findRespondents(db, loaded.survey.id),
    repo.findAnsweredPairs(db, loaded.survey.id),
  ]);
  const unitByCode = new Map(units.map((u) => [u.unit_code, u]));
  const raterCodes = inputs.map((i) => i.input.raterUnitCode ?? '').filter((c) => c !== '');
  const raters = await repo.findUnitsByCode(db, raterCodes);
  const respondentByCode = new Map(respondents.map((r) => [r.code, r]));
  const problems: ErrorDetail[] = [];
  const out: repo.NewResponse[] = [];
  const where = (at: Located, name: string) => ({
    ...(at.row !== undefined ? { row: at.row } : {}),
    ...(at.column ? { column: at.column(name) } : {}),
    ...(at.field !== undefined
      ? { field: at.rename ? at.rename(name) : `${at.field}.${name}` }
      : {}),
  });
  for (const { input, at } of inputs) {
    const before = problems.length;
    const rated = unitByCode.get(input.ratedUnitCode);
    if (!rated)
      problems.push({
        ...where(at, 'ratedUnitCode'),
        key: 'survey_unit_not_participant',
        params: { code: input.ratedUnitCode },
      });
    const q = rated
      ? loaded.questionnaires.find((x) => x.unit_kind === rated.unit_kind)
      : undefined;
    if (rated && !q)
      problems.push({
        ...where(at, 'ratedUnitCode'),
        key: 'survey_no_questionnaire',
        params: { code: input.ratedUnitCode },
      });
    const group = q?.design.groups.find((g) => g.code === input.group);
    if (q && !group)
      problems.push({
        ...where(at, 'group'),
        key: 'survey_unknown_group',
        params: { code: input.group },
      });
    let raterUnitId: number | null = null;
    if (input.raterUnitCode) {
      const rater = raters.get(input.raterUnitCode);
      if (!rater)
        problems.push({
          ...where(at, 'raterUnitCode'),
          key: 'survey_unknown_unit',
          params: { code: input.raterUnitCode },
        });
      else raterUnitId = rater.id;
    }
    let respondentId: number | null = null;
    if (input.respondentCode) {
      const r = respondentByCode.get(input.respondentCode);
      if (!r)
        problems.push({
          ...where(at, 'respondentCode'),
          key: 'survey_unknown_respondent',
          params: { code: input.respondentCode },
        });
      else {
        respondentId = r.id;
        if (r.group_code !== input.group)
          problems.push({
            ...where(at, 'group'),
            key: 'survey_respondent_other_group',
            params: { code: r.code, group: r.group_code },
          });
        if (raterUnitId === null) raterUnitId = r.unit_id;
        else if (r.unit_id !== null && r.unit_id !== raterUnitId)
          problems.push({
            ...where(at, 'raterUnitCode'),
            key: 'survey_respondent_other_unit',
            params: { code: r.code },
          });
      }
    }
    if (rated && raterUnitId !== null && raterUnitId === rated.unit_id)
      problems.push({
        ...where(at, 'raterUnitCode'),
        key: 'survey_rates_own_unit',
        params: { unit: rated.unit_name },
      });
    if (rated && respondentId !== null) {
      const key = `${respondentId}:${rated.unit_id}`;
      if (answered.has(key))
        problems.push({
          ...where(at, 'respondentCode'),
          key: 'survey_already_answered',
          params: { code: input.respondentCode!, unit: rated.unit_name },
        });
      answered.add(key);
    }
    const answers: { question: string; level: string }[] = [];
    if (q && group) {
      for (const [code, level] of Object.entries(input.answers)) {
        if (level === '') continue;
        const question = q.design.questions.find((x) => x.code === code);
        if (!question)
          problems.push({ ...where(at, code), key: 'survey_unknown_question', params: { code } });
        else if (!question.groups.includes(group.code))
          problems.push({
            ...where(at, code),
            key: 'survey_question_not_asked',
            params: { code, group: group.code },
          });
        else if (levelKind(q.design, level) === 'off_scale')
          problems.push({
            ...where(at, code),
            key: 'survey_answer_off_scale',
            params: {
              value: level,
              levels: [...q.design.scale.levels, ...q.design.scale.excluded]
                .map((l) => l.code)
                .join(', '),
            },
          });
        else answers.push({ question: code, level });
      }
      if (answers.length === 0 && problems.length === before)
        problems.push({ ...where(at, 'answers'), key: 'survey_no_answers' });
    }
    if (problems.length === before && rated && group)
      out.push({
        respondentId,
        group: group.code,
        ratedUnitId: rated.unit_id,
        raterUnitId,
        channel,
        answers,
      });
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length > 0)
    throw new AppError(
      'invalid',
      'survey_rows_invalid',
      { count: problems.length },
      problems.slice(0, MAX_PROBLEMS),
    );
  return out;
}

async function saveResponses(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  inputs: { input: ResponseInput; at: Located }[],
  channel: 'paper' | 'import',
) {
  return deps.db.transaction(async (tx) => {
    const loaded = await requireSurvey(tx, actor, campaignId, true);
    requireStatus(loaded.survey, ['open']);
    if (inputs.length === 0) throw new AppError('invalid', 'import_empty');
    const responses = await checkResponses(tx, loaded, inputs, channel);
    const now = deps.clock.now();
    const saved = await repo.insertResponses(tx, loaded.survey.id, responses, userIdOf(actor), now);
    const unitIds = [...new Set(responses.map((r) => r.ratedUnitId))];
    await flowPoints(deps, tx, loaded, unitIds, actor, now);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: `social_survey.responses.${channel}`,
        entity: 'social_survey',
        entityId: loaded.survey.id,
        unitId: loaded.campaign.owner_unit_id,
        after: { responses: saved, units: unitIds.length },
      },
      now,
    );
    return { saved, units: unitIds.length };
  });
}

/** Enters paper questionnaires (all or nothing; problems by `responses.i.field`). */
export async function enterResponses(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  responses: ResponseInput[],
) {
  return saveResponses(
    deps,
    actor,
    campaignId,
    responses.map((input, i) => ({ input, at: { field: `responses.${i}` } })),
    'paper',
  );
}

/** The fixed columns of an answers file; every other column is a question code. */
export const ANSWER_COLUMNS = {
  group: 'nhom',
  respondentCode: 'ma_nguoi_tra_loi',
  raterUnitCode: 'don_vi_nguoi_tra_loi',
  ratedUnitCode: 'don_vi_duoc_danh_gia',
} as const;

/**
 * Imports answers from a table (header + rows, with the sheet's row numbers): one row per filled
 * questionnaire; all or nothing, each refusal naming its row and column.
 */
export async function importResponses(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  table: { headers: string[]; rows: string[][]; rowNumbers: number[] },
) {
  await requireCampaign(deps.db, actor, campaignId);
  const headers = table.headers.map((h) => h.trim());
  const index = (name: string) => headers.findIndex((h) => h.toLowerCase() === name);
  const missing = [ANSWER_COLUMNS.group, ANSWER_COLUMNS.ratedUnitCode].filter(
    (c) => index(c) === -1,
  );
  if (missing.length > 0)
    throw new AppError('invalid', 'import_missing_columns', { columns: missing.join(', ') });
  const fixed = new Set<string>(Object.values(ANSWER_COLUMNS));
  const questionColumns = headers
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => h !== '' && !fixed.has(h.toLowerCase()));
  const columnOf: Record<string, string> = {
    group: ANSWER_COLUMNS.group,
    respondentCode: ANSWER_COLUMNS.respondentCode,
    raterUnitCode: ANSWER_COLUMNS.raterUnitCode,
    ratedUnitCode: ANSWER_COLUMNS.ratedUnitCode,
    answers: questionColumns[0]?.h ?? ANSWER_COLUMNS.group,
  };
  const cell = (row: string[], name: string) => {
    const i = index(name);
    return i === -1 ? '' : (row[i] ?? '').trim();
  };
  const inputs = table.rows.map((row, n) => ({
    input: {
      group: cell(row, ANSWER_COLUMNS.group),
      ratedUnitCode: cell(row, ANSWER_COLUMNS.ratedUnitCode),
      raterUnitCode: cell(row, ANSWER_COLUMNS.raterUnitCode),
      respondentCode: cell(row, ANSWER_COLUMNS.respondentCode),
      answers: Object.fromEntries(questionColumns.map(({ h, i }) => [h, (row[i] ?? '').trim()])),
    },
    at: { row: table.rowNumbers[n]!, column: (name: string) => columnOf[name] ?? name },
  }));
  return saveResponses(deps, actor, campaignId, inputs, 'import');
}

// --- the public form ------------------------------------------------------------------------

async function invitationOf(db: Queryable, token: string, lock: boolean) {
  const inv = await repo.findInvitationByHash(db, hashToken(token), lock);
  if (!inv) throw new AppError('not_found', 'survey_link_unknown');
  if (inv.used_at !== null) throw new AppError('conflict', 'survey_link_used');
  if (inv.status !== 'open') throw new AppError('conflict', 'survey_link_closed');
  return inv;
}

/** The questionnaire a personal link opens: the unit rated, the questions asked of the group, the scale. */
export async function getLinkForm(deps: Deps, token: string) {
  const inv = await invitationOf(deps.db, token, false);
  const q = (await repo.findQuestionnaires(deps.db, inv.survey_id)).find(
    (x) => x.unit_kind === inv.rated_unit_kind,
  );
  if (!q) throw new AppError('conflict', 'survey_link_closed');
  return {
    unitName: inv.rated_unit_name,
    respondentName: inv.full_name,
    questions: q.design.questions
      .filter((x) => x.groups.includes(inv.group_code))
      .map((x) => ({ code: x.code, text: x.text })),
    levels: q.design.scale.levels.map((l) => ({ code: l.code, label: l.label })),
    excluded: q.design.scale.excluded.map((l) => ({ code: l.code, label: l.label })),
  };
}

/** Answers through a personal link: once; then the link is used up and the unit's points flow. */
export async function answerByLink(deps: Deps, token: string, answers: Record<string, string>) {
  return deps.db.transaction(async (tx) => {
    const inv = await invitationOf(tx, token, true);
    const survey = (await repo.findSurveyByCampaign(tx, inv.campaign_id))!;
    const questionnaires = await repo.findQuestionnaires(tx, inv.survey_id);
    const campaign = (await repo.findCampaignView(tx, inv.campaign_id))!;
    const loaded: Loaded = { campaign, survey, questionnaires };
    const q = questionnaires.find((x) => x.unit_kind === inv.rated_unit_kind)!;
    const problems: ErrorDetail[] = [];
    const clean: { question: string; level: string }[] = [];
    const asked = q.design.questions.filter((x) => x.groups.includes(inv.group_code));
    for (const question of asked) {
      const level = answers[question.code] ?? '';
      if (level === '')
        problems.push({
          field: `answers.${question.code}`,
          key: 'survey_answer_missing',
          params: { code: question.code },
        });
      else if (levelKind(q.design, level) === 'off_scale')
        problems.push({
          field: `answers.${question.code}`,
          key: 'survey_answer_off_scale',
          params: {
            value: level,
            levels: [...q.design.scale.levels, ...q.design.scale.excluded]
              .map((l) => l.code)
              .join(', '),
          },
        });
      else clean.push({ question: question.code, level });
    }
    for (const code of Object.keys(answers))
      if (!asked.some((x) => x.code === code))
        problems.push({
          field: `answers.${code}`,
          key: 'survey_unknown_question',
          params: { code },
        });
    if (problems.length > 0)
      throw new AppError('invalid', 'survey_rows_invalid', { count: problems.length }, problems);
    const now = deps.clock.now();
    await repo.insertResponses(
      tx,
      inv.survey_id,
      [
        {
          respondentId: inv.respondent_id,
          group: inv.group_code,
          ratedUnitId: inv.rated_unit_id,
          raterUnitId: inv.rater_unit_id,
          channel: 'link',
          answers: clean,
        },
      ],
      null,
      now,
    );
    await repo.markInvitationUsed(tx, inv.id, now);
    await flowPoints(deps, tx, loaded, [inv.rated_unit_id], null, now);
    return { unitName: inv.rated_unit_name, answered: clean.length };
  });
}

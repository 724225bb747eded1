/**
 * Use-cases of a campaign's sociological survey (điều tra xã hội học): set it up, design each unit
 * kind's questionnaire against the campaign's criteria set, list respondents, make their personal
 * single-use links from the rating rules, take answers (link, paper, file: all or nothing, every
 * refusal by row and column), show progress, and compute every unit's survey points, which flow
 * into the campaign's stored results (provisional until the survey closes).
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Actor, Role } from '../../../domain/access.ts';
import { formatDateShort } from '../../../domain/format.ts';
import {
  levelKind,
  validateDesign,
  type SurveyDesign,
} from '../../../domain/social-survey/design.ts';
import {
  computeSurveyPoints,
  type TallyRow,
  type UnitSurveyPoints,
} from '../../../domain/social-survey/points.ts';
import { formatPoints, type Ratio } from '../../../domain/scoring/decimal.ts';
import { AppError, notFound, type ErrorDetail } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { translate, type Locale } from '../../i18n/messages.ts';
import { keepDirectMails, sendDirectMails, type DirectMail } from '../notifications/direct-mail.ts';
import { listKinds } from '../units/service.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { canManageCampaign } from '../campaigns/policy.ts';
import { applyComputedSurveyPoints, recomputeResults } from '../campaigns/results.service.ts';
import { auditActor, userIdOf } from '../campaigns/service.ts';
import { surveyPointsForUnit } from '../sipas/service.ts';
import type { SurveyRespondentList } from '../../../shared/contract/social-survey.ts';
import * as repo from './repository.ts';

const MAX_PROBLEMS = 200;

/** The token of a personal link: 24 random bytes, URL-safe; only its SHA-256 is stored. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Loaded {
  campaign: repo.CampaignView;
  survey: repo.SurveyRow;
  questionnaires: repo.QuestionnaireRow[];
}

async function requireCampaign(db: Queryable, actor: Actor, campaignId: number) {
  const campaign = await repo.findCampaignView(db, campaignId);
  if (!campaign) throw notFound('entity_campaign');
  if (!canManageCampaign(actor, campaign.owner_unit_path))
    throw new AppError('forbidden', 'forbidden');
  return campaign;
}

async function requireSurvey(
  db: Queryable,
  actor: Actor,
  campaignId: number,
  lock = false,
): Promise<Loaded> {
  const campaign = await requireCampaign(db, actor, campaignId);
  const survey = await repo.findSurveyByCampaign(db, campaignId, lock);
  if (!survey) throw notFound('entity_social_survey');
  return { campaign, survey, questionnaires: await repo.findQuestionnaires(db, survey.id) };
}

export function requireStatus(survey: repo.SurveyRow, allowed: repo.SurveyRow['status'][]) {
  if (!allowed.includes(survey.status))
    throw new AppError('conflict', 'survey_wrong_status', {
      status: `@survey_status_${survey.status}`,
    });
}

/** The survey as the standing agency sees it: status, questionnaires per unit kind. */
export async function getSurvey(deps: Deps, actor: Actor, campaignId: number) {
  const { campaign, survey, questionnaires } = await requireSurvey(deps.db, actor, campaignId);
  return present(
    campaign,
    survey,
    questionnaires,
    await repo.findCampaignKinds(deps.db, campaignId),
  );
}

function present(
  campaign: repo.CampaignView,
  survey: repo.SurveyRow,
  questionnaires: repo.QuestionnaireRow[],
  kinds: repo.CampaignKind[],
) {
  return {
    id: survey.id,
    campaignId: campaign.id,
    campaignName: campaign.name,
    status: survey.status,
    sipasCampaignId: survey.sipas_campaign_id,
    closedAt: survey.closed_at ? new Date(survey.closed_at).toISOString() : null,
    unitKinds: kinds.map((k) => {
      const q = questionnaires.find((x) => x.unit_kind === k.unit_kind);
      return {
        unitKind: k.unit_kind,
        criteriaSetId: k.criteria_set_id,
        criteriaSetName: k.set_name,
        surveyMaxHundredths: k.survey_max_hundredths,
        questionnaire: q ? { version: q.version, design: q.design } : null,
      };
    }),
  };
}

/** Starts the survey of a campaign (standing agency); one per campaign. */
export async function createSurvey(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  input: { sipasCampaignId?: number | null | undefined },
) {
  return deps.db.transaction(async (tx) => {
    const campaign = await requireCampaign(tx, actor, campaignId);
    if (campaign.status === 'closed')
      throw new AppError('conflict', 'campaign_closed', { name: campaign.name });
    if (await repo.findSurveyByCampaign(tx, campaignId))
      throw new AppError('conflict', 'survey_exists');
    const now = deps.clock.now();
    const survey = await repo.insertSurvey(tx, {
      campaignId,
      sipasCampaignId: input.sipasCampaignId ?? null,
      by: userIdOf(actor),
      now,
    });
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'social_survey.create',
        entity: 'social_survey',
        entityId: survey.id,
        unitId: campaign.owner_unit_id,
        after: { campaignId, sipasCampaignId: survey.sipas_campaign_id },
      },
      now,
    );
    return present(campaign, survey, [], await repo.findCampaignKinds(tx, campaignId));
  });
}

function designProblems(design: SurveyDesign, max: number | null, prefix: string): ErrorDetail[] {
  return validateDesign(design, max).map((p) => {
    const params = { ...p.params };
    // Points are shown as points (30), not as hundredths (3000).
    for (const k of ['sum', 'max'])
      if (typeof params[k] === 'number') params[k] = formatPoints(params[k] as number);
    return {
      field: `${prefix}${p.field}`,
      key: p.key as ErrorDetail['key'],
      ...(p.params ? { params } : {}),
    };
  });
}

/**
 * Saves the questionnaire of one unit kind (a draft survey only), checked against the criteria set
 * the campaign uses for that kind. `version`: null for the first save, else the version read.
 */
export async function saveQuestionnaire(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  unitKind: string,
  input: { design: SurveyDesign; version: number | null },
) {
  return deps.db.transaction(async (tx) => {
    const { campaign, survey } = await requireSurvey(tx, actor, campaignId, true);
    requireStatus(survey, ['draft']);
    const kind = (await repo.findCampaignKinds(tx, campaignId)).find(
      (k) => k.unit_kind === unitKind,
    );
    if (!kind)
      throw new AppError('invalid', 'survey_unit_kind_not_in_campaign', { kind: unitKind });
    const problems = designProblems(input.design, kind.survey_max_hundredths, 'design.');
    if (problems.length > 0)
      throw new AppError('invalid', 'survey_design_invalid', { count: problems.length }, problems);
    const now = deps.clock.now();
    const version = await repo.saveQuestionnaire(tx, {
      surveyId: survey.id,
      unitKind,
      criteriaSetId: kind.criteria_set_id,
      design: input.design,
      expectedVersion: input.version,
      by: userIdOf(actor),
      now,
    });
    if (version === null) throw new AppError('conflict', 'conflict');
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'social_survey.questionnaire.save',
        entity: 'social_survey',
        entityId: survey.id,
        unitId: campaign.owner_unit_id,
        after: { unitKind, version, criteriaSetId: kind.criteria_set_id },
      },
      now,
    );
    return { unitKind, version };
  });
}

/** Opens (draft → open) or closes (open → closed) the survey; closing makes its points final. */
export async function changeSurveyStatus(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  to: 'open' | 'closed',
) {
  return deps.db.transaction(async (tx) => {
    const { campaign, survey, questionnaires } = await requireSurvey(tx, actor, campaignId, true);
    requireStatus(survey, [to === 'open' ? 'draft' : 'open']);
    if (to === 'open') {
      const kinds = await repo.findCampaignKinds(tx, campaignId);
      const missing = kinds.filter(
        (k) =>
          k.survey_max_hundredths !== null &&
          !questionnaires.some((q) => q.unit_kind === k.unit_kind),
      );
      if (missing.length > 0)
        throw new AppError('conflict', 'survey_questionnaire_missing', {
          kinds: missing.map((k) => k.unit_kind).join(', '),
        });
    }
    const now = deps.clock.now();
    await repo.updateSurveyStatus(tx, survey.id, to, now);
    const updated = { ...survey, status: to };
    const points = await flowPoints(
      deps,
      tx,
      { campaign, survey: updated, questionnaires },
      null,
      actor,
      now,
    );
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: `social_survey.${to === 'open' ? 'open' : 'close'}`,
        entity: 'social_survey',
        entityId: survey.id,
        unitId: campaign.owner_unit_id,
        after: { status: to, unitsWithPoints: points },
      },
      now,
    );
    if (to === 'closed') await recomputeResults(tx, campaignId, now);
    return { status: to, unitsWithPoints: points };
  });
}

// --- points ---------------------------------------------------------------------------------

/** SIPAS indexes of the units (published, two decimals: the existing rule), for nodes fed by SIPAS. */
async function sipasIndexes(
  deps: { db: Queryable },
  sipasCampaignId: number | null,
  designs: SurveyDesign[],
  unitIds: number[],
): Promise<Map<number, Ratio | null>> {
  const out = new Map<number, Ratio | null>();
  if (sipasCampaignId === null || !designs.some((d) => d.nodes.some((n) => n.source === 'sipas')))
    return out;
  for (const unitId of unitIds) {
    // Points for a max of 100 points are the index in hundredths of a percent.
    const r = await surveyPointsForUnit(deps, sipasCampaignId, unitId, 10000);
    out.set(unitId, r === null ? null : { num: r.points, den: 10000 });
  }
  return out;
}

/** Every participating unit's survey points with what is behind them (units of `only`, or all). */
async function computeAll(
  deps: { db: Queryable },
  db: Queryable,
  loaded: Loaded,
  only: number[] | null,
): Promise<{ unit: repo.ParticipantUnit; points: UnitSurveyPoints | null }[]> {
  const units = (await repo.findParticipantUnits(db, loaded.campaign.id)).filter(
    (u) => only === null || only.includes(u.unit_id),
  );
  const tally = await repo.tallyAnswers(db, loaded.survey.id, only);
  const byKind = new Map<string, TallyRow[]>();
  const kindOf = new Map(units.map((u) => [u.unit_id, u.unit_kind]));
  for (const t of tally) {
    const kind = kindOf.get(t.unitId);
    if (kind === undefined) continue;
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push(t);
  }
  const sipas = await sipasIndexes(
    deps,
    loaded.survey.sipas_campaign_id,
    loaded.questionnaires.map((q) => q.design),
    units.map((u) => u.unit_id),
  );
  const results = new Map<number, UnitSurveyPoints>();
  for (const q of loaded.questionnaires) {
    const ids = units.filter((u) => u.unit_kind === q.unit_kind).map((u) => u.unit_id);
    for (const r of computeSurveyPoints(
      q.design,
      ids,
      byKind.get(q.unit_kind) ?? [],
      (id) => sipas.get(id) ?? null,
    ))
      results.set(r.unitId, r);
  }
  return units.map((unit) => ({ unit, points: results.get(unit.unit_id) ?? null }));
}

/**
 * Writes the computed survey points of some units (null: all) into the campaign: provisional while
 * the survey is open, final once closed; nothing while it is a draft. Returns how many units got points.
 */
export async function flowPoints(
  deps: { db: Queryable },
  db: Queryable,
  loaded: Loaded,
  only: number[] | null,
  actor: Actor | null,
  now: Date,
): Promise<number> {
  if (loaded.survey.status === 'draft') return 0;
  const computed = await computeAll(deps, db, loaded, only);
  return applyComputedSurveyPoints(db, {
    campaignId: loaded.campaign.id,
    points: computed
      .filter((c) => c.points !== null)
      .map((c) => ({ unitId: c.unit.unit_id, pointsHundredths: c.points!.pointsHundredths })),
    provisional: loaded.survey.status !== 'closed',
    by: actor ? userIdOf(actor) : null,
    now,
  });
}

/**
 * Writes every participating unit's survey points of a campaign's survey into the campaign, as the
 * survey's status says (provisional while open); for a loader working in its own transaction
 * without a request (the demo). Returns how many units got points.
 */
export async function flowSurveyPoints(db: Queryable, campaignId: number, now: Date) {
  const campaign = await repo.findCampaignView(db, campaignId);
  const survey = await repo.findSurveyByCampaign(db, campaignId, true);
  if (!campaign || !survey) return 0;
  const questionnaires = await repo.findQuestionnaires(db, survey.id);
  return flowPoints({ db }, db, { campaign, survey, questionnaires }, null, null, now);
}

/** Every unit's survey points, per node, question and group, with counts and formulas. */
export async function surveyResults(deps: Deps, actor: Actor, campaignId: number) {
  const loaded = await requireSurvey(deps.db, actor, campaignId);
  const computed = await computeAll(deps, deps.db, loaded, null);
  return {
    status: loaded.survey.status,
    provisional: loaded.survey.status !== 'closed',
    units: computed.map(({ unit, points }) => ({
      unitId: unit.unit_id,
      unitCode: unit.unit_code,
      unitName: unit.unit_name,
      unitKind: unit.unit_kind,
      pointsHundredths: points?.pointsHundredths ?? null,
      maxHundredths: points?.maxHundredths ?? null,
      nodes: points?.nodes ?? [],
      questions: points?.questions ?? [],
    })),
  };
}

// --- respondents and links ------------------------------------------------------------------

export interface RespondentInput {
  code: string;
  group: string;
  fullName: string;
  unitCode?: string | null | undefined;
  email?: string | null | undefined;
}

/** A respondent ready to store. */
interface NewRespondent {
  code: string;
  group: string;
  fullName: string;
  unitId: number | null;
  userId: number | null;
  email: string | null;
}

/** The respondent groups of the survey's questionnaires. */
function groupsOf(loaded: Loaded): Set<string> {
  return new Set(loaded.questionnaires.flatMap((q) => q.design.groups.map((g) => g.code)));
}

function refuse(problems: ErrorDetail[]): never {
  throw new AppError(
    'invalid',
    'survey_rows_invalid',
    { count: problems.length },
    problems.slice(0, MAX_PROBLEMS),
  );
}

/** Stores checked respondents (codes already there are kept) and audits it; in the caller's transaction. */
async function storeRespondents(
  deps: Deps,
  tx: Queryable,
  actor: Actor,
  loaded: Loaded,
  rows: NewRespondent[],
  source: 'list' | 'accounts' | 'file',
  extra: Record<string, unknown> = {},
) {
  const added = await repo.insertRespondents(tx, loaded.survey.id, rows);
  const now = deps.clock.now();
  await appendAuditEntry(
    tx,
    {
      ...auditActor(actor),
      action:
        source === 'list' ? 'social_survey.respondents.add' : `social_survey.respondents.${source}`,
      entity: 'social_survey',
      entityId: loaded.survey.id,
      unitId: loaded.campaign.owner_unit_id,
      after: { added, rows: rows.length, ...extra },
    },
    now,
  );
  return { added, kept: rows.length - added };
}

/** Adds respondents (a list: all or nothing, each problem by row); codes already there are kept. */
export async function addRespondents(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  rows: RespondentInput[],
) {
  return deps.db.transaction(async (tx) => {
    const loaded = await requireSurvey(tx, actor, campaignId, true);
    requireStatus(loaded.survey, ['draft', 'open']);
    const groups = groupsOf(loaded);
    const units = await repo.findUnitsByCode(
      tx,
      rows.map((r) => r.unitCode ?? '').filter((c) => c !== ''),
    );
    const problems: ErrorDetail[] = [];
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (seen.has(r.code))
        problems.push({
          field: `respondents.${i}.code`,
          key: 'survey_respondent_duplicate',
          params: { code: r.code },
        });
      seen.add(r.code);
      if (!groups.has(r.group))
        problems.push({
          field: `respondents.${i}.group`,
          key: 'survey_unknown_group',
          params: { code: r.group },
        });
      if (r.unitCode && !units.has(r.unitCode))
        problems.push({
          field: `respondents.${i}.unitCode`,
          key: 'survey_unknown_unit',
          params: { code: r.unitCode },
        });
    });
    if (problems.length > 0) refuse(problems);
    return storeRespondents(
      deps,
      tx,
      actor,
      loaded,
      rows.map((r) => ({
        code: r.code,
        group: r.group,
        fullName: r.fullName,
        unitId: r.unitCode ? units.get(r.unitCode)!.id : null,
        userId: null,
        email: r.email ?? null,
      })),
      'list',
    );
  });
}

/** The respondent code of an account in a group: stable, so adding the same accounts again keeps them. */
export const accountRespondentCode = (group: string, username: string) =>
  `${group}-${username.toLowerCase()}`;

/**
 * Makes respondents of a group from the product's active accounts holding one of `roles`: on a
 * participating unit of the campaign, or (with `unitKind`) on a current unit of that kind in the
 * province of the campaign's owner unit (People's Council delegates, department leaders). Each
 * account comes once, with the deepest unit it holds such a role on; code `<group>-<username>`.
 */
export async function addRespondentsFromAccounts(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  input: { group: string; roles: Role[]; unitKind?: string | undefined },
) {
  return deps.db.transaction(async (tx) => {
    const loaded = await requireSurvey(tx, actor, campaignId, true);
    requireStatus(loaded.survey, ['draft', 'open']);
    if (!groupsOf(loaded).has(input.group))
      throw new AppError('invalid', 'survey_unknown_group', { code: input.group }, [
        { field: 'group', key: 'survey_unknown_group', params: { code: input.group } },
      ]);
    let province: string | null = null;
    if (input.unitKind !== undefined) {
      if (!(await listKinds(tx)).some((k) => k.code === input.unitKind))
        throw new AppError('invalid', 'survey_unknown_unit_kind', { kind: input.unitKind }, [
          { field: 'unitKind', key: 'survey_unknown_unit_kind', params: { kind: input.unitKind } },
        ]);
      province = provinceOf(loaded.campaign.owner_unit_path);
      if (province === null) throw new AppError('conflict', 'survey_campaign_without_province');
    }
    const accounts = await repo.findAccountsForSurvey(tx, {
      campaignId,
      roles: input.roles,
      unitKind: input.unitKind ?? null,
      provinceId: province,
    });
    return storeRespondents(
      deps,
      tx,
      actor,
      loaded,
      accounts.map((a) => ({
        code: accountRespondentCode(input.group, a.username),
        group: input.group,
        fullName: a.full_name,
        unitId: a.unit_id,
        userId: a.user_id,
        email: a.email,
      })),
      'accounts',
      { group: input.group, roles: input.roles, unitKind: input.unitKind ?? null },
    );
  });
}

/** The columns of a respondents file. */
export const RESPONDENT_COLUMNS = {
  code: 'ma',
  fullName: 'ho_ten',
  group: 'nhom',
  unitCode: 'don_vi',
  email: 'email',
} as const;

const EMAIL = z.email().max(254);
const MAX_CODE = 100;
const MAX_NAME = 1000;

/**
 * Adds respondents read from a file (columns ma, ho_ten, nhom, don_vi, email): all or nothing,
 * each refusal naming its row and column; codes already there are kept.
 */
export async function importRespondents(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  table: { headers: string[]; rows: string[][]; rowNumbers: number[] },
) {
  return deps.db.transaction(async (tx) => {
    const loaded = await requireSurvey(tx, actor, campaignId, true);
    requireStatus(loaded.survey, ['draft', 'open']);
    const headers = table.headers.map((h) => h.trim().toLowerCase());
    const index = (name: string) => headers.indexOf(name);
    const missing = [
      RESPONDENT_COLUMNS.code,
      RESPONDENT_COLUMNS.fullName,
      RESPONDENT_COLUMNS.group,
    ].filter((c) => index(c) === -1);
    if (missing.length > 0)
      throw new AppError('invalid', 'import_missing_columns', { columns: missing.join(', ') });
    const cell = (row: string[], name: string) => {
      const i = index(name);
      return i === -1 ? '' : (row[i] ?? '').trim();
    };
    const groups = groupsOf(loaded);
    const units = await repo.findUnitsByCode(
      tx,
      table.rows.map((r) => cell(r, RESPONDENT_COLUMNS.unitCode)).filter((c) => c !== ''),
    );
    const problems: ErrorDetail[] = [];
    const seen = new Map<string, number>();
    const out: NewRespondent[] = [];
    table.rows.forEach((r, n) => {
      const row = table.rowNumbers[n]!;
      const at = (column: string) => ({ row, column });
      const before = problems.length;
      const code = cell(r, RESPONDENT_COLUMNS.code);
      const fullName = cell(r, RESPONDENT_COLUMNS.fullName);
      const group = cell(r, RESPONDENT_COLUMNS.group);
      const unitCode = cell(r, RESPONDENT_COLUMNS.unitCode);
      const email = cell(r, RESPONDENT_COLUMNS.email);
      if (code === '')
        problems.push({ ...at(RESPONDENT_COLUMNS.code), key: 'survey_respondent_code_missing' });
      else if (code.length > MAX_CODE)
        problems.push({
          ...at(RESPONDENT_COLUMNS.code),
          key: 'survey_respondent_code_long',
          params: { max: MAX_CODE },
        });
      else if (seen.has(code))
        problems.push({
          ...at(RESPONDENT_COLUMNS.code),
          key: 'survey_respondent_duplicate_row',
          params: { code, row: seen.get(code)! },
        });
      else seen.set(code, row);
      if (fullName === '')
        problems.push({
          ...at(RESPONDENT_COLUMNS.fullName),
          key: 'survey_respondent_name_missing',
        });
      else if (fullName.length > MAX_NAME)
        problems.push({
          ...at(RESPONDENT_COLUMNS.fullName),
          key: 'survey_respondent_name_long',
          params: { max: MAX_NAME },
        });
      if (group === '')
        problems.push({ ...at(RESPONDENT_COLUMNS.group), key: 'survey_respondent_group_missing' });
      else if (!groups.has(group))
        problems.push({
          ...at(RESPONDENT_COLUMNS.group),
          key: 'survey_unknown_group',
          params: { code: group },
        });
      if (unitCode !== '' && !units.has(unitCode))
        problems.push({
          ...at(RESPONDENT_COLUMNS.unitCode),
          key: 'survey_unknown_unit',
          params: { code: unitCode },
        });
      if (email !== '' && !EMAIL.safeParse(email).success)
        problems.push({
          ...at(RESPONDENT_COLUMNS.email),
          key: 'survey_respondent_email_invalid',
          params: { value: email.slice(0, 100) },
        });
      if (problems.length === before)
        out.push({
          code,
          group,
          fullName,
          unitId: unitCode === '' ? null : units.get(unitCode)!.id,
          userId: null,
          email: email === '' ? null : email,
        });
    });
    if (problems.length > 0) refuse(problems);
    return storeRespondents(deps, tx, actor, loaded, out, 'file');
  });
}

/** The province id a unit path starts with, or null without an owner unit. */
function provinceOf(path: string | null): string | null {
  return path?.split('/').find((id) => id !== '') ?? null;
}

/** An ISO date that exists (2026-02-31 does not), else a refusal naming the field. */
function checkDeadline(deadline: string | undefined): string | null {
  if (deadline === undefined) return null;
  const d = new Date(`${deadline}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== deadline)
    throw new AppError('invalid', 'validation_failed', {}, [
      { field: 'deadline', key: 'field_format', params: { field: 'deadline' } },
    ]);
  return deadline;
}

interface LinkMail {
  respondent: {
    full_name: string;
    email: string | null;
    user_id: number | null;
    locale: string | null;
  };
  unitName: string;
  token: string;
}

/** The mail carrying a personal link, in the respondent's language (Vietnamese unless their account reads English). */
function linkMail(
  deps: Deps,
  campaignName: string,
  link: LinkMail,
  deadline: string | null,
  reminder: boolean,
): DirectMail {
  const locale: Locale = link.respondent.locale === 'en' ? 'en' : 'vi';
  const url = `${deps.config.publicUrl}/dieu-tra/${link.token}`;
  const p = { unit: link.unitName, campaign: campaignName };
  const date = deadline ? (locale === 'vi' ? formatDateShort(deadline) : deadline) : null;
  return {
    to: link.respondent.email!,
    userId: link.respondent.user_id,
    locale,
    subject: translate(
      locale,
      reminder ? 'survey_mail_reminder_subject' : 'survey_mail_subject',
      p,
    ),
    text: [
      translate(locale, 'notify_email_greeting', { name: link.respondent.full_name }),
      '',
      translate(locale, reminder ? 'survey_mail_reminder_body' : 'survey_mail_body', p),
      '',
      url,
      '',
      ...(date ? [translate(locale, 'survey_mail_deadline', { date }), ''] : []),
      translate(locale, 'survey_mail_single_use'),
      '',
      '--',
      translate(locale, 'notify_email_footer'),
    ].join('\n'),
  };
}

/**
 * Delivers link mails: without SMTP they are kept in the outbox inside the transaction making the
 * links; with SMTP the returned function sends them once that transaction has committed.
 */
async function deliverInside(deps: Deps, tx: Queryable, mails: DirectMail[], now: Date) {
  if (!deps.config.smtp) await keepDirectMails(tx, mails, now);
}
async function deliverAfter(deps: Deps, mails: DirectMail[]) {
  if (deps.config.smtp) await sendDirectMails(deps, mails);
}

/**
 * Makes the personal single-use links the rating rules call for (an open survey): each respondent
 * of a rule's group rates every participating unit of the questionnaire's kind in the rule's
 * scope, never their own unit. Returns the new links once (only their hashes are stored). With
 * `sendEmail`, each new link whose respondent has an address is e-mailed too.
 */
export async function createInvitations(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  options: { sendEmail?: boolean | undefined; deadline?: string | undefined } = {},
) {
  const deadline = checkDeadline(options.deadline);
  const result = await deps.db.transaction(async (tx) => {
    const loaded = await requireSurvey(tx, actor, campaignId, true);
    requireStatus(loaded.survey, ['open']);
    const [respondents, units, existing] = await Promise.all([
      repo.findRespondents(tx, loaded.survey.id),
      repo.findParticipantUnits(tx, campaignId),
      repo.findInvitationKeys(tx, loaded.survey.id),
    ]);
    const links: {
      respondentCode: string;
      fullName: string;
      unitCode: string;
      unitName: string;
      token: string;
    }[] = [];
    const rows: { respondentId: number; unitId: number; tokenHash: string }[] = [];
    const mails: DirectMail[] = [];
    let withoutEmail = 0;
    for (const q of loaded.questionnaires) {
      for (const rule of q.design.rules) {
        for (const r of respondents) {
          if (r.group_code !== rule.group) continue;
          if (rule.raterKind !== '' && r.unit_kind !== rule.raterKind) continue;
          for (const u of units) {
            if (u.unit_kind !== q.unit_kind || u.unit_id === r.unit_id) continue;
            if (
              rule.scope === 'same_parent' &&
              (r.unit_parent_id === null || u.parent_id !== r.unit_parent_id)
            )
              continue;
            if (
              rule.scope === 'province' &&
              r.unit_path !== null &&
              !sameProvince(r.unit_path, u.unit_path)
            )
              continue;
            const key = `${r.id}:${u.unit_id}`;
            if (existing.has(key)) continue;
            existing.add(key);
            const token = randomBytes(24).toString('base64url');
            rows.push({ respondentId: r.id, unitId: u.unit_id, tokenHash: hashToken(token) });
            links.push({
              respondentCode: r.code,
              fullName: r.full_name,
              unitCode: u.unit_code,
              unitName: u.unit_name,
              token,
            });
            if (options.sendEmail) {
              if (r.email)
                mails.push(
                  linkMail(
                    deps,
                    loaded.campaign.name,
                    { respondent: r, unitName: u.unit_name, token },
                    deadline,
                    false,
                  ),
                );
              else withoutEmail += 1;
            }
          }
        }
      }
    }
    const now = deps.clock.now();
    await repo.insertInvitations(tx, loaded.survey.id, rows, now);
    await deliverInside(deps, tx, mails, now);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'social_survey.invitations.create',
        entity: 'social_survey',
        entityId: loaded.survey.id,
        unitId: loaded.campaign.owner_unit_id,
        after: {
          created: rows.length,
          ...(options.sendEmail ? { emailed: mails.length, withoutEmail, deadline } : {}),
        },
      },
      now,
    );
    return {
      answer: {
        created: links.length,
        ...(options.sendEmail ? { emailed: mails.length, withoutEmail } : {}),
        links,
      },
      mails,
    };
  });
  await deliverAfter(deps, result.mails);
  return result.answer;
}

/**
 * Reminds the respondents who have not answered (an open survey): every unused link whose
 * respondent has an address gets a fresh token in place of the stored hash (the old link stops
 * working: only hashes are kept, so a reminder must carry a new link) and is e-mailed.
 */
export async function remindInvitations(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  options: { deadline?: string | undefined } = {},
) {
  const deadline = checkDeadline(options.deadline);
  const result = await deps.db.transaction(async (tx) => {
    const loaded = await requireSurvey(tx, actor, campaignId, true);
    requireStatus(loaded.survey, ['open']);
    const unused = await repo.findUnusedInvitations(tx, loaded.survey.id);
    const withEmail = unused.filter((i) => i.email);
    const hashes: { id: number; tokenHash: string }[] = [];
    const mails: DirectMail[] = [];
    for (const inv of withEmail) {
      const token = randomBytes(24).toString('base64url');
      hashes.push({ id: inv.id, tokenHash: hashToken(token) });
      mails.push(
        linkMail(
          deps,
          loaded.campaign.name,
          { respondent: inv, unitName: inv.rated_unit_name, token },
          deadline,
          true,
        ),
      );
    }
    const now = deps.clock.now();
    await repo.replaceInvitationHashes(tx, hashes);
    await deliverInside(deps, tx, mails, now);
    const answer = {
      reissued: hashes.length,
      emailed: mails.length,
      withoutEmail: unused.length - withEmail.length,
    };
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'social_survey.invitations.remind',
        entity: 'social_survey',
        entityId: loaded.survey.id,
        unitId: loaded.campaign.owner_unit_id,
        after: { ...answer, deadline },
      },
      now,
    );
    return { answer, mails };
  });
  await deliverAfter(deps, result.mails);
  return result.answer;
}

/** Two unit paths ('/25/300/' and '/25/301/') are in the same province. */
function sameProvince(a: string, b: string): boolean {
  // A path starts with the province's id, whatever the depth (communes sit right under their
  // province since 2025, under a district before).
  const root = (p: string) => p.split('/').find((id) => id !== '');
  return root(a) === root(b);
}

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

// --- progress -------------------------------------------------------------------------------

/** Answers per unit and group against the links sent and the rules' sample sizes. */
export async function surveyProgress(deps: Deps, actor: Actor, campaignId: number) {
  const loaded = await requireSurvey(deps.db, actor, campaignId);
  const [units, counts] = await Promise.all([
    repo.findParticipantUnits(deps.db, campaignId),
    repo.progressCounts(deps.db, loaded.survey.id),
  ]);
  return {
    status: loaded.survey.status,
    units: units.map((u) => {
      const q = loaded.questionnaires.find((x) => x.unit_kind === u.unit_kind);
      const groups = q?.design.groups ?? [];
      return {
        unitId: u.unit_id,
        unitCode: u.unit_code,
        unitName: u.unit_name,
        unitKind: u.unit_kind,
        invited: counts
          .filter((x) => x.unit_id === u.unit_id)
          .reduce((sum, x) => sum + x.invited, 0),
        linksUsed: counts
          .filter((x) => x.unit_id === u.unit_id)
          .reduce((sum, x) => sum + x.used, 0),
        groups: groups.map((g) => {
          const c = counts.find((x) => x.unit_id === u.unit_id && x.group_code === g.code);
          const sample = q!.design.rules
            .filter((r) => r.group === g.code)
            .reduce((s, r) => Math.max(s, r.sampleSize), 0);
          return {
            group: g.code,
            name: g.name,
            responses: c?.responses ?? 0,
            invited: c?.invited ?? 0,
            linksUsed: c?.used ?? 0,
            sampleSize: sample,
          };
        }),
      };
    }),
  };
}

// --- the saved respondents ------------------------------------------------------------------

/**
 * A page of the survey's saved respondents, of one group and one unit when asked, each with the
 * links made and used for them and their responses (no link's token: only its hash is stored).
 */
export async function listSurveyRespondents(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  query: { group?: string | undefined; unitId?: number | undefined; limit: number; offset: number },
): Promise<SurveyRespondentList> {
  const loaded = await requireSurvey(deps.db, actor, campaignId);
  const names = new Map<string, string>();
  for (const q of loaded.questionnaires)
    for (const g of q.design.groups) if (!names.has(g.code)) names.set(g.code, g.name);
  const [page, facets] = await Promise.all([
    repo.listRespondents(deps.db, loaded.survey.id, {
      group: query.group ?? null,
      unitId: query.unitId ?? null,
      limit: query.limit,
      offset: query.offset,
    }),
    repo.respondentFacets(deps.db, loaded.survey.id),
  ]);
  const open = loaded.survey.status !== 'closed';
  return {
    total: page.total,
    limit: query.limit,
    offset: query.offset,
    items: page.rows.map((r) => ({
      id: r.id,
      code: r.code,
      fullName: r.full_name,
      group: r.group_code,
      groupName: names.get(r.group_code) ?? r.group_code,
      unitId: r.unit_id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      email: r.email,
      fromAccount: r.from_account,
      links: r.links,
      linksUsed: r.links_used,
      responses: r.responses,
      removable: open && r.responses === 0,
    })),
    groups: facets.groups.map((g) => ({
      code: g.group_code,
      name: names.get(g.group_code) ?? g.group_code,
      count: g.n,
    })),
    units: facets.units,
  };
}

/**
 * Removes a respondent who has not answered yet, with the links made for them (which stop
 * working); refused once they answered or the survey closed. Audited.
 */
export async function removeSurveyRespondent(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  respondentId: number,
) {
  return deps.db.transaction(async (tx) => {
    const loaded = await requireSurvey(tx, actor, campaignId, true);
    requireStatus(loaded.survey, ['draft', 'open']);
    const respondent = await repo.findRespondentForRemoval(tx, loaded.survey.id, respondentId);
    if (!respondent) throw notFound('entity_survey_respondent');
    if (respondent.responses > 0)
      throw new AppError('conflict', 'survey_respondent_answered', {
        name: respondent.full_name,
        count: respondent.responses,
      });
    await repo.deleteRespondent(tx, respondent.id);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'social_survey.respondents.remove',
        entity: 'social_survey',
        entityId: loaded.survey.id,
        unitId: loaded.campaign.owner_unit_id,
        before: {
          respondentId: respondent.id,
          code: respondent.code,
          fullName: respondent.full_name,
          group: respondent.group_code,
          links: respondent.links,
        },
      },
      deps.clock.now(),
    );
    return { removed: true as const, links: respondent.links };
  });
}

// --- the campaign report --------------------------------------------------------------------

/** What the campaign report says of the survey, per unit. */
export interface SurveyReportPart {
  provisional: boolean;
  units: {
    unitId: number;
    unitName: string;
    unitKind: string;
    pointsHundredths: number | null;
    maxHundredths: number | null;
    nodes: { title: string; pointsHundredths: number | null; maxHundredths: number }[];
    groups: { name: string; responses: number }[];
  }[];
}

/**
 * The survey's part of the campaign report (seed 004): every participating unit's survey points
 * with each node's points, and the responses per respondent group — the numbers of
 * `GET …/social-survey/results`, provisional while the survey is open. Null when the campaign has
 * no survey or it is still a draft. The caller has checked who may draft the report.
 */
export async function surveyReportPart(
  deps: Deps,
  campaignId: number,
): Promise<SurveyReportPart | null> {
  const [campaign, survey] = await Promise.all([
    repo.findCampaignView(deps.db, campaignId),
    repo.findSurveyByCampaign(deps.db, campaignId),
  ]);
  if (!campaign || !survey || survey.status === 'draft') return null;
  const loaded: Loaded = {
    campaign,
    survey,
    questionnaires: await repo.findQuestionnaires(deps.db, survey.id),
  };
  const computed = await computeAll(deps, deps.db, loaded, null);
  const counts = await repo.progressCounts(deps.db, survey.id);
  return {
    provisional: survey.status !== 'closed',
    units: computed.map(({ unit, points }) => {
      const design = loaded.questionnaires.find((q) => q.unit_kind === unit.unit_kind)?.design;
      return {
        unitId: unit.unit_id,
        unitName: unit.unit_name,
        unitKind: unit.unit_kind,
        pointsHundredths: points?.pointsHundredths ?? null,
        maxHundredths:
          points?.maxHundredths ?? design?.nodes.reduce((s, n) => s + n.maxHundredths, 0) ?? null,
        nodes: (design?.nodes ?? []).map((n) => ({
          title: n.title,
          pointsHundredths: points?.nodes.find((x) => x.code === n.code)?.pointsHundredths ?? null,
          maxHundredths: n.maxHundredths,
        })),
        groups: (design?.groups ?? []).map((g) => ({
          name: g.name,
          responses:
            counts.find((c) => c.unit_id === unit.unit_id && c.group_code === g.code)?.responses ??
            0,
        })),
      };
    }),
  };
}

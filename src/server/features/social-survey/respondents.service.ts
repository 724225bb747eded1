/** The sociological survey: respondents (lists, accounts, files), their personal links and reminders, and the saved respondents. */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Actor, Role } from '../../../domain/access.ts';
import { formatDateShort } from '../../../domain/format.ts';
import { AppError, notFound, type ErrorDetail } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { translate, type Locale } from '../../i18n/messages.ts';
import { keepDirectMails, sendDirectMails, type DirectMail } from '../notifications/direct-mail.ts';
import { listKinds } from '../units/service.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { auditActor } from '../campaigns/service.ts';
import type { SurveyRespondentList } from '../../../shared/contract/social-survey.ts';
import * as repo from './repository.ts';
import { requireSurvey } from './shared.ts';
import { MAX_PROBLEMS } from './shared.ts';
import { requireStatus } from './shared.ts';
import type { Loaded } from './shared.ts';
import { hashToken } from './shared.ts';
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

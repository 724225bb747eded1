/**
 * Actions on several units of a campaign at once: approve, publish, reopen the self-assessment,
 * remind. Each unit goes through its own rules and permissions in its own transaction (the same
 * use-case as the single-unit route, audited per unit), so one unit is never half-applied and a
 * refusal on one leaves the others done. The answer lists what was done and, per unit, what was
 * refused and why, in the request's language.
 *
 * Remind records a notice (bell, and e-mail when SMTP is configured) for the officers and heads of
 * a unit that has something to do now: its self-assessment to submit, or round-1 findings to
 * explain. The standing agency, the council chair or an administrator over the unit may remind.
 */
import { hasRoleOn, type Actor } from '../../../domain/access.ts';
import { deadlineDay, EXPLAINING, SELF_PENDING } from '../../../domain/campaign/notices.ts';
import type { AssessmentStatus } from '../../../domain/campaign/workflow.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import { translate, type Locale } from '../../i18n/messages.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { queueCampaignScan } from '../notifications/scan-queue.ts';
import { explanationsAsked, insertNotices, unitPeople } from '../notifications/service.ts';
import { actOnUnit } from './assessment.service.ts';
import { isStaffFor } from './policy.ts';
import * as repo from './repository.ts';
import { auditActor, participantOf } from './service.ts';

export const BULK_ACTIONS = ['approve', 'publish', 'reopen', 'remind'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export interface BulkInput {
  action: BulkAction;
  unitIds: readonly number[];
  /** Why the self-assessments are reopened (required for reopen). */
  reason?: string | undefined;
  /** The day the reopened units must submit by (reopen), or null for round 1's start. */
  until?: string | null | undefined;
  /** The decision the results are published by (publish): its number and its date. */
  decisionNumber?: string | undefined;
  decisionDate?: string | undefined;
}

export interface BulkDone {
  unitId: number;
  unitName: string;
  status: AssessmentStatus;
  /** How many people were reminded (remind). */
  reminded?: number;
}

export interface BulkRefused {
  unitId: number;
  unitName: string;
  code: string;
  message: string;
}

/** Roles that may remind a unit of what it has to do. */
const REMINDERS = ['standing_agency', 'council_chair', 'system_admin'] as const;

/**
 * Applies one action to each listed unit of the campaign. 404 when the campaign does not exist;
 * 403 when the actor works as staff on none of the listed units (nothing is told about them);
 * otherwise 200 with `done` and `refused`, one entry per distinct unit id, in the order sent.
 */
export async function actOnUnits(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  input: BulkInput,
  locale: Locale = 'vi',
): Promise<{ action: BulkAction; done: BulkDone[]; refused: BulkRefused[] }> {
  const reason = input.reason?.trim() ?? '';
  if (input.action === 'reopen' && reason === '')
    throw new AppError('invalid', 'validation_failed', {}, [
      { field: 'reason', key: 'field_required', params: { field: '@campaign_bulk_reason' } },
    ]);
  const campaign = await repo.findCampaign(deps.db, campaignId);
  if (!campaign) throw notFound('entity_campaign');
  const participants = new Map(
    (await repo.findParticipants(deps.db, campaignId)).map((p) => [p.unit_id, p]),
  );
  const unitIds = [...new Set(input.unitIds)];
  if (!unitIds.some((id) => isStaffOn(actor, participants.get(id))))
    throw new AppError('forbidden', 'forbidden');

  const done: BulkDone[] = [];
  const refused: BulkRefused[] = [];
  for (const unitId of unitIds) {
    const p = participants.get(unitId);
    if (!p) {
      refused.push({
        unitId,
        unitName: '',
        code: 'campaign_bulk_not_participant',
        message: translate(locale, 'campaign_bulk_not_participant', { id: unitId }),
      });
      continue;
    }
    try {
      if (!isStaffFor(actor, p.unit_path))
        throw new AppError('forbidden', 'forbidden_unit', { unit: p.unit_name });
      if (input.action === 'remind') {
        const reminded = await deps.db.transaction(async (tx) => {
          const sent = await remindUnit(deps, tx, actor, campaign, p);
          // The reminder's e-mails go out with the campaign's next scan.
          await queueCampaignScan(tx, deps.clock.now(), campaignId);
          return sent;
        });
        done.push({
          unitId,
          unitName: p.unit_name,
          status: p.status as AssessmentStatus,
          reminded,
        });
        continue;
      }
      const event = input.action;
      const { participant } = await actOnUnit(
        deps,
        actor,
        campaignId,
        unitId,
        event,
        event === 'reopen'
          ? { reason, until: input.until ?? null }
          : event === 'publish'
            ? { decisionNumber: input.decisionNumber, decisionDate: input.decisionDate }
            : {},
      );
      done.push({ unitId, unitName: p.unit_name, status: participant.status });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push({
        unitId,
        unitName: p.unit_name,
        code: error.code,
        message: translate(locale, error.code, error.params),
      });
    }
  }
  return { action: input.action, done, refused };
}

function isStaffOn(actor: Actor, p: repo.ParticipantRow | undefined): boolean {
  return p !== undefined && isStaffFor(actor, p.unit_path);
}

/**
 * Records a reminder for the officers and heads of one unit, with the task it has now and its
 * deadline, and audits it; refuses (AppError) when the campaign is not open, the actor may not
 * remind, the unit has nothing to do now, or no account works on the unit.
 */
async function remindUnit(
  deps: Deps,
  tx: Queryable,
  actor: Actor,
  campaign: repo.CampaignRow,
  stale: repo.ParticipantRow,
): Promise<number> {
  const p = await participantOf(tx, campaign.id, stale.unit_id, true);
  if (!REMINDERS.some((role) => hasRoleOn(actor, role, p.unit_path)))
    throw new AppError('forbidden', 'campaign_remind_forbidden', { unit: p.unit_name });
  if (campaign.status !== 'open')
    throw new AppError('conflict', 'campaign_remind_not_open', { name: campaign.name });
  const task = await taskOf(tx, campaign, p);
  if (!task)
    throw new AppError('conflict', 'campaign_remind_nothing_due', {
      unit: p.unit_name,
      status: `@workflow_status_${p.status}`,
    });
  const people = [...new Set((await unitPeople(tx, [p.unit_id])).map((r) => r.user_id))].sort(
    (a, b) => a - b,
  );
  if (people.length === 0)
    throw new AppError('conflict', 'campaign_remind_no_one', { unit: p.unit_name });
  const now = deps.clock.now();
  await insertNotices(
    tx,
    people.map((userId) => ({
      userId,
      // A reminder each time it is sent: its key names the moment.
      key: `reminder:${p.id}:${now.getTime()}`,
      kind: 'reminder',
      params: {
        campaign: campaign.name,
        unit: p.unit_name,
        deadlineKey: task.deadlineKey,
        date: task.date,
        by: actor.fullName,
      },
      link: `/campaigns/${campaign.id}/units/${p.unit_id}`,
      campaignId: campaign.id,
    })),
    now,
  );
  await appendAuditEntry(
    tx,
    {
      ...auditActor(actor),
      action: 'campaign.remind',
      entity: 'campaign_participant',
      entityId: p.id,
      unitId: p.unit_id,
      after: {
        campaignId: campaign.id,
        task: task.deadlineKey,
        deadline: task.date,
        recipients: people,
      },
    },
    now,
  );
  return people.length;
}

/** What the unit has to do now, with its deadline's day; null when nothing waits on it. */
async function taskOf(
  tx: Queryable,
  campaign: repo.CampaignRow,
  p: repo.ParticipantRow,
): Promise<{ deadlineKey: 'selfAssessment' | 'explanations'; date: string } | null> {
  if (SELF_PENDING.has(p.status)) {
    const own = p.status === 'reopened' && p.reopened?.until ? p.reopened.until : null;
    return { deadlineKey: 'selfAssessment', date: dayOf(own ?? campaign.deadline_self_assessment) };
  }
  if (EXPLAINING.has(p.status)) {
    const asked = await explanationsAsked(tx, p.id);
    if (asked > 0)
      return { deadlineKey: 'explanations', date: dayOf(campaign.deadline_explanations) };
  }
  return null;
}

/** A deadline's calendar day in Vietnam ("YYYY-MM-DD"), as the deadline notices name it. */
const dayOf = (deadline: string): string => deadlineDay(String(deadline)) ?? String(deadline);

/**
 * Appraisal coverage (ADR 26): which sub-criteria of a campaign's sets no appraiser is assigned
 * to, the council chair's acceptance of the unit's self score for them (with a reason, audited),
 * and the check that refuses closing round 1 or approving a result on a unit while one of them is
 * neither assigned nor accepted.
 */
import { hasRoleOn, type Actor } from '../../../domain/access.ts';
import {
  codeIsWithin,
  unacceptedLeaves,
  unappraisedLeaves,
  type UnappraisedLeaf,
} from '../../../domain/campaign/setup.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { isStaffFor, staffScope } from './policy.ts';
import * as repo from './repository.ts';
import { auditActor, loadCampaign, userIdOf, type LoadedCampaign } from './service.ts';

/** What the scorecard and the set-up screen show of an accepted self score. */
export interface AcceptedSelfScore {
  reason: string;
  by: string | null;
  byUserId: number | null;
  at: string;
}

export function presentAcceptance(a: repo.AcceptanceRow): AcceptedSelfScore {
  return {
    reason: a.reason,
    by: a.accepted_by_name,
    byUserId: a.accepted_by,
    at: new Date(a.accepted_at).toISOString(),
  };
}

/** The accepted self scores of one participant, by node code. */
export async function acceptancesOf(
  db: Queryable,
  campaignId: number,
  participantId: number,
): Promise<Map<string, AcceptedSelfScore>> {
  const rows = await repo.findAcceptances(db, campaignId, [participantId]);
  return new Map(rows.map((a) => [a.node_code, presentAcceptance(a)]));
}

/** The participants this actor sees in the coverage: as staff over the owner, else in their scope. */
function visibleParticipants(
  c: LoadedCampaign,
  actor: Actor,
  participants: repo.ParticipantRow[],
): repo.ParticipantRow[] {
  if (isStaffFor(actor, c.row.owner_unit_path)) return participants;
  const scope = staffScope(actor);
  const visible =
    scope === null
      ? participants
      : participants.filter((p) => scope.some((path) => p.unit_path.startsWith(path)));
  if (visible.length === 0) throw new AppError('forbidden', 'forbidden');
  return visible;
}

/** May the actor accept self scores on this unit: whoever may close its round 1, the chair. */
const mayAcceptOn = (actor: Actor, p: repo.ParticipantRow): boolean =>
  hasRoleOn(actor, 'council_chair', p.unit_path);

/**
 * The sub-criteria without an appraiser, per unit kind of the campaign's sets, each with the units
 * (among those the actor sees) whose self score for it was accepted, and those still waiting.
 * Read by the campaign's staff, each over the units in their scope.
 */
export async function getCoverage(deps: Deps, actor: Actor, campaignId: number) {
  const c = await loadCampaign(deps.db, campaignId);
  const visible = visibleParticipants(c, actor, await repo.findParticipants(deps.db, campaignId));
  const accepted = await repo.findAcceptances(
    deps.db,
    campaignId,
    visible.map((p) => p.id),
  );
  const byKey = new Map(accepted.map((a) => [`${a.participant_id}:${a.node_code}`, a]));
  const kinds = c.setup.criteriaSets.map((set) => {
    const units = visible.filter((p) => p.unit_kind === set.unitKind);
    return {
      unitKind: set.unitKind,
      unappraised: unappraisedLeaves(c.setup, set.unitKind).map((leaf) => ({
        ...leaf,
        acceptedFor: units.flatMap((p) => {
          const a = byKey.get(`${p.id}:${leaf.code}`);
          return a
            ? [
                {
                  unitId: p.unit_id,
                  unitCode: p.unit_code,
                  unitName: p.unit_name,
                  ...presentAcceptance(a),
                },
              ]
            : [];
        }),
        waitingFor: units
          .filter((p) => !byKey.has(`${p.id}:${leaf.code}`))
          .map((p) => ({ unitId: p.unit_id, unitCode: p.unit_code, unitName: p.unit_name })),
      })),
    };
  });
  return {
    /** Every sub-criterion has an appraiser, or its self score is accepted for every unit shown. */
    complete: kinds.every((k) => k.unappraised.every((l) => l.waitingFor.length === 0)),
    kinds,
    mayAccept: visible.some((p) => mayAcceptOn(actor, p)),
  };
}

export interface AcceptInput {
  codes: string[];
  reason: string;
}

/**
 * The council chair accepts the self score of the given sub-criteria (a code covers its subtree)
 * for every unit of the campaign they chair, where no appraiser is assigned to them; with a
 * reason, audited per unit in the same transaction. Accepting again replaces the reason.
 */
export async function acceptSelfScores(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  input: AcceptInput,
) {
  await deps.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, campaignId, { lock: true });
    const mine = (await repo.findParticipants(tx, campaignId)).filter(
      (p) => mayAcceptOn(actor, p) && p.status !== 'published',
    );
    if (mine.length === 0) throw new AppError('forbidden', 'forbidden');
    if (c.row.status === 'closed')
      throw new AppError('conflict', 'campaign_closed', { name: c.row.name });
    const reason = input.reason.trim();
    const errors: ErrorDetail[] = [];
    if (reason === '')
      errors.push({ field: 'reason', key: 'field_required', params: { field: 'reason' } });
    const unappraised = new Map<string, UnappraisedLeaf[]>();
    for (const p of mine)
      if (!unappraised.has(p.unit_kind))
        unappraised.set(p.unit_kind, unappraisedLeaves(c.setup, p.unit_kind));
    const all = [...unappraised.values()].flat();
    input.codes.forEach((code, i) => {
      if (!all.some((leaf) => codeIsWithin(leaf.code, code.trim())))
        errors.push({
          field: `codes.${i}`,
          key: 'campaign_code_not_unappraised',
          params: { code },
        });
    });
    if (errors.length) throw new AppError('invalid', 'validation_failed', {}, errors);
    const now = deps.clock.now();
    for (const p of mine) {
      const codes = (unappraised.get(p.unit_kind) ?? [])
        .filter((leaf) => input.codes.some((code) => codeIsWithin(leaf.code, code.trim())))
        .map((leaf) => leaf.code);
      if (codes.length === 0) continue;
      await repo.upsertAcceptances(
        tx,
        campaignId,
        codes.map((code) => ({ participantId: p.id, code })),
        reason,
        userIdOf(actor),
        now,
      );
      await appendAuditEntry(
        tx,
        {
          ...auditActor(actor),
          action: 'campaign.accept_self_score',
          entity: 'campaign_participant',
          entityId: p.id,
          unitId: p.unit_id,
          after: { campaignId, codes, reason },
        },
        now,
      );
    }
  });
  return getCoverage(deps, actor, campaignId);
}

/**
 * Refuses closing round 1 or approving a result on a unit while a sub-criterion of its set has no
 * appraiser and the chair has not accepted its self score for the unit: a 409 listing each by code
 * and name.
 */
export async function requireCoverage(
  tx: Queryable,
  c: LoadedCampaign,
  p: repo.ParticipantRow,
  action: 'closeRound1' | 'approve',
): Promise<void> {
  const unappraised = unappraisedLeaves(c.setup, p.unit_kind);
  if (unappraised.length === 0) return;
  const accepted = new Set(
    (await repo.findAcceptances(tx, c.row.id, [p.id])).map((a) => a.node_code),
  );
  const missing = unacceptedLeaves(unappraised, accepted);
  if (missing.length === 0) return;
  throw new AppError(
    'conflict',
    'campaign_unappraised',
    {
      action: `@campaign_coverage_${action}`,
      unit: p.unit_name,
      count: missing.length,
      list: missing.map((l) => `${l.code} ${l.title}`).join('; '),
    },
    missing.map((l) => ({
      field: `criteria.${l.code}`,
      key: 'campaign_unappraised_item',
      params: { code: l.code, title: l.title },
    })),
  );
}

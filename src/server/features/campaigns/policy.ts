/**
 * Who may see what in a campaign, as pure predicates over the actor's grants and unit paths. The
 * workflow's own checks (who fires which transition) live in the domain (`transition`); these
 * cover reading: a unit sees only its own assessment before publication, and sees the appraisers'
 * scores only once round 1 is closed on it.
 */
import { can, hasRoleOn, reaches, type Actor, type Role } from '../../../domain/access.ts';
import { possibleEvents, type AssessmentStatus } from '../../../domain/campaign/workflow.ts';
import { compiledTreeOf, type CriteriaNode } from '../../../domain/scoring/tree.ts';
import type { Locale } from '../../i18n/messages.ts';
import { refusalText } from './refusals.ts';
import type { ParticipantRow } from './repository.ts';
import type { LoadedCampaign } from './loaded-campaign.ts';

/** Roles that work on every unit of a campaign in their scope. */
const STAFF_ROLES: readonly Role[] = [
  'system_admin',
  'standing_agency',
  'appraiser',
  'council_chair',
  'council_member',
];
/** Roles of the assessed unit itself. */
const UNIT_SIDE_ROLES: readonly Role[] = ['unit_officer', 'unit_head', 'council_member'];

// Statuses from which round 1's scores are shown to the unit (round 1 closed and later).
const APPRAISAL_VISIBLE: ReadonlySet<string> = new Set([
  'round1_closed',
  'explaining',
  'explanations_locked',
  'round2_in_progress',
  'approved',
  'published',
]);

/** May the actor set up the campaign (create, edit, add units, assign, open, survey points)? */
export function canManageCampaign(actor: Actor, ownerPath: string | null): boolean {
  return can(actor, 'campaign.manage', ownerPath);
}

/** Does the actor work on the campaign as staff (agency, appraiser, council) over this unit? */
export function isStaffFor(actor: Actor, unitPath: string | null): boolean {
  return STAFF_ROLES.some((r) => r !== 'council_member' && hasRoleOn(actor, r, unitPath));
}

/**
 * The subtrees where the actor works as staff (see isStaffFor): null everywhere, [] nowhere.
 * Used to filter in SQL.
 */
export function staffScope(actor: Actor): string[] | null {
  const paths: string[] = [];
  for (const g of actor.grants) {
    if (g.role === 'council_member' || !STAFF_ROLES.includes(g.role)) continue;
    if (g.unitPath === null) return null;
    paths.push(g.unitPath);
  }
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

/**
 * Does the actor work on this unit's assessment at all: as staff over it or on the unit's own side?
 * Nobody else may fire an action or save an entry on it, whatever its state.
 */
export function worksOnUnit(actor: Actor, unitPath: string): boolean {
  return isStaffFor(actor, unitPath) || UNIT_SIDE_ROLES.some((r) => hasRoleOn(actor, r, unitPath));
}

/** May the actor read a unit's assessment (its self-assessment, evidence, explanations)? */
export function canReadAssessment(
  actor: Actor,
  unitPath: string,
  status: AssessmentStatus | string,
): boolean {
  if (status === 'published') return true;
  return isStaffFor(actor, unitPath) || UNIT_SIDE_ROLES.some((r) => hasRoleOn(actor, r, unitPath));
}

/** May the actor see round-1 and round-2 scores of a unit in this status? */
export function canSeeAppraisal(
  actor: Actor,
  unitPath: string,
  status: AssessmentStatus | string,
): boolean {
  return isStaffFor(actor, unitPath) || APPRAISAL_VISIBLE.has(status);
}

/** May the actor see every unit's results before publication (the ranking in progress)? */
export function canSeeAllResults(actor: Actor, ownerPath: string | null): boolean {
  return (
    STAFF_ROLES.some((r) => hasRoleOn(actor, r, ownerPath)) ||
    can(actor, 'campaign.manage', ownerPath)
  );
}

/**
 * Does the actor run the campaign: manages it or works as staff over its owner unit (the national
 * administrator, the owner's standing agency, chair and appraisers), works as staff over its
 * appraising agency, or is assigned to appraise in it? Those see every participant and the
 * appraisers; anyone else sees the participants their grants reach and no appraiser.
 */
export function runsCampaign(
  actor: Actor,
  campaign: {
    ownerPath: string | null;
    appraisingPath: string | null;
    assignedUserIds: readonly number[];
  },
): boolean {
  return (
    canSeeAllResults(actor, campaign.ownerPath) ||
    (campaign.appraisingPath !== null && isStaffFor(actor, campaign.appraisingPath)) ||
    campaign.assignedUserIds.includes(actor.userId)
  );
}

/** May the actor see this participant of a campaign they do not run (runsCampaign)? */
export function seesParticipant(actor: Actor, unitPath: string): boolean {
  return reaches(actor, unitPath);
}

const leafCodeCache = new WeakMap<CriteriaNode, string[]>();
function leafCodesOf(tree: CriteriaNode): string[] {
  let codes = leafCodeCache.get(tree);
  if (!codes) {
    const compiled = compiledTreeOf(tree);
    codes = Array.from(compiled.leaves, (i) => compiled.codes[i] ?? '');
    leafCodeCache.set(tree, codes);
  }
  return codes;
}

/**
 * What this actor may do on this unit now (`possibleActions`) and what the unit's state would
 * allow but is refused to them, with the reason in the given language (`refusedActions`: a
 * deadline, a lock).
 */
export function actionsOn(
  c: LoadedCampaign,
  p: ParticipantRow,
  actor: Actor,
  now: Date,
  findings: readonly string[] = [],
  locale: Locale = 'vi',
) {
  const t = c.trees.get(p.unit_kind);
  const { events, refused } = possibleEvents(
    { status: p.status as AssessmentStatus, reopened: p.reopened },
    {
      campaign: c.setup,
      unit: { id: String(p.unit_id), kind: p.unit_kind, path: p.unit_path },
      actor,
      now,
    },
    {
      leafCodes: t ? leafCodesOf(t.tree) : [],
      findings,
    },
  );
  return {
    possibleActions: events,
    refusedActions: refused.map(({ event, refusal }) => ({
      event,
      code: refusal.code,
      message: refusalText(locale, refusal),
    })),
  };
}

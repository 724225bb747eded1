/**
 * What a SIPAS campaign's answers give: the indexes with their formulas, the seed-000 table,
 * progress against targets, the answers listed, suggestions, and the survey points a unit's index
 * becomes in the PAR index. The methodology itself is in src/domain/sipas/.
 */
import type { Actor } from '../../../domain/access.ts';
import {
  isSatisfactionLevel,
  type SatisfactionLevel,
} from '../../../domain/sipas/questionnaire.ts';
import {
  OVERALL_METHOD_LABELS,
  progressKey,
  sampleProgress,
  sampleTargets,
  type SampleProgress,
  type SampleTarget,
} from '../../../domain/sipas/sample.ts';
import {
  computeSipasIndexes,
  fieldLevelTable,
  satisfiedLevelsLabel,
  scopeIndexes,
  sipasSurveyPoints,
  type SipasSurveyPoints,
  type SubmissionAnswers,
} from '../../../domain/sipas/indexes.ts';
import type { AnswerValue } from '../../../domain/sipas/questionnaire.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import * as repo from './repository.ts';
import {
  type CampaignContext,
  readableUnitIds,
  requireContext,
  unitFilter,
} from './campaigns.service.ts';

function satisfiedLevelsOf(row: repo.CampaignRow): SatisfactionLevel[] {
  return row.satisfied_levels.filter(isSatisfactionLevel);
}

function toSubmissions(rows: repo.AnswerRow[]): SubmissionAnswers[] {
  return rows.map((r) => ({
    unitId: String(r.unit_id),
    fieldId: r.field_id,
    answers: r.answers as Record<string, AnswerValue>,
  }));
}

/** Sample targets and progress per unit and field (only the readable units). */
async function progressOf(
  db: Queryable,
  ctx: CampaignContext,
  unitIds: number[] | null,
): Promise<{ targets: SampleTarget[]; progress: SampleProgress[] }> {
  const [targets, counts] = await Promise.all([
    repo.listTargets(db, ctx.row.id),
    repo.countByUnitField(db, ctx.row.id),
  ]);
  const visible = targets.filter((t) => unitIds === null || unitIds.includes(t.unit_id));
  const computed = sampleTargets(
    visible.map((t) => ({
      unitId: String(t.unit_id),
      fieldId: t.field_id,
      transactions: t.transactions,
    })),
    ctx.row.margin_of_error,
  );
  const collected = new Map(counts.map((c) => [progressKey(String(c.unit_id), c.field_id), c.n]));
  return { targets: computed, progress: sampleProgress(computed, collected) };
}

/** Every index of a campaign for the units the actor may read, with formulas. */
export async function campaignIndexes(
  deps: Deps,
  actor: Actor,
  id: number,
  filter: { unitId?: number | undefined; fieldId?: string | undefined },
) {
  const ctx = await requireContext(deps.db, id);
  const unitIds = unitFilter(actor, ctx, filter.unitId);
  const fieldId = filter.fieldId ?? null;
  const [rows, progress] = await Promise.all([
    repo.listAnswers(deps.db, id, unitIds, fieldId),
    progressOf(deps.db, ctx, unitIds),
  ]);
  const submissions = toSubmissions(rows);
  const levels = satisfiedLevelsOf(ctx.row);
  const params = {
    satisfiedLevels: levels,
    overallMethod: ctx.row.overall_method,
    fields: ctx.row.fields,
  };
  const indexes = computeSipasIndexes(ctx.questionnaire, submissions, params);
  const unitName = (uid: string) => ctx.units.find((u) => String(u.unit_id) === uid)?.name ?? uid;
  // The usual alternatives side by side, so a reader sees how the choice of levels matters.
  const alternatives = ([[4], [4, 5]] as SatisfactionLevel[][]).map((satisfiedLevels) => {
    const scope = scopeIndexes(ctx.questionnaire, submissions, {
      satisfiedLevels,
      overallMethod: ctx.row.overall_method,
    });
    return {
      satisfiedLevels,
      satisfiedLabel: satisfiedLevelsLabel(satisfiedLevels),
      overallShare: scope.overallShare,
      elementMean: scope.elementMean,
      published: scope.published.index,
    };
  });
  return {
    campaignId: id,
    unitId: filter.unitId ?? null,
    fieldId,
    satisfiedLevels: levels,
    satisfiedLabel: indexes.satisfiedLabel,
    overallMethod: ctx.row.overall_method,
    overallMethodLabel: OVERALL_METHOD_LABELS[ctx.row.overall_method],
    all: indexes.all,
    byUnit: indexes.byUnit.map((u) => ({
      unitId: Number(u.unitId),
      name: unitName(u.unitId),
      indexes: u.indexes,
    })),
    byField: indexes.byField,
    byUnitField: indexes.byUnitField.map((u) => ({
      unitId: Number(u.unitId),
      fieldId: u.fieldId,
      indexes: u.indexes,
    })),
    table: fieldLevelTable(ctx.questionnaire, submissions, params),
    alternatives,
    progress: progress.progress.map((p, i) => ({
      ...p,
      unitId: Number(p.unitId),
      transactions: progress.targets[i]?.transactions ?? 0,
      sampleFormula: progress.targets[i]?.formula ?? '',
    })),
  };
}

export type CampaignIndexesView = Awaited<ReturnType<typeof campaignIndexes>>;

/** Answers (with suggestions) of the readable units, newest first, searchable. */
export async function listCampaignResponses(
  deps: Deps,
  actor: Actor,
  id: number,
  filter: {
    unitId?: number | undefined;
    fieldId?: string | undefined;
    suggestionsOnly: boolean;
    q?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const ctx = await requireContext(deps.db, id);
  const unitIds = unitFilter(actor, ctx, filter.unitId);
  const result = await repo.listResponses(deps.db, id, unitIds, {
    fieldId: filter.fieldId ?? null,
    suggestionsOnly: filter.suggestionsOnly,
    q: filter.q?.trim() ? filter.q.trim() : null,
    limit: filter.limit,
    offset: filter.offset,
  });
  return {
    total: result.total,
    items: result.items.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: ctx.units.find((u) => u.unit_id === r.unit_id)?.name ?? String(r.unit_id),
      fieldId: r.field_id,
      channel: r.channel,
      answers: r.answers,
      profile: r.profile,
      suggestion: r.suggestion,
      clientId: r.client_id,
      dossierCode: r.dossier_code,
      paperSerial: r.paper_serial,
      receivedAt: new Date(r.received_at).toISOString(),
    })),
  };
}

/**
 * The PAR survey points of one unit from a SIPAS campaign: survey max × the unit's published index
 * (the campaign feature reads this; null when the unit has no valid answer). No actor: the caller
 * has authorised the read.
 */
export async function surveyPointsForUnit(
  deps: { db: Queryable },
  sipasCampaignId: number,
  unitId: number,
  surveyMaxHundredths: number,
): Promise<SipasSurveyPoints | null> {
  const ctx = await requireContext(deps.db, sipasCampaignId);
  const rows = await repo.listAnswers(deps.db, sipasCampaignId, [unitId], null);
  const scope = scopeIndexes(ctx.questionnaire, toSubmissions(rows), {
    satisfiedLevels: satisfiedLevelsOf(ctx.row),
    overallMethod: ctx.row.overall_method,
  });
  return sipasSurveyPoints(surveyMaxHundredths, scope.published.index);
}

/** Survey points of every readable unit of a campaign, for a given survey max. */
export async function surveyPoints(
  deps: Deps,
  actor: Actor,
  id: number,
  surveyMaxHundredths: number,
) {
  const ctx = await requireContext(deps.db, id);
  const unitIds = readableUnitIds(actor, ctx);
  const rows = await repo.listAnswers(deps.db, id, unitIds, null);
  const submissions = toSubmissions(rows);
  const params = {
    satisfiedLevels: satisfiedLevelsOf(ctx.row),
    overallMethod: ctx.row.overall_method,
  };
  return {
    surveyMaxHundredths,
    items: ctx.units
      .filter((u) => unitIds === null || unitIds.includes(u.unit_id))
      .map((u) => {
        const scope = scopeIndexes(
          ctx.questionnaire,
          submissions.filter((s) => s.unitId === String(u.unit_id)),
          params,
        );
        return {
          unitId: u.unit_id,
          name: u.name,
          index: scope.published.index,
          points: sipasSurveyPoints(surveyMaxHundredths, scope.published.index),
        };
      }),
  };
}

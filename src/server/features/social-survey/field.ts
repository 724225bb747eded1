/**
 * The sociological survey in the offline field app (ADR 46): what an enumerator downloads (the
 * open surveys of the campaigns covering the units they collect for, each unit kind's
 * questionnaire, the units) and one questionnaire sent back. Who may collect follows SIPAS field
 * collection: a SIPAS entry right (enumerator, unit officer) or SIPAS management on the rated unit.
 * The questionnaire goes through the checks of paper entry; its client id makes a repeated upload
 * answer the same receipt and count nothing twice.
 */
import { can, scopeOf, type Actor } from '../../../domain/access.ts';
import type {
  FieldSurveyForm,
  FieldSurveyReceipt,
} from '../../../shared/contract/social-survey.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Queryable } from '../../infra/db.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { auditActor, userIdOf } from '../campaigns/service.ts';
import * as repo from './repository.ts';
import { checkResponses, flowPoints, requireStatus } from './service.ts';

/** May the actor collect answers about the unit at `path`? */
const collects = (actor: Actor, path: string) =>
  can(actor, 'sipas.enter', path) || can(actor, 'sipas.manage', path);

/** 403 for an actor who collects for no unit at all. */
function requireCollector(actor: Actor): void {
  const manage = scopeOf(actor, 'sipas.manage');
  const enter = scopeOf(actor, 'sipas.enter');
  if (manage !== null && enter !== null && manage.length + enter.length === 0)
    throw new AppError('forbidden', 'forbidden');
}

/** The open surveys the actor may collect for, as the field app keeps them. */
export async function listFieldSurveys(deps: Deps, actor: Actor): Promise<FieldSurveyForm[]> {
  requireCollector(actor);
  const out: FieldSurveyForm[] = [];
  for (const s of await repo.findOpenSurveys(deps.db)) {
    const units = (await repo.findParticipantUnits(deps.db, s.campaign_id)).filter((u) =>
      collects(actor, u.unit_path),
    );
    const questionnaires = await repo.findQuestionnaires(deps.db, s.survey_id);
    const asked = units.filter((u) => questionnaires.some((q) => q.unit_kind === u.unit_kind));
    if (asked.length === 0) continue;
    const kinds = new Set(asked.map((u) => u.unit_kind));
    out.push({
      campaignId: s.campaign_id,
      campaignName: s.campaign_name,
      questionnaires: questionnaires
        .filter((q) => kinds.has(q.unit_kind))
        .map((q) => ({
          unitKind: q.unit_kind,
          version: q.version,
          groups: q.design.groups.map((g) => ({ code: g.code, name: g.name })),
          questions: q.design.questions.map((x) => ({
            code: x.code,
            text: x.text,
            groups: [...x.groups],
          })),
          levels: q.design.scale.levels.map((l) => ({ code: l.code, label: l.label })),
          excluded: q.design.scale.excluded.map((l) => ({ code: l.code, label: l.label })),
        })),
      units: asked.map((u) => ({ id: u.unit_id, name: u.unit_name, unitKind: u.unit_kind })),
    });
  }
  return out;
}

async function receiptOf(
  db: Queryable,
  surveyId: number,
  campaignId: number,
  clientId: string,
): Promise<FieldSurveyReceipt | null> {
  const row = await repo.findFieldReceipt(db, surveyId, clientId);
  if (!row) return null;
  return {
    clientId,
    receipt: row.id,
    campaignId,
    unitId: row.rated_unit_id,
    unitName: row.unit_name,
    group: row.group_code,
    answers: row.answers,
    receivedAt: new Date(row.created_at).toISOString(),
  };
}

/** Field names of a problem, as the field app's request names them. */
const fieldName = (name: string) =>
  name === 'ratedUnitCode'
    ? 'unitId'
    : name === 'group' || name === 'answers'
      ? name
      : `answers.${name}`;

/**
 * Stores one questionnaire from the field app, once per client id: the same client id again gets
 * the receipt of the first time, whatever the survey's status since.
 */
export async function submitFieldResponse(
  deps: Deps,
  actor: Actor,
  body: {
    campaignId: number;
    clientId: string;
    unitId: number;
    group: string;
    answers: Record<string, string>;
  },
): Promise<FieldSurveyReceipt> {
  requireCollector(actor);
  const clientId = body.clientId.toLowerCase();
  return deps.db.transaction(async (tx) => {
    const campaign = await repo.findCampaignView(tx, body.campaignId);
    // The survey row is locked: two uploads of one client id are taken one after the other.
    const survey = campaign ? await repo.findSurveyByCampaign(tx, campaign.id, true) : null;
    if (!campaign || !survey) throw notFound('entity_social_survey');
    const units = await repo.findParticipantUnits(tx, campaign.id);
    if (!units.some((u) => collects(actor, u.unit_path)))
      throw new AppError('forbidden', 'forbidden');
    const done = await receiptOf(tx, survey.id, campaign.id, clientId);
    if (done) {
      if (done.unitId !== body.unitId || done.group !== body.group)
        throw new AppError('conflict', 'survey_field_client_id_taken', { id: clientId });
      return done;
    }
    requireStatus(survey, ['open']);
    const unit = units.find((u) => u.unit_id === body.unitId);
    if (!unit)
      throw new AppError('invalid', 'survey_rows_invalid', { count: 1 }, [
        { field: 'unitId', key: 'survey_field_unit_not_in_survey', params: { id: body.unitId } },
      ]);
    if (!collects(actor, unit.unit_path)) throw new AppError('forbidden', 'forbidden');
    const loaded = {
      campaign,
      survey,
      questionnaires: await repo.findQuestionnaires(tx, survey.id),
    };
    const [response] = await checkResponses(
      tx,
      loaded,
      [
        {
          input: { group: body.group, ratedUnitCode: unit.unit_code, answers: body.answers },
          at: { field: '', rename: fieldName },
        },
      ],
      'field',
    );
    const now = deps.clock.now();
    await repo.insertResponses(tx, survey.id, [{ ...response!, clientId }], userIdOf(actor), now);
    await flowPoints(deps, tx, loaded, [unit.unit_id], actor, now);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'social_survey.responses.field',
        entity: 'social_survey',
        entityId: survey.id,
        unitId: unit.unit_id,
        after: { responses: 1, unit: unit.unit_id, clientId },
      },
      now,
    );
    return (await receiptOf(tx, survey.id, campaign.id, clientId))!;
  });
}

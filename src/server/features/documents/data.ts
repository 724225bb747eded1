/**
 * Gathers what a document says from the features that hold it, through their own use-cases (so
 * the same permission checks apply: whoever cannot read a unit's scorecard cannot draft its
 * report), and turns it into template values with the pure drafts in the domain.
 */
import { summarize, type UnitResult } from '../../../domain/campaign/results.ts';
import { can, type Actor } from '../../../domain/access.ts';
import {
  campaignReport,
  dossierQuarterReport,
  FINDING_GROUP_HEADINGS,
  inSentence,
  points,
  remediationPlan,
  selfAssessmentReport,
  supervisionNotice,
  type KindResults,
  type UnitRef,
} from '../../../domain/documents/drafts.ts';
import type { DocumentType } from '../../../domain/documents/templates.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import type { Queryable } from '../../infra/db.ts';
import * as results from '../campaigns/results.service.ts';
import { loadCampaign } from '../campaigns/service.ts';
import { levelCounts, UNCLASSIFIED_LABEL } from '../../../domain/dossiers/aggregate.ts';
import * as dossiers from '../dossiers/service.ts';
import * as remediation from '../remediation/service.ts';
import { FINDING_GROUPS } from '../../../domain/remediation/supervision.ts';
import * as sipas from '../sipas/service.ts';
import * as socialSurvey from '../social-survey/service.ts';
import * as repo from './repository.ts';

/** What a document is about. */
export type DocumentParams =
  | { type: 'self_assessment_report'; campaignId: number; unitId: number }
  | { type: 'campaign_report'; campaignId: number }
  | { type: 'dossier_quarter_report'; unitId: number; period: string; bands?: string | undefined }
  | { type: 'remediation_plan'; planId: number }
  | { type: 'supervision_notice'; supervisionId: number };

/** A drafted document's values, the unit whose template applies, and a file name. */
export interface Gathered {
  data: object;
  /** The unit issuing the document (its province's template is used). */
  issuerUnitId: number | null;
  fileName: string;
}

/** How a unit kind is named in a report's sentences. */
const KIND_PHRASES: Record<string, string> = {
  province: 'UBND cấp tỉnh',
  province_department: 'Các sở, ban, ngành',
  district: 'UBND cấp huyện',
  district_office: 'Các cơ quan chuyên môn thuộc UBND huyện',
  commune: 'UBND các xã',
  ward: 'UBND các phường',
  special_zone: 'UBND các đặc khu',
  township: 'UBND các thị trấn',
  other: 'Các đơn vị khác',
};
const kindPhrase = (kind: string) => KIND_PHRASES[kind] ?? kind;
/** Kinds seed 004 counts as "cơ quan" rather than "đơn vị". */
const OFFICE_KINDS = new Set(['province_department', 'district_office']);
/** Assessment states before a unit has sent its self-assessment. */
const NOT_SUBMITTED = new Set(['not_started', 'draft']);

async function unitRef(db: Queryable, unitId: number | null): Promise<UnitRef> {
  if (unitId === null) return { name: 'Bộ Nội vụ', parentName: null };
  const unit = await repo.findUnit(db, unitId);
  if (!unit) throw new AppError('not_found', 'not_found', { what: 'đơn vị' });
  return { name: unit.name, parentName: unit.parent_name };
}

const signerOf = (db: Queryable, unitId: number | null) =>
  unitId === null ? Promise.resolve(null) : repo.findUnitHeadName(db, unitId);

const today = (deps: Deps): string => {
  // The date in Vietnam (UTC+7), as the document is dated where it is signed.
  const vn = new Date(deps.clock.now().getTime() + 7 * 3600_000);
  return vn.toISOString().slice(0, 10);
};

/** A file name without characters that trouble file systems, diacritics kept. */
export function fileNameOf(parts: string[]): string {
  return parts
    .join(' ')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A quarter as a file name says it: "2021-Q2" → "quý 2 năm 2021". */
function quarterWords(period: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  return m ? `quý ${m[2]} năm ${m[1]}` : period;
}

/**
 * The tasks of the remediation plan made from a unit's results in a campaign, by criterion code,
 * when there is one the actor may read: the report's solutions per criterion.
 */
async function planSolutions(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  unitId: number,
): Promise<{ code: string; text: string }[]> {
  const planId = await repo.findPlanFrom(deps.db, campaignId, unitId);
  if (planId === null) return [];
  try {
    const plan = await remediation.getPlan(deps, actor, planId);
    const codeOf = new Map(plan.items.map((i) => [i.id, i.code]));
    return plan.tasks.flatMap((t) => {
      const code = t.itemId === null ? undefined : codeOf.get(t.itemId);
      return code === undefined ? [] : [{ code, text: t.content }];
    });
  } catch (error) {
    if (error instanceof AppError && (error.kind === 'forbidden' || error.kind === 'not_found'))
      return [];
    throw error;
  }
}

/** The SIPAS results of a unit in a year, when a survey covered it and the actor may read it. */
async function sipasOfUnit(deps: Deps, actor: Actor, unitId: number, year: number) {
  const sipasId = await repo.findSipasCampaignOf(deps.db, unitId, year);
  if (sipasId === null) return null;
  try {
    const view = await sipas.campaignIndexes(deps, actor, sipasId, { unitId });
    if (view.all.published.index.hundredths === null) return null;
    return {
      indexText: view.all.published.index.text,
      responses: view.all.responses,
      satisfiedLabel: view.satisfiedLabel,
      methodLabel: view.overallMethodLabel,
      elements: view.all.elements.map((e) => ({ name: e.name, indexText: e.index.text })),
      fields: view.table.rows.map((r) => ({
        label: r.label,
        valid: r.valid,
        cells: r.cells.map((c) => ({ count: c.count, text: c.text })),
        satisfiedText: r.index.text,
      })),
    };
  } catch (error) {
    if (error instanceof AppError && error.kind === 'forbidden') return null;
    throw error;
  }
}

/**
 * The results of the SIPAS survey linked to an index campaign (seed 004, III), over every unit
 * of it the actor may read, when it has any and the actor may read them.
 */
async function linkedSipas(deps: Deps, actor: Actor, campaignId: number) {
  const sipasId = await repo.findLinkedSipasCampaign(deps.db, campaignId);
  if (sipasId === null) return null;
  try {
    const view = await sipas.campaignIndexes(deps, actor, sipasId, {});
    if (view.all.published.index.hundredths === null) return null;
    return {
      indexText: view.all.published.index.text,
      elements: view.all.elements
        .filter((e) => e.index.hundredths !== null)
        .map((e) => ({ element: e.name, indexText: e.index.text })),
    };
  } catch (error) {
    if (error instanceof AppError && error.kind === 'forbidden') return null;
    throw error;
  }
}

async function gatherSelfAssessment(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  unitId: number,
): Promise<Gathered> {
  const unitRow = await repo.findUnit(deps.db, unitId);
  if (!unitRow) throw new AppError('not_found', 'not_found', { what: 'đơn vị' });
  // The report is the unit's own document: its staff draft it, or the standing agency over it.
  if (!can(actor, 'evidence.write', unitRow.path) && !can(actor, 'campaign.manage', unitRow.path))
    throw new AppError('forbidden', 'forbidden_unit', { unit: unitRow.name });
  const card = await results.getScorecard(deps, actor, campaignId, unitId);
  if (!card.result) throw new AppError('invalid', 'document_no_results');
  const r = card.result;
  const unit = await unitRef(deps.db, unitId);
  const year = card.campaign.year;
  const prev = card.previous;
  const data = selfAssessmentReport({
    unit,
    year,
    date: today(deps),
    signerName: await signerOf(deps.db, unitId),
    // The one result the scorecard shows: self-assessed only before the appraisal is open to the
    // reader, provisional (on the appraised max) while the survey points are not in.
    totalHundredths: r.totalHundredths,
    maxTotalHundredths: r.maxTotalHundredths,
    stage: r.stage,
    provisional: r.provisional,
    classLabel: r.classLabel,
    rank: r.rank,
    unitsRanked: r.unitsRanked,
    criteria: r.criteria.map((c) => ({
      code: c.code,
      title: c.title,
      score: c.score,
      max: c.max,
      adjustment: c.bonus - c.penalty,
    })),
    lost: card.lostPoints.map((l) => ({
      code: l.code,
      title: l.title,
      max: l.max,
      final: l.final,
      // A point lost at the unit's own score was never appraised: say so instead of "no reason".
      reason: l.reason ?? (l.source === 'self' ? 'theo điểm tự chấm của đơn vị' : null),
    })),
    previous: prev
      ? {
          year: prev.year ?? year - 1,
          totalHundredths: prev.indexHundredths,
          ratioText: prev.ratioText?.replace(/\s%/u, '%') ?? null,
        }
      : null,
    sipas: await sipasOfUnit(deps, actor, unitId, year),
    solutions: await planSolutions(deps, actor, campaignId, unitId),
  });
  return {
    data,
    issuerUnitId: unitId,
    fileName: fileNameOf(['Báo cáo tự đánh giá CCHC', String(year), unit.name]),
  };
}

/** The survey's part of the report, its units in the report's order of kinds. */
async function surveyPartInOrder(
  deps: Deps,
  campaignId: number,
  position: (kind: string) => number,
) {
  const part = await socialSurvey.surveyReportPart(deps, campaignId);
  // A survey with no questionnaire only links the campaign to its SIPAS survey: no part of its own.
  if (!part || part.units.every((u) => u.nodes.length === 0)) return null;
  return {
    ...part,
    units: [...part.units].sort((a, b) => position(a.unitKind) - position(b.unitKind)),
  };
}

async function gatherCampaignReport(
  deps: Deps,
  actor: Actor,
  campaignId: number,
): Promise<Gathered> {
  const view = await results.getResults(deps, actor, campaignId);
  // The report speaks of every unit: only those who see the complete ranking may draft it.
  if (!view.complete) throw new AppError('forbidden', 'forbidden');
  const c = await loadCampaign(deps.db, campaignId);
  // Seed 004's order: the district itself, its offices, then the communes.
  const kindOrder = Object.keys(KIND_PHRASES);
  const position = (kind: string) =>
    kindOrder.includes(kind) ? kindOrder.indexOf(kind) : kindOrder.length;
  const kinds = [...new Set(view.units.map((u) => u.unitKind))].sort(
    (a, b) => position(a) - position(b),
  );
  const kindResults: KindResults[] = kinds.map((kind) => {
    const units = view.units.filter((u) => u.unitKind === kind);
    const bands = results.bandsOfKind(c, kind);
    const summary = summarize(
      kind,
      units.map(
        (u) =>
          ({
            appraisedHundredths: u.appraisedHundredths,
            maxAppraisedHundredths: u.maxAppraisedHundredths,
            index: u.indexHundredths === null ? null : { hundredths: u.indexHundredths },
            classLabel: u.classLabel,
          }) as unknown as UnitResult,
      ),
      bands,
    );
    const ranked = units.filter((u) => u.rank !== null).sort((a, b) => a.rank! - b.rank!);
    const best = ranked[0];
    const set = c.sets.find((s) => s.unit_kind === kind);
    const codes = [...new Set(units.flatMap((u) => u.criteria.map((x) => x.code)))];
    return {
      kindName: kindPhrase(kind),
      units: units.length,
      averageHundredths: summary.averageAppraisedHundredths,
      maxHundredths: summary.maxAppraisedHundredths,
      best: best ? { name: best.unitName, hundredths: best.appraisedHundredths } : null,
      noun: OFFICE_KINDS.has(kind) ? 'cơ quan' : 'đơn vị',
      fullMarks: ranked
        .filter((u) => u.maxAppraisedHundredths > 0)
        .filter((u) => u.appraisedHundredths >= u.maxAppraisedHundredths)
        .map((u) => u.unitName),
      surveyMaxHundredths: set?.survey_max_hundredths ?? null,
      setName: set?.set_name ?? null,
      // One unit (the district itself): its result the year before, as its history holds it.
      previous:
        units.length === 1 &&
        units[0]!.previous?.indexHundredths != null &&
        units[0]!.indexHundredths !== null
          ? {
              year: units[0]!.previous.year ?? c.row.year - 1,
              indexHundredths: units[0]!.previous.indexHundredths,
              currentIndexHundredths: units[0]!.indexHundredths,
            }
          : null,
      classes: summary.classes.map((cl) => ({
        label: cl.label,
        count: cl.count,
        shareText: cl.shareText.replace(' %', '%'),
        unitNames: units.filter((u) => u.classLabel === cl.label).map((u) => u.unitName),
      })),
      criteria: codes.map((code) => {
        const scores = units.flatMap((u) => u.criteria.filter((x) => x.code === code));
        const sum = scores.reduce((s, x) => s + x.score, 0);
        const adjustments = scores.reduce((s, x) => s + x.bonus - x.penalty, 0);
        return {
          title: scores[0]?.title ?? code,
          averageHundredths: scores.length === 0 ? 0 : Math.round(sum / scores.length),
          maxHundredths: scores.reduce((m, x) => Math.max(m, x.max), 0),
          averageAdjustmentHundredths:
            scores.length === 0 ? 0 : Math.round(adjustments / scores.length),
        };
      }),
    };
  });
  const surveyMax = c.setup.criteriaSets.find((s) => s.surveyMaxHundredths)?.surveyMaxHundredths;
  const issuerUnitId = c.row.owner_unit_id;
  const data = campaignReport({
    issuer: await unitRef(deps.db, issuerUnitId),
    date: today(deps),
    signerName: await signerOf(deps.db, issuerUnitId),
    campaignName: c.row.name,
    year: c.row.year,
    kinds: kindResults,
    surveyMaxText: surveyMax ? String(surveyMax / 100).replace('.', ',') : null,
    progress: {
      selfAssessmentDeadline: c.row.deadline_self_assessment,
      participants: view.units.length,
      // Results imported from a file carry no workflow status: who submitted is not known.
      submitted: view.units.some((u) => u.status === '')
        ? null
        : view.units.filter((u) => !NOT_SUBMITTED.has(u.status)).length,
      notSubmitted: view.units.filter((u) => NOT_SUBMITTED.has(u.status)).map((u) => u.unitName),
      appraisers: new Set(c.setup.assignments.map((a) => a.userId)).size,
      round1Deadline: c.row.deadline_round1,
      explanationsDeadline: c.row.deadline_explanations,
      round2Deadline: c.row.deadline_round2,
    },
    sipas: await linkedSipas(deps, actor, campaignId),
    socialSurvey: await surveyPartInOrder(deps, campaignId, position),
    annex: view.units.map((u) => ({
      rank: u.rank,
      unitName: u.unitName,
      kindName: kindPhrase(u.unitKind),
      appraisedHundredths: u.appraisedHundredths,
      surveyHundredths: u.surveyHundredths,
      indexText: u.indexText,
      classLabel: u.classLabel,
    })),
  });
  return {
    data,
    issuerUnitId,
    fileName: fileNameOf(['Báo cáo kết quả Chỉ số CCHC', String(c.row.year), c.row.name]),
  };
}

const LEVEL_NAMES: Record<string, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  office: 'Cơ quan chuyên môn',
};

async function gatherDossierQuarter(
  deps: Deps,
  actor: Actor,
  unitId: number,
  period: string,
  bands: string | undefined,
): Promise<Gathered> {
  const view = await dossiers.getQuarterView(deps, actor, { unitId, period, bands });
  // The area's own one-stop desk (a district's, seed 003's "Cấp huyện" beside the communes), read
  // with the same bands: a row of its own when it received dossiers.
  const own = await dossiers.getUnitResult(deps, actor, { unitId, period, bands });
  const desk =
    own.evaluation.state === 'no-dossiers'
      ? []
      : [
          {
            unitName: view.unit.name,
            evaluation: own.evaluation,
            label:
              own.evaluation.state === 'scored'
                ? (own.evaluation.className ?? UNCLASSIFIED_LABEL)
                : own.evaluation.label,
          },
        ];
  // The desk and the district's offices make the area's own level ("Cấp huyện"), first as in
  // the seed; the subordinate levels follow.
  const area = await repo.findUnit(deps.db, unitId);
  const groups = [
    ...(desk.length > 0 && !view.groups.some((g) => g.kind === 'office')
      ? [{ kind: 'office', rows: desk }]
      : []),
    ...view.groups.map((g) => (g.kind === 'office' ? { ...g, rows: [...desk, ...g.rows] } : g)),
  ]
    .sort((a, b) => Number(b.kind === 'office') - Number(a.kind === 'office'))
    .map((g) => ({
      ...g,
      levelName:
        g.kind === 'office' && (desk.length > 0 || area?.kind === 'district')
          ? (LEVEL_NAMES[area?.kind === 'province' ? 'province' : 'district'] as string)
          : (LEVEL_NAMES[g.kind] ?? g.kind),
      summary: levelCounts(
        g.rows.map((r) => r.label),
        view.bands,
      ).summary,
    }));
  const rows = groups.flatMap((g) => g.rows);
  const data = dossierQuarterReport({
    issuer: await unitRef(deps.db, unitId),
    date: today(deps),
    signerName: await signerOf(deps.db, unitId),
    period,
    levels: groups.map((g) => ({
      levelName: g.levelName,
      units: g.rows.length,
      scored: g.rows.filter((r) => r.evaluation.state === 'scored').length,
      summary: g.summary,
    })),
    rates: Object.values(view.area.rates).map((r) => ({
      label: r.label,
      text: r.text,
      targetText: r.target?.text ?? null,
    })),
    annex: rows.map((r) => ({
      unitName: r.unitName,
      dossiers: r.evaluation.state === 'no-dossiers' ? 0 : r.evaluation.dossiers,
      totalText: r.evaluation.state === 'scored' ? r.evaluation.text : '',
      classLabel: r.label,
    })),
    officials: view.officials.map((o) => ({
      name: o.officialName ?? o.officialCode,
      unitName: o.unitName,
      totalText: o.evaluation.state === 'scored' ? o.evaluation.text : '',
    })),
    method: dossiers.methodSentences(view.method),
  });
  return {
    data,
    issuerUnitId: unitId,
    fileName: fileNameOf([
      'Báo cáo đánh giá giải quyết TTHC',
      quarterWords(period),
      view.unit.name,
    ]),
  };
}

const percentText = (hundredths: number) => `${points(hundredths)} %`;

async function gatherPlan(deps: Deps, actor: Actor, planId: number): Promise<Gathered> {
  const plan = await remediation.getPlan(deps, actor, planId);
  const d = plan.document;
  const unit = await unitRef(deps.db, plan.unit.id);
  const source =
    plan.sourceCampaignId !== null
      ? await campaignBrief(deps, plan.sourceCampaignId, plan.baseline)
      : null;
  const itemCode = new Map(plan.items.map((i) => [i.id, i.code]));
  const data = remediationPlan({
    unit,
    date: d.issuedOn ?? today(deps),
    year: plan.year,
    number: d.number,
    place: d.place,
    bases: d.bases,
    purposes: d.purposes,
    requirements: d.requirements,
    goals: d.goals,
    organisation: d.organisation,
    recipients: d.recipients,
    signerTitle: d.signerTitle,
    signerName: d.signerName || (await signerOf(deps.db, plan.unit.id)),
    source,
    criteria: plan.items
      .filter((i) => !i.code.includes('.'))
      .map((i) => ({ code: i.code, title: i.title }))
      .concat(
        plan.progress.byCriterion
          .filter((c) => c.title !== null)
          .map((c) => ({ code: c.key, title: c.title! })),
      ),
    items: plan.items.map((i) => ({
      id: i.id,
      code: i.code,
      title: i.title,
      pointsText: i.pointsText,
      reason: i.reason,
    })),
    tasks: plan.tasks.map((t) => ({
      itemCode: t.itemId === null ? null : (itemCode.get(t.itemId) ?? null),
      content: t.content,
      output: t.output,
      // The post as the plan names it (seed 001: "Công chức Văn phòng – Thống kê"), else the account.
      responsible: t.responsibleLabel || t.responsibleName || '',
      deadline: t.deadline,
      targetText: t.target ? percentText(t.target.targetPercent) : null,
      targetMetric: t.target?.metric ?? null,
    })),
  });
  return {
    data,
    issuerUnitId: plan.unit.id,
    fileName: fileNameOf(['Kế hoạch khắc phục CCHC', String(plan.year), plan.unit.name]),
  };
}

/** The campaign a plan or supervision starts from, for its bases. */
async function campaignBrief(deps: Deps, campaignId: number, baseline: unknown) {
  try {
    const c = await loadCampaign(deps.db, campaignId);
    const b = (baseline ?? {}) as {
      appraisedHundredths?: number;
      surveyHundredths?: number | null;
      classLabel?: string | null;
    };
    return {
      campaignName: c.row.name,
      year: c.row.year,
      totalText:
        typeof b.appraisedHundredths === 'number'
          ? points(b.appraisedHundredths + (b.surveyHundredths ?? 0))
          : null,
      classLabel: b.classLabel ?? null,
    };
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

async function gatherSupervision(
  deps: Deps,
  actor: Actor,
  supervisionId: number,
): Promise<Gathered> {
  const s = await remediation.getSupervision(deps, actor, supervisionId);
  const d = s.document;
  const unit = await unitRef(deps.db, s.unit.id);
  const data = supervisionNotice({
    council: { name: unit.name, parentName: null },
    supervised: `Ủy ban nhân dân ${inSentence(unit.name)}`,
    date: d.noticeDate ?? today(deps),
    number: d.noticeNumber,
    place: d.place,
    title: d.title,
    planNumber: s.planNumber,
    planDate: s.planDate,
    meetingDate: d.meetingDate,
    periodLabel: s.periodLabel,
    resultsYear:
      s.campaignId === null
        ? null
        : ((await loadCampaign(deps.db, s.campaignId).catch(() => null))?.row.year ?? null),
    members: s.members,
    reports: d.reports,
    background: d.background,
    strengths: d.strengths,
    limitations: d.limitations,
    groups: FINDING_GROUPS.map((g) => ({
      title: FINDING_GROUP_HEADINGS[g],
      findings: s.findings.filter((f) => f.group === g).map((f) => f.text),
    })),
    leadership: s.recommendations.filter((r) => r.audience === 'leadership').map((r) => r.text),
    officers: s.recommendations.filter((r) => r.audience === 'officers').map((r) => r.text),
    recipients: d.recipients,
    signerTitle: d.signerTitle,
    signerName: d.signerName || null,
  });
  return {
    data,
    issuerUnitId: s.unit.id,
    fileName: fileNameOf(['Thông báo kết luận giám sát CCHC', s.periodLabel, s.unit.name]),
  };
}

/** Gathers a document's values, checking that the actor may read everything it says. */
export async function gather(deps: Deps, actor: Actor, params: DocumentParams): Promise<Gathered> {
  switch (params.type) {
    case 'self_assessment_report':
      return gatherSelfAssessment(deps, actor, params.campaignId, params.unitId);
    case 'campaign_report':
      return gatherCampaignReport(deps, actor, params.campaignId);
    case 'dossier_quarter_report':
      return gatherDossierQuarter(deps, actor, params.unitId, params.period, params.bands);
    case 'remediation_plan':
      return gatherPlan(deps, actor, params.planId);
    case 'supervision_notice':
      return gatherSupervision(deps, actor, params.supervisionId);
  }
}

export type { DocumentType };

/**
 * The design of a sociological survey (điều tra xã hội học) for one unit kind, as data: the survey
 * nodes of the criteria set (their maxima add up to the set's survey points), the answer scale
 * with each level's value and which levels count as favourable, the levels left out ("không biết /
 * không trả lời"), the respondent groups with their weights, and the questions, each feeding one
 * or more nodes and asked of some groups. Checked here; nothing about it is a code constant.
 */

/** One level of the answer scale: its value on a 0–100 % scale, in hundredths of a percent. */
export interface ScaleLevel {
  code: string;
  label: string;
  valueHundredths: number;
}

/** A level that is recorded but left out of every share and mean (don't know, no answer). */
export interface ExcludedLevel {
  code: string;
  label: string;
}

/** How a question's answers become a share: favourable answers / valid answers, or the mean value. */
export type SurveyMethod = 'favourable' | 'mean';

/** A survey node: points from the questions that feed it, or the unit's SIPAS index. */
export interface SurveyNode {
  code: string;
  title: string;
  maxHundredths: number;
  source: 'questions' | 'sipas';
}

/** A respondent group and its weight (a positive whole number, relative to the others). */
export interface RespondentGroup {
  code: string;
  name: string;
  weight: number;
}

/** A question, the nodes it feeds and the groups asked it. */
export interface SurveyQuestion {
  code: string;
  text: string;
  nodes: string[];
  groups: string[];
}

/** Who rates which units: raters of a group in units of a kind rate units of another kind. */
export interface RatingRule {
  group: string;
  /** The kind of unit raters belong to; empty: any. */
  raterKind: string;
  /** 'same_parent': only units under the rater's parent unit (a district's communes rate its offices). */
  scope: 'same_parent' | 'province';
  /** The target number of answers per rated unit for the group (0: none set). */
  sampleSize: number;
}

export interface SurveyDesign {
  method: SurveyMethod;
  scale: { levels: ScaleLevel[]; excluded: ExcludedLevel[]; favourable: string[] };
  nodes: SurveyNode[];
  groups: RespondentGroup[];
  questions: SurveyQuestion[];
  rules: RatingRule[];
}

/** A problem of a design: where (a field path) and a message key with its parameters. */
export interface DesignProblem {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

const CODE = /^[A-Za-z0-9._-]{1,32}$/;

function checkCodes(
  items: readonly { code: string }[],
  field: string,
  problems: DesignProblem[],
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!CODE.test(item.code))
      problems.push({ field: `${field}.${i}.code`, key: 'survey_design_code_invalid' });
    else if (seen.has(item.code))
      problems.push({
        field: `${field}.${i}.code`,
        key: 'survey_design_code_duplicate',
        params: { code: item.code },
      });
    seen.add(item.code);
  });
  return seen;
}

/**
 * Every problem of a design against its criteria set's survey points (null: the set has none).
 * An empty list means the design can be used.
 */
export function validateDesign(
  design: SurveyDesign,
  surveyMaxHundredths: number | null,
): DesignProblem[] {
  const problems: DesignProblem[] = [];
  if (surveyMaxHundredths === null) {
    problems.push({ field: 'nodes', key: 'survey_design_set_without_survey' });
    return problems;
  }
  const levels = checkCodes(design.scale.levels, 'scale.levels', problems);
  checkCodes(design.scale.excluded, 'scale.excluded', problems);
  if (design.scale.levels.length < 2)
    problems.push({ field: 'scale.levels', key: 'survey_design_scale_too_short' });
  design.scale.levels.forEach((l, i) => {
    if (!Number.isInteger(l.valueHundredths) || l.valueHundredths < 0 || l.valueHundredths > 10000)
      problems.push({
        field: `scale.levels.${i}.valueHundredths`,
        key: 'survey_design_level_value',
      });
  });
  design.scale.excluded.forEach((e, i) => {
    if (levels.has(e.code))
      problems.push({
        field: `scale.excluded.${i}.code`,
        key: 'survey_design_code_duplicate',
        params: { code: e.code },
      });
  });
  design.scale.favourable.forEach((code, i) => {
    if (!levels.has(code))
      problems.push({
        field: `scale.favourable.${i}`,
        key: 'survey_design_unknown_level',
        params: { code },
      });
  });
  if (design.method === 'favourable' && design.scale.favourable.length === 0)
    problems.push({ field: 'scale.favourable', key: 'survey_design_no_favourable' });

  const nodes = checkCodes(design.nodes, 'nodes', problems);
  let sum = 0;
  design.nodes.forEach((n, i) => {
    if (!Number.isSafeInteger(n.maxHundredths) || n.maxHundredths <= 0)
      problems.push({ field: `nodes.${i}.maxHundredths`, key: 'survey_design_node_max' });
    else sum += n.maxHundredths;
  });
  if (design.nodes.length > 0 && sum !== surveyMaxHundredths)
    problems.push({
      field: 'nodes',
      key: 'survey_design_nodes_sum',
      params: { sum, max: surveyMaxHundredths },
    });
  if (design.nodes.length === 0) problems.push({ field: 'nodes', key: 'survey_design_no_nodes' });

  const groups = checkCodes(design.groups, 'groups', problems);
  design.groups.forEach((g, i) => {
    if (!Number.isSafeInteger(g.weight) || g.weight <= 0 || g.weight > 1_000_000)
      problems.push({ field: `groups.${i}.weight`, key: 'survey_design_group_weight' });
  });
  if (design.groups.length === 0)
    problems.push({ field: 'groups', key: 'survey_design_no_groups' });

  checkCodes(design.questions, 'questions', problems);
  const fed = new Set<string>();
  design.questions.forEach((q, i) => {
    if (q.nodes.length === 0)
      problems.push({ field: `questions.${i}.nodes`, key: 'survey_design_question_no_node' });
    q.nodes.forEach((code, j) => {
      const node = design.nodes.find((n) => n.code === code);
      if (!nodes.has(code) || !node)
        problems.push({
          field: `questions.${i}.nodes.${j}`,
          key: 'survey_design_unknown_node',
          params: { code },
        });
      else if (node.source === 'sipas')
        problems.push({
          field: `questions.${i}.nodes.${j}`,
          key: 'survey_design_sipas_node_question',
          params: { code },
        });
      fed.add(code);
    });
    if (q.groups.length === 0)
      problems.push({ field: `questions.${i}.groups`, key: 'survey_design_question_no_group' });
    q.groups.forEach((code, j) => {
      if (!groups.has(code))
        problems.push({
          field: `questions.${i}.groups.${j}`,
          key: 'survey_design_unknown_group',
          params: { code },
        });
    });
  });
  design.nodes.forEach((n, i) => {
    if (n.source === 'questions' && !fed.has(n.code))
      problems.push({
        field: `nodes.${i}`,
        key: 'survey_design_node_no_question',
        params: { code: n.code },
      });
  });
  design.rules.forEach((r, i) => {
    if (!groups.has(r.group))
      problems.push({
        field: `rules.${i}.group`,
        key: 'survey_design_unknown_group',
        params: { code: r.group },
      });
    if (!Number.isSafeInteger(r.sampleSize) || r.sampleSize < 0 || r.sampleSize > 100_000)
      problems.push({ field: `rules.${i}.sampleSize`, key: 'survey_design_sample_size' });
  });
  return problems;
}

/** The five-level scale most provinces use: 0, 25, 50, 75, 100 %; "don't know / no answer" left out. */
export function fiveLevelScale(): SurveyDesign['scale'] {
  return {
    levels: [
      { code: '1', label: 'Rất kém', valueHundredths: 0 },
      { code: '2', label: 'Kém', valueHundredths: 2500 },
      { code: '3', label: 'Trung bình', valueHundredths: 5000 },
      { code: '4', label: 'Tốt', valueHundredths: 7500 },
      { code: '5', label: 'Rất tốt', valueHundredths: 10000 },
    ],
    excluded: [{ code: '0', label: 'Không biết / không trả lời' }],
    favourable: ['4', '5'],
  };
}

/** The level a code names: a scale level, an excluded level, or neither (off the scale). */
export function levelKind(design: SurveyDesign, code: string): 'level' | 'excluded' | 'off_scale' {
  if (design.scale.levels.some((l) => l.code === code)) return 'level';
  if (design.scale.excluded.some((l) => l.code === code)) return 'excluded';
  return 'off_scale';
}

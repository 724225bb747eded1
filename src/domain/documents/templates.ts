/**
 * The official documents the product drafts and the placeholders their templates may use. A
 * template is a Word file with `{name}` fields, `{#list}…{/list}` repeats (paragraphs or table
 * rows) and `{#flag}…{/flag}` / `{^flag}…{/flag}` conditions; this module says which names each
 * document type offers and checks an uploaded template's names against them, so a template that
 * would not render is refused before it replaces the working one.
 */

export const DOCUMENT_TYPES = [
  'self_assessment_report',
  'campaign_report',
  'dossier_quarter_report',
  'remediation_plan',
  'supervision_notice',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** A placeholder: a text field, or a list/condition whose own fields are its children. */
export interface Placeholder {
  name: string;
  kind: 'text' | 'list' | 'flag';
  children?: readonly Placeholder[];
}

const text = (name: string): Placeholder => ({ name, kind: 'text' });
const list = (name: string, children: readonly Placeholder[]): Placeholder => ({
  name,
  kind: 'list',
  children,
});
const flag = (name: string): Placeholder => ({ name, kind: 'flag' });

/** Fields every document has: the Decree 30 header, the recipients and the signing block. */
export const COMMON_PLACEHOLDERS: readonly Placeholder[] = [
  text('parentBody'),
  text('issuingBody'),
  text('symbol'),
  text('placeDate'),
  text('typeName'),
  text('summary'),
  list('recipients', [text('text')]),
  text('signAuthority'),
  text('signTitle'),
  text('signerName'),
];

const lines = (name: string) => list(name, [text('text')]);
const taskRow = [
  text('number'),
  text('content'),
  text('output'),
  text('responsible'),
  text('deadline'),
  text('target'),
];

const TYPE_PLACEHOLDERS: Record<DocumentType, readonly Placeholder[]> = {
  remediation_plan: [
    text('unitName'),
    text('year'),
    lines('bases'),
    lines('purposes'),
    lines('requirements'),
    lines('goals'),
    list('groups', [
      text('number'),
      text('title'),
      list('items', [text('code'), text('title'), text('pointsText'), text('reason')]),
      flag('hasTasks'),
      list('tasks', taskRow),
    ]),
    text('sipasText'),
    flag('hasSipasTasks'),
    list('sipasTasks', taskRow),
    flag('hasGeneralTasks'),
    list('generalTasks', taskRow),
    lines('organisation'),
  ],
  supervision_notice: [
    text('supervised'),
    text('periodLabel'),
    text('introText'),
    text('resultsYearText'),
    text('leadersText'),
    list('members', [text('number'), text('name'), text('position'), text('role'), text('line')]),
    lines('reports'),
    lines('background'),
    lines('strengths'),
    lines('limitations'),
    list('findingGroups', [text('title'), lines('findings')]),
    lines('leadership'),
    lines('officers'),
  ],
  self_assessment_report: [
    text('unitName'),
    text('year'),
    text('previousYear'),
    text('total'),
    text('maxTotal'),
    text('classLabel'),
    text('rankText'),
    text('resultSentence'),
    text('yearOverYear'),
    text('organisationText'),
    list('criteria', [
      text('title'),
      text('score'),
      text('max'),
      text('resultText'),
      text('adjustment'),
    ]),
    list('lostGroups', [
      text('number'),
      text('title'),
      flag('full'),
      list('items', [text('title'), text('reason'), text('final'), text('max')]),
    ]),
    flag('hasSolutions'),
    list('solutionGroups', [text('number'), text('title'), lines('items')]),
    flag('hasSipas'),
    text('sipasOverall'),
    text('sipasMethodText'),
    list('sipasElements', [text('letter'), text('name'), text('index')]),
    text('sipasCountsText'),
    list('sipasFields', [
      text('field'),
      text('answers'),
      text('verySatisfied'),
      text('satisfied'),
      text('neutral'),
      text('dissatisfied'),
      text('veryDissatisfied'),
      text('satisfiedShare'),
    ]),
    text('causesText'),
    text('solutionsText'),
    text('recommendationsText'),
  ],
  campaign_report: [
    text('campaignName'),
    text('year'),
    text('areaName'),
    text('methodText'),
    list('methodLines', [text('line')]),
    text('scaleText'),
    list('sets', [text('number'), text('kindName'), text('setName')]),
    text('selfAssessmentText'),
    text('appraisalText'),
    text('sipasHeading'),
    text('shortcomingsText'),
    list('kinds', [
      text('number'),
      text('kindName'),
      text('objectLine'),
      list('scaleLines', [text('line')]),
      text('setName'),
      text('summaryText'),
      text('units'),
      text('average'),
      text('max'),
      text('best'),
      text('classesText'),
      text('bottomText'),
      list('criteria', [text('title'), text('average'), text('max'), text('resultText')]),
    ]),
    flag('hasSocialSurvey'),
    text('socialSurveyNumber'),
    text('socialSurveyText'),
    list('socialSurveyUnits', [text('line')]),
    flag('hasSipas'),
    text('sipasText'),
    list('sipasElements', [text('element'), text('index')]),
    text('assessmentText'),
    text('directionText'),
    text('closingText'),
    list('annex', [
      text('rank'),
      text('unitName'),
      text('kindName'),
      text('appraised'),
      text('survey'),
      text('index'),
      text('classLabel'),
    ]),
  ],
  dossier_quarter_report: [
    text('areaName'),
    text('quarter'),
    text('year'),
    text('periodText'),
    text('introText'),
    text('methodText'),
    text('collectionText'),
    text('units'),
    text('scored'),
    list('levels', [text('levelName'), text('result')]),
    text('ratesText'),
    text('handlingText'),
    text('difficultiesText'),
    text('closingText'),
    list('annex', [
      text('number'),
      text('unitName'),
      text('dossiers'),
      text('total'),
      text('classLabel'),
    ]),
    list('officials', [text('number'), text('name'), text('unitName'), text('total')]),
  ],
};

/** Every placeholder a document type offers (common ones first). */
export function placeholdersOf(type: DocumentType): readonly Placeholder[] {
  return [...COMMON_PLACEHOLDERS, ...TYPE_PLACEHOLDERS[type]];
}

/** The names a template uses, as docxtemplater's inspector returns them: name → inner names. */
export interface TagTree {
  [name: string]: TagTree;
}

/** A name in a template that the document type does not offer, with where it was found. */
export interface UnknownPlaceholder {
  name: string;
  /** Enclosing lists, outermost first ("lostGroups › items"); empty at the top level. */
  within: string[];
}

/**
 * The names of `used` that the type does not offer. Inside a list a name may be one of that list's
 * fields or any name visible outside it (templates may repeat the unit's name in a row).
 */
export function unknownPlaceholders(type: DocumentType, used: TagTree): UnknownPlaceholder[] {
  const problems: UnknownPlaceholder[] = [];
  const walk = (tree: TagTree, scopes: (readonly Placeholder[])[], within: string[]) => {
    for (const [name, inner] of Object.entries(tree)) {
      const found = scopes.map((s) => s.find((p) => p.name === name)).find(Boolean);
      if (!found) {
        problems.push({ name, within });
        continue;
      }
      if (Object.keys(inner).length > 0) {
        walk(inner, [found.children ?? [], ...scopes], [...within, name]);
      }
    }
  };
  walk(used, [placeholdersOf(type)], []);
  return problems;
}

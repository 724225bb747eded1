/**
 * The questionnaire editor's working copy and its edits, as pure functions: a draft keeps a stable
 * key on every element, question, profile item and option (so React keeps focus and rows while they
 * move), turns back into the domain `Questionnaire`, and lists its problems by the same JSON paths
 * the server uses ("elements[1].questions[0].text"), so the server's answer lands on the same field.
 */
import type { TFunction } from 'i18next';
import {
  DEFAULT_QUESTIONNAIRE,
  ELEMENT_IDS,
  ELEMENT_NAMES,
  PROFILE_KEYS,
  QUESTIONNAIRE_FORMAT_VERSION,
  validateQuestionnaire,
  type ElementId,
  type ProfileKey,
  type Questionnaire,
  type ScaleQuestion,
} from '@domain/sipas/questionnaire.ts';

export interface DraftQuestion {
  key: string;
  id: string;
  text: string;
  required: boolean;
  allowNoAnswer: boolean;
}

export interface DraftElement {
  key: string;
  id: ElementId;
  name: string;
  questions: DraftQuestion[];
}

export interface DraftOption {
  key: string;
  value: string;
  label: string;
}

export interface DraftProfile {
  key: string;
  profileKey: ProfileKey;
  text: string;
  required: boolean;
  options: DraftOption[];
}

/** The editor's working copy of a questionnaire. */
export interface QuestionnaireDraft {
  id: string;
  version: string;
  name: string;
  basis: string;
  elements: DraftElement[];
  overall: DraftQuestion;
  profile: DraftProfile[];
  suggestionPrompt: string;
  /** As typed; checked to be a whole number on save. */
  suggestionMax: string;
  /** One item per line. */
  toConfirm: string;
}

let counter = 0;
/** A key unique in this page's lifetime. */
export function newKey(): string {
  counter += 1;
  return `k${counter}`;
}

const draftQuestion = (q: ScaleQuestion): DraftQuestion => ({ key: newKey(), ...q });

/** The working copy of a stored questionnaire. */
export function toDraft(q: Questionnaire): QuestionnaireDraft {
  return {
    id: q.id,
    version: q.version,
    name: q.name,
    basis: q.basis,
    elements: q.elements.map((e) => ({
      key: newKey(),
      id: e.id,
      name: e.name,
      questions: e.questions.map(draftQuestion),
    })),
    overall: draftQuestion(q.overallQuestion),
    profile: q.profile.map((p) => ({
      key: newKey(),
      profileKey: p.key,
      text: p.text,
      required: p.required,
      options: p.options.map((o) => ({ key: newKey(), ...o })),
    })),
    suggestionPrompt: q.suggestion.prompt,
    suggestionMax: String(q.suggestion.maxLength),
    toConfirm: q.toConfirm.join('\n'),
  };
}

const plainQuestion = (q: DraftQuestion): ScaleQuestion => ({
  id: q.id.trim(),
  text: q.text.trim(),
  required: q.required,
  allowNoAnswer: q.allowNoAnswer,
});

/** The whole number typed, or NaN. */
function wholeNumber(text: string): number {
  const trimmed = text.trim().replace(/[.\s]/g, '');
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The questionnaire the draft describes, texts trimmed. */
export function fromDraft(d: QuestionnaireDraft): Questionnaire {
  return {
    formatVersion: QUESTIONNAIRE_FORMAT_VERSION,
    id: d.id.trim(),
    version: d.version.trim(),
    name: d.name.trim(),
    basis: d.basis.trim(),
    elements: d.elements.map((e) => ({
      id: e.id,
      name: e.name.trim(),
      questions: e.questions.map(plainQuestion),
    })),
    overallQuestion: plainQuestion(d.overall),
    profile: d.profile.map((p) => ({
      key: p.profileKey,
      text: p.text.trim(),
      required: p.required,
      options: p.options.map((o) => ({ value: o.value.trim(), label: o.label.trim() })),
    })),
    suggestion: { prompt: d.suggestionPrompt.trim(), maxLength: wholeNumber(d.suggestionMax) },
    toConfirm: d.toConfirm
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  };
}

const CODE = /^[A-Za-z0-9._-]{1,32}$/;
const OPTION_CODE = /^[a-z0-9][a-z0-9-]{0,31}$/;

/**
 * Every problem of the draft by JSON path, worded for the user. The common mistakes have their own
 * messages; anything else the domain check finds is added with its own (Vietnamese) wording.
 */
export function draftProblems(d: QuestionnaireDraft, t: TFunction): Map<string, string> {
  const problems = new Map<string, string>();
  const add = (path: string, message: string) => {
    if (!problems.has(path)) problems.set(path, message);
  };
  const required = (path: string, value: string, message = t('sipas.editor.required')) => {
    if (value.trim() === '') add(path, message);
  };
  const code = (path: string, value: string) => {
    if (value.trim() === '') add(path, t('sipas.editor.codeRequired'));
    else if (!CODE.test(value.trim())) add(path, t('sipas.editor.codeInvalid'));
  };
  code('id', d.id);
  code('version', d.version);
  required('name', d.name);
  required('basis', d.basis);
  if (d.elements.length === 0) add('elements', t('sipas.editor.noElements'));

  const seen = new Map<string, string>();
  const question = (path: string, q: DraftQuestion, label: string) => {
    code(`${path}.id`, q.id);
    required(`${path}.text`, q.text, t('sipas.editor.textRequired'));
    const id = q.id.trim();
    if (id === '') return;
    const other = seen.get(id);
    if (other !== undefined)
      add(`${path}.id`, t('sipas.editor.codeDuplicate', { code: id, other }));
    else seen.set(id, label);
  };
  d.elements.forEach((e, i) => {
    const at = `elements[${i}]`;
    required(`${at}.name`, e.name);
    if (e.questions.length === 0) add(`${at}.questions`, t('sipas.editor.elementEmpty'));
    e.questions.forEach((q, j) =>
      question(`${at}.questions[${j}]`, q, t('sipas.editor.questionOf', { name: e.name.trim() })),
    );
  });
  question('overallQuestion', d.overall, t('sipas.editor.overall'));

  d.profile.forEach((p, i) => {
    const at = `profile[${i}]`;
    required(`${at}.text`, p.text, t('sipas.editor.textRequired'));
    if (p.options.length === 0) add(`${at}.options`, t('sipas.editor.noOptions'));
    const values = new Set<string>();
    p.options.forEach((o, j) => {
      const oAt = `${at}.options[${j}]`;
      const value = o.value.trim();
      if (value === '') add(`${oAt}.value`, t('sipas.editor.codeRequired'));
      else if (!OPTION_CODE.test(value)) add(`${oAt}.value`, t('sipas.editor.optionInvalid'));
      else if (values.has(value))
        add(`${oAt}.value`, t('sipas.editor.optionDuplicate', { code: value }));
      values.add(value);
      required(`${oAt}.label`, o.label);
    });
  });
  required('suggestion.prompt', d.suggestionPrompt, t('sipas.editor.textRequired'));
  const max = wholeNumber(d.suggestionMax);
  if (!(max >= 1 && max <= 10_000)) add('suggestion.maxLength', t('sipas.editor.maxLength'));

  for (const p of validateQuestionnaire(fromDraft(d))) add(p.path, p.message);
  return problems;
}

/** The next version not yet taken: "2023.1" → "2023.2", "v3" → "v4", "a" → "a.2". */
export function nextVersion(version: string, taken: readonly string[]): string {
  const used = new Set(taken);
  const match = /^(.*?)(\d+)$/.exec(version);
  const stem = match ? match[1]! : `${version}.`;
  let n = match ? Number(match[2]) + 1 : 2;
  while (used.has(`${stem}${n}`)) n += 1;
  return `${stem}${n}`;
}

/** A code for a new question of an element: "<element number>.<next free number>". */
export function nextQuestionId(d: QuestionnaireDraft, elementKey: string): string {
  const element = d.elements.find((e) => e.key === elementKey);
  const prefix = element ? String(ELEMENT_IDS.indexOf(element.id) + 1) : 'Q';
  const used = new Set([
    ...d.elements.flatMap((e) => e.questions.map((q) => q.id.trim())),
    d.overall.id.trim(),
  ]);
  let n = (element?.questions.length ?? 0) + 1;
  while (used.has(`${prefix}.${n}`)) n += 1;
  return `${prefix}.${n}`;
}

const mapElement = (
  d: QuestionnaireDraft,
  elementKey: string,
  fn: (e: DraftElement) => DraftElement,
): QuestionnaireDraft => ({
  ...d,
  elements: d.elements.map((e) => (e.key === elementKey ? fn(e) : e)),
});

/** Adds an empty question after `afterKey` (or at the end); returns the draft and the new key. */
export function addQuestion(
  d: QuestionnaireDraft,
  elementKey: string,
  afterKey: string | null = null,
): { draft: QuestionnaireDraft; key: string } {
  const q: DraftQuestion = {
    key: newKey(),
    id: nextQuestionId(d, elementKey),
    text: '',
    required: true,
    allowNoAnswer: false,
  };
  const draft = mapElement(d, elementKey, (e) => {
    const at = afterKey === null ? -1 : e.questions.findIndex((x) => x.key === afterKey);
    const questions = [...e.questions];
    questions.splice(at < 0 ? questions.length : at + 1, 0, q);
    return { ...e, questions };
  });
  return { draft, key: q.key };
}

/** Changes a question of an element, or the overall question (elementKey null). */
export function updateQuestion(
  d: QuestionnaireDraft,
  elementKey: string | null,
  questionKey: string,
  patch: Partial<Omit<DraftQuestion, 'key'>>,
): QuestionnaireDraft {
  if (elementKey === null) return { ...d, overall: { ...d.overall, ...patch } };
  return mapElement(d, elementKey, (e) => ({
    ...e,
    questions: e.questions.map((q) => (q.key === questionKey ? { ...q, ...patch } : q)),
  }));
}

/** Moves an item of a list up (-1) or down (+1); unchanged at either end. */
export function moveItem<T extends { key: string }>(
  list: readonly T[],
  key: string,
  delta: -1 | 1,
) {
  const from = list.findIndex((x) => x.key === key);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Moves a question within its element. */
export function moveQuestion(
  d: QuestionnaireDraft,
  elementKey: string,
  questionKey: string,
  delta: -1 | 1,
): QuestionnaireDraft {
  return mapElement(d, elementKey, (e) => ({
    ...e,
    questions: moveItem(e.questions, questionKey, delta),
  }));
}

export function removeQuestion(
  d: QuestionnaireDraft,
  elementKey: string,
  questionKey: string,
): QuestionnaireDraft {
  return mapElement(d, elementKey, (e) => ({
    ...e,
    questions: e.questions.filter((q) => q.key !== questionKey),
  }));
}

/** The elements not in the draft, in the decision's order. */
export function missingElements(d: QuestionnaireDraft): ElementId[] {
  return ELEMENT_IDS.filter((id) => !d.elements.some((e) => e.id === id));
}

/** Adds an element (with its usual name and no question) at its place in the decision's order. */
export function addElement(d: QuestionnaireDraft, id: ElementId): QuestionnaireDraft {
  const element: DraftElement = { key: newKey(), id, name: ELEMENT_NAMES[id], questions: [] };
  const elements = [...d.elements, element].sort(
    (a, b) => ELEMENT_IDS.indexOf(a.id) - ELEMENT_IDS.indexOf(b.id),
  );
  return { ...d, elements };
}

/** The profile items not asked yet. */
export function missingProfile(d: QuestionnaireDraft): ProfileKey[] {
  return PROFILE_KEYS.filter((k) => !d.profile.some((p) => p.profileKey === k));
}

/** Adds a profile item as the default questionnaire asks it. */
export function addProfile(d: QuestionnaireDraft, key: ProfileKey): QuestionnaireDraft {
  const model = DEFAULT_QUESTIONNAIRE.profile.find((p) => p.key === key);
  const item: DraftProfile = {
    key: newKey(),
    profileKey: key,
    text: model?.text ?? '',
    required: model?.required ?? false,
    options: (model?.options ?? []).map((o) => ({ key: newKey(), ...o })),
  };
  const profile = [...d.profile, item].sort(
    (a, b) => PROFILE_KEYS.indexOf(a.profileKey) - PROFILE_KEYS.indexOf(b.profileKey),
  );
  return { ...d, profile };
}

/** Changes one profile item. */
export function updateProfile(
  d: QuestionnaireDraft,
  key: string,
  fn: (p: DraftProfile) => DraftProfile,
): QuestionnaireDraft {
  return { ...d, profile: d.profile.map((p) => (p.key === key ? fn(p) : p)) };
}

/** The first problem's path in the order the page shows fields, for focusing it. */
export function firstProblemPath(problems: ReadonlyMap<string, string>): string | null {
  const first = problems.keys().next();
  return first.done ? null : first.value;
}

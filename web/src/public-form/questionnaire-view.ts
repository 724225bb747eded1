/**
 * Draws a SIPAS questionnaire as an accessible HTML form (one fieldset and legend per question, real
 * radio buttons, labels on every control) and reads it back into a submission's answers, profile
 * and suggestion, listing what is still missing. Shared by the public form and the offline
 * field-collection app.
 */
import type {
  AnswerValue,
  ProfileQuestion,
  Questionnaire,
  ScaleQuestion,
} from '@domain/sipas/questionnaire.ts';
import { h } from './dom.ts';
import type { PublicTexts } from './texts.ts';

// The domain's NO_ANSWER, repeated so the form does not bundle the default questionnaire.
const NO_ANSWER: AnswerValue = 'no-answer';
const LEVELS: AnswerValue[] = [1, 2, 3, 4, 5];

/** What a filled-in form says. */
export interface FilledForm {
  answers: Record<string, AnswerValue>;
  profile: Record<string, string>;
  suggestion: string | null;
}

/** Something still to answer, with the id of the fieldset to bring into view. */
export interface Missing {
  targetId: string;
  message: string;
}

const questionId = (id: string) => `q-${id}`;
const profileId = (key: string) => `p-${key}`;

function legend(number: string | null, text: string, required: boolean, t: PublicTexts) {
  return h(
    'legend',
    {},
    number ? h('span', { class: 'qnum' }, `${number}. `) : null,
    text,
    required ? h('span', { class: 'req' }, ` ${t.required}`) : null,
  );
}

function choice(name: string, value: string, label: string, inputId: string) {
  return h(
    'label',
    { class: 'choice', for: inputId },
    h('input', { type: 'radio', name, value, id: inputId }),
    h('span', {}, label),
  );
}

function scaleQuestion(question: ScaleQuestion, t: PublicTexts): HTMLFieldSetElement {
  const name = `a:${question.id}`;
  const values = question.allowNoAnswer ? [...LEVELS, NO_ANSWER] : LEVELS;
  return h(
    'fieldset',
    { class: 'question', id: questionId(question.id) },
    legend(question.id, question.text, question.required, t),
    h(
      'div',
      { class: 'scale' },
      ...values.map((v) => choice(name, String(v), t.levels[v], `${name}:${v}`)),
    ),
  );
}

function profileQuestion(spec: ProfileQuestion, t: PublicTexts): HTMLFieldSetElement {
  const name = `p:${spec.key}`;
  return h(
    'fieldset',
    { class: 'question', id: profileId(spec.key) },
    legend(null, spec.text, spec.required, t),
    h(
      'div',
      { class: 'options' },
      ...spec.options.map((o) => choice(name, o.value, o.label, `${name}:${o.value}`)),
    ),
  );
}

/** The questionnaire's sections: one per element, the overall question, profile, suggestion. */
export function renderQuestionnaire(q: Questionnaire, t: PublicTexts): HTMLElement[] {
  const sections: HTMLElement[] = q.elements.map((element, i) =>
    h(
      'section',
      { class: 'element', 'aria-labelledby': `el-${element.id}` },
      h('h2', { id: `el-${element.id}` }, `${i + 1}. ${element.name}`),
      ...element.questions.map((question) => scaleQuestion(question, t)),
    ),
  );
  sections.push(
    h(
      'section',
      { class: 'element', 'aria-labelledby': 'el-overall' },
      h('h2', { id: 'el-overall' }, t.overallHeading),
      scaleQuestion(q.overallQuestion, t),
    ),
  );
  if (q.profile.length > 0) {
    sections.push(
      h(
        'section',
        { class: 'element', 'aria-labelledby': 'el-profile' },
        h('h2', { id: 'el-profile' }, t.profileHeading),
        ...q.profile.map((spec) => profileQuestion(spec, t)),
      ),
    );
  }
  const counter = h('p', { class: 'hint', id: 'suggestion-count' });
  const area = h('textarea', {
    id: 'suggestion',
    name: 'suggestion',
    rows: 4,
    maxlength: q.suggestion.maxLength,
    'aria-describedby': 'suggestion-count',
  });
  const update = () => {
    counter.textContent = t.charactersLeft(q.suggestion.maxLength - [...area.value].length);
  };
  area.addEventListener('input', update);
  update();
  sections.push(
    h(
      'section',
      { class: 'element', 'aria-labelledby': 'el-suggestion' },
      h('h2', { id: 'el-suggestion' }, t.suggestionHeading),
      h('label', { for: 'suggestion', class: 'prompt' }, q.suggestion.prompt),
      area,
      counter,
    ),
  );
  return sections;
}

function checked(form: HTMLFormElement, name: string): string | null {
  const input = form.querySelector<HTMLInputElement>(
    `input[type="radio"][name="${CSS.escape(name)}"]:checked`,
  );
  return input ? input.value : null;
}

/** Reads the answers of a drawn questionnaire and lists every required item left blank. */
export function readQuestionnaire(
  form: HTMLFormElement,
  q: Questionnaire,
  t: PublicTexts,
): { filled: FilledForm; missing: Missing[] } {
  const answers: Record<string, AnswerValue> = {};
  const missing: Missing[] = [];
  const questions = [...q.elements.flatMap((e) => e.questions), q.overallQuestion];
  for (const question of questions) {
    const value = checked(form, `a:${question.id}`);
    if (value === null) {
      if (question.required)
        missing.push({
          targetId: questionId(question.id),
          message: t.missingQuestion(question.id),
        });
      continue;
    }
    answers[question.id] = value === NO_ANSWER ? NO_ANSWER : (Number(value) as AnswerValue);
  }
  const profile: Record<string, string> = {};
  for (const spec of q.profile) {
    const value = checked(form, `p:${spec.key}`);
    if (value === null) {
      if (spec.required)
        missing.push({ targetId: profileId(spec.key), message: t.missingChoice(spec.text) });
      continue;
    }
    profile[spec.key] = value;
  }
  const text = form.querySelector<HTMLTextAreaElement>('#suggestion')?.value.trim() ?? '';
  return { filled: { answers, profile, suggestion: text === '' ? null : text }, missing };
}

/** Marks the fieldsets still to answer (and clears the others). */
export function markMissing(form: HTMLFormElement, missing: Missing[]): void {
  const ids = new Set(missing.map((m) => m.targetId));
  for (const fieldset of form.querySelectorAll<HTMLFieldSetElement>('fieldset.question')) {
    const isMissing = ids.has(fieldset.id);
    fieldset.classList.toggle('missing', isMissing);
    fieldset.querySelector('.field-error')?.remove();
    if (isMissing) {
      const message = missing.find((m) => m.targetId === fieldset.id)?.message ?? '';
      // Inside the legend, so a screen reader says it with the question.
      fieldset.querySelector('legend')?.append(h('span', { class: 'field-error' }, ` ${message}`));
    }
  }
}

/** The value of every control of a form, to put back after it is drawn again (language switch). */
export function snapshot(form: HTMLFormElement): Map<string, string> {
  const values = new Map<string, string>();
  for (const el of form.querySelectorAll<
    HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement
  >('input, textarea, select')) {
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      if (el.checked) values.set(el.name, el.value);
    } else if (el.id) values.set(`#${el.id}`, el.value);
  }
  return values;
}

/** Puts back what `snapshot` took. */
export function restore(form: HTMLFormElement, values: Map<string, string>): void {
  for (const el of form.querySelectorAll<
    HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement
  >('input, textarea, select')) {
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      el.checked = values.get(el.name) === el.value;
    } else if (el.id && values.has(`#${el.id}`)) {
      el.value = values.get(`#${el.id}`)!;
      el.dispatchEvent(new Event('input'));
    }
  }
}

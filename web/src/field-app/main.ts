/**
 * The offline field-collection app for survey enumerators, served at /thu-thap/ and installable
 * (manifest and service worker in /thu-thap/). It downloads the open campaigns' questionnaires
 * while online, keeps them and every collected answer on the device (IndexedDB), and sends the
 * answers to the batch upload whenever the network is there. Each answer carries a client id made
 * on the device when it is saved, so an upload repeated after a lost answer from the server is
 * recognised and stored once. The open sociological surveys (ADR 46) are collected the same way:
 * their questionnaires are kept on the device, and each filled one waits in the same queue until it
 * is sent, one by one, under its client id.
 */
import '../public-form/form.css';
import { h, newClientId, replace } from '../public-form/dom.ts';
import {
  markMissing,
  readQuestionnaire,
  renderQuestionnaire,
} from '../public-form/questionnaire-view.ts';
import { PUBLIC_TEXTS, pickLocale, type PublicLocale } from '../public-form/texts.ts';
import {
  MAX_BATCH,
  fetchForms,
  fetchSurveyForms,
  uploadBatch,
  uploadSurveyAnswer,
  whoAmI,
  type CollectionForm,
  type FieldSurveyForm,
} from './api.ts';
import {
  addPending,
  countPending,
  isSurveyAnswer,
  listPending,
  listRefused,
  loadForms,
  loadSurveyForms,
  saveForms,
  saveSurveyForms,
  settle,
  type PendingAnswer,
  type RefusedAnswer,
} from './store.ts';
import { FIELD_TEXTS } from './texts.ts';

const RETRY_MS = 30_000;
const CHOICE_KEY = 'parindex.collect.choice';
const SURVEY_CHOICE_KEY = 'parindex.collect.survey';
const LANG_KEY = 'parindex.survey.lang';

function remembered(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // The choice lasts for this page only.
  }
}

let locale: PublicLocale = pickLocale(new URLSearchParams(location.search), remembered(LANG_KEY));
const root = document.getElementById('app')!;
let forms: CollectionForm[] = [];
let surveyForms: FieldSurveyForm[] = [];
let surveyNotice = '';
let signedIn: string | null = null;
let signInNeeded = false;
let notice = '';
/** The outcome of the last upload, shown with the waiting count. */
let syncNotice = '';
let syncing = false;
let choice: { campaignId?: number; unitId?: number; fieldId?: string } = {};
try {
  choice = JSON.parse(remembered(CHOICE_KEY) ?? '{}') as typeof choice;
} catch {
  choice = {};
}
let surveyChoice: { campaignId?: number; unitId?: number; group?: string } = {};
try {
  surveyChoice = JSON.parse(remembered(SURVEY_CHOICE_KEY) ?? '{}') as typeof surveyChoice;
} catch {
  surveyChoice = {};
}

const texts = () => FIELD_TEXTS[locale];

function select(
  id: string,
  label: string,
  options: { value: string; label: string }[],
  value: string | undefined,
  onchange: (value: string) => void,
): HTMLElement {
  const el = h(
    'select',
    { id, onchange: (e: Event) => onchange((e.target as HTMLSelectElement).value) },
    h('option', { value: '' }, texts().choose),
    ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
  );
  return h('div', { class: 'question' }, h('label', { for: id, class: 'prompt' }, label), el);
}

async function queueView(): Promise<HTMLElement> {
  const t = texts();
  const [waiting, refused] = await Promise.all([countPending(), listRefused()]);
  return h(
    'div',
    { class: 'notice' },
    h('p', { id: 'waiting', role: 'status' }, h('strong', {}, t.waiting(waiting))),
    syncNotice ? h('p', { role: 'status' }, syncNotice) : null,
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'aria-disabled': syncing ? 'true' : null,
        onclick: () => void sync(),
      },
      syncing ? t.sending : t.sendNow,
    ),
    refused.length > 0 ? refusedList(refused) : null,
  );
}

function refusedList(refused: RefusedAnswer[]): HTMLElement {
  return h(
    'div',
    {},
    h('p', {}, texts().refusedHeading(refused.length)),
    h(
      'ul',
      {},
      ...refused.map((r) =>
        h('li', {}, `${r.savedAt.slice(0, 16).replace('T', ' ')} – ${r.message}`),
      ),
    ),
  );
}

async function draw(): Promise<void> {
  const t = texts();
  const p = PUBLIC_TEXTS[locale];
  document.title = t.title;
  document.documentElement.lang = p.htmlLang;
  const form = forms.find((f) => f.campaignId === choice.campaignId);
  const setup = h(
    'div',
    {},
    select(
      'campaign',
      t.campaignLabel,
      forms.map((f) => ({ value: String(f.campaignId), label: f.campaignName })),
      choice.campaignId === undefined ? undefined : String(choice.campaignId),
      (v) => setChoice({ campaignId: v === '' ? undefined : Number(v) }),
    ),
    form
      ? select(
          'unit',
          t.unitLabel,
          form.units.map((u) => ({ value: String(u.id), label: u.name })),
          choice.unitId === undefined ? undefined : String(choice.unitId),
          (v) => setChoice({ ...choice, unitId: v === '' ? undefined : Number(v) }),
        )
      : null,
    form
      ? select(
          'field',
          t.fieldLabel,
          form.fields.map((x) => ({ value: x.id, label: x.name })),
          choice.fieldId,
          (v) => setChoice({ ...choice, fieldId: v === '' ? undefined : v }),
        )
      : null,
  );
  const status = h('p', { class: 'status', role: 'status', id: 'saved', tabindex: -1 }, notice);
  let answerForm: HTMLFormElement | null = null;
  if (form) {
    answerForm = h(
      'form',
      { novalidate: true },
      ...renderQuestionnaire(form.questionnaire, p),
      h('button', { type: 'submit', class: 'primary' }, t.save),
    );
    const current = answerForm;
    answerForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void save(form, current, status);
    });
  }
  replace(
    root,
    h(
      'div',
      { class: 'tools' },
      h(
        'button',
        {
          type: 'button',
          class: 'tool',
          lang: locale === 'vi' ? 'en' : 'vi',
          'aria-label': p.switchLanguageLabel,
          onclick: () => {
            locale = locale === 'vi' ? 'en' : 'vi';
            remember(LANG_KEY, locale);
            void draw();
          },
        },
        p.switchLanguage,
      ),
    ),
    h('h1', {}, t.title),
    h('p', { id: 'network', role: 'status' }, navigator.onLine ? t.online : t.offline),
    signedIn ? h('p', {}, t.signedInAs(signedIn)) : null,
    signInNeeded
      ? h(
          'p',
          { class: 'notice warn' },
          t.signInNeeded,
          ' ',
          h('a', { href: '/login?next=%2Fthu-thap%2F' }, t.signIn),
        )
      : null,
    await queueView(),
    forms.length === 0
      ? h(
          'p',
          { class: 'notice warn' },
          navigator.onLine && !signInNeeded ? t.noForms : t.noFormsOffline,
        )
      : setup,
    status,
    answerForm,
    surveySection(),
    h(
      'button',
      { type: 'button', class: 'secondary', onclick: () => void refreshForms() },
      t.refreshForms,
    ),
    h('p', { class: 'hint' }, t.installHint),
  );
}

/** The sociological survey's part of the page: survey, unit, group, then its questions. */
function surveySection(): HTMLElement {
  const t = texts();
  const survey = surveyForms.find((f) => f.campaignId === surveyChoice.campaignId);
  const unit = survey?.units.find((u) => u.id === surveyChoice.unitId);
  const questionnaire = unit
    ? survey?.questionnaires.find((q) => q.unitKind === unit.unitKind)
    : undefined;
  const group = questionnaire?.groups.find((g) => g.code === surveyChoice.group);
  const status = h(
    'p',
    { class: 'status', role: 'status', id: 'survey-saved', tabindex: -1 },
    surveyNotice,
  );
  let form: HTMLFormElement | null = null;
  if (survey && unit && questionnaire && group) {
    const asked = questionnaire.questions.filter((q) => q.groups.includes(group.code));
    form = h(
      'form',
      { novalidate: true, id: 'survey-form' },
      h('p', { class: 'hint' }, t.surveyScaleHint),
      ...asked.map((q) =>
        h(
          'fieldset',
          { class: 'question', id: `sq-${q.code}` },
          h('legend', {}, h('span', { class: 'qnum' }, `${q.code}. `), q.text),
          h(
            'div',
            { class: 'scale' },
            ...[...questionnaire.levels, ...questionnaire.excluded].map((l) =>
              h(
                'label',
                { class: 'choice', for: `sq:${q.code}:${l.code}` },
                h('input', {
                  type: 'radio',
                  name: `sq:${q.code}`,
                  value: l.code,
                  id: `sq:${q.code}:${l.code}`,
                }),
                h('span', {}, l.label),
              ),
            ),
          ),
        ),
      ),
      h('button', { type: 'submit', class: 'primary' }, t.surveySave),
    );
    const current = form;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void saveSurvey(survey, unit.id, group.code, asked, current, status);
    });
  }
  return h(
    'section',
    { 'aria-labelledby': 'survey-heading' },
    h('h2', { id: 'survey-heading' }, t.surveyHeading),
    surveyForms.length === 0
      ? h('p', { class: 'notice' }, t.noSurveys)
      : h(
          'div',
          {},
          select(
            'survey-campaign',
            t.surveyLabel,
            surveyForms.map((f) => ({ value: String(f.campaignId), label: f.campaignName })),
            survey ? String(survey.campaignId) : undefined,
            (v) => setSurveyChoice({ campaignId: v === '' ? undefined : Number(v) }),
          ),
          survey
            ? select(
                'survey-unit',
                t.surveyUnitLabel,
                survey.units.map((u) => ({ value: String(u.id), label: u.name })),
                unit ? String(unit.id) : undefined,
                (v) =>
                  setSurveyChoice({
                    campaignId: surveyChoice.campaignId,
                    unitId: v === '' ? undefined : Number(v),
                  }),
              )
            : null,
          questionnaire
            ? select(
                'survey-group',
                t.surveyGroupLabel,
                questionnaire.groups.map((g) => ({ value: g.code, label: g.name })),
                group?.code,
                (v) => setSurveyChoice({ ...surveyChoice, group: v === '' ? undefined : v }),
              )
            : null,
        ),
    status,
    form,
  );
}

function setSurveyChoice(next: typeof surveyChoice): void {
  surveyChoice = next;
  remember(SURVEY_CHOICE_KEY, JSON.stringify(surveyChoice));
  surveyNotice = '';
  void draw();
}

async function saveSurvey(
  survey: FieldSurveyForm,
  unitId: number,
  group: string,
  asked: { code: string }[],
  form: HTMLFormElement,
  status: HTMLElement,
): Promise<void> {
  const t = texts();
  const answers: Record<string, string> = {};
  const missing: string[] = [];
  for (const q of asked) {
    const fieldset = document.getElementById(`sq-${q.code}`);
    const checked = form.querySelector<HTMLInputElement>(
      `input[type="radio"][name="${CSS.escape(`sq:${q.code}`)}"]:checked`,
    );
    fieldset?.classList.toggle('missing', !checked);
    fieldset?.querySelector('.field-error')?.remove();
    if (checked) answers[q.code] = checked.value;
    else {
      missing.push(q.code);
      fieldset?.append(h('p', { class: 'field-error' }, t.surveyUnanswered));
    }
  }
  if (missing.length > 0) {
    status.textContent = `${t.surveyMissing(missing.length)} (${missing.join(', ')})`;
    document.getElementById(`sq-${missing[0]!}`)?.querySelector('input')?.focus();
    return;
  }
  await addPending({
    kind: 'social-survey',
    clientId: newClientId(),
    campaignId: survey.campaignId,
    unitId,
    group,
    answers,
    savedAt: new Date().toISOString(),
  });
  surveyNotice = t.surveySaved;
  await draw();
  document.getElementById('survey-saved')?.focus();
  if (navigator.onLine) void sync();
}

function setChoice(next: typeof choice): void {
  choice = next;
  remember(CHOICE_KEY, JSON.stringify(choice));
  notice = '';
  void draw();
}

async function save(
  form: CollectionForm,
  answerForm: HTMLFormElement,
  status: HTMLElement,
): Promise<void> {
  const t = texts();
  if (choice.unitId === undefined || choice.fieldId === undefined) {
    status.textContent = t.missingSetup;
    document.getElementById(choice.unitId === undefined ? 'unit' : 'field')?.focus();
    return;
  }
  const { filled, missing } = readQuestionnaire(
    answerForm,
    form.questionnaire,
    PUBLIC_TEXTS[locale],
  );
  markMissing(answerForm, missing);
  if (missing.length > 0) {
    status.textContent = `${PUBLIC_TEXTS[locale].errorSummary(missing.length)} ${missing.map((m) => m.message).join('; ')}`;
    document.getElementById(missing[0]!.targetId)?.querySelector('input')?.focus();
    return;
  }
  await addPending({
    clientId: newClientId(),
    campaignId: form.campaignId,
    unitId: choice.unitId,
    fieldId: choice.fieldId,
    questionnaireId: form.questionnaire.id,
    questionnaireVersion: form.questionnaire.version,
    ...filled,
    savedAt: new Date().toISOString(),
  });
  notice = t.saved;
  await draw();
  window.scrollTo(0, 0);
  document.getElementById('saved')?.focus();
  if (navigator.onLine) void sync();
}

/** Sends every waiting answer, in batches; what the server stored (now or before) leaves the device. */
async function sync(): Promise<void> {
  if (syncing) return;
  syncing = true;
  let sent = 0;
  let failed = false;
  try {
    const all = await listPending();
    if (all.length === 0) return;
    await draw();
    const pending = all.filter((p): p is PendingAnswer => !isSurveyAnswer(p));
    for (let i = 0; i < pending.length; i += MAX_BATCH) {
      const chunk = pending.slice(i, i + MAX_BATCH);
      const result = await uploadBatch(locale, chunk);
      if (!result.data) {
        failed = true;
        if (result.status === 401) signInNeeded = true;
        break;
      }
      const stored: string[] = [];
      const refused: RefusedAnswer[] = [];
      for (const item of result.data.items) {
        const answer = chunk.find((a) => a.clientId === item.clientId.toLowerCase());
        if (!answer) continue;
        if (item.status === 'rejected') {
          const problems = (item.problems ?? []).map((x) => x.message).join('; ');
          refused.push({ ...answer, message: [item.message, problems].filter(Boolean).join(': ') });
        } else stored.push(answer.clientId);
      }
      await settle(stored, refused);
      sent += stored.length;
    }
    // The sociological-survey questionnaires, one by one, each under its client id.
    for (const item of failed ? [] : all.filter(isSurveyAnswer)) {
      const result = await uploadSurveyAnswer(locale, item);
      if (result.data) {
        await settle([item.clientId], []);
        sent += 1;
      } else if ([400, 403, 404, 409].includes(result.status)) {
        const problems = (result.details ?? []).map((x) => x.message).join('; ');
        await settle(
          [],
          [{ ...item, message: [result.message, problems].filter(Boolean).join(': ') }],
        );
      } else {
        failed = true;
        if (result.status === 401) signInNeeded = true;
        break;
      }
    }
  } finally {
    syncing = false;
  }
  if (failed) syncNotice = texts().uploadFailed;
  else if (sent > 0) syncNotice = texts().sent(sent);
  await draw();
}

async function refreshForms(): Promise<void> {
  const me = await whoAmI(locale);
  if (me.data) {
    signedIn = me.data.user.fullName;
    signInNeeded = false;
    const [list, surveys] = await Promise.all([fetchForms(locale), fetchSurveyForms(locale)]);
    if (list.data) {
      forms = list.data.items;
      await saveForms(forms);
      notice = texts().formsSaved(forms.length);
    }
    if (surveys.data) {
      surveyForms = surveys.data.items;
      await saveSurveyForms(surveyForms);
      notice = [notice, texts().surveysSaved(surveyForms.length)].filter(Boolean).join(' ');
    }
  } else if (me.status === 401) {
    signInNeeded = true;
  }
  await draw();
}

async function start(): Promise<void> {
  [forms, surveyForms] = await Promise.all([loadForms(), loadSurveyForms()]);
  await draw();
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/thu-thap/sw.js', { scope: '/thu-thap/' }).catch(() => {
      // Without a service worker the page still works while it stays open.
    });
  }
  window.addEventListener('online', () => void draw().then(sync));
  window.addEventListener('offline', () => void draw());
  setInterval(() => {
    if (navigator.onLine) void sync();
  }, RETRY_MS);
  if (navigator.onLine) {
    await refreshForms();
    await sync();
  }
}

void start();

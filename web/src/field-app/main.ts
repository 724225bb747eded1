/**
 * The offline field-collection app for survey enumerators, served at /thu-thap/ and installable
 * (manifest and service worker in /thu-thap/). It downloads the open campaigns' questionnaires
 * while online, keeps them and every collected answer on the device (IndexedDB), and sends the
 * answers to the batch upload whenever the network is there. Each answer carries a client id made
 * on the device when it is saved, so an upload repeated after a lost answer from the server is
 * recognised and stored once.
 */
import '../public-form/form.css';
import { h, newClientId, replace } from '../public-form/dom.ts';
import {
  markMissing,
  readQuestionnaire,
  renderQuestionnaire,
} from '../public-form/questionnaire-view.ts';
import { PUBLIC_TEXTS, pickLocale, type PublicLocale } from '../public-form/texts.ts';
import { MAX_BATCH, fetchForms, uploadBatch, whoAmI, type CollectionForm } from './api.ts';
import {
  addPending,
  countPending,
  listPending,
  listRefused,
  loadForms,
  saveForms,
  settle,
  type RefusedAnswer,
} from './store.ts';
import { FIELD_TEXTS } from './texts.ts';

const RETRY_MS = 30_000;
const CHOICE_KEY = 'parindex.collect.choice';
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
    h(
      'button',
      { type: 'button', class: 'secondary', onclick: () => void refreshForms() },
      t.refreshForms,
    ),
    h('p', { class: 'hint' }, t.installHint),
  );
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
    const pending = await listPending();
    if (pending.length === 0) return;
    await draw();
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
    const list = await fetchForms(locale);
    if (list.data) {
      forms = list.data.items;
      await saveForms(forms);
      notice = texts().formsSaved(forms.length);
    }
  } else if (me.status === 401) {
    signInNeeded = true;
  }
  await draw();
}

async function start(): Promise<void> {
  forms = await loadForms();
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

/**
 * The public SIPAS form, served at /khao-sat/ for citizens: opened from a link, a QR code on a
 * counter's poster, a kiosk tablet, or a single-use dossier link. Plain DOM code, so the page stays
 * light on an old phone and a weak network (the size test keeps it under 60 KB gzipped).
 *
 * Address: /khao-sat/?c=<campaign>[&u=<unit>][&f=<field>][&src=qr][&kiosk=1][&lang=en]
 *      or: /khao-sat/?link=<single-use dossier token>[&lang=en]
 *
 * The answer carries a client-generated id made once per filled-in form, so sending again after a
 * lost connection is recognised by the server and never counted twice. Kiosk mode (kiosk=1) starts
 * a new form some seconds after each answer and after a spell of inactivity, and keeps the tablet
 * on this page.
 */
import './form.css';
import { call, type Acknowledgement, type ApiResult, type PublicForm } from './api.ts';
import { h, newClientId, replace } from './dom.ts';
import {
  markMissing,
  readQuestionnaire,
  renderQuestionnaire,
  restore,
  snapshot,
  type Missing,
} from './questionnaire-view.ts';
import { PUBLIC_TEXTS, pickLocale, type PublicTexts } from './texts.ts';

/** Kiosk: inactivity before asking whether someone is still answering, then the countdown. */
const IDLE_MS = 90_000;
const IDLE_WARNING_SECONDS = 15;
/** Kiosk: how long the thanks stay on screen. */
const THANKS_SECONDS = 10;
const LANG_KEY = 'parindex.survey.lang';
const LARGE_KEY = 'parindex.survey.large';

type MessageKind = 'linkUsed' | 'notFound' | 'loadFailed' | 'missingCampaign';

const params = new URLSearchParams(location.search);
const kiosk = params.get('kiosk') === '1';
const linkToken = params.get('link');
const campaignParam = params.get('c') ?? '';
const channel = linkToken
  ? 'dossier_link'
  : kiosk
    ? 'kiosk'
    : params.get('src') === 'qr'
      ? 'qr'
      : 'web';

// Old browsers in private mode throw on localStorage.
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
    // Nothing to do: the choice lasts for this page only.
  }
}

let locale = pickLocale(params, remembered(LANG_KEY));
let t: PublicTexts = PUBLIC_TEXTS[locale];
const root = document.getElementById('app')!;

let form: PublicForm | null = null;
let clientId = newClientId();
let formEl: HTMLFormElement | null = null;
let onForm = false;
let sending = false;
/** Draws the current screen again (after a language switch). */
let draw: () => void = () => {};

function toolbar(): HTMLElement {
  const large = document.documentElement.classList.contains('large');
  return h(
    'div',
    { class: 'tools' },
    h(
      'button',
      {
        type: 'button',
        class: 'tool',
        'aria-pressed': large ? 'true' : 'false',
        onclick: () => {
          const on = document.documentElement.classList.toggle('large');
          remember(LARGE_KEY, on ? '1' : '0');
          draw();
          document.querySelector<HTMLButtonElement>('.tools .tool')?.focus();
        },
      },
      h('span', { 'aria-hidden': 'true' }, 'A+ '),
      t.largerText,
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'tool',
        lang: locale === 'vi' ? 'en' : 'vi',
        'aria-label': t.switchLanguageLabel,
        onclick: switchLanguage,
      },
      t.switchLanguage,
    ),
  );
}

function switchLanguage(): void {
  const values = onForm && formEl ? snapshot(formEl) : null;
  locale = locale === 'vi' ? 'en' : 'vi';
  remember(LANG_KEY, locale);
  t = PUBLIC_TEXTS[locale];
  document.documentElement.lang = t.htmlLang;
  draw();
  if (values && formEl) restore(formEl, values);
  document.querySelector<HTMLButtonElement>('.tools .tool:last-child')?.focus();
}

function showLoading(): void {
  onForm = false;
  draw = () => {
    document.title = t.pageTitle;
    replace(root, toolbar(), h('p', { class: 'status', role: 'status' }, t.loading));
  };
  draw();
}

function showMessage(kind: MessageKind): void {
  onForm = false;
  draw = () => {
    const title = {
      linkUsed: t.linkUsedTitle,
      notFound: t.notFoundTitle,
      loadFailed: t.pageTitle,
      missingCampaign: t.notFoundTitle,
    }[kind];
    const text = {
      linkUsed: t.linkUsedText,
      notFound: t.notFoundText,
      loadFailed: t.loadFailed,
      missingCampaign: t.missingCampaign,
    }[kind];
    document.title = title;
    const heading = h('h1', { tabindex: -1 }, title);
    replace(
      root,
      toolbar(),
      heading,
      h('p', { class: kind === 'linkUsed' ? 'notice' : 'notice warn' }, text),
      kind === 'loadFailed'
        ? h('button', { type: 'button', class: 'primary', onclick: () => void load() }, t.retry)
        : null,
    );
    heading.focus();
  };
  draw();
}

function fetchForm(): Promise<ApiResult<PublicForm>> {
  if (linkToken)
    return call('GET', `/api/v1/public/sipas/links/${encodeURIComponent(linkToken)}`, locale);
  const query = new URLSearchParams();
  const unit = params.get('u');
  const field = params.get('f');
  if (unit) query.set('unit', unit);
  if (field) query.set('field', field);
  const search = query.toString();
  return call(
    'GET',
    `/api/v1/public/sipas/forms/${encodeURIComponent(campaignParam)}${search ? `?${search}` : ''}`,
    locale,
  );
}

/** The form the server put in the page (saves a round trip on a slow network), used once. */
function formInPage(): PublicForm | null {
  const island = document.getElementById('form-data');
  if (!island) return null;
  island.remove();
  try {
    const data = JSON.parse(island.textContent ?? '') as PublicForm;
    return String(data.campaignId) === campaignParam ? data : null;
  } catch {
    return null;
  }
}

async function load(): Promise<void> {
  if (!linkToken && !/^\d+$/.test(campaignParam)) return showMessage('missingCampaign');
  const inPage = linkToken ? null : formInPage();
  if (inPage) {
    form = inPage;
    return showForm();
  }
  showLoading();
  const result = await fetchForm();
  if (result.data) {
    form = result.data;
    return showForm();
  }
  if (result.status === 409) return showMessage('linkUsed');
  if (result.status === 404 || result.status === 400) return showMessage('notFound');
  showMessage('loadFailed');
}

function choices(f: PublicForm): { unit: HTMLElement; field: HTMLElement } {
  const unit =
    f.units.length === 1
      ? h('p', { class: 'fixed' }, h('strong', {}, `${t.unitLabel}: `), f.units[0]!.name)
      : h(
          'div',
          { class: 'question', id: 'sel-unit' },
          h(
            'label',
            { for: 'unit', class: 'prompt' },
            t.unitLabel,
            ' ',
            h('span', { class: 'req' }, t.required),
          ),
          h(
            'select',
            { id: 'unit', name: 'unit' },
            h('option', { value: '' }, t.choose),
            ...f.units.map((u) => h('option', { value: u.id }, u.name)),
          ),
        );
  const field =
    f.fields.length === 1
      ? h('p', { class: 'fixed' }, h('strong', {}, `${t.fieldLabel}: `), f.fields[0]!.name)
      : h(
          'fieldset',
          { class: 'question', id: 'sel-field' },
          h('legend', {}, t.fieldLabel, h('span', { class: 'req' }, ` ${t.required}`)),
          h(
            'div',
            { class: 'options' },
            ...f.fields.map((x) =>
              h(
                'label',
                { class: 'choice', for: `field:${x.id}` },
                h('input', { type: 'radio', name: 'field', value: x.id, id: `field:${x.id}` }),
                h('span', {}, x.name),
              ),
            ),
          ),
        );
  return { unit, field };
}

function selectedUnit(f: PublicForm): number | null {
  if (f.units.length === 1) return f.units[0]!.id;
  const value = (document.getElementById('unit') as HTMLSelectElement | null)?.value ?? '';
  return value === '' ? null : Number(value);
}

function selectedField(f: PublicForm): string | null {
  if (f.fields.length === 1) return f.fields[0]!.id;
  return document.querySelector<HTMLInputElement>('input[name="field"]:checked')?.value ?? null;
}

function showForm(): void {
  onForm = true;
  draw = () => {
    const f = form!;
    document.title = `${t.pageTitle} – ${f.campaignName}`;
    const { unit, field } = choices(f);
    const summary = h('div', { class: 'summary', id: 'summary', tabindex: -1, hidden: true });
    const alert = h('div', { class: 'alert', role: 'alert' });
    const status = h('p', { class: 'status', role: 'status' });
    const submit = h('button', { type: 'submit', class: 'primary' }, t.submit);
    formEl = h(
      'form',
      { novalidate: true, 'aria-describedby': 'intro' },
      unit,
      field,
      ...renderQuestionnaire(f.questionnaire, t),
      // The honeypot: hidden from people and screen readers; robots fill it in.
      h(
        'div',
        { class: 'hp', 'aria-hidden': 'true' },
        h('label', { for: 'website' }, t.honeypotLabel),
        h('input', {
          type: 'text',
          id: 'website',
          name: 'website',
          tabindex: -1,
          autocomplete: 'off',
        }),
      ),
      alert,
      status,
      submit,
    );
    formEl.addEventListener('submit', (event) => {
      event.preventDefault();
      void send(f, summary, alert, status, submit);
    });
    replace(
      root,
      toolbar(),
      h('h1', { tabindex: -1 }, t.pageTitle),
      h('p', { class: 'campaign' }, f.campaignName),
      f.dossier
        ? h('p', { class: 'fixed' }, h('strong', {}, `${t.dossierLabel}: `), f.dossier.code)
        : null,
      h('p', { id: 'intro' }, t.intro, ' ', t.privacy),
      summary,
      formEl,
    );
  };
  draw();
  armIdle();
}

function showSummary(summary: HTMLElement, missing: Missing[]): void {
  replace(
    summary,
    h('p', {}, h('strong', {}, t.errorSummary(missing.length))),
    h(
      'ul',
      {},
      ...missing.map((m) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: `#${m.targetId}`,
              onclick: (event: Event) => {
                event.preventDefault();
                const target = document.getElementById(m.targetId);
                target?.scrollIntoView({ block: 'center' });
                target?.querySelector<HTMLElement>('input, select')?.focus();
              },
            },
            m.message,
          ),
        ),
      ),
    ),
  );
  summary.hidden = false;
  summary.focus();
}

async function send(
  f: PublicForm,
  summary: HTMLElement,
  alert: HTMLElement,
  status: HTMLElement,
  submit: HTMLButtonElement,
): Promise<void> {
  if (sending || !formEl) return;
  const { filled, missing } = readQuestionnaire(formEl, f.questionnaire, t);
  const unitId = selectedUnit(f);
  const fieldId = selectedField(f);
  if (unitId === null)
    missing.unshift({ targetId: 'sel-unit', message: t.missingChoice(t.unitLabel) });
  if (fieldId === null)
    missing.splice(unitId === null ? 1 : 0, 0, {
      targetId: 'sel-field',
      message: t.missingChoice(t.fieldLabel),
    });
  markMissing(formEl, missing);
  alert.textContent = '';
  if (missing.length > 0) return showSummary(summary, missing);
  summary.hidden = true;
  sending = true;
  submit.setAttribute('aria-disabled', 'true');
  submit.textContent = t.sending;
  status.textContent = t.sending;
  const body = {
    clientId,
    campaignId: f.campaignId,
    formToken: f.formToken,
    channel,
    unitId,
    fieldId,
    questionnaireId: f.questionnaire.id,
    questionnaireVersion: f.questionnaire.version,
    ...filled,
    website: (document.getElementById('website') as HTMLInputElement | null)?.value ?? '',
    ...(linkToken ? { linkToken } : {}),
  };
  const post = (formToken: string) =>
    call<Acknowledgement>('POST', '/api/v1/public/sipas/responses', locale, { ...body, formToken });
  let result = await post(f.formToken);
  if (result.code === 'sipas_form_too_fast') {
    // Only a very quick hand gets here: wait the minimum time the server asks for, then send again.
    await new Promise((resolve) => setTimeout(resolve, f.minFillSeconds * 1000));
    result = await post(f.formToken);
  }
  if (result.code === 'sipas_form_token_invalid') {
    // A page left open too long: take a fresh token and send the same answer again.
    const fresh = await fetchForm();
    if (fresh.data) {
      f.formToken = fresh.data.formToken;
      result = await post(f.formToken);
    }
  }
  sending = false;
  submit.removeAttribute('aria-disabled');
  submit.textContent = t.submit;
  status.textContent = '';
  if (result.data) return showThanks(result.data);
  if (result.code === 'sipas_link_used' || result.code === 'sipas_dossier_answered')
    return showMessage('linkUsed');
  alert.textContent = result.status === 0 ? t.networkError : (result.message ?? t.networkError);
}

function showThanks(ack: Acknowledgement): void {
  onForm = false;
  clearIdle();
  let seconds = THANKS_SECONDS;
  const countdown = h('p', { class: 'status', role: 'status' });
  draw = () => {
    document.title = t.thanksTitle;
    const heading = h('h1', { tabindex: -1 }, t.thanksTitle);
    countdown.textContent = kiosk ? t.nextFormIn(seconds) : '';
    replace(
      root,
      toolbar(),
      heading,
      h('p', { class: 'notice' }, ack.message),
      h('p', { class: 'receipt' }, t.receipt(ack.receipt.slice(0, 8).toUpperCase())),
      countdown,
      !kiosk && channel !== 'dossier_link'
        ? h(
            'button',
            { type: 'button', class: 'secondary', onclick: () => void restart() },
            t.answerAgain,
          )
        : null,
    );
    heading.focus();
  };
  draw();
  if (kiosk) {
    const timer = setInterval(() => {
      seconds -= 1;
      countdown.textContent = t.nextFormIn(seconds);
      if (seconds <= 0) {
        clearInterval(timer);
        void restart();
      }
    }, 1000);
  }
}

/** A new, empty form: a new client id and a fresh token (the old form stays if the network is down). */
async function restart(): Promise<void> {
  clientId = newClientId();
  const result = await fetchForm();
  if (result.data) form = result.data;
  if (!form) return void load();
  showForm();
  window.scrollTo(0, 0);
  root.querySelector<HTMLElement>('h1')?.focus();
}

// --- kiosk: inactivity --------------------------------------------------------------------------
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let warning: HTMLElement | null = null;

function clearIdle(): void {
  clearTimeout(idleTimer);
}

function armIdle(): void {
  clearIdle();
  if (kiosk && onForm && !warning) idleTimer = setTimeout(onIdle, IDLE_MS);
}

function isDirty(): boolean {
  if (!formEl) return false;
  return Boolean(
    formEl.querySelector('input[type="radio"]:checked') ||
    (document.getElementById('suggestion') as HTMLTextAreaElement | null)?.value ||
    (document.getElementById('unit') as HTMLSelectElement | null)?.value,
  );
}

function onIdle(): void {
  if (!isDirty()) {
    window.scrollTo(0, 0);
    return armIdle();
  }
  let seconds = IDLE_WARNING_SECONDS;
  const text = h('p', { id: 'idle-text' }, t.idleText(seconds));
  const keep = h(
    'button',
    { type: 'button', class: 'primary', onclick: () => closeWarning() },
    t.idleContinue,
  );
  warning = h(
    'div',
    { class: 'overlay' },
    h(
      'div',
      {
        class: 'dialog',
        role: 'alertdialog',
        'aria-modal': 'true',
        'aria-labelledby': 'idle-title',
        'aria-describedby': 'idle-text',
      },
      h('h2', { id: 'idle-title' }, t.idleTitle),
      text,
      keep,
    ),
  );
  document.body.append(warning);
  keep.focus();
  const timer = setInterval(() => {
    seconds -= 1;
    text.textContent = t.idleText(seconds);
    if (seconds <= 0) {
      closeWarning();
      void restart();
    }
  }, 1000);
  const closeWarning = () => {
    clearInterval(timer);
    warning?.remove();
    warning = null;
    armIdle();
  };
}

if (kiosk) {
  for (const type of ['pointerdown', 'keydown', 'input', 'touchstart', 'wheel'])
    document.addEventListener(type, () => armIdle(), { capture: true, passive: true });
  // A kiosk stays on the form: the back button and the context menu lead nowhere.
  history.pushState(null, '', location.href);
  window.addEventListener('popstate', () => history.pushState(null, '', location.href));
  document.addEventListener('contextmenu', (event) => event.preventDefault());
}

document.documentElement.classList.toggle('large', remembered(LARGE_KEY) === '1');
document.documentElement.lang = t.htmlLang;
void load();

/**
 * The sign-in page, served at /login: a light page of its own, plain DOM code without the staff
 * app (ADR 41), so a cold visit loads a few kilobytes instead of React, Mantine and every screen's
 * texts. Username and password are sent to the API as the app did; the server's refusal (wrong
 * password, too many attempts) is shown in its own words, in the language chosen here. On success
 * the browser loads the staff app at the page the user was going to (`?next=`); a user who must
 * change a temporary password is taken there by the app. Vietnamese by default, English on
 * request, the choice shared with the staff app (one key in localStorage).
 */
import './sign-in.css';
import { h, replace } from '../public-form/dom.ts';
import { safeNext, SIGNED_OUT_PARAM } from '../lib/sign-in-address.ts';
import { fill, pickLocale, SIGN_IN_TEXTS, type SignInKey, type SignInLocale } from './texts.ts';

/** The same key as the staff app's language choice: one choice per browser. */
const LANG_KEY = 'parindex.language';
const LOCALES: readonly SignInLocale[] = ['vi', 'en'];

function remembered(): string | null {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
}

const params = new URLSearchParams(location.search);
const next = safeNext(params.get('next'));
const signedOut = params.has(SIGNED_OUT_PARAM);
const root = document.getElementById('app')!;

let locale = pickLocale(remembered());
const t = (key: SignInKey) => SIGN_IN_TEXTS[locale][key];

/** What the page shows besides the typed values: kept as keys, so a language switch rewords it. */
const state = {
  problems: {} as Partial<Record<'username' | 'password', SignInKey>>,
  /** The server's message (already in the language it was asked in), or one of ours. */
  failure: null as null | { text: string } | { key: SignInKey; status?: number },
  pending: false,
};

interface ErrorBody {
  error: { code: string; message: string };
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string';
}

async function signIn(username: string, password: string): Promise<void> {
  state.pending = true;
  state.failure = null;
  render();
  let response: Response;
  try {
    response = await fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'accept-language': locale,
        'content-type': 'application/json',
      },
      credentials: 'same-origin',
      body: JSON.stringify({ username, password }),
    });
  } catch {
    state.pending = false;
    state.failure = { key: 'errors.network' };
    showFailure();
    return;
  }
  if (response.ok) {
    // The session cookie is set; the app reads the session (and its anti-forgery token) itself.
    location.replace(next);
    return;
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  state.pending = false;
  state.failure = isErrorBody(body)
    ? { text: body.error.message }
    : { key: 'errors.unexpected', status: response.status };
  showFailure();
}

function failureText(): string | null {
  const f = state.failure;
  if (!f) return null;
  if ('text' in f) return f.text;
  return f.status === undefined ? t(f.key) : fill(t(f.key), { status: f.status });
}

function field(
  name: 'username' | 'password',
  input: HTMLInputElement,
  extra: HTMLElement | null = null,
): HTMLElement {
  const problem = state.problems[name];
  const id = name;
  input.id = id;
  input.name = name;
  input.required = true;
  if (problem) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${id}-error`);
  } else {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, t(name === 'username' ? 'auth.username' : 'auth.password')),
    h('div', { class: extra ? 'with-toggle' : 'plain' }, input, extra),
    problem ? h('p', { class: 'field-error', id: `${id}-error` }, t(problem)) : null,
  );
}

// The inputs live across renders, so what was typed (and the caret) survives a language switch.
const usernameInput = h('input', {
  type: 'text',
  autocomplete: 'username',
  autocapitalize: 'none',
  spellcheck: 'false',
});
const passwordInput = h('input', { type: 'password', autocomplete: 'current-password' });

const SVG = 'http://www.w3.org/2000/svg';

/** The eye drawn on the show/hide button (crossed out while the password is shown). */
function eye(shown: boolean): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const paths = [
    'M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z',
    'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
    ...(shown ? ['M3 3l18 18'] : []),
  ];
  for (const d of paths) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

function render(): void {
  document.documentElement.lang = locale;
  document.title = `${t('auth.loginTitle')} · ${t('app.name')}`;
  const shown = passwordInput.type === 'text';
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'toggle',
      'aria-label': t('common.togglePassword'),
      'aria-pressed': shown ? 'true' : 'false',
      onclick: () => {
        passwordInput.type = passwordInput.type === 'password' ? 'text' : 'password';
        render();
        document.querySelector<HTMLButtonElement>('button.toggle')?.focus();
      },
    },
    eye(shown),
  );
  const message = failureText();
  const alert = message
    ? h(
        'div',
        { class: 'alert', role: 'alert' },
        h('p', { class: 'alert-title' }, t('errors.title')),
        h('p', {}, message),
      )
    : null;
  const form = h(
    'form',
    {
      novalidate: true,
      'aria-labelledby': 'sign-in-title',
      onsubmit: (event: Event) => {
        event.preventDefault();
        if (state.pending) return;
        const username = usernameInput.value.trim();
        const password = passwordInput.value;
        state.problems = {
          ...(username ? {} : { username: 'auth.usernameRequired' as const }),
          ...(password ? {} : { password: 'auth.passwordRequired' as const }),
        };
        if (!username || !password) {
          render();
          (username ? passwordInput : usernameInput).focus();
          return;
        }
        void signIn(username, password);
      },
    },
    h(
      'div',
      { class: 'heading' },
      h('p', { class: 'brand' }, t('app.fullName')),
      h('h1', { id: 'sign-in-title' }, t('auth.loginTitle')),
      h('p', { class: 'intro' }, t('auth.loginIntro')),
    ),
    signedOut && !message ? h('p', { class: 'notice', role: 'status' }, t('auth.loggedOut')) : null,
    alert,
    field('username', usernameInput),
    field('password', passwordInput, toggle),
    h(
      'button',
      {
        type: 'submit',
        class: 'submit',
        'aria-disabled': state.pending ? 'true' : null,
        'aria-busy': state.pending ? 'true' : null,
      },
      state.pending ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
      t('auth.submit'),
    ),
    h(
      'div',
      { class: 'languages', role: 'group', 'aria-label': t('nav.language') },
      ...LOCALES.map((l) =>
        h(
          'button',
          {
            type: 'button',
            lang: l,
            'aria-pressed': l === locale ? 'true' : 'false',
            'data-locale': l,
            onclick: () => switchLanguage(l),
          },
          t(l === 'vi' ? 'languages.vi' : 'languages.en'),
        ),
      ),
    ),
  );
  replace(root, h('div', { class: 'card' }, form));
}

/** After a refusal the alert is read out; the password is ready to be typed again. */
function showFailure(): void {
  render();
  passwordInput.focus();
  passwordInput.select();
}

function switchLanguage(l: SignInLocale): void {
  locale = l;
  try {
    localStorage.setItem(LANG_KEY, l);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  render();
  root.querySelector<HTMLButtonElement>(`button[data-locale="${l}"]`)?.focus();
}

render();
usernameInput.focus();

/**
 * The light public page a personal survey link opens (`/dieu-tra/<token>`): the questionnaire of
 * the unit to rate, rendered on the server as plain HTML in the reader's language, with one small
 * script of its own (`/dieu-tra/form.js`, allowed by the content security policy as 'self') that
 * sends the answers to the public API. Like the SIPAS form, it does not load the staff app: one
 * page of a few kilobytes that works on a phone over a slow network.
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import type { App } from '../../http/types.ts';
import { translate, type Locale } from '../../i18n/messages.ts';
import { getLinkForm } from './service.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f5f7}
main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.3rem;margin:.5rem 0 1rem}
fieldset{border:0;background:#fff;border-radius:.5rem;margin:0 0 1rem;padding:1rem;box-shadow:0 1px 2px #0002}
legend{font-weight:600;padding:0;margin-bottom:.5rem;float:left;width:100%}
label{display:flex;align-items:center;gap:.6rem;min-height:2.75rem;padding:.25rem .5rem;border-radius:.35rem;clear:left}
label:has(input:checked){background:#e3eefc}input[type=radio]{width:1.3rem;height:1.3rem;margin:0}
.excluded{color:#555;font-style:italic}
button{width:100%;min-height:3rem;font:inherit;font-weight:600;color:#fff;background:#0b57d0;border:0;border-radius:.5rem}
button:disabled{background:#8aa9dd}p[role=alert]{color:#b3261e;font-weight:600}.done{background:#fff;padding:1rem;border-radius:.5rem}
`;

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The script of the page: collects one answer per question and sends them once. */
const SCRIPT = `(function(){
var f=document.getElementById('survey');if(!f)return;
var msg=document.getElementById('message');
f.addEventListener('submit',function(e){e.preventDefault();
var answers={},missing=false;
f.querySelectorAll('fieldset').forEach(function(fs){var c=fs.querySelector('input:checked');
if(c)answers[fs.dataset.code]=c.value;else missing=true;});
if(missing){msg.textContent=f.dataset.missing;return;}
var b=f.querySelector('button');b.disabled=true;msg.textContent='';
fetch('/api/v1/public/social-survey/'+encodeURIComponent(f.dataset.token),{method:'POST',
headers:{'content-type':'application/json','accept-language':document.documentElement.lang},
body:JSON.stringify({answers:answers})}).then(function(r){return r.json().then(function(j){return{ok:r.ok,j:j};});})
.then(function(r){if(r.ok){var d=document.createElement('p');d.className='done';d.setAttribute('role','status');
d.textContent=f.dataset.thanks;f.replaceWith(d);}else{b.disabled=false;
msg.textContent=(r.j&&r.j.error&&r.j.error.message)||f.dataset.failed;}})
.catch(function(){b.disabled=false;msg.textContent=f.dataset.failed;});});})();`;

/** Registers the page and its script (outside the API: no session, nothing of the staff app). */
export function registerSocialSurveyPage(app: App, deps: Deps): void {
  app.get('/dieu-tra/form.js', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(SCRIPT),
  );

  app.get<{ Params: { token: string } }>(
    '/dieu-tra/:token',
    { schema: { hide: true } },
    async (request, reply) => {
      const locale = request.locale ?? 'vi';
      const t = (key: Parameters<typeof translate>[1], params = {}) =>
        translate(locale, key, params);
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      const token = request.params.token;
      if (token.length < 10 || token.length > 200) {
        return reply
          .code(404)
          .send(
            page(locale, t('survey_page_title'), `<h1>${escape(t('survey_link_unknown'))}</h1>`),
          );
      }
      let form;
      try {
        form = await getLinkForm(deps, token);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const status = error.kind === 'not_found' ? 404 : 409;
        return reply
          .code(status)
          .send(
            page(locale, t('survey_page_title'), `<h1>${escape(t(error.code, error.params))}</h1>`),
          );
      }
      const option = (code: string, name: string, label: string, cls = '') =>
        `<label${cls ? ` class="${cls}"` : ''}><input type="radio" name="${escape(name)}" value="${escape(code)}"> ${escape(label)}</label>`;
      const questions = form.questions
        .map(
          (q, i) =>
            `<fieldset data-code="${escape(q.code)}"><legend>${i + 1}. ${escape(q.text)}</legend>${[
              ...form.levels.map((l) => option(l.code, q.code, l.label)),
              ...form.excluded.map((l) => option(l.code, q.code, l.label, 'excluded')),
            ].join('')}</fieldset>`,
        )
        .join('');
      const body = `<h1>${escape(t('survey_page_title'))}: ${escape(form.unitName)}</h1>
<p>${escape(t('survey_page_intro', { name: form.respondentName, unit: form.unitName }))}</p>
<noscript><p role="alert">${escape(t('survey_page_noscript'))}</p></noscript>
<form id="survey" data-token="${escape(token)}" data-missing="${escape(t('survey_page_missing'))}" data-failed="${escape(t('survey_page_failed'))}" data-thanks="${escape(t('survey_page_thanks', { unit: form.unitName }))}">
${questions}<p id="message" role="alert"></p><button type="submit">${escape(t('survey_page_send'))}</button></form>
<script src="/dieu-tra/form.js"></script>`;
      return reply.send(page(locale, `${t('survey_page_title')}: ${form.unitName}`, body));
    },
  );
}

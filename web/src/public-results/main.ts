/**
 * The public results page of a published campaign, served at /public/campaigns/<id> for everyone
 * (no sign-in): the decision the results were published by, the ranking table and one bar chart
 * per criterion. Plain DOM code like the public survey form, so the page and all it loads stay
 * under 60 KB gzipped (the browser test measures what is transferred). Vietnamese by default,
 * English on request (?lang=en or the language chosen before on this browser).
 */
import './results.css';
import { formatDateShort } from '@domain/format.ts';
import { formatPercentBound, formatPoints } from '@domain/scoring/decimal.ts';
import { h, replace } from '../public-form/dom.ts';
import { RESULTS_TEXTS, pickLocale, type ResultsTexts } from './texts.ts';
import type { CriterionResult, PublicResults as Results } from '@shared/contract/campaigns.ts';

/** The same key as the staff app's language choice: one choice per browser. */
const LANG_KEY = 'parindex.language';

type UnitResult = Results['units'][number];
type Band = NonNullable<UnitResult['classBand']>;
type Criterion = CriterionResult;

function remembered(): string | null {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
}

const params = new URLSearchParams(location.search);
let locale = pickLocale(params, remembered());
let t: ResultsTexts = RESULTS_TEXTS[locale];
const root = document.getElementById('app')!;
const top = document.getElementById('top')!;
const foot = document.getElementById('foot')!;
const campaignId = /^\/public\/campaigns\/(\d{1,9})\/?$/.exec(location.pathname)?.[1];
let data: Results | null = null;
let failure: 'notPublished' | 'loadFailed' | null = null;

const points = (hundredths: number | null | undefined) =>
  hundredths === null || hundredths === undefined ? '—' : formatPoints(hundredths);

function bandText(b: Band): string {
  const from = formatPercentBound(b.fromPercent);
  return b.toPercent === null
    ? t.bandFrom(from)
    : t.bandRange(from, formatPercentBound(b.toPercent), Boolean(b.toInclusive));
}

/** Higher classes greener; every tone keeps its text at 7:1 or more on white. */
function classTone(b: Band | null | undefined): string {
  if (!b) return 'none';
  if (b.fromPercent >= 9000) return 'top';
  if (b.fromPercent >= 8000) return 'good';
  if (b.fromPercent >= 6500) return 'fair';
  if (b.fromPercent >= 5000) return 'mid';
  return 'low';
}

function header(): void {
  replace(
    top,
    h(
      'div',
      { class: 'bar' },
      h('p', { class: 'brand' }, t.brand),
      h(
        'button',
        {
          type: 'button',
          class: 'lang',
          lang: locale === 'vi' ? 'en' : 'vi',
          'aria-label': t.switchLanguageLabel,
          onclick: () => {
            locale = locale === 'vi' ? 'en' : 'vi';
            try {
              localStorage.setItem(LANG_KEY, locale);
            } catch {
              // Private mode: the choice lasts for this page only.
            }
            t = RESULTS_TEXTS[locale];
            draw();
          },
        },
        t.switchLanguage,
      ),
    ),
  );
  replace(foot, h('p', {}, t.footer));
}

/** "Công bố theo Quyết định số 215/QĐ-UBND ngày 20/03/2023", one line per distinct decision. */
function decisions(units: UnitResult[]): HTMLElement {
  const seen = new Map<string, string>();
  for (const u of units) {
    const d = u.decision;
    if (!d) continue;
    const text = t.decision(d.number, d.date ? formatDateShort(d.date) : null);
    seen.set(text, text);
  }
  if (seen.size === 0) return h('p', { class: 'decision muted' }, t.noDecision);
  return h(
    'div',
    { class: 'decision', 'data-testid': 'decision' },
    ...[...seen.values()].map((text) => h('p', {}, text)),
  );
}

function table(units: UnitResult[]): HTMLElement {
  const head = h(
    'tr',
    {},
    ...[t.rank, t.unit, t.total, t.index, t.className].map((label) =>
      h('th', { scope: 'col' }, label),
    ),
  );
  const rows = units.map((u) =>
    h(
      'tr',
      { 'data-unit-code': u.unitCode },
      h('td', { 'data-col': 'rank', class: 'num' }, t.rankValue(u.rank, u.unitsRanked)),
      h('th', { scope: 'row', class: 'name' }, u.unitName),
      h(
        'td',
        { 'data-col': 'total', class: 'num' },
        `${u.totalText ?? points(u.totalHundredths)}${u.maxTotalText ? ` / ${u.maxTotalText}` : ''}`,
        u.provisional ? ` — ${t.provisional}` : '',
        u.publishedWithoutSurvey
          ? h(
              'span',
              { class: 'note', 'data-testid': 'published-without-survey' },
              t.publishedWithoutSurvey(u.publishedWithoutSurvey.reason),
            )
          : null,
      ),
      h('td', { 'data-col': 'index', class: 'num' }, u.indexText ?? '—'),
      h(
        'td',
        { 'data-col': 'class' },
        u.classLabel
          ? h(
              'span',
              { class: `class class-${classTone(u.classBand)}` },
              u.classLabel,
              u.classBand ? h('span', { class: 'band' }, ` (${bandText(u.classBand)})`) : null,
            )
          : '—',
      ),
    ),
  );
  const hint = h('p', { class: 'scroll-hint', id: 'scroll-hint', hidden: true }, t.scrollHint);
  const region = h(
    'div',
    {
      class: 'scroll',
      role: 'region',
      tabindex: '0',
      'aria-label': t.scrollRegion,
      'aria-describedby': 'scroll-hint',
    },
    h('table', { 'aria-label': t.tableLabel }, h('thead', {}, head), h('tbody', {}, ...rows)),
  );
  // The hint shows only while the table is wider than its box (a phone), and goes once scrolled
  // to the end.
  const update = () => {
    const more = region.scrollWidth - region.clientWidth - region.scrollLeft > 2;
    hint.hidden = !more;
    region.classList.toggle('more', more);
  };
  region.addEventListener('scroll', update, { passive: true });
  window.addEventListener('resize', update);
  requestAnimationFrame(update);
  return h('div', {}, hint, region);
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/**
 * One chart per criterion: a bar per unit, its points against the criterion's max, the number
 * written beside it (the chart reads without colour; the list gives screen readers the same).
 */
function charts(units: UnitResult[]): HTMLElement {
  const codes: Criterion[] = [];
  for (const u of units)
    for (const c of u.criteria) if (!codes.some((k) => k.code === c.code)) codes.push(c);
  const figures = codes.map((k) => {
    const bars = units.flatMap((u) => {
      const c = u.criteria.find((x) => x.code === k.code);
      return c ? [{ unit: u.unitName, score: c.score, max: c.max }] : [];
    });
    const sum = bars.reduce((s, b) => s + b.score, 0);
    const average = bars.length > 0 ? Math.round(sum / bars.length) : 0;
    return h(
      'figure',
      { class: 'chart', 'data-criterion': k.code },
      h('figcaption', {}, t.criterionTitle(k.code, k.title, points(k.max))),
      h(
        'ul',
        {},
        ...bars.map((b) => {
          const width = b.max > 0 ? Math.max(0, Math.min(100, (b.score / b.max) * 100)) : 0;
          const graphic = svg('svg', {
            viewBox: '0 0 100 12',
            preserveAspectRatio: 'none',
            'aria-hidden': 'true',
            focusable: 'false',
            class: 'bar-svg',
          });
          graphic.append(
            svg('rect', { x: 0, y: 0, width: 100, height: 12, class: 'track' }),
            svg('rect', { x: 0, y: 0, width: width.toFixed(2), height: 12, class: 'fill' }),
          );
          return h(
            'li',
            {},
            h('span', { class: 'who' }, b.unit),
            graphic,
            h('span', { class: 'val' }, t.barValue(points(b.score), points(b.max))),
          );
        }),
      ),
      bars.length > 1 ? h('p', { class: 'avg' }, t.average(points(average))) : null,
    );
  });
  return h('div', { class: 'charts' }, ...figures);
}

function draw(): void {
  document.documentElement.lang = t.htmlLang;
  header();
  if (failure) {
    document.title = t.pageTitle;
    replace(
      root,
      h('h1', {}, failure === 'notPublished' ? t.notPublishedTitle : t.pageTitle),
      h(
        'p',
        { role: failure === 'loadFailed' ? 'alert' : null },
        failure === 'notPublished' ? t.notPublishedText : t.loadFailed,
      ),
      failure === 'loadFailed' ? h('button', { type: 'button', onclick: load }, t.retry) : null,
    );
    return;
  }
  if (!data) {
    document.title = t.pageTitle;
    replace(root, h('p', { class: 'status', role: 'status' }, t.loading));
    return;
  }
  document.title = `${data.campaign.name} — ${t.pageTitle}`;
  const units = [...data.units].sort(
    (a, b) => a.unitKind.localeCompare(b.unitKind) || (a.rank ?? 1e9) - (b.rank ?? 1e9),
  );
  replace(
    root,
    h('h1', {}, data.campaign.name),
    h('p', { class: 'intro' }, t.intro),
    decisions(units),
    h('h2', {}, t.rankingTitle),
    table(units),
    h('h2', {}, t.chartsTitle),
    h('p', { class: 'intro' }, t.chartsIntro),
    charts(units),
  );
}

async function load(): Promise<void> {
  failure = null;
  data = null;
  draw();
  if (!campaignId) {
    failure = 'notPublished';
    draw();
    return;
  }
  try {
    const res = await fetch(`/api/v1/public/campaigns/${campaignId}/results`, {
      headers: { accept: 'application/json', 'accept-language': locale },
    });
    if (res.status === 404 || res.status === 400) failure = 'notPublished';
    else if (!res.ok) failure = 'loadFailed';
    else data = (await res.json()) as Results;
  } catch {
    failure = 'loadFailed';
  }
  draw();
}

void load();

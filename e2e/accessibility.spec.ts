/**
 * Accessibility of the main pages: each page, opened by the demo account that works on it, at a
 * laptop's 1366×768 and a 390-pixel phone, is checked with axe; no critical or serious violation
 * may remain. A failure lists every such violation with the elements it was found on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiAs } from './support/api.ts';
import { ADMIN, DEMO_PASSWORD } from './support/session.ts';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

interface Ids {
  campaign2022: number;
  campaign2026: number;
  kimPhuong: number;
  quyKy: number;
  criteriaSet: number;
  survey: number;
}

let ids: Ids;

/** The ids the pages are addressed by, read once through the API as the administrator. */
async function readIds(request: APIRequestContext): Promise<Ids> {
  const admin = await apiAs(request, ADMIN.username, ADMIN.password);
  const campaigns = (await admin.get('/api/v1/campaigns')) as {
    items: { id: number; name: string; year: number }[];
  };
  const c2022 = campaigns.items.find((c) => /năm 2022 của UBND các xã huyện Định Hóa/.test(c.name));
  const c2026 = campaigns.items.find((c) => c.year === 2026);
  const unit = async (q: string, code: string) => {
    const found = (await admin.get(`/api/v1/units?q=${encodeURIComponent(q)}`)) as {
      items: { id: number; code: string }[];
    };
    return found.items.find((u) => u.code === code)?.id;
  };
  const sets = (await admin.get('/api/v1/criteria-sets')) as { items: { id: number }[] };
  const surveys = (await admin.get('/api/v1/sipas/campaigns')) as {
    items: { id: number; name: string }[];
  };
  const result = {
    campaign2022: c2022?.id,
    campaign2026: c2026?.id,
    kimPhuong: await unit('kim phuong', '05551'),
    quyKy: 0,
    criteriaSet: sets.items[0]?.id,
    survey: surveys.items.find((c) => /xã Quy Kỳ năm 2022/.test(c.name))?.id,
  };
  // The demo survey is xã Quy Kỳ's (a unit of before the 2025 mergers).
  if (result.survey) {
    const view = (await admin.get(`/api/v1/sipas/campaigns/${result.survey}`)) as {
      units: { unitId: number }[];
    };
    result.quyKy = view.units[0]!.unitId;
  }
  for (const [k, v] of Object.entries(result)) expect(v, k).toBeTruthy();
  return result as Ids;
}

/** The main pages: who opens them (null: no one signed in) and where. */
function pages(): { account: string | null; path: string; ready: (p: Page) => Promise<void> }[] {
  const heading = (p: Page) => expect(p.getByRole('heading', { level: 2 }).first()).toBeVisible();
  const h1 = (p: Page) => expect(p.getByRole('heading', { level: 1 }).first()).toBeVisible();
  return [
    {
      account: null,
      path: '/login',
      ready: (p) => expect(p.getByLabel('Tên đăng nhập')).toBeVisible(),
    },
    { account: null, path: `/public/campaigns/${ids.campaign2022}`, ready: h1 },
    { account: null, path: '/public/danh-gia-ho-so', ready: h1 },
    {
      account: null,
      path: `/khao-sat/?c=${ids.survey}&u=${ids.quyKy}&f=dat-dai`,
      ready: (p) => expect(p.locator('h1').first()).toBeVisible(),
    },
    // Each role's home, "Việc cần làm", where it lands after signing in.
    ...[
      'noivu.thainguyen',
      'canbo.kimphuong',
      'chutich.kimphuong',
      'thamdinh.thainguyen',
      'hoidong.thainguyen',
      'hdnd.phuongtien',
      'dieutra.dailanh',
      'vanphong.dienbiendong',
      'admin',
    ].map((account) => ({ account, path: '/', ready: heading })),
    { account: 'dieutra.dailanh', path: '/thu-thap/', ready: h1 },
    { account: 'noivu.thainguyen', path: '/units', ready: heading },
    { account: 'noivu.thainguyen', path: `/units/${ids.kimPhuong}`, ready: heading },
    { account: 'noivu.thainguyen', path: '/campaigns', ready: heading },
    { account: 'noivu.thainguyen', path: `/campaigns/${ids.campaign2026}`, ready: heading },
    { account: 'noivu.thainguyen', path: `/campaigns/${ids.campaign2022}/results`, ready: heading },
    // The sociological survey of a campaign (the national one is the administrator's): to create.
    {
      account: 'admin',
      path: `/campaigns/${ids.campaign2026}/social-survey`,
      ready: (p) => expect(p.getByRole('heading', { level: 3 }).first()).toBeVisible(),
    },
    {
      account: 'noivu.thainguyen',
      path: `/campaigns/${ids.campaign2022}/units/${ids.quyKy}/scorecard`,
      ready: heading,
    },
    {
      account: 'canbo.kimphuong',
      path: `/campaigns/${ids.campaign2026}/units/${ids.kimPhuong}`,
      ready: heading,
    },
    {
      account: 'thamdinh.thainguyen',
      path: `/campaigns/${ids.campaign2026}/queue`,
      ready: heading,
    },
    { account: 'noivu.thainguyen', path: '/criteria', ready: heading },
    { account: 'noivu.thainguyen', path: `/criteria/${ids.criteriaSet}`, ready: heading },
    { account: 'noivu.thainguyen', path: '/sipas', ready: heading },
    { account: 'noivu.thainguyen', path: `/sipas/${ids.survey}`, ready: heading },
    { account: 'noivu.thainguyen', path: `/sipas/${ids.survey}/indexes`, ready: heading },
    { account: 'noivu.thainguyen', path: '/sipas/questionnaires', ready: heading },
    { account: 'noivu.thainguyen', path: `/sipas/${ids.survey}/paper`, ready: heading },
    { account: 'noivu.thainguyen', path: `/sipas/${ids.survey}/import`, ready: heading },
    { account: 'noivu.thainguyen', path: '/dossiers', ready: heading },
    { account: 'noivu.thainguyen', path: '/dossiers/dashboard', ready: heading },
    // The district's office opens its own district, on the demo's quarter with dossiers.
    { account: 'vanphong.dienbiendong', path: '/dossiers?period=2021-Q2', ready: heading },
    { account: 'vanphong.dienbiendong', path: '/dossiers/list?period=2021-Q2', ready: heading },
    {
      account: 'vanphong.dienbiendong',
      path: '/dossiers/dashboard?period=2021-Q2',
      ready: heading,
    },
    { account: 'vanphong.dienbiendong', path: '/dossiers/import', ready: heading },
    { account: 'vanphong.dienbiendong', path: '/dossiers/rating', ready: heading },
    { account: 'vanphong.dienbiendong', path: '/dossiers/bands', ready: heading },
    { account: 'vanphong.dienbiendong', path: '/dossiers/method', ready: heading },
    { account: 'noivu.khanhhoa', path: '/dossiers/postal-catalogue', ready: heading },
    { account: 'noivu.thainguyen', path: '/remediation', ready: heading },
    { account: 'hdnd.phuongtien', path: '/remediation', ready: heading },
    { account: 'noivu.thainguyen', path: '/documents/templates', ready: heading },
    { account: 'admin', path: '/users', ready: heading },
    { account: 'admin', path: '/audit', ready: heading },
    { account: 'admin', path: '/outbox', ready: heading },
    { account: 'canbo.kimphuong', path: '/change-password', ready: heading },
  ];
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe on the page and returns its critical and serious violations, worded for a reader. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe;
    const r = (await axe.run({ resultTypes: ['violations'] })) as { violations: Violation[] };
    return r.violations;
  });
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ` +
        v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(' | ') +
        (v.nodes.length > 5 ? ` … ${v.nodes.length} in all` : ''),
    );
}

test.beforeAll(async ({ request }) => {
  ids = await readIds(request);
});

for (const size of SIZES) {
  test(`the main pages have no critical or serious axe violation (${size.name}, ${size.width} px)`, async ({
    browser,
  }) => {
    test.setTimeout(600_000);
    const found: string[] = [];
    const contexts = new Map<string, Page>();
    const pageOf = async (account: string | null): Promise<Page> => {
      const key = account ?? '';
      const known = contexts.get(key);
      if (known) return known;
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        // axe is injected as an inline script, which the pages' content security policy refuses.
        bypassCSP: true,
      });
      const page = await context.newPage();
      if (account) {
        const res = await context.request.post('/api/v1/auth/login', {
          data: {
            username: account,
            password: account === 'admin' ? ADMIN.password : DEMO_PASSWORD,
          },
        });
        expect(res.ok(), await res.text()).toBe(true);
      }
      contexts.set(key, page);
      return page;
    };
    for (const entry of pages()) {
      const page = await pageOf(entry.account);
      await page.goto(entry.path);
      // A busy machine may take a while to draw a page the first time.
      await expect(async () => entry.ready(page), `${entry.path} did not load`).toPass({
        timeout: 45_000,
      });
      await page.waitForLoadState('networkidle');
      for (const v of await seriousViolations(page)) {
        found.push(`${entry.path} as ${entry.account ?? 'anonymous'}: ${v}`);
      }
    }
    for (const page of contexts.values()) await page.context().close();
    expect(found, found.join('\n')).toEqual([]);
  });
}

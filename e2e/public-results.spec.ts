/**
 * The public results page of the published 2022 demo campaign, signed out: a light page of its
 * own (under 60 KB gzipped for everything it loads, its data included), with the decision the
 * results were published by, the ranking table, a chart per criterion, landmarks, a table that
 * scrolls visibly on a 390-pixel phone, English on request, and no critical or serious axe
 * violation at 1366×768 or 390 px.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiAs } from './support/api.ts';
import { seriousViolations } from './support/axe.ts';
import { ADMIN } from './support/session.ts';
import { describeTransfer, measureTransfer } from './support/transfer.ts';

const LIMIT_BYTES = 60 * 1024;
const CAMPAIGN_2022 = /năm 2022 của UBND các xã huyện Định Hóa/;
let address = '';

test.beforeAll(async ({ request }) => {
  const admin = await apiAs(request, ADMIN.username, ADMIN.password);
  const campaigns = (await admin.get('/api/v1/campaigns')) as {
    items: { id: number; name: string }[];
  };
  const c2022 = campaigns.items.find((c) => CAMPAIGN_2022.test(c.name));
  expect(c2022).toBeDefined();
  address = `/public/campaigns/${c2022!.id}`;
});

async function open(browser: Browser, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    bypassCSP: true,
  });
  return context.newPage();
}

const table = (page: Page) => page.getByRole('table', { name: 'Kết quả đã công bố' });

test('loads signed out under 60 KB gzipped and shows the decision, the ranking and the charts', async ({
  browser,
}) => {
  const page = await open(browser, 1366, 768);
  const transfer = await measureTransfer(page, address, () => expect(table(page)).toBeVisible());
  console.log(`public results page: ${transfer.total} bytes\n${describeTransfer(transfer)}`);
  expect(transfer.total, describeTransfer(transfer)).toBeLessThan(LIMIT_BYTES);
  // Nothing of the staff app is loaded.
  expect(transfer.byUrl.map((x) => x.url).join(' ')).not.toMatch(/\/assets\/(main|react)-/);

  await expect(page.getByRole('heading', { level: 1, name: CAMPAIGN_2022 })).toBeVisible();
  await expect(page.getByTestId('decision')).toHaveText(
    'Công bố theo Quyết định số 215/QĐ-UBND ngày 20/03/2023',
  );
  const quyKy = table(page).getByRole('row').filter({ hasText: 'Xã Quy Kỳ' });
  await expect(quyKy).toContainText('2/2');
  await expect(quyKy).toContainText('58,25');
  await expect(quyKy).toContainText('Trung bình');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();

  // A chart per criterion, each unit's bar with its points written beside it.
  const charts = page.locator('figure[data-criterion]');
  expect(await charts.count()).toBeGreaterThan(1);
  const first = charts.first();
  await expect(first.locator('figcaption')).toContainText(
    /^Tiêu chí 1\. .+\(tối đa [\d,]+ điểm\)$/,
  );
  await expect(first.getByRole('listitem').filter({ hasText: 'Xã Quy Kỳ' })).toContainText(
    /\d+,\d\d\/\d+,\d\d/,
  );
  await expect(first.locator('rect.fill')).toHaveCount(2);
  // On a laptop the table fits: no hint to scroll.
  await expect(page.getByText('Vuốt ngang bảng để xem thêm cột')).toBeHidden();
  expect(await seriousViolations(page), 'axe at 1366×768').toEqual([]);

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('table', { name: 'Published results' })).toBeVisible();
  await expect(page.getByTestId('decision')).toHaveText(
    'Published by Decision No. 215/QĐ-UBND of 20/03/2023',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.context().close();
});

test('on a 390-pixel phone the table scrolls in a focusable region with a visible hint', async ({
  browser,
}) => {
  const page = await open(browser, 390, 844);
  await page.goto(address);
  await expect(table(page)).toBeVisible();
  const region = page.getByRole('region', { name: /Bảng kết quả/ });
  await expect(page.getByText('Vuốt ngang bảng để xem thêm cột')).toBeVisible();
  // The region is reached with the keyboard and scrolls with the arrow keys.
  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect
    .poll(() => region.evaluate((el) => el.scrollLeft), { message: 'scrolled sideways' })
    .toBeGreaterThan(0);
  // Scrolled to the end, the class column is in view and the page itself does not scroll sideways.
  await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(table(page).getByRole('columnheader', { name: 'Xếp loại' })).toBeInViewport();
  expect(await page.locator('html').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await seriousViolations(page), 'axe at 390 px').toEqual([]);
  await page.context().close();
});

test('an address without published results says so', async ({ browser }) => {
  const page = await open(browser, 1366, 768);
  await page.goto('/public/campaigns/999999');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Chưa có kết quả công bố' }),
  ).toBeVisible();
  await page.context().close();
});

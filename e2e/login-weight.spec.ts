/**
 * The sign-in page is a light page of its own (ADR 41): a cold first visit transfers under 150 KB
 * gzipped, every request counted (page, script, style sheet), none of the staff app's code loaded,
 * its script and style sheet sent compressed. Then the whole way across the session boundary: a
 * signed-out visitor is sent to sign in and comes back to the page asked for, a signed-in one
 * skips the page, sign-out ends on it; the server's refusals (wrong password, too many attempts)
 * and a network failure are told in Vietnamese; the password can be shown; no critical or serious
 * axe violation at 1366 px and 390 px.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { seriousViolations } from './support/axe.ts';
import { DEMO_PASSWORD } from './support/session.ts';
import { describeTransfer, measureTransfer } from './support/transfer.ts';

const LIMIT_BYTES = 150 * 1024;

async function open(browser: Browser, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    bypassCSP: true,
  });
  return context.newPage();
}

const usernameBox = (page: Page) => page.getByLabel('Tên đăng nhập');
const passwordBox = (page: Page) => page.getByRole('textbox', { name: 'Mật khẩu', exact: true });
const submit = (page: Page) => page.getByRole('button', { name: 'Đăng nhập' });

test('a cold visit to the sign-in page transfers under 150 KB gzipped, without the staff app', async ({
  browser,
}) => {
  const page = await open(browser, 1366, 768);
  const encodings = new Map<string, string>();
  page.on('response', (r) =>
    encodings.set(new URL(r.url()).pathname, r.headers()['content-encoding'] ?? ''),
  );
  const transfer = await measureTransfer(page, '/login', () =>
    expect(usernameBox(page)).toBeVisible(),
  );
  console.log(`sign-in page: ${transfer.total} bytes\n${describeTransfer(transfer)}`);
  expect(transfer.total, describeTransfer(transfer)).toBeLessThan(LIMIT_BYTES);
  const paths = transfer.byUrl.map((x) => new URL(x.url).pathname);
  // The page, its script and its style sheet; nothing of the staff app, no call before sign-in.
  expect(paths).toHaveLength(3);
  expect(paths).toContain('/login');
  expect(paths.filter((p) => /^\/assets\/sign-in-[\w-]+\.(js|css)$/.test(p))).toHaveLength(2);
  for (const path of paths.filter((p) => p.startsWith('/assets/')))
    expect({ path, encoding: encodings.get(path) }).toEqual({ path, encoding: 'gzip' });
  await page.context().close();
});

test('a signed-out visitor signs in and comes back to the page asked for; sign-out ends on the sign-in page', async ({
  page,
}) => {
  await page.goto('/units?q=kim%20phuong');
  await expect(page).toHaveURL(/\/login\?next=%2Funits%3Fq%3Dkim%2520phuong$/);
  await expect(page.getByRole('heading', { name: 'Đăng nhập', level: 1 })).toBeVisible();
  await expect(usernameBox(page)).toBeFocused();
  await usernameBox(page).fill('noivu.thainguyen');
  await passwordBox(page).fill(DEMO_PASSWORD);
  await submit(page).click();
  await expect(page).toHaveURL(/\/units\?q=kim%20phuong$/);
  await expect(page.getByRole('heading', { name: 'Đơn vị', exact: true, level: 2 })).toBeVisible();
  await expect(page.getByLabel('Tìm đơn vị')).toHaveValue('kim phuong');

  // Signed in already: the sign-in page sends the user straight on.
  await page.goto('/login?next=%2Fcampaigns');
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByRole('heading', { name: 'Đợt đánh giá', level: 2 })).toBeVisible();
  // Never to another site.
  await page.goto('/login?next=%2F%2Fexample.org%2F');
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByRole('heading', { name: 'Việc cần làm', level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login\?signed-out=1$/);
  await expect(page.getByRole('status')).toHaveText('Bạn đã đăng xuất.');
  await expect(page.getByRole('heading', { name: 'Đăng nhập', level: 1 })).toBeVisible();
  await page.goto('/campaigns');
  await expect(page).toHaveURL(/\/login\?next=%2Fcampaigns$/);
});

test('the password can be shown, and a failed network is explained', async ({ page }) => {
  await page.goto('/login');
  await usernameBox(page).fill('canbo.kimphuong');
  await passwordBox(page).fill(DEMO_PASSWORD);
  const toggle = page.getByRole('button', { name: 'Hiện hoặc ẩn mật khẩu' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(passwordBox(page)).toHaveAttribute('type', 'text');
  await expect(passwordBox(page)).toHaveValue(DEMO_PASSWORD);
  await toggle.click();
  await expect(passwordBox(page)).toHaveAttribute('type', 'password');

  await page.route('**/api/v1/auth/login', (route) => route.abort('internetdisconnected'));
  await submit(page).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Không thực hiện đượcKhông kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.',
  );
  await expect(passwordBox(page)).toBeFocused();
  await page.unroute('**/api/v1/auth/login');
  await submit(page).click();
  await expect(page.getByRole('heading', { name: 'Việc cần làm', level: 2 })).toBeVisible();
});

test('too many failed sign-ins: the server’s wait is told in Vietnamese', async ({ page }) => {
  // A name of no account: only its own attempts wait, the demo accounts are not slowed.
  const name = 'khong.co.tai.khoan';
  let status = 0;
  let retryAfter = 0;
  for (let i = 0; i < 10 && status !== 429; i++) {
    const res = await page.request.post('/api/v1/auth/login', {
      data: { username: name, password: 'sai-mat-khau' },
    });
    status = res.status();
    retryAfter = Number(res.headers()['retry-after'] ?? 0);
  }
  expect(status).toBe(429);
  // Once the wait is over, one more failure makes the next wait longer: time to try in the page.
  await page.waitForTimeout(retryAfter * 1000 + 200);
  const again = await page.request.post('/api/v1/auth/login', {
    data: { username: name, password: 'sai-mat-khau' },
  });
  expect(again.status()).toBe(401);

  await page.goto('/login');
  await usernameBox(page).fill(name);
  await passwordBox(page).fill('sai-mat-khau');
  await submit(page).click();
  await expect(page.getByRole('alert')).toContainText(
    /^Không thực hiện đượcĐăng nhập sai nhiều lần\. Thử lại sau \d+ giây\.$/,
  );
});

for (const [width, height] of [
  [1366, 768],
  [390, 844],
] as const) {
  test(`no critical or serious axe violation at ${width} px, empty, refused and in English`, async ({
    browser,
  }) => {
    const page = await open(browser, width, height);
    await page.goto('/login?next=%2Funits');
    await expect(usernameBox(page)).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    expect(await seriousViolations(page), `axe at ${width} px`).toEqual([]);

    await submit(page).click();
    await expect(page.getByText('Hãy nhập tên đăng nhập.')).toBeVisible();
    await expect(usernameBox(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(usernameBox(page)).toBeFocused();
    await usernameBox(page).fill('hdnd.phuongtien');
    await passwordBox(page).fill('not-the-password');
    await submit(page).click();
    await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(await seriousViolations(page), `axe at ${width} px, refused`).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('Sign in · PAR Index');
    await expect(page.getByLabel('Username')).toHaveValue('hdnd.phuongtien');
    await expect(page.getByRole('group', { name: 'Language' })).toBeVisible();
    expect(await seriousViolations(page), `axe at ${width} px, English`).toEqual([]);
    await page.context().close();
  });
}

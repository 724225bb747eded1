/**
 * The outbox (ADR 43): the e2e server has no SMTP server, so the reminder the standing agency sends
 * xã Kim Phượng is kept as an e-mail; the administrator opens "Hộp thư đi" from "Việc cần làm" (the
 * menu has it too), reads why mails are kept there, finds the officer's mail by address and opens
 * it. axe finds no critical or serious violation on the page, in the open mail, nor on a phone.
 */
import { expect, test } from '@playwright/test';
import { apiAs } from './support/api.ts';
import { seriousViolations } from './support/axe.ts';
import { ADMIN } from './support/session.ts';

const OFFICER = 'canbo.kimphuong@parindex.example';

test.use({ bypassCSP: true });

test.beforeAll(async ({ request }) => {
  const agency = await apiAs(request, 'noivu.thainguyen');
  const campaigns = (await agency.get('/api/v1/campaigns')) as {
    items: { id: number; year: number; name: string }[];
  };
  // The demo's 2026 campaign, which xã Kim Phượng takes part in (other specs may create more
  // campaigns of that year).
  const c2026 = campaigns.items.find(
    (c) => c.year === 2026 && /năm 2026 cấp xã \(dữ liệu mẫu\)/.test(c.name),
  );
  expect(c2026).toBeDefined();
  const units = (await agency.get('/api/v1/units?q=kim%20phuong')) as {
    items: { id: number; code: string }[];
  };
  const kimPhuong = units.items.find((u) => u.code === '05551');
  expect(kimPhuong).toBeDefined();
  // Refused when the unit has nothing to do any more (a spec before this one had it submit): the
  // reminder sent by that spec was kept then.
  await agency.post(`/api/v1/campaigns/${c2026!.id}/participants/bulk`, {
    action: 'remind',
    unitIds: [kimPhuong!.id],
  });
});

test('the administrator reads the reminder kept for the officer in the outbox', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // The menu and "Việc cần làm" both lead there.
  await expect(
    page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', {
      name: 'Hộp thư đi',
    }),
  ).toHaveAttribute('href', '/outbox');
  await page
    .getByRole('link', {
      name: /^Hộp thư đi: \d+ thư điện tử được giữ lại vì chưa cấu hình máy chủ thư \(SMTP\)$/,
    })
    .click();
  await expect(page.getByRole('heading', { name: 'Hộp thư đi', level: 2 })).toBeVisible();
  await expect(page.getByText('Chưa cấu hình máy chủ thư (SMTP)')).toBeVisible();

  // The reminder is kept within seconds of being sent; filter on the officer's address.
  await page.getByLabel('Địa chỉ người nhận chứa').fill('canbo.kimphuong');
  const row = page
    .getByRole('row')
    .filter({ hasText: OFFICER })
    .filter({ hasText: 'Nhắc việc: Xã Kim Phượng' })
    .first();
  await expect(async () => {
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page).toHaveURL(/\?to=canbo\.kimphuong/);
  await expect(row).toContainText('Công chức CCHC xã Kim Phượng (demo)');
  await expect(row.getByRole('cell').first()).toHaveText(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  // Every row shown is the officer's.
  for (const r of await page.getByRole('row').filter({ hasText: '@' }).all())
    await expect(r).toContainText(OFFICER);
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page), 'axe on the outbox').toEqual([]);

  await row.getByRole('button', { name: /^Xem thư «Nhắc việc: Xã Kim Phượng»/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhắc việc: Xã Kim Phượng' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Công chức CCHC xã Kim Phượng (demo) <${OFFICER}>`);
  await expect(dialog).toContainText('Kính gửi Công chức CCHC xã Kim Phượng (demo),');
  await expect(dialog).toContainText('Tiếng Việt');
  expect(await seriousViolations(page), 'axe on the open mail').toEqual([]);
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await expect(dialog).toBeHidden();

  // On a phone the mails are cards, read the same way.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: /^Xem thư «Nhắc việc: Xã Kim Phượng»/ }).first(),
  ).toBeVisible();
  expect(await seriousViolations(page), 'axe on the outbox at 390 px').toEqual([]);
});

test('the outbox is not in the menu of other roles, and its address is refused to them', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill('noivu.thainguyen');
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill('demo-parindex');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await expect(nav.getByRole('link', { name: 'Đợt đánh giá' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Hộp thư đi' })).toHaveCount(0);
  await page.goto('/outbox');
  await expect(page.getByRole('alert')).toHaveText('Bạn không có quyền xem trang này.');
});

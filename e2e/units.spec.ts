/** Finding units without diacritics, telling past units apart, and following a merger. */
import { expect, test } from '@playwright/test';
import { onlyActiveUnits, searchUnits, openUnits, signIn } from './support/session.ts';

test.beforeEach(async ({ page }) => {
  await signIn(page, 'canbo.kimphuong');
  await openUnits(page);
});

test('search ignores diacritics and marks units that are no longer valid', async ({ page }) => {
  await searchUnits(page, 'quy ky', 'Xã Quy Kỳ');
  const quyKy = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Xã Quy Kỳ', exact: true }) });
  await expect(quyKy).toContainText('05545');
  await expect(quyKy).toContainText('Hết hiệu lực từ 01/07/2025');
  await expect(quyKy.getByText('Hết hiệu lực', { exact: true })).toBeVisible();

  await searchUnits(page, 'dai lanh', 'Xã Đại Lãnh');
});

test('only active units when asked', async ({ page }) => {
  await searchUnits(page, 'kim phuong', 'Xã Kim Phượng');
  const results = page.getByRole('table', { name: 'Kết quả tìm kiếm' });
  await expect(results.getByRole('link', { name: 'Xã Kim Phượng', exact: true })).toHaveCount(2);
  await onlyActiveUnits(page);
  await expect(results.getByRole('link', { name: 'Xã Kim Phượng', exact: true })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: 'Xã Kim Phượng' })).toContainText(
    'Tỉnh Thái Nguyên',
  );
});

test('the page of Xã Kim Phượng shows Xã Quy Kỳ among its predecessors', async ({ page }) => {
  await onlyActiveUnits(page);
  await searchUnits(page, 'kim phuong', 'Xã Kim Phượng');
  await page
    .getByRole('table', { name: 'Kết quả tìm kiếm' })
    .getByRole('link', { name: 'Xã Kim Phượng', exact: true })
    .click();

  await expect(page.getByRole('heading', { name: 'Xã Kim Phượng', level: 2 })).toBeVisible();
  const breadcrumbs = page.getByRole('navigation', { name: 'Vị trí trong cây đơn vị' });
  await expect(breadcrumbs.getByRole('link', { name: 'Tỉnh Thái Nguyên' })).toBeVisible();

  const predecessors = page.getByRole('list', { name: 'Đơn vị tiền thân' });
  const quyKy = predecessors.getByRole('listitem').filter({ hasText: 'Xã Quy Kỳ' });
  await expect(quyKy).toContainText('05545');
  await expect(quyKy).toContainText('Toàn bộ');

  // And back: Xã Quy Kỳ names Xã Kim Phượng as its successor.
  await quyKy.getByRole('link', { name: 'Xã Quy Kỳ' }).click();
  await expect(page.getByRole('heading', { name: 'Xã Quy Kỳ', level: 2 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Đơn vị kế thừa' })).toContainText('Xã Kim Phượng');
});

test('browsing the tree from the top-level units down', async ({ page }) => {
  await page.getByRole('link', { name: 'Tỉnh Thái Nguyên', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tỉnh Thái Nguyên', level: 2 })).toBeVisible();
  const children = page.getByRole('table', { name: 'Đơn vị trực thuộc' });
  await expect(children.getByRole('link').first()).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Vị trí trong cây đơn vị' })
    .getByRole('link', { name: 'Tất cả đơn vị' })
    .click();
  await expect(page.getByRole('heading', { name: 'Đơn vị cấp cao nhất' })).toBeVisible();
});

test('the officer goes to its own commune from the units page', async ({ page }) => {
  // The list starts at the provinces; the officer's commune is one link above it.
  await page.getByRole('link', { name: 'Xã Kim Phượng', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Xã Kim Phượng', level: 2 })).toBeVisible();
});

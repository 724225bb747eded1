/** The units pages on a phone: no sideways scrolling, cards instead of tables, a menu behind a burger. */
import { expect, test, type Page } from '@playwright/test';
import { searchUnits, openUnits, signIn } from './support/session.ts';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  // A string, because the e2e code is type-checked without the DOM library.
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  expect(Number(overflow)).toBeLessThanOrEqual(0);
}

test('search and open a unit on a phone', async ({ page }) => {
  await signIn(page, 'noivu.khanhhoa');
  await openUnits(page);
  await expectNoSidewaysScroll(page);

  await searchUnits(page, 'dai lanh', 'Xã Đại Lãnh');
  // Results are cards, not a table squeezed into the screen.
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectNoSidewaysScroll(page);

  await page.getByRole('link', { name: 'Xã Đại Lãnh', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Xã Đại Lãnh', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lịch sử sáp nhập' })).toBeVisible();
  await expectNoSidewaysScroll(page);

  // The menu folds behind the burger button.
  const burger = page.getByRole('button', { name: 'Mở menu điều hướng' });
  const auditLink = page.locator('#main-navigation').getByRole('link', { name: 'Nhật ký' });
  await expect(burger).toHaveAttribute('aria-expanded', 'false');
  await expect(auditLink).not.toBeInViewport();
  await burger.click();
  await expect(auditLink).toBeInViewport();
  await auditLink.click();
  await expect(page.getByRole('heading', { name: 'Nhật ký', level: 2 })).toBeVisible();
  // Choosing a page folds the menu again.
  await expect(auditLink).not.toBeInViewport();

  await burger.click();
  await page.locator('#main-navigation').getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
});

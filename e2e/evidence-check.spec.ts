/**
 * The pre-submission evidence check as a unit officer uses it: opened from the self-assessment
 * page of the 2026 campaign, on a laptop and on a phone, with the result read out in Vietnamese.
 */
import { expect, test } from '@playwright/test';
import { signIn } from './support/session.ts';

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`a unit officer runs the evidence check before submitting (${viewport.width}×${viewport.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await signIn(page, 'canbo.kimphuong');
    await page.goto('/campaigns');
    await page
      .getByRole('link', { name: /Chỉ số CCHC năm 2026/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'Tự đánh giá: Xã Kim Phượng' }).click();
    const section = page.getByRole('region', {
      name: 'Kiểm tra tài liệu kiểm chứng trước khi nộp',
    });
    await expect(section).toBeVisible();
    await section.getByRole('button', { name: 'Kiểm tra ngay' }).click();
    await expect(section.getByTestId('evidence-risk-summary')).toHaveText(
      /^(Không thấy rủi ro nào trong \d+ tài liệu đã đọc\.|\d+ điểm cần xem lại; có thể bị trừ tới [\d.,]+ điểm\. Năm đánh giá: 2026\.)$/,
    );
    await expect(section.getByRole('button', { name: 'Kiểm tra lại' })).toBeVisible();
    // The check's section stays within the screen, its text wrapped rather than cut.
    const box = (await section.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(await section.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
  });
}

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

test('a unit officer has the whole evidence library read again, with a progress bar', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  // Two files of the unit's own, unique to this test, so the batch has something to read.
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'canbo.kimphuong', password: 'demo-parindex' },
  });
  expect(login.ok()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const me = await (await request.get('/api/v1/auth/me')).json();
  const unitId = (me.grants as { unitId: number | null }[]).find((g) => g.unitId)!.unitId;
  for (const n of [1, 2]) {
    const res = await request.post(`/api/v1/units/${unitId}/evidence`, {
      headers: { 'x-csrf-token': csrfToken },
      multipart: {
        summary: `Tệp thử đọc lại hàng loạt ${n}`,
        file: {
          name: `doc-lai-${n}.pdf`,
          mimeType: 'application/pdf',
          buffer: Buffer.from(`%PDF-1.4\n% doc lai hang loat ${n} ${Date.now()}\n%%EOF\n`),
        },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

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
  await section.getByRole('button', { name: 'Đọc lại toàn bộ tài liệu' }).click();
  // The bar appears at once; at 0 % its filled part has no width yet, so it is present, not "visible".
  await expect(
    section.getByRole('progressbar', { name: 'Tiến độ đọc lại tài liệu' }),
  ).toBeAttached();
  // Neither file is a readable PDF: both are counted as read, and as not readable. The library
  // holds the demo's Word plan and other specs' scans too, each read again (a Word file through
  // LibreOffice, a scan through OCR): a while on a busy machine.
  await expect(section.getByTestId('evidence-recheck-progress')).toHaveText(
    /^Đã đọc lại ([2-9]|\d{2,}) tệp; ([2-9]|\d{2,}) tệp không đọc được\.$/,
    { timeout: 150_000 },
  );
  await expect(
    section.getByRole('progressbar', { name: 'Tiến độ đọc lại tài liệu' }),
  ).toHaveAttribute('aria-valuenow', '100');
});

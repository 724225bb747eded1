/**
 * The public survey form as citizens use it: on a phone through a counter's QR link, answered with
 * the keyboard alone; a single-use dossier link that politely refuses a second answer; and kiosk
 * mode, which starts again after an answer and after inactivity and keeps the tablet on the form.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerEverything, staffApi, storedAnswers } from './support/sipas.ts';

const FIELD = 'dat-dai';

/** Answers one radio group with the keyboard: Tab into it, Space on the first, arrows to the level. */
async function keyboardGroup(page: Page, arrows: number): Promise<void> {
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  for (let i = 0; i < arrows; i++) await page.keyboard.press('ArrowDown');
}

test.describe('public survey form', () => {
  test('a citizen answers on a phone from a QR link with the keyboard only', async ({
    browser,
    request,
  }) => {
    const api = await staffApi(request);
    const before = await storedAnswers(request, api);
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    const formRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/public/sipas/forms/')) formRequests.push(r.url());
    });
    await page.goto(`/khao-sat/?c=${api.campaignId}&u=${api.unitId}&f=${FIELD}&src=qr`);
    await expect(
      page.getByRole('heading', { name: 'Phiếu khảo sát sự hài lòng', level: 1 }),
    ).toBeVisible();
    await expect(page.getByText('Lĩnh vực thủ tục hành chính: Đất đai')).toBeVisible();
    // The page came with its form: no separate request for it on a slow network.
    expect(formRequests).toEqual([]);

    // From the top of the page: two tool buttons, then one stop per question group.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const groups = page.locator('form fieldset.question');
    const count = await groups.count();
    for (let i = 0; i < count; i++) {
      const isScale = (await groups.nth(i).locator('.scale').count()) > 0;
      // Scale: first is "Rất không hài lòng"; three steps down is "Hài lòng".
      await keyboardGroup(page, isScale ? 3 : 0);
    }
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/Ông\/Bà có góp ý/)).toBeFocused();
    await page.keyboard.type('Niêm yết thêm lệ phí ở quầy.');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Gửi phiếu' })).toBeFocused();
    await expect(
      page
        .getByRole('group', { name: /1\.1\./ })
        .getByRole('radio', { name: 'Hài lòng', exact: true }),
    ).toBeChecked();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: 'Trân trọng cảm ơn Ông/Bà!' })).toBeVisible();
    await expect(page.getByText(/Mã biên nhận: [0-9A-F]{8}/)).toBeVisible();
    expect(await storedAnswers(request, api)).toBe(before + 1);
    await context.close();
  });

  test('a dossier link takes one answer and refuses a second one politely', async ({
    page,
    request,
  }) => {
    const api = await staffApi(request);
    const code = `000.00.21.H13-221105-${String(Date.now() % 10_000).padStart(4, '0')}`;
    const created = await request.post(`/api/v1/sipas/campaigns/${api.campaignId}/links`, {
      headers: { 'x-csrf-token': api.csrf },
      data: { unitId: api.unitId, fieldId: FIELD, dossierCodes: [code] },
    });
    expect(created.ok()).toBe(true);
    const { items } = (await created.json()) as { items: { token: string }[] };
    const link = `/khao-sat/?link=${items[0]!.token}`;

    await page.goto(link);
    await expect(page.getByText(`Mã hồ sơ: ${code}`)).toBeVisible();
    // Sending an empty form lists what is missing, first of all question 1.1.
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    const summary = page.locator('#summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link').first()).toHaveText('Chưa trả lời câu 1.1');

    await answerEverything(page);
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await expect(page.getByRole('heading', { name: 'Trân trọng cảm ơn Ông/Bà!' })).toBeVisible();
    // No "answer again" on a dossier link.
    await expect(page.getByRole('button', { name: 'Trả lời phiếu mới' })).toHaveCount(0);

    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Hồ sơ này đã được đánh giá' })).toBeVisible();
    await expect(page.getByText('Mỗi hồ sơ chỉ được đánh giá một lần')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Gửi phiếu' })).toHaveCount(0);
  });

  test('the form switches to English and keeps the answers given', async ({ page, request }) => {
    const api = await staffApi(request);
    await page.goto(`/khao-sat/?c=${api.campaignId}&u=${api.unitId}&f=${FIELD}`);
    await page
      .getByRole('group', { name: /1\.1\./ })
      .getByRole('radio', { name: 'Hài lòng', exact: true })
      .check();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(
      page.getByRole('heading', { name: 'Satisfaction survey', level: 1 }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('group', { name: /1\.1\./ })
        .getByRole('radio', { name: 'Satisfied', exact: true }),
    ).toBeChecked();
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
    await expect(
      page.getByRole('heading', { name: 'Phiếu khảo sát sự hài lòng', level: 1 }),
    ).toBeVisible();
  });

  test('kiosk mode starts again after inactivity and after an answer', async ({
    page,
    request,
  }) => {
    const api = await staffApi(request);
    const before = await storedAnswers(request, api);
    await page.clock.install();
    await page.goto(`/khao-sat/?c=${api.campaignId}&u=${api.unitId}&f=${FIELD}&kiosk=1`);
    const first = page
      .getByRole('group', { name: /1\.1\./ })
      .getByRole('radio', { name: 'Hài lòng', exact: true });
    await first.check();

    // The back button leads nowhere.
    await page.goBack().catch(() => null);
    await expect(page).toHaveURL(/kiosk=1/);
    await expect(first).toBeChecked();

    // Ninety seconds untouched: the tablet asks, then clears the form.
    await page.clock.fastForward(91_000);
    const dialog = page.getByRole('alertdialog', { name: 'Ông/Bà còn đang trả lời phiếu không?' });
    await expect(dialog).toBeVisible();
    await page.clock.runFor(16_000);
    await expect(dialog).toBeHidden();
    await expect(
      page
        .getByRole('group', { name: /1\.1\./ })
        .getByRole('radio', { name: 'Hài lòng', exact: true }),
    ).not.toBeChecked();

    // An answer: thanks, then a new empty form ten seconds later.
    await answerEverything(page);
    // A person takes longer than the server's minimum fill time (3 s); so does this test.
    await page.waitForTimeout(3_200);
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await expect(page.getByRole('heading', { name: 'Trân trọng cảm ơn Ông/Bà!' })).toBeVisible();
    await expect(page.getByText(/Phiếu mới sẽ mở sau \d+ giây/)).toBeVisible();
    await page.clock.runFor(11_000);
    await expect(page.getByRole('button', { name: 'Gửi phiếu' })).toBeVisible();
    await expect(page.locator('form input[type="radio"]:checked')).toHaveCount(0);
    expect(await storedAnswers(request, api)).toBe(before + 1);
  });
});

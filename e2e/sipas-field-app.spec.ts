/**
 * The offline field-collection app: an enumerator downloads the questionnaire, loses the network,
 * reopens the page (served by the service worker), collects two answers on the device, and when the
 * network is back they are sent; the first upload's acknowledgement is lost on the way back, the
 * app sends again, and the server still holds exactly two new answers.
 */
import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from './support/session.ts';
import { answerEverything, staffApi, storedAnswers } from './support/sipas.ts';

test('two answers collected offline are stored exactly once after a repeated upload', async ({
  page,
  context,
  request,
}) => {
  const api = await staffApi(request);
  const before = await storedAnswers(request, api);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/thu-thap/');
  await expect(
    page.getByRole('heading', { name: 'Thu thập phiếu khảo sát (ngoại tuyến)' }),
  ).toBeVisible();
  await expect(page.getByText(/Đã lưu \d+ mẫu phiếu trên máy/)).toBeVisible();
  // The service worker is installed and holds the page for the offline reopening below.
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  await page.getByLabel('Đợt khảo sát').selectOption(String(api.campaignId));
  await page.getByLabel('Đơn vị được đánh giá').selectOption(String(api.unitId));
  await page.getByLabel('Lĩnh vực', { exact: true }).selectOption('dat-dai');

  await context.setOffline(true);
  // Reopened without a network: the page comes from the device, the questionnaire too.
  await page.reload();
  await expect(page.getByText(/^Không có mạng/)).toBeVisible();
  await expect(page.getByLabel('Đợt khảo sát')).toHaveValue(String(api.campaignId));

  for (let i = 0; i < 2; i++) {
    await answerEverything(page);
    await page.getByRole('button', { name: 'Lưu phiếu' }).click();
    await expect(page.getByText('Đã lưu phiếu trên máy. Mời nhập phiếu tiếp theo.')).toBeVisible();
  }
  await expect(page.getByText('2 phiếu đang chờ gửi')).toBeVisible();
  expect(await storedAnswers(request, api)).toBe(before);

  // The first upload reaches the server, but its answer never comes back to the device.
  let lost = 0;
  await page.route(
    '**/api/v1/sipas/responses/batch',
    async (route) => {
      await route.fetch();
      lost += 1;
      await route.abort('connectionreset');
    },
    { times: 1 },
  );
  await context.setOffline(false);
  await expect.poll(() => storedAnswers(request, api)).toBe(before + 2);
  await expect(page.getByText(/Chưa gửi được/)).toBeVisible();
  expect(lost).toBe(1);
  await expect(page.getByText('2 phiếu đang chờ gửi')).toBeVisible();

  await page.getByRole('button', { name: 'Gửi ngay' }).click();
  await expect(page.getByText('Đã gửi 2 phiếu.')).toBeVisible();
  await expect(page.getByText('0 phiếu đang chờ gửi')).toBeVisible();
  expect(await storedAnswers(request, api)).toBe(before + 2);
});

/**
 * An import interrupted by a server that stopped, as its screen shows it: the state in words, and
 * the button that runs it again, which then follows the new job to its end. The two jobs are
 * answered by the test (a real interruption needs the server killed; the server side of it is
 * tested with a real process in src/cli/interrupted-jobs.test.ts).
 */
import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from './support/session.ts';

const base = {
  source: 'Một cửa tỉnh',
  fileName: 'ca-nam.csv',
  fileKind: 'csv',
  rowsTotal: 300000,
  problemRows: 0,
  problems: [],
  problemsListed: 0,
  startedAt: '2026-03-02T02:00:00.000Z',
};

test('an interrupted import is shown as such and runs again from its screen', async ({ page }) => {
  let retried = false;
  await page.route('**/api/v1/dossiers/jobs/900001', (route) =>
    route.fulfill({
      json: {
        ...base,
        id: 900001,
        status: 'interrupted',
        rowsDone: 120000,
        inserted: 0,
        updated: 0,
        periods: null,
        message:
          'Lượt nhập bị gián đoạn vì máy chủ dừng giữa chừng; chưa hồ sơ nào của tệp được ghi. Có thể chạy lại lượt nhập.',
        finishedAt: '2026-03-02T02:01:00.000Z',
        canRetry: !retried,
        retriedBy: retried ? 900002 : null,
      },
    }),
  );
  await page.route('**/api/v1/dossiers/jobs/900001/retry', (route) => {
    retried = true;
    return route.fulfill({ status: 202, json: { jobId: 900002 } });
  });
  await page.route('**/api/v1/dossiers/jobs/900002', (route) =>
    route.fulfill({
      json: {
        ...base,
        id: 900002,
        status: 'succeeded',
        rowsDone: 300000,
        inserted: 300000,
        updated: 0,
        periods: { '2024-Q1': 300000 },
        message: null,
        finishedAt: '2026-03-02T02:03:00.000Z',
        canRetry: false,
        retriedBy: null,
      },
    }),
  );

  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/dossiers/import?job=900001');
  await expect(page.getByText('Bị gián đoạn: máy chủ dừng giữa chừng')).toBeVisible();
  await expect(page.getByText(/chưa hồ sơ nào của tệp được ghi/)).toBeVisible();
  await page.getByRole('button', { name: 'Chạy lại lượt nhập' }).click();
  await expect(page.getByText(/Đã nhập xong: 300\.?000 hồ sơ mới/)).toBeVisible();
  await expect(page).toHaveURL(/job=900002/);
  expect(retried).toBe(true);
});

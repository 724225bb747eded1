/**
 * One unit's result reads the same wherever it is shown: xã Quy Kỳ's 2022 total, index, class and
 * rank on its scorecard, in the campaign's ranking, on the public results page and in the
 * self-assessment report drafted from the scorecard.
 *
 * The expectations do not come from any of these pages: the total is the sum of seed 000's
 * criterion scores, the class is the seed's ("Trung bình"), the index is worked out here from the
 * total and the maximum, and the rank from the totals of every commune in the ranking.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import PizZip from 'pizzip';
import { signIn } from './support/session.ts';

/** Seed 000: xã Quy Kỳ's criterion scores after appraisal, and its class. */
const SEED_000_SCORES = ['6', '6', '5', '13,5', '9', '3', '6,25', '9,5'];
const SEED_000_CLASS = 'Trung bình';

/** "58,25" → 5825 (hundredths), so sums stay exact. */
const hundredths = (text: string): number => {
  const [whole, frac = ''] = text.trim().replace(/\./gu, '').split(',');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
};
/** 5825 → "58,25", as the product writes points. */
const shown = (h: number): string => {
  const whole = Math.floor(h / 100);
  const frac = h % 100;
  return frac === 0
    ? String(whole)
    : `${whole},${String(frac).padStart(2, '0').replace(/0$/u, '')}`;
};
const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/gu, ' ').trim();

test('xã Quy Kỳ reads the same on its scorecard, the ranking, the public page and its report', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const expectedTotal = SEED_000_SCORES.map(hundredths).reduce((a, b) => a + b, 0);

  await signIn(page, 'noivu.thainguyen');
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Đợt đánh giá' })
    .click();
  await page
    .getByRole('link', { name: /Chỉ số CCHC năm 2022 của UBND các xã huyện Định Hóa/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Kết quả, xếp hạng' }).click();
  const campaignId = /\/campaigns\/(\d+)/u.exec(page.url())?.[1];
  expect(campaignId).toBeDefined();

  // ---- The ranking: every commune's total, so the rank can be worked out here.
  const rankingRow = page.locator('tr[data-unit-code="05545"]');
  await expect(rankingRow).toBeVisible();
  const rows = page.locator('tr[data-unit-code]');
  const totals: number[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const t = await text(rows.nth(i).locator('[data-col="total"]'));
    totals.push(hundredths(t.split('/')[0]!));
  }
  const expectedRank = 1 + totals.filter((t) => t > expectedTotal).length;
  const ranking = {
    total: await text(rankingRow.locator('[data-col="total"]')),
    index: await text(rankingRow.locator('[data-col="index"]')),
    class: await text(rankingRow.locator('[data-col="class"]')),
    rank: await text(rankingRow.locator('[data-col="rank"]')),
  };

  // ---- The scorecard.
  await rankingRow.getByRole('link', { name: 'Xã Quy Kỳ' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả: Xã Quy Kỳ' })).toBeVisible();
  const scorecard = {
    total: await text(page.getByTestId('scorecard-total')),
    index: await text(page.getByTestId('scorecard-index')),
    class: await text(page.getByTestId('scorecard-class')),
    rank: await text(page.getByTestId('scorecard-rank')),
  };
  const [totalText, maxText] = scorecard.total.split('/').map((s) => s.trim());
  expect(hundredths(totalText!)).toBe(expectedTotal);
  // The index is the total over the maximum, in hundredths of a percent, rounded half up.
  const max = hundredths(maxText!.split(' ')[0]!);
  const expectedIndex = shown(Math.floor((expectedTotal * 10000 + max / 2) / max));
  expect(scorecard.index).toContain(expectedIndex);
  expect(scorecard.class).toContain(SEED_000_CLASS);
  expect(scorecard.rank).toMatch(new RegExp(`^${expectedRank}\\s*/\\s*${totals.length}\\b`, 'u'));

  // The ranking's row says the same.
  expect(ranking.total).toContain(`${shown(expectedTotal)} / ${maxText!.split(' ')[0]}`);
  expect(ranking.index).toContain(expectedIndex);
  expect(ranking.class).toContain(SEED_000_CLASS);
  expect(ranking.rank).toBe(scorecard.rank);

  // ---- The report drafted from the scorecard.
  await page.getByRole('button', { name: 'Tạo văn bản' }).click();
  const dialog = page.getByRole('dialog', { name: 'Báo cáo tự đánh giá Chỉ số CCHC' });
  const word = dialog.getByRole('link', { name: 'Tải bản Word (.docx)' });
  await expect(word).toBeVisible({ timeout: 90_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), word.click()]);
  const report = new PizZip(readFileSync((await download.path())!))
    .file('word/document.xml')!
    .asText()
    .replace(/<\/w:p>/gu, '\n')
    .replace(/<[^>]+>/gu, '')
    .replace(/[ \t]+/gu, ' ');
  expect(report).toContain(
    `đạt ${shown(expectedTotal)}/${shown(max)} điểm, xếp loại ${SEED_000_CLASS}, xếp hạng ${expectedRank}/${totals.length}.`,
  );
  await page.keyboard.press('Escape');

  // ---- The public results page, signed out.
  await page.context().clearCookies();
  await page.goto(`/public/campaigns/${campaignId}`);
  const publicRow = page.locator('tr[data-unit-code="05545"]');
  await expect(publicRow).toBeVisible();
  expect(await text(publicRow.locator('[data-col="total"]'))).toContain(shown(expectedTotal));
  expect(await text(publicRow.locator('[data-col="index"]'))).toContain(expectedIndex);
  expect(await text(publicRow.locator('[data-col="class"]'))).toContain(SEED_000_CLASS);
  expect(await text(publicRow.locator('[data-col="rank"]'))).toBe(scorecard.rank);
});

/**
 * The SIPAS staff screens as an officer uses them: the index page of the demo survey of xã Quy Kỳ
 * shows seed 000's figures computed from its 40 entered forms; paper forms are typed in with the
 * keyboard only and a serial already entered is refused; the import wizard names the bad row and
 * column and imports nothing until the file is right.
 *
 * Expected figures come from seed 000 ("III. Chỉ số hài lòng"): 40 forms — Tư pháp – Hộ tịch 14
 * (10 satisfied, 4 neutral), LĐTBXH 7 (1 very satisfied, 5 satisfied, 1 neutral), Đất đai 12
 * (6 satisfied, 6 neutral), Công an 7 (4 satisfied, 3 neutral). Counting "Hài lòng" only:
 * (10+5+6+4)/40 = 25/40 = 62,50 %, the report's figure; with "Rất hài lòng" too: 26/40 = 65,00 %.
 * The suite shares one server, and the public-form and field-app specs add answers to this survey:
 * this file's name sorts before theirs so it sees the 40 demo forms only.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_QUESTIONNAIRE, scaleQuestions } from '../src/domain/sipas/questionnaire.ts';
import { signIn } from './support/session.ts';

const DEMO = /Khảo sát sự hài lòng xã Quy Kỳ năm 2022/;
const QUESTION_COUNT = scaleQuestions(DEFAULT_QUESTIONNAIRE).length;

async function openDemo(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Khảo sát sự hài lòng' })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Khảo sát sự hài lòng (SIPAS)', level: 2 }),
  ).toBeVisible();
  await page.getByRole('link', { name: DEMO }).first().click();
  await expect(page.getByRole('heading', { name: DEMO, level: 2 })).toBeVisible();
}

test('the index page shows seed 000 from the 40 demo forms: 62,50 % and 65,00 %', async ({
  page,
}) => {
  await signIn(page, 'noivu.thainguyen');
  await openDemo(page);
  // Sample targets come with their formula.
  await expect(
    page.getByRole('table', { name: 'Chỉ tiêu mẫu và tiến độ thu phiếu' }),
  ).toContainText('n = 14 / (1 + 14 × 0,05²)');
  // The QR posters of the public form are one click away.
  await expect(page.getByRole('link', { name: 'In poster QR' })).toHaveAttribute(
    'href',
    /\/posters\.pdf$/,
  );
  await page
    .getByRole('navigation', { name: 'Các trang của đợt khảo sát' })
    .getByRole('link', { name: 'Chỉ số hài lòng' })
    .click();
  await expect(page.getByRole('heading', { name: 'Chỉ số hài lòng', level: 2 })).toBeVisible();

  // The survey counts "Hài lòng" only, as the report did.
  const published = page.getByTestId('sipas-published');
  await expect(published).toContainText('62,50 %');
  await expect(published).toContainText('25/40 = 62,50 %');
  const alternatives = page.getByRole('table', { name: 'So sánh theo mức được tính là hài lòng' });
  const alternative = (label: string) =>
    alternatives
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  await expect(alternative('Hài lòng')).toContainText('25/40 = 62,50 %');
  await expect(alternative('Hài lòng + Rất hài lòng')).toContainText('26/40 = 65,00 %');

  // Seed 000's table: forms per level per field with their shares.
  const table = page.getByRole('table', { name: 'Số phiếu theo mức hài lòng của từng lĩnh vực' });
  const row = (name: string) => table.getByRole('row').filter({ hasText: name });
  await expect(row('Tư pháp – Hộ tịch')).toContainText('71,43 %');
  await expect(row('Tư pháp – Hộ tịch')).toContainText('28,57 %');
  await expect(row('Tư pháp – Hộ tịch')).toContainText('10/14 = 71,43 %');
  await expect(row('Lao động – Thương binh và Xã hội')).toContainText('14,29 %');
  await expect(row('Lao động – Thương binh và Xã hội')).toContainText('5/7 = 71,43 %');
  await expect(row('Đất đai')).toContainText('6/12 = 50,00 %');
  await expect(row('Công an')).toContainText('42,86 %');
  await expect(row('Công an')).toContainText('4/7 = 57,14 %');
  await expect(row('Tổng cộng')).toContainText('25/40 = 62,50 %');

  // Open suggestions are searchable.
  await page.getByLabel('Tìm trong ý kiến góp ý').fill('ghế chờ');
  const suggestions = page.getByRole('list', { name: 'Ý kiến góp ý' });
  await expect(suggestions.getByRole('listitem')).toHaveCount(1);
  await expect(suggestions).toContainText('Đề nghị bố trí thêm ghế chờ tại Bộ phận Một cửa.');

  // The Excel export is offered for the same view.
  await expect(page.getByRole('link', { name: 'Xuất Excel' })).toHaveAttribute(
    'href',
    /\/indexes\.xlsx$/,
  );
});

test('the index table turns into cards on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'noivu.thainguyen');
  await page.getByRole('button', { name: 'Mở menu' }).click();
  await openDemo(page);
  await page.getByRole('link', { name: 'Chỉ số hài lòng' }).first().click();
  await expect(page.getByTestId('sipas-published')).toContainText('62,50 %');
  await expect(page.getByText('10/14 = 71,43 %').first()).toBeVisible();
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

/** Types one paper form with the keyboard only, from the serial box onwards. */
async function typeForm(page: Page, serial: string, level: string): Promise<void> {
  const serialBox = page.getByLabel('Số sê-ri phiếu');
  await serialBox.focus();
  await serialBox.press('ControlOrMeta+a');
  await page.keyboard.type(serial);
  await page.keyboard.press('Tab');
  for (let i = 0; i < QUESTION_COUNT; i++) await page.keyboard.press(level);
  // Profile: individual, 25–34, female, at the counter.
  for (const key of ['1', '2', '2', '1']) await page.keyboard.press(key);
  await page.keyboard.type('Nhập bằng bàn phím');
  await page.keyboard.press('Enter');
}

test('paper forms are typed with the keyboard only; a serial already entered is refused', async ({
  page,
}) => {
  await signIn(page, 'noivu.thainguyen');
  await openDemo(page);
  await page.getByRole('link', { name: 'Nhập phiếu giấy' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập phiếu giấy', level: 2 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Lĩnh vực' }).click();
  await page.getByRole('option', { name: 'Công an' }).click();

  await typeForm(page, 'QK-2022-901', '5');
  await expect(page.getByTestId('paper-count')).toHaveText('Đã nhập 1 phiếu trong lần này');
  await expect(page.getByText('Đã lưu phiếu số QK-2022-901')).toBeVisible();
  // The next serial is proposed and the cursor is back on it.
  await expect(page.getByLabel('Số sê-ri phiếu')).toHaveValue('QK-2022-902');
  await expect(page.getByLabel('Số sê-ri phiếu')).toBeFocused();

  // QK-2022-001 is one of the 40 demo forms: refused, nothing counted.
  await typeForm(page, 'QK-2022-001', '4');
  await expect(page.getByRole('alert')).toContainText(
    'Phiếu giấy số QK-2022-001 của đơn vị này đã được nhập; không nhập trùng.',
  );
  await expect(page.getByTestId('paper-count')).toHaveText('Đã nhập 1 phiếu trong lần này');
  await expect(page.getByLabel('Số sê-ri phiếu')).toBeFocused();

  // The refused form is kept on screen; with a box emptied it is not sent, and the box is named.
  await page.getByLabel('Số sê-ri phiếu').fill('QK-2022-903');
  await page.getByRole('textbox', { name: /^Câu 1\.1:/ }).press('Backspace');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Phiếu còn thiếu' })).toContainText(
    'câu 1.1',
  );
  await expect(page.getByTestId('paper-count')).toHaveText('Đã nhập 1 phiếu trong lần này');
});

test('the import wizard names the bad row and column and imports nothing', async ({ page }) => {
  const questions = scaleQuestions(DEFAULT_QUESTIONNAIRE).map((q) => q.question.id);
  const header = [
    'Đơn vị',
    'Lĩnh vực',
    'Số phiếu',
    ...questions.map((id) => `Câu ${id}`),
    'Ông/Bà là',
    'Ông/Bà đã nộp hồ sơ theo hình thức nào?',
  ].join(',');
  const row = (serial: string, level: (id: string) => string) =>
    ['05545', 'Đất đai', serial, ...questions.map(level), 'Cá nhân', 'counter'].join(',');
  const bad = [
    header,
    row('IMP-001', () => 'Hài lòng'),
    row('IMP-002', (id) => (id === '2.1' ? 'Tốt lắm' : '4')),
  ].join('\n');

  await signIn(page, 'noivu.thainguyen');
  await openDemo(page);
  await page.getByRole('link', { name: 'Nhập phiếu từ tệp' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập phiếu từ tệp', level: 2 })).toBeVisible();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'google-form.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Đọc tệp' }).click();
  await expect(page.getByText('Tệp google-form.csv: 2 dòng phiếu')).toBeVisible();
  // The proposed mapping read the column names.
  await expect(page.getByRole('combobox', { name: 'Số sê-ri phiếu giấy' })).toHaveValue('Số phiếu');
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  const preview = page.getByRole('table', { name: 'Xem trước các dòng phiếu' });
  await expect(preview.getByRole('row').filter({ hasText: 'IMP-001' })).toContainText('Hợp lệ');
  await expect(preview.getByRole('row').filter({ hasText: 'IMP-002' })).toContainText('Câu 2.1');

  await page.getByRole('button', { name: 'Nhập cả 2 dòng' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Chưa nhập phiếu nào' });
  await expect(refused).toContainText('Tệp có 1 lỗi; chưa có phiếu nào được nhập.');
  const problem = refused
    .getByRole('table', { name: 'Các lỗi theo dòng và cột' })
    .getByRole('row')
    .nth(1);
  await expect(problem.getByRole('cell').nth(0)).toHaveText('3');
  await expect(problem.getByRole('cell').nth(1)).toHaveText('Câu 2.1');
});

test('the standing agency creates a survey and sees each sample target computed as it types', async ({
  page,
}) => {
  await signIn(page, 'noivu.khanhhoa');
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Khảo sát sự hài lòng' })
    .click();
  await page.getByRole('button', { name: 'Tạo đợt khảo sát' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo đợt khảo sát' });
  await dialog
    .getByRole('textbox', { name: 'Tên đợt khảo sát' })
    .fill('Khảo sát xã Đại Lãnh (e2e)');
  await dialog.getByRole('combobox', { name: 'Mẫu phiếu' }).click();
  await page.getByRole('option').first().click();
  await dialog.getByRole('combobox', { name: 'Cơ quan chủ trì' }).fill('khanh hoa');
  await page
    .getByRole('option', { name: /Tỉnh Khánh Hòa/ })
    .first()
    .click();
  await dialog.getByRole('combobox', { name: 'Thêm đơn vị' }).fill('dai lanh');
  await page
    .getByRole('option', { name: /Xã Đại Lãnh/ })
    .first()
    .click();
  // N = 100, e = 5 %: n = 100 / (1 + 100 × 0,0025) = 80 exactly.
  await dialog
    .getByRole('textbox', { name: 'Số giao dịch của Xã Đại Lãnh, lĩnh vực Đất đai' })
    .fill('100');
  await expect(
    dialog.getByText(/n = 100 \/ \(1 \+ 100 × 0,05²\) = 80,00 → 80 phiếu/),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(
    page.getByRole('heading', { name: 'Khảo sát xã Đại Lãnh (e2e)', level: 2 }),
  ).toBeVisible();
  const targets = page.getByRole('table', { name: 'Chỉ tiêu mẫu và tiến độ thu phiếu' });
  await expect(targets.getByRole('row').filter({ hasText: 'Đất đai' })).toContainText('0/80');
});

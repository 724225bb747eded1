/**
 * The standing agency edits a SIPAS questionnaire in the browser: a new version made from the
 * default one (the default itself, used by the demo survey, is never changed: the public-form and
 * field-app specs rely on it), a question reworded and one added, saved; then the version is
 * downloaded as Excel, and a workbook with a mistake is refused with its sheet, row and column.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signIn } from './support/session.ts';

// Unique per run, so the spec neither depends on nor disturbs what other specs stored.
const VERSION = `e2e.${Date.now().toString(36)}`;
const REWORDED = 'Ông/Bà hài lòng thế nào về việc thủ tục được niêm yết công khai, dễ hiểu?';
const ADDED = 'Ông/Bà hài lòng thế nào về việc được nhận kết quả tại nhà qua bưu điện?';

test('the agency edits a new version, saves it, downloads it as Excel and imports a bad copy', async ({
  page,
}, testInfo) => {
  await signIn(page, 'noivu.thainguyen');
  await page.goto('/sipas/questionnaires');
  await expect(page.getByRole('heading', { name: 'Mẫu phiếu khảo sát', level: 2 })).toBeVisible();
  await page.getByRole('link', { name: 'Tạo mẫu phiếu từ mẫu mặc định' }).click();
  await expect(page.getByRole('heading', { name: 'Mẫu phiếu mới', level: 2 })).toBeVisible();
  await page.getByRole('textbox', { name: 'Phiên bản' }).fill(VERSION);

  // Removing a whole element asks first; cancelling keeps it and its questions.
  const fifth = page.getByRole('region', { name: 'Yếu tố 5' });
  await fifth.getByRole('button', { name: /^Bỏ yếu tố «/ }).click();
  const asking = page.getByRole('dialog', { name: /^Bỏ yếu tố «.+»\?$/ });
  await expect(asking).toContainText('câu hỏi của nó sẽ bị bỏ khỏi mẫu phiếu');
  await asking.getByRole('button', { name: 'Hủy' }).click();
  await expect(asking).toBeHidden();
  await expect(fifth.getByRole('textbox', { name: /^Nội dung câu hỏi/ }).first()).toBeVisible();

  // Reword question 2.1.
  const reworded = page.getByRole('textbox', { name: 'Nội dung câu hỏi 2.1' });
  await reworded.fill(REWORDED);

  // Leaving for another page with unsaved changes asks first; staying keeps them.
  await page.getByRole('link', { name: 'Về danh sách mẫu phiếu' }).click();
  const leaving = page.getByRole('dialog', { name: 'Rời trang khi chưa lưu?' });
  await expect(leaving).toContainText('sẽ mất nếu rời trang');
  await leaving.getByRole('button', { name: 'Hủy' }).click();
  await expect(leaving).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Mẫu phiếu mới', level: 2 })).toBeVisible();
  await expect(reworded).toHaveValue(REWORDED);

  // Add a question to the fourth element: it starts empty, and says so in place.
  const result = page.getByRole('region', { name: 'Yếu tố 4' });
  await result.getByRole('button', { name: 'Thêm câu hỏi' }).click();
  const added = result.getByRole('textbox', { name: 'Nội dung câu hỏi 4.4' });
  await expect(added).toBeFocused();
  await expect(result).toContainText('Chưa nhập nội dung');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Mẫu phiếu còn 1 lỗi' })).toBeVisible();
  await expect(added).toBeFocused();
  await added.fill(ADDED);
  await expect(result).not.toContainText('Chưa nhập nội dung');
  // Alt+↑ moves it above 4.3, keeping the focus on it.
  await added.press('Alt+ArrowUp');
  await expect(added).toBeFocused();
  const texts = result.getByRole('textbox', { name: /^Nội dung câu hỏi/ });
  await expect(texts).toHaveCount(4);
  await expect(texts.nth(2)).toHaveValue(ADDED);

  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(
    `Đã lưu mẫu phiếu sipas-bnv-2023, phiên bản ${VERSION}.`,
  );
  await expect(
    page.getByRole('heading', {
      name: `Sửa mẫu phiếu sipas-bnv-2023, phiên bản ${VERSION}`,
      level: 2,
    }),
  ).toBeVisible();
  // What the page shows now comes back from the server.
  await expect(page.getByRole('textbox', { name: 'Nội dung câu hỏi 2.1' })).toHaveValue(REWORDED);
  await expect(
    page.getByRole('region', { name: 'Yếu tố 4' }).getByRole('textbox', { name: /^Nội dung/ }),
  ).toHaveCount(4);
  await expect(
    page
      .getByRole('region', { name: 'Yếu tố 4' })
      .getByRole('textbox', { name: /^Nội dung/ })
      .nth(2),
  ).toHaveValue(ADDED);

  // Download the saved version as Excel: one row per question, the added one among them.
  await page.getByRole('link', { name: 'Về danh sách mẫu phiếu' }).click();
  await page
    .getByRole('button', { name: new RegExp(`phiên bản ${VERSION.replace('.', '\\.')}`) })
    .click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải về dạng Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`sipas-bnv-2023-${VERSION}.xlsx`);
  const saved = testInfo.outputPath('mau-phieu.xlsx');
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(saved)) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Câu hỏi')!;
  const rowOf = (text: string) => {
    let found = 0;
    sheet.eachRow((row, r) => {
      if (row.getCell(5).value === text) found = r;
    });
    return found;
  };
  expect(rowOf(REWORDED)).toBeGreaterThan(0);
  const addedRow = rowOf(ADDED);
  expect(sheet.getRow(addedRow).getCell(2).value).toBe('result');
  expect(sheet.getRow(addedRow).getCell(4).value).toBe('4.4');

  // A copy with an element that does not exist is refused, naming the sheet, row and column.
  sheet.getRow(addedRow).getCell(2).value = 'ket-qua-khac';
  wb.getWorksheet('Thông tin')!.eachRow((row) => {
    if (row.getCell(1).value === 'Phiên bản') row.getCell(2).value = `${VERSION}x`;
  });
  await page.getByRole('button', { name: 'Nhập mẫu phiếu (Excel, JSON)' }).click({ trial: true });
  await page.locator('input[type="file"]').setInputFiles({
    name: 'mau-phieu-loi.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'Chưa nhập được mẫu phiếu' });
  await expect(alert).toContainText('Tệp Excel có 1 lỗi; chưa có dữ liệu nào được lưu.');
  const problem = alert
    .getByRole('table', { name: 'Các lỗi của tệp theo trang, dòng, cột' })
    .getByRole('row')
    .nth(1);
  await expect(problem.getByRole('cell')).toHaveText([
    'Câu hỏi',
    String(addedRow),
    'B (Mã yếu tố)',
    'giá trị «ket-qua-khac» không hợp lệ; dùng: access, procedure, civil-servant, result, feedback (hoặc 1–5)',
  ]);
  // Nothing was saved.
  await expect(
    page.getByRole('button', { name: new RegExp(`phiên bản ${VERSION.replace('.', '\\.')}x`) }),
  ).toHaveCount(0);
});

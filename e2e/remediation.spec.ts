/**
 * Remediation plans and People's Council supervision as their users see them: xã Kim Phượng's
 * head makes a plan from the 2022 results of xã Quy Kỳ (seed 000, merged into Kim Phượng) with
 * every sub-criterion that lost points, most first, assigns a task and sees what fixing it would
 * gain; the officer completes it with a PDF as evidence; the People's Council of xã Phượng Tiến
 * records a supervision with seed 002's findings and their points.
 */
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/session.ts';
import { minimalPdf } from '../src/server/test-support/minimal-pdf.ts';

/**
 * A blank one-page PDF with a comment of its own, so it is not the same file (by content) as one
 * another test uploaded.
 */
const tinyPdf = (): Buffer =>
  minimalPdf({ comment: ' ho so mau niem yet', width: 200, height: 200 });

async function openRemediation(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Khắc phục & giám sát' })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Kế hoạch khắc phục và giám sát', level: 2 }),
  ).toBeVisible();
}

async function pick(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

const TASK = 'Xây dựng và niêm yết bộ hồ sơ mẫu tại bộ phận một cửa';

test.describe.serial('a remediation plan from seed 000', () => {
  test('the unit head makes a plan from the results, assigns a task and weighs the gain', async ({
    page,
  }) => {
    await signIn(page, 'chutich.kimphuong');
    await openRemediation(page);
    // The demo's 2023 plan is there already.
    await expect(page.getByRole('link', { name: 'Xã Kim Phượng · 2023' })).toBeVisible();

    await page.getByRole('button', { name: 'Lập kế hoạch từ kết quả' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lập kế hoạch từ kết quả' });
    await expect(dialog.getByRole('combobox', { name: 'Đơn vị' })).toHaveValue('Xã Kim Phượng');
    await dialog.getByRole('textbox', { name: 'Năm thực hiện kế hoạch' }).fill('2024');
    await pick(page, 'Kết quả làm căn cứ', /năm 2022.*Xã Quy Kỳ/);
    await dialog.getByRole('button', { name: 'Lập kế hoạch' }).click();

    await expect(
      page.getByRole('heading', { name: 'Xã Kim Phượng · 2024', level: 2 }),
    ).toBeVisible();
    await expect(
      page.getByText(/Kết quả 2022 \(Xã Quy Kỳ\): chỉ số 58,25, xếp loại Trung bình/),
    ).toBeVisible();
    // Seed 000's sub-criteria below their max (ADR 39), most points lost first: the rest of
    // criterion 3 (3,5 of 6,5 lost), the rest of criterion 7 (1,25), then the one-point losses.
    const items = page.getByRole('article');
    await expect(items.nth(0)).toContainText('Tối đa 6,5 · tự chấm 3 · thẩm định 3 · mất 3,5');
    await expect(items.nth(1)).toContainText(
      'Tối đa 5,5 · tự chấm 4,25 · thẩm định 4,25 · mất 1,25',
    );
    await expect(items.nth(2)).toContainText('Tối đa 1 · tự chấm 0 · thẩm định 0 · mất 1');
    await expect(items).toHaveCount(60); // 59 sub-criteria that lost points, and general tasks

    await items.nth(0).getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: 'Nội dung công việc' }).fill(TASK);
    await form.getByRole('textbox', { name: 'Sản phẩm đầu ra' }).fill('Bộ hồ sơ mẫu được niêm yết');
    await pick(page, 'Người phụ trách', 'Công chức CCHC xã Kim Phượng (demo)');
    await form.getByRole('textbox', { name: 'Thời hạn hoàn thành' }).fill('30/06/2024');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect(form).toBeHidden();
    const task = items.nth(0).getByRole('listitem', { name: TASK });
    await expect(task).toContainText('Chưa thực hiện');
    await expect(task).toContainText('Quá hạn');
    await expect(task).toContainText('Hạn 30/06/2024');
    await expect(page.getByText('Toàn kế hoạch: 0/1 nhiệm vụ hoàn thành, 1 quá hạn')).toBeVisible();

    // What if the rest of criterion 3 were fixed: 58,25 + 3,5 = 61,75 of 100, still "Trung bình".
    await page.getByRole('checkbox', { name: /^3\.5\. / }).check();
    await expect(page.getByTestId('what-if-result')).toContainText(
      'Dự kiến: chỉ số 61,75 (+3,50), xếp loại Trung bình',
    );

    // The text of the plan as the official document will print it.
    await page.getByRole('button', { name: 'Sửa nội dung văn bản' }).click();
    const doc = page.getByRole('dialog', { name: 'Sửa nội dung văn bản' });
    await doc.getByRole('textbox', { name: 'Số văn bản' }).fill('15/KH-UBND');
    await doc.getByRole('textbox', { name: 'Ngày ban hành' }).fill('10/04/2024');
    // The legal bases are a list: one box per basis, added, removed and moved one by one.
    await expect(doc.getByText('Chưa có căn cứ nào.')).toBeVisible();
    const addBasis = doc.getByRole('button', { name: 'Thêm căn cứ' });
    await addBasis.click();
    await doc
      .getByRole('textbox', { name: 'Căn cứ 1', exact: true })
      .fill('Căn cứ Kế hoạch CCHC năm 2024 của UBND xã;');
    await addBasis.click();
    await doc
      .getByRole('textbox', { name: 'Căn cứ 2', exact: true })
      .fill('Căn cứ kết quả Chỉ số CCHC năm 2022 của UBND xã Quy Kỳ;');
    await addBasis.click();
    await doc.getByRole('textbox', { name: 'Căn cứ 3', exact: true }).fill('Căn cứ nhầm;');
    await doc.getByRole('button', { name: 'Xóa căn cứ 3' }).click();
    await expect(doc.getByRole('textbox', { name: 'Căn cứ 3', exact: true })).toHaveCount(0);
    await doc.getByRole('button', { name: 'Đưa căn cứ 2 lên' }).click();
    await expect(doc.getByRole('textbox', { name: 'Căn cứ 1', exact: true })).toHaveValue(
      'Căn cứ kết quả Chỉ số CCHC năm 2022 của UBND xã Quy Kỳ;',
    );
    await doc.getByRole('button', { name: 'Lưu' }).click();
    await expect(doc).toBeHidden();
    await expect(page.getByText('15/KH-UBND')).toBeVisible();
    await expect(page.getByText('10/04/2024')).toBeVisible();
    // Saved in the new order, without the removed one.
    await expect(
      page.getByText(
        /Căn cứ kết quả Chỉ số CCHC năm 2022 của UBND xã Quy Kỳ;\s*Căn cứ Kế hoạch CCHC năm 2024 của UBND xã;/,
      ),
    ).toBeVisible();
    await expect(page.getByText(/Căn cứ nhầm/)).toHaveCount(0);
  });

  test('the officer completes their task with evidence', async ({ page }) => {
    await signIn(page, 'canbo.kimphuong');
    await openRemediation(page);
    await page.getByRole('link', { name: 'Xã Kim Phượng · 2024' }).click();
    const task = page.getByRole('listitem', { name: TASK });
    await expect(task).toContainText('Việc của tôi');
    // The officer cannot add tasks: that is the unit head's.
    await expect(page.getByRole('button', { name: 'Thêm nhiệm vụ' })).toHaveCount(0);
    await task.getByRole('button', { name: 'Cập nhật tiến độ' }).click();
    const dialog = page.getByRole('dialog');
    await pick(page, 'Tình trạng', 'Đã hoàn thành');
    await dialog
      .getByRole('textbox', { name: 'Ghi chú tiến độ' })
      .fill('Đã niêm yết tại bộ phận một cửa');
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Tải tệp lên' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'ho-so-mau-niem-yet.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    await expect(
      dialog.getByRole('button', { name: 'ho-so-mau-niem-yet.pdf', exact: true }),
    ).toBeVisible();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();
    await expect(task).toContainText('Đã hoàn thành');
    await expect(task).not.toContainText('Quá hạn');
    await expect(
      task.getByRole('button', { name: 'ho-so-mau-niem-yet.pdf', exact: true }),
    ).toBeVisible();
    await expect(page.getByText('Toàn kế hoạch: 1/1 nhiệm vụ hoàn thành, 0 quá hạn')).toBeVisible();
  });
});

test("the People's Council records a supervision with seed 002's findings and their points", async ({
  page,
}) => {
  await signIn(page, 'hdnd.phuongtien');
  await openRemediation(page);
  await page.getByRole('button', { name: 'Ghi nhận cuộc giám sát' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ghi nhận cuộc giám sát' });
  // The member's own unit is chosen already.
  await expect(dialog.getByRole('combobox', { name: 'Đơn vị' })).toHaveValue('Xã Phượng Tiến');
  await dialog.getByRole('textbox', { name: 'Số kế hoạch giám sát' }).fill('05/KH-HĐND');
  await dialog.getByRole('textbox', { name: 'Ngày kế hoạch giám sát' }).fill('01/08/2023');
  await dialog.getByRole('textbox', { name: 'Từ ngày' }).fill('01/01/2023');
  await dialog.getByRole('textbox', { name: 'Đến ngày' }).fill('31/08/2023');
  await dialog.getByRole('textbox', { name: /Tên thời kỳ giám sát/ }).fill('08 tháng đầu năm 2023');
  await pick(page, 'Kết quả làm căn cứ', /năm 2022.*Xã Phượng Tiến/);
  await dialog.getByRole('textbox', { name: 'Họ và tên' }).fill('Trần Tiến Lâm');
  await dialog.getByRole('textbox', { name: 'Chức vụ' }).fill('Chủ tịch HĐND xã');
  await dialog.getByRole('textbox', { name: 'Vai trò trong đoàn' }).fill('Trưởng đoàn');
  await dialog.getByRole('button', { name: 'Ghi nhận' }).click();

  await expect(
    page.getByRole('heading', { name: 'Giám sát Xã Phượng Tiến', level: 2 }),
  ).toBeVisible();
  await expect(
    page.getByText('Kế hoạch số 05/KH-HĐND ngày 01/08/2023 · 08 tháng đầu năm 2023'),
  ).toBeVisible();

  const record = async (code: string, keepSelf: boolean) => {
    await page.getByRole('button', { name: `Ghi thành kết luận (${code})` }).click();
    const form = page.getByRole('dialog', { name: 'Thêm kết luận' });
    await pick(page, 'Nhóm kết luận', 'Cần kiểm tra, trao đổi với cơ quan chuyên môn cấp trên');
    if (!keepSelf) await form.getByRole('textbox', { name: 'Tự chấm' }).fill('');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect(form).toBeHidden();
  };
  await record('2.2', false);
  await record('2.3', true);
  await record('7.2', true);

  const group = page.getByRole('group', {
    name: 'Cần kiểm tra, trao đổi với cơ quan chuyên môn cấp trên',
  });
  await expect(group.getByRole('listitem')).toHaveText([
    /^Mục 2\.2: .*Điểm tối đa 1,5 điểm, thẩm định 1 điểm \(thiếu 0,5 điểm\)\. Lí do mất điểm: Có kế hoạch rà soát văn bản QPPL/,
    /^Mục 2\.3: .*Điểm tối đa 2 điểm, tự chấm 2 điểm, thẩm định 1,5 điểm \(thiếu 0,5 điểm\)\. Lí do mất điểm: Không có văn bản QPPL/,
    /^Mục 7\.2: .*Điểm tối đa 1,5 điểm, tự chấm 0,5 điểm, thẩm định 0,5 điểm \(thiếu 1 điểm\)\. Lí do mất điểm: Do không có nhiệm vụ chuyển đổi số được phê duyệt\./,
  ]);
  // A People's Council member does not write into the unit's plan.
  await expect(page.getByRole('button', { name: 'Đưa vào kế hoạch' })).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('an officer reads the plan and opens a task to update without scrolling sideways', async ({
    page,
  }) => {
    await signIn(page, 'canbo.kimphuong');
    await page.goto('/remediation');
    await page.getByRole('link', { name: 'Xã Kim Phượng · 2023' }).click();
    await expect(
      page.getByRole('heading', { name: 'Xã Kim Phượng · 2023', level: 2 }),
    ).toBeVisible();
    const task = page.getByRole('listitem', { name: /Rà soát danh mục TTHC/ });
    await expect(task).toContainText('Đang thực hiện');
    await expect(task).toContainText(
      'Tỷ lệ thanh toán trực tuyến: đạt chưa có số liệu / chỉ tiêu 30 %',
    );
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await task.getByRole('button', { name: 'Cập nhật tiến độ' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Lưu' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Tải tệp lên' })).toBeVisible();
  });
});

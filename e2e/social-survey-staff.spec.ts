/**
 * The standing agency runs a sociological survey from its screens (ADR 35): creates it on a
 * campaign with survey points, starts from the sample questionnaire, downloads its Excel file and
 * imports it back, adds respondents from an Excel list (a list with an unknown group is refused
 * first, by row and column), opens the survey, creates the single-use links (shown once: a second
 * click makes none), answers one link on a phone, enters one paper questionnaire, and reads the
 * progress and the unit's survey points, computed here from the answers by the method of ADR 35.
 * axe finds no critical or serious violation at 1366 px and 390 px; a commune officer opening
 * the page is told, in Vietnamese, that they may not.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type FileChooser, type Page } from '@playwright/test';
import { apiAs, createCommuneCampaign } from './support/api.ts';
import { seriousViolations } from './support/axe.ts';
import { ADMIN, signIn } from './support/session.ts';

test.use({ bypassCSP: true });

/** An exact fraction (small numbers: plain integers suffice). */
type Frac = [number, number];
const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
const norm = ([n, d]: Frac): Frac => [n / gcd(n, d), d / gcd(n, d)];
const add = (a: Frac, b: Frac): Frac => norm([a[0] * b[1] + b[0] * a[1], a[1] * b[1]]);

/**
 * Survey points of one unit by ADR 35, method "favourable": per question and group favourable /
 * valid answers; per question the groups' shares weighted by their weights; per node the plain
 * mean of its questions; points = max × share, half up to hundredths.
 */
function expectedPoints(
  maxHundredths: number,
  weights: Record<string, number>,
  favourable: string[],
  answers: { group: string; answers: Record<string, string> }[],
): number {
  const questions = [...new Set(answers.flatMap((a) => Object.keys(a.answers)))];
  let sum: Frac = [0, 1];
  for (const q of questions) {
    let weighted: Frac = [0, 1];
    let weightSum = 0;
    for (const [group, weight] of Object.entries(weights)) {
      const given = answers.filter((a) => a.group === group && a.answers[q] !== undefined);
      if (given.length === 0) continue;
      const fav = given.filter((a) => favourable.includes(a.answers[q]!)).length;
      weighted = add(weighted, norm([weight * fav, given.length]));
      weightSum += weight;
    }
    sum = add(sum, norm([weighted[0], weighted[1] * weightSum]));
  }
  const share = norm([sum[0], sum[1] * questions.length]);
  // round(max × share) half up, in hundredths.
  return Math.floor((2 * share[0] * maxHundredths + share[1]) / (2 * share[1]));
}

async function respondentsXlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Nguoi tra loi');
  sheet.addRow(['ma_nguoi_tra_loi', 'nhom', 'ho_ten', 'don_vi', 'email']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function chooseFile(
  page: Page,
  label: string | RegExp,
  file: Parameters<FileChooser['setFiles']>[0],
) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: label }).click();
  await (await chooser).setFiles(file);
}

test('the standing agency runs a sociological survey from its screens', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const agency = await apiAs(request, 'noivu.thainguyen');
  const name = `Điều tra xã hội học trên màn hình ${Date.now()}`;
  const id = await createCommuneCampaign(agency, name, ['05551', '05566']);
  const survey = (await agency.get(`/api/v1/campaigns/${id}`)) as {
    criteriaSets: { surveyMaxHundredths: number | null }[];
    participants: { unitCode: string; unitName: string }[];
  };
  const max = survey.criteriaSets[0]!.surveyMaxHundredths!;
  expect(max).toBeGreaterThan(0);
  const unitName = (code: string) => survey.participants.find((p) => p.unitCode === code)!.unitName;
  const kimPhuong = unitName('05551');
  const phuongTien = unitName('05566');

  // From the campaign's page to the survey's.
  await signIn(page, 'noivu.thainguyen');
  await page.goto(`/campaigns/${id}`);
  await page.getByRole('link', { name: 'Điều tra xã hội học' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Điều tra xã hội học' })).toBeVisible();
  await page.getByRole('button', { name: 'Lập cuộc điều tra' }).click();
  const status = page.getByRole('region', { name: 'Trạng thái' });
  await expect(status.getByText('Bản nháp', { exact: true })).toBeVisible();

  // The sample questionnaire, worth the set's survey points, then its Excel file imported back.
  await page.getByRole('button', { name: /^Tạo bảng hỏi mẫu cho / }).click();
  await expect(page.getByText('Phiên bản 1', { exact: true })).toBeVisible();
  const nodes = page.getByRole('table', { name: 'Nút điều tra' });
  await expect(nodes.getByRole('row').nth(1)).toContainText(
    (max / 100).toFixed(2).replace('.', ','),
  );
  const groups = page.getByRole('table', { name: 'Nhóm đối tượng' });
  await expect(groups.getByRole('row', { name: /Lãnh đạo, cán bộ, công chức 2$/ })).toBeVisible();
  await expect(groups.getByRole('row', { name: /Người dân, doanh nghiệp 1$/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Quy tắc đánh giá' })).toContainText('đánh giá mọi');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Tải bảng hỏi .* \(Excel\)$/ }).click();
  const excel = await downloading;
  expect(excel.suggestedFilename()).toMatch(/^bang-hoi-.*-v1\.xlsx$/);
  await chooseFile(page, /^Tệp Excel bảng hỏi .* đã sửa/, await excel.path());
  await page.getByRole('button', { name: 'Nhập bảng hỏi' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Đã lưu bảng hỏi, phiên bản 2.' }),
  ).toBeVisible();
  await expect(page.getByText('Phiên bản 2', { exact: true })).toBeVisible();

  const binhMail = `binh.${Date.now()}@example.vn`;

  // Respondents: a list naming an unknown group is refused by row and column, then the right one.
  await page.getByRole('tab', { name: 'Người trả lời' }).click();
  await chooseFile(page, /^Tệp danh sách/, {
    name: 'sai.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'ma_nguoi_tra_loi,nhom,ho_ten,don_vi\nLD-PT,LD,Trần Thị Bình,05566\nX-1,XX,Ngô Văn Dũng,05566\n',
    ),
  });
  await page.getByRole('button', { name: 'Thêm từ tệp' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Chưa thêm được danh sách' });
  await expect(
    refused.getByRole('row', { name: '— 3 nhom Không có nhóm đối tượng «XX» trong bảng hỏi.' }),
  ).toBeVisible();
  await chooseFile(page, /^Tệp danh sách/, {
    name: 'nguoi-tra-loi.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await respondentsXlsx([
      ['LD-PT', 'LD', 'Trần Thị Bình', '05566', binhMail],
      ['LD-KP', 'LD', 'Lê Văn Cường', '05551', ''],
    ]),
  });
  await page.getByRole('button', { name: 'Thêm từ tệp' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Đã thêm 2 người trả lời; 0 mã đã có được giữ nguyên.' }),
  ).toBeVisible();
  await expect(page.getByText('Lãnh đạo, cán bộ, công chức: 2 người')).toBeVisible();

  // Open (confirmed).
  await status.getByRole('button', { name: 'Mở cuộc điều tra' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Mở cuộc điều tra' }).click();
  await expect(status.getByText('Đang mở', { exact: true })).toBeVisible();

  // The links, shown once, and e-mailed to the respondent who has an address.
  await page.getByRole('tab', { name: 'Đường dẫn, mã QR' }).click();
  await page
    .getByRole('checkbox', { name: 'Gửi đường dẫn qua thư điện tử cho người trả lời có địa chỉ' })
    .check();
  await page.getByRole('button', { name: 'Tạo đường dẫn' }).click();
  await expect(page.getByRole('heading', { name: 'Đã tạo 2 đường dẫn' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({
      hasText: 'Đã gửi thư cho 1 người; 1 người không có địa chỉ thư điện tử.',
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Các đường dẫn chỉ hiện một lần' }),
  ).toBeVisible();
  const links = page.getByRole('table', { name: 'Đường dẫn vừa tạo' });
  const binhRow = links.getByRole('row', { name: /Trần Thị Bình \(LD-PT\)/ });
  await expect(binhRow).toContainText(kimPhuong);
  await expect(links.getByRole('row', { name: /Lê Văn Cường \(LD-KP\)/ })).toContainText(
    phuongTien,
  );
  const url = (await binhRow.getByText(/\/dieu-tra\//).textContent())!.trim();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dieu-tra\/[A-Za-z0-9_-]{32}$/);
  // Without SMTP the mail is kept in the outbox, carrying the same link.
  const admin = await apiAs(request, ADMIN.username, ADMIN.password);
  const outbox = (await admin.get(`/api/v1/outbox?recipient=${encodeURIComponent(binhMail)}`)) as {
    items: { id: number; to: string }[];
  };
  expect(outbox.items.map((m) => m.to)).toEqual([binhMail]);
  const mail = (await admin.get(`/api/v1/outbox/${outbox.items[0]!.id}`)) as { text: string };
  expect(mail.text).toContain(`/dieu-tra/${url.split('/dieu-tra/')[1]}`);
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải danh sách đường dẫn (CSV)' }).click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csv).toContain(`LD-PT,Trần Thị Bình,05551,${kimPhuong},${url}`);
  await page.getByRole('button', { name: 'Xem phiếu QR để in' }).click();
  const slips = page.getByRole('list', { name: 'Phiếu QR để in' });
  await expect(slips.getByRole('listitem')).toHaveCount(2);
  await expect(slips.getByRole('img', { name: `Mã QR mở phiếu đánh giá: ${url}` })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The leader of Phượng Tiến answers on a phone: Q1 very good, Q2 good, Q3 poor.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const answerPage = await phone.newPage();
  await answerPage.goto(url);
  await expect(answerPage.getByRole('heading', { level: 1 })).toContainText(kimPhuong);
  const linkAnswers = { Q1: '5', Q2: '4', Q3: '2' };
  const labels: Record<string, string> = {
    '5': 'Rất tốt',
    '4': 'Tốt',
    '3': 'Trung bình',
    '2': 'Kém',
  };
  for (const [i, [, level]] of Object.entries(linkAnswers).entries())
    await answerPage
      .getByRole('group', { name: new RegExp(`^${i + 1}\\. `) })
      .getByRole('radio', { name: labels[level]!, exact: true })
      .check();
  await answerPage.getByRole('button', { name: 'Gửi phiếu' }).click();
  await expect(answerPage.getByRole('status')).toContainText('đã được ghi nhận');
  await phone.close();

  // A second click makes no new link: those made cannot be shown again.
  await page.getByRole('button', { name: 'Tạo đường dẫn' }).click();
  await expect(
    page.getByText('Không có đường dẫn mới: mọi người trả lời đã có đường dẫn theo quy tắc.'),
  ).toBeVisible();

  // One paper questionnaire of a citizen about Kim Phượng: Q1 average, Q2 very good.
  const paperAnswers = { Q1: '3', Q2: '5' };
  await page.getByRole('tab', { name: 'Nhập phiếu' }).click();
  const paper = page.getByRole('region', { name: 'Nhập một phiếu giấy' });
  await page.getByRole('combobox', { name: 'Đơn vị được đánh giá' }).click();
  await page.getByRole('option', { name: new RegExp(`^${kimPhuong}`) }).click();
  await page.getByRole('combobox', { name: 'Nhóm đối tượng' }).click();
  await page.getByRole('option', { name: 'Người dân, doanh nghiệp' }).click();
  for (const [i, [, level]] of Object.entries(paperAnswers).entries())
    await paper
      .getByRole('radiogroup', { name: new RegExp(`^${i + 1}\\. `) })
      .getByRole('radio', { name: labels[level]!, exact: true })
      .check();
  await expect(paper.getByRole('radiogroup')).toHaveCount(2);
  await page.getByRole('button', { name: 'Lưu phiếu' }).click();
  await expect(page.getByText(`Đã lưu phiếu đánh giá ${kimPhuong}.`)).toBeVisible();

  // Progress: Kim Phượng has its leader's answer, one citizen of five; Phượng Tiến has none.
  await page.getByRole('tab', { name: 'Tiến độ' }).click();
  const progress = page.getByRole('table', { name: 'Tiến độ theo đơn vị và nhóm đối tượng' });
  await expect(
    progress.getByRole('row', {
      name: `${kimPhuong} Lãnh đạo, cán bộ, công chức 1 1 100,00 % 1 / 1 Đủ`,
    }),
  ).toBeVisible();
  await expect(
    progress.getByRole('row', {
      name: `${kimPhuong} Người dân, doanh nghiệp 5 1 20,00 % 0 / 0 Còn thiếu 4 phiếu`,
    }),
  ).toBeVisible();
  await expect(page.getByText('0/2 đơn vị đã đủ cỡ mẫu.')).toBeVisible();

  // Results: the points computed here from the answers given, provisional while open.
  const expected = expectedPoints(
    max,
    { LD: 2, ND: 1 },
    ['4', '5'],
    [
      { group: 'LD', answers: linkAnswers },
      { group: 'ND', answers: paperAnswers },
    ],
  );
  const shown = `${Math.floor(expected / 100)},${String(expected % 100).padStart(2, '0')}`;
  await page.getByRole('tab', { name: 'Kết quả' }).click();
  await expect(page.getByText('Điểm tạm tính', { exact: true })).toBeVisible();
  const results = page.getByRole('table', { name: 'Điểm điều tra theo đơn vị' });
  await expect(
    results.getByRole('row', { name: new RegExp(`^${kimPhuong} 05551 ${shown} `) }),
  ).toContainText('Tạm tính');
  await expect(results.getByRole('row', { name: new RegExp(`^${phuongTien} `) })).toContainText(
    'Chưa đủ câu trả lời',
  );
  await page.getByRole('button', { name: new RegExp(`^${kimPhuong}: ${shown} / `) }).click();
  await expect(page.getByText(/^Công thức: .* = /).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // On a phone: tables become cards, nothing wider than the screen, still no violation.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('list', { name: 'Điểm điều tra theo đơn vị' })).toBeVisible();
  // The layout settles after the resize: the breadcrumbs shorten once they have measured it.
  await expect
    .poll(() =>
      page.evaluate('document.documentElement.scrollWidth - window.innerWidth').then(Number),
    )
    .toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);

  // A commune officer may not read the survey: told so in Vietnamese, no link on the campaign.
  const other = await browser.newContext();
  const officer = await other.newPage();
  await signIn(officer, 'canbo.kimphuong');
  await officer.goto(`/campaigns/${id}/social-survey`);
  await expect(officer.getByRole('alert')).toContainText(
    'Bạn không có quyền thực hiện thao tác này.',
  );
  await officer.goto(`/campaigns/${id}`);
  await expect(officer.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(officer.getByRole('link', { name: 'Điều tra xã hội học' })).toHaveCount(0);
  await other.close();
});

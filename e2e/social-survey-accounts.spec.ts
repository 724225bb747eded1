/**
 * The standing agency draws a sociological survey's respondents from the product's accounts and
 * reminds those who have not answered (ADR 45), from its screens: a district of two communes made
 * here with three accounts (two heads with an address, an officer without), so every count follows
 * from what this file creates. "Thêm từ tài khoản" adds them; the saved respondents' list shows
 * them; links are e-mailed (kept in the outbox without SMTP); one head answers; "Nhắc người chưa
 * trả lời" replaces the other head's link, whose old address then no longer opens the form while
 * the new one does; the list tells who answered and removes, after confirming, one who has not. On
 * a phone the list is cards.
 */
import { expect, test } from '@playwright/test';
import { apiAs, createCommuneCampaign } from './support/api.ts';
import { seriousViolations } from './support/axe.ts';
import { ADMIN, signIn } from './support/session.ts';

test.use({ bypassCSP: true });

test('respondents from accounts, their links e-mailed, a reminder, the saved list', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  // One API session at a time (they share the request context's cookie).
  const admin = await apiAs(request, ADMIN.username, ADMIN.password);
  const tag = String(Date.now()).slice(-6);
  const province = (
    (await admin.get('/api/v1/units?q=19&limit=50')) as { items: { id: number; code: string }[] }
  ).items.find((u) => u.code === '19')!.id;
  const unit = async (code: string, name: string, kind: string, parentId: number) =>
    ((await admin.post('/api/v1/units', { code, name, kind, parentId })) as { id: number }).id;
  const district = await unit(`E${tag}`, `Huyện Nhắc ${tag}`, 'district', province);
  const motName = `Xã Nhắc Một ${tag}`;
  const haiName = `Xã Nhắc Hai ${tag}`;
  const mot = await unit(`E${tag}1`, motName, 'commune', district);
  const hai = await unit(`E${tag}2`, haiName, 'commune', district);
  const account = (
    username: string,
    fullName: string,
    email: string | null,
    role: string,
    at: number,
  ) => admin.post('/api/v1/users', { username, fullName, email, grants: [{ role, unitId: at }] });
  const headMot = { name: `Chủ tịch Nhắc Một ${tag}`, email: `ct1.${tag}@example.vn` };
  const headHai = { name: `Chủ tịch Nhắc Hai ${tag}`, email: `ct2.${tag}@example.vn` };
  const officer = `Công chức Nhắc Một ${tag}`;
  await account(`ct1.${tag}`, headMot.name, headMot.email, 'unit_head', mot);
  await account(`ct2.${tag}`, headHai.name, headHai.email, 'unit_head', hai);
  await account(`cb1.${tag}`, officer, null, 'unit_officer', mot);

  let agency = await apiAs(request, 'noivu.thainguyen');
  const id = await createCommuneCampaign(agency, `Điều tra nhắc trả lời ${tag}`, [
    `E${tag}1`,
    `E${tag}2`,
  ]);
  const base = `/api/v1/campaigns/${id}/social-survey`;
  const max = (
    (await agency.get(`/api/v1/campaigns/${id}`)) as {
      criteriaSets: { surveyMaxHundredths: number }[];
    }
  ).criteriaSets[0]!.surveyMaxHundredths;
  await agency.post(base, {});
  // Commune leaders rate the other communes of their district.
  await agency.put(`${base}/questionnaires/commune`, {
    version: null,
    design: {
      method: 'favourable',
      scale: {
        levels: [
          { code: '1', label: 'Kém', valueHundredths: 0 },
          { code: '2', label: 'Tốt', valueHundredths: 10000 },
        ],
        excluded: [],
        favourable: ['2'],
      },
      nodes: [{ code: 'N1', title: 'Đánh giá của xã', maxHundredths: max, source: 'questions' }],
      groups: [{ code: 'LDX', name: 'Lãnh đạo xã', weight: 1 }],
      questions: [{ code: 'Q1', text: 'Mức độ hài lòng', nodes: ['N1'], groups: ['LDX'] }],
      rules: [{ group: 'LDX', raterKind: 'commune', scope: 'same_parent', sampleSize: 1 }],
    },
  });

  await signIn(page, 'noivu.thainguyen');
  await page.goto(`/campaigns/${id}/social-survey`);
  await page.getByRole('tab', { name: 'Người trả lời' }).click();

  // "Thêm từ tài khoản": the heads and officers of the communes taking part.
  const fromAccounts = page.getByRole('region', { name: 'Thêm từ tài khoản' });
  await fromAccounts.getByRole('combobox', { name: 'Nhóm đối tượng' }).click();
  await page.getByRole('option', { name: 'Lãnh đạo xã (LDX)' }).click();
  // The roles' list opens from the keyboard (its pills' box takes the pointer).
  const roles = fromAccounts.getByRole('combobox', { name: 'Vai trò' });
  await roles.focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: 'Thủ trưởng đơn vị' }).click();
  await page.getByRole('option', { name: 'Công chức phụ trách CCHC' }).click();
  await page.keyboard.press('Escape');
  await expect(fromAccounts.getByText('Thủ trưởng đơn vị', { exact: true })).toBeVisible();
  await fromAccounts.getByRole('button', { name: 'Thêm từ tài khoản' }).click();
  await expect(fromAccounts.getByRole('status')).toHaveText('Đã thêm 3 người, giữ nguyên 0 người.');

  const saved = page.getByRole('region', { name: 'Người trả lời đã lưu' });
  await expect(saved.getByText('Có 3 người trả lời.')).toBeVisible();
  const list = saved.getByRole('table', { name: 'Người trả lời đã lưu' });
  await expect(
    list.getByRole('row', {
      name: new RegExp(
        `^LDX-ct1\\.${tag} ${headMot.name} Lãnh đạo xã ${motName} ${headMot.email} Chưa có Chưa`,
      ),
    }),
  ).toBeVisible();
  await expect(
    list.getByRole('row', { name: new RegExp(`${officer} Lãnh đạo xã ${motName} — Chưa có Chưa`) }),
  ).toBeVisible();

  // Open the survey and e-mail the links: each leader rates the other commune.
  const status = page.getByRole('region', { name: 'Trạng thái' });
  await status.getByRole('button', { name: 'Mở cuộc điều tra' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Mở cuộc điều tra' }).click();
  await expect(status.getByText('Đang mở', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Đường dẫn, mã QR' }).click();
  await page
    .getByRole('checkbox', { name: 'Gửi đường dẫn qua thư điện tử cho người trả lời có địa chỉ' })
    .check();
  await page.getByRole('button', { name: 'Tạo đường dẫn' }).click();
  await expect(page.getByRole('heading', { name: 'Đã tạo 3 đường dẫn' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({
      hasText: 'Đã gửi thư cho 2 người; 1 người không có địa chỉ thư điện tử.',
    }),
  ).toBeVisible();

  /** The link in the newest mail kept for an address. */
  const linkMailedTo = async (to: string) => {
    const admin = await apiAs(request, ADMIN.username, ADMIN.password);
    const box = (await admin.get(`/api/v1/outbox?recipient=${encodeURIComponent(to)}`)) as {
      items: { id: number }[];
    };
    const mail = (await admin.get(`/api/v1/outbox/${box.items[0]!.id}`)) as { text: string };
    return /\/dieu-tra\/[A-Za-z0-9_-]+/.exec(mail.text)![0];
  };
  const linkMot = await linkMailedTo(headMot.email);
  const oldLinkHai = await linkMailedTo(headHai.email);

  // The head of Nhắc Một answers about Nhắc Hai.
  // On the respondent's own device (a browser without the agency's session).
  const device = await browser.newContext();
  const form = await device.newPage();
  await form.goto(linkMot);
  await expect(form.getByRole('heading', { level: 1 })).toContainText(haiName);
  await form.getByRole('radio', { name: 'Tốt', exact: true }).check();
  await form.getByRole('button', { name: 'Gửi phiếu' }).click();
  await expect(form.getByRole('status')).toContainText('đã được ghi nhận');

  // "Nhắc người chưa trả lời", confirmed: the other head's link is replaced and mailed again.
  await page.getByRole('button', { name: 'Nhắc người chưa trả lời' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Nhắc người chưa trả lời' }).click();
  await expect(
    page.getByRole('status').filter({
      hasText:
        'Đã thay 1 đường dẫn chưa dùng; đã gửi thư cho 1 người; 1 người không có địa chỉ thư điện tử (đường dẫn được giữ nguyên).',
    }),
  ).toBeVisible();
  const newLinkHai = await linkMailedTo(headHai.email);
  expect(newLinkHai).not.toBe(oldLinkHai);
  await form.goto(oldLinkHai);
  await expect(form.getByRole('heading', { level: 1 })).toHaveText(
    'Đường dẫn khảo sát không đúng.',
  );
  await form.goto(newLinkHai);
  await expect(form.getByRole('heading', { level: 1 })).toContainText(motName);
  await device.close();

  // The saved list tells who answered; one who has not is removed after confirming.
  await page.getByRole('tab', { name: 'Người trả lời' }).click();
  await expect(
    list.getByRole('row', {
      name: new RegExp(`^LDX-ct1\\.${tag} .* 1 đã tạo, 1 đã dùng Có \\(1 phiếu\\) —$`),
    }),
  ).toBeVisible();
  const officerRow = list.getByRole('row', { name: new RegExp(officer) });
  await expect(officerRow).toContainText('1 đã tạo, 0 đã dùng');
  await expect(officerRow).toContainText('Chưa');
  expect(await seriousViolations(page)).toEqual([]);
  await officerRow.getByRole('button', { name: `Bỏ khỏi cuộc điều tra: ${officer}` }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(
    `Bỏ ${officer} khỏi cuộc điều tra? 1 đường dẫn đã tạo cho người này sẽ hết hiệu lực.`,
  );
  await confirm.getByRole('button', { name: 'Bỏ khỏi cuộc điều tra' }).click();
  await expect(
    saved
      .getByRole('status')
      .filter({ hasText: 'Đã bỏ người trả lời; 1 đường dẫn của họ đã hết hiệu lực.' }),
  ).toBeVisible();
  await expect(saved.getByText('Có 2 người trả lời.')).toBeVisible();
  await expect(list.getByRole('row', { name: new RegExp(officer) })).toHaveCount(0);
  // The progress counts the links that remain.
  agency = await apiAs(request, 'noivu.thainguyen');
  const progress = (await agency.get(`${base}/progress`)) as { units: { invited: number }[] };
  expect(progress.units.reduce((s, u) => s + u.invited, 0)).toBe(2);

  // On a phone the list is cards, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const cards = saved.getByRole('list', { name: 'Người trả lời đã lưu' });
  await expect(cards.getByRole('listitem')).toHaveCount(2);
  await expect(cards.getByRole('listitem').filter({ hasText: headHai.name })).toContainText(
    'Đã trả lời: Chưa',
  );
  expect(
    Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')),
  ).toBeLessThanOrEqual(0);
});

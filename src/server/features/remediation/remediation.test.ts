/**
 * Remediation plans and People's Council supervisions through the HTTP API: the demo plan and
 * supervision (seeds 000, 001, 002), a plan made from results through lineage, tasks and their
 * follow-up with evidence, what-if, findings that become tasks, Excel exports, bad input and who
 * may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/access.ts';
import { createUser } from '../users/service.ts';
import { runNotificationScan } from '../notifications/service.ts';
import * as dossierRepo from '../dossiers/repository.ts';
import { deriveDossier } from '../dossiers/import.ts';
import { DEFAULT_DOSSIER_CONFIG } from '../../../domain/dossiers/config.ts';
import type { Dossier } from '../../../domain/dossiers/dossier.ts';
import { multipart, samplePdf } from '../../test-support/test-files.ts';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let admin: Client;
let head: Client;
let officer: Client;
let councilPt: Client;
let councilKp: Client;
let otherOfficer: Client;
let kimPhuong = 0;
let phuongTien = 0;
let campaign2022 = 0;
let officerId = 0;
let headId = 0;

const ADMIN: Actor = {
  userId: 0,
  username: 'test',
  fullName: 'Test',
  grants: [{ role: 'system_admin', unitId: null, unitPath: null }],
};

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  head = await h.login('chutich.kimphuong');
  officer = await h.login('canbo.kimphuong');
  councilPt = await h.login('hdnd.phuongtien');
  otherOfficer = await h.login('canbo.dailanh');
  kimPhuong = await unitIdByCode(admin, '05551');
  phuongTien = await unitIdByCode(admin, '05563');
  await createUser(h.deps, ADMIN, {
    username: 'hdnd.kimphuong',
    fullName: 'Đại biểu HĐND xã Kim Phượng',
    password: 'hdnd-kim-phuong-1',
    grants: [{ role: 'council_member', unitId: kimPhuong }],
  });
  councilKp = await h.login('hdnd.kimphuong', 'hdnd-kim-phuong-1');
  const campaigns = await admin.get<{ items: { id: number; year: number; name: string }[] }>(
    '/api/v1/campaigns',
  );
  // Thái Nguyên's 2022 campaign (the demo also has Bảo Yên's of the same year).
  campaign2022 = campaigns.body.items.find((c) => c.year === 2022 && /Định Hóa/.test(c.name))!.id;
  const me = async (c: Client) => (await c.get<{ user: { id: number } }>('/api/v1/auth/me')).body;
  officerId = (await me(officer)).user.id;
  headId = (await me(head)).user.id;
});
afterAll(async () => h?.close());

interface PlanView {
  id: number;
  version: number;
  unit: { id: number; name: string };
  baseline: { indexHundredths: number; classLabel: string; sourceUnitName: string } | null;
  items: { id: number; code: string; lostHundredths: number; reason: string | null }[];
  tasks: {
    id: number;
    version: number;
    status: string;
    overdue: boolean;
    evidence: number[];
    responsibleUserId: number | null;
    itemId: number | null;
    findingId: number | null;
    target: {
      targetPercent: number;
      currentPercent: number | null;
      metric: string | null;
      progressTenths: number | null;
      met: boolean | null;
      measuredFrom: string | null;
    } | null;
  }[];
  progress: {
    overall: { total: number; done: number };
    byOfficial: { key: string; total: number; done: number }[];
    byCriterion: { key: string; total: number; done: number }[];
  };
}

describe('the demo', () => {
  it("holds xã Kim Phượng's 2023 plan from xã Quy Kỳ's 2022 results, most points lost first", async () => {
    const list = await head.get<{ items: { id: number; year: number; unitName: string }[] }>(
      '/api/v1/remediation-plans',
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const plan = await head.get<PlanView>(`/api/v1/remediation-plans/${list.body.items[0]!.id}`);
    expect(plan.body.unit.name).toBe('Xã Kim Phượng');
    expect(plan.body.baseline).toMatchObject({
      indexHundredths: 5825,
      classLabel: 'Trung bình',
      sourceUnitName: 'Xã Quy Kỳ',
    });
    // Seed 000: 6/10, 6/7, 5/20, 13,5/20, 9/10, 3/5, 6,25/12, 9,5/16.
    expect(plan.body.items.map((i) => [i.code, i.lostHundredths])).toEqual([
      ['3', 1500],
      ['4', 650],
      ['8', 650],
      ['7', 575],
      ['1', 400],
      ['6', 200],
      ['2', 100],
      ['5', 100],
    ]);
    expect(plan.body.items[0]!.reason).toContain('Diện tích phòng làm việc một cửa');
    expect(
      plan.body.tasks.find((t) => t.target?.metric === 'sipas_satisfaction')?.target,
    ).toMatchObject({ targetPercent: 8500 });
  });

  it("holds seed 002's supervision of xã Phượng Tiến with its findings in the notice's wording", async () => {
    const list = await councilPt.get<{
      items: { id: number; planNumber: string; findings: number }[];
    }>('/api/v1/supervisions');
    expect(list.body.items).toEqual([
      expect.objectContaining({ planNumber: '04/KH-HĐND', findings: 23 }),
    ]);
    const s = await councilPt.get<{
      members: { name: string; role: string }[];
      findings: { code: string; group: string; pointsText: string | null; text: string }[];
      results: { lost: { code: string; reason: string | null }[] } | null;
    }>(`/api/v1/supervisions/${list.body.items[0]!.id}`);
    expect(s.status).toBe(200);
    expect(s.body.members.map((m) => m.role)).toEqual([
      'Trưởng đoàn',
      'Phó đoàn',
      'Thành viên',
      'Thành viên',
    ]);
    const byCode = new Map(s.body.findings.map((f) => [f.code, f]));
    expect(byCode.get('2.2')?.pointsText).toBe(
      'Điểm tối đa 1,5 điểm, thẩm định 1 điểm (thiếu 0,5 điểm)',
    );
    expect(byCode.get('2.3')?.pointsText).toBe(
      'Điểm tối đa 2 điểm, tự chấm 2 điểm, thẩm định 1,5 điểm (thiếu 0,5 điểm)',
    );
    expect(byCode.get('7.2')?.text).toContain('thẩm định 0,5 điểm (thiếu 1 điểm)');
    expect(s.body.findings.map((f) => f.group).slice(0, 5)).toEqual([
      'check_with_upper',
      'check_with_upper',
      'check_with_upper',
      'check_with_upper',
      'fix_now',
    ]);
    // Side by side: the 2022 results of the old xã Phượng Tiến, with the appraisers' reasons.
    expect(s.body.results?.lost.map((l) => l.code).sort()).toEqual(['2.2', '2.3', '7.2']);
    expect(s.body.results?.lost.find((l) => l.code === '7.2')?.reason).toBe(
      'Do không có nhiệm vụ chuyển đổi số được phê duyệt.',
    );
  });
});

describe('a plan from results', () => {
  let plan: PlanView;

  it('is made by the unit head from the results of the unit merged into it', async () => {
    const sources = await head.get<{ sources: { campaignId: number; unitName: string }[] }>(
      `/api/v1/units/${kimPhuong}/result-sources`,
    );
    expect(sources.body.sources).toContainEqual(
      expect.objectContaining({ campaignId: campaign2022, unitName: 'Xã Quy Kỳ' }),
    );
    const res = await head.post<PlanView>(`/api/v1/units/${kimPhuong}/remediation-plans`, {
      year: 2024,
      campaignId: campaign2022,
    });
    expect(res.status).toBe(201);
    plan = res.body;
    // Seed 000's sub-criteria below their max (ADR 39): 59 of them, most points lost first.
    expect(plan.items).toHaveLength(59);
    expect(plan.items.slice(0, 4).map((i) => [i.code, i.lostHundredths])).toEqual([
      ['3.5', 350],
      ['7.3', 125],
      ['1.1.1', 100],
      ['1.3.2', 100],
    ]);
    const again = await head.post(`/api/v1/units/${kimPhuong}/remediation-plans`, {
      year: 2024,
      campaignId: campaign2022,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('«Xã Kim Phượng» đã có kế hoạch khắc phục năm 2024.');
  });

  it('refuses a unit without results in the campaign', async () => {
    const dl = await unitIdByCode(admin, '22504');
    const res = await admin.post(`/api/v1/units/${dl}/remediation-plans`, {
      year: 2024,
      campaignId: campaign2022,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('chưa có kết quả thẩm định');
  });

  it('takes tasks for the unit’s officials only, with a rate for measured targets', async () => {
    const item3 = plan.items.find((i) => i.code === '3.3.5')!;
    const ok = await head.post<{ id: number; plan: PlanView }>(
      `/api/v1/remediation-plans/${plan.id}/tasks`,
      {
        itemId: item3.id,
        content: 'Xây dựng và niêm yết bộ hồ sơ mẫu tại bộ phận một cửa',
        output: 'Bộ hồ sơ mẫu được niêm yết',
        responsibleUserId: officerId,
        responsibleLabel: 'Công chức Văn phòng – Thống kê',
        deadline: '2024-06-30',
      },
    );
    expect(ok.status).toBe(201);
    await head.post(`/api/v1/remediation-plans/${plan.id}/tasks`, {
      itemId: plan.items.find((i) => i.code === '1.3.2')!.id,
      content: 'Ban hành kế hoạch tự kiểm tra CCHC',
      responsibleUserId: headId,
      deadline: '2099-12-31',
    });
    const target = await head.post(`/api/v1/remediation-plans/${plan.id}/tasks`, {
      content: 'Tỷ lệ thanh toán trực tuyến',
      targetMetric: 'dossier_online_payment',
    });
    expect(target.status).toBe(400);
    expect(target.body.error.details[0]).toMatchObject({ field: 'targetPercent' });
    const councilId = (await councilPt.get<{ user: { id: number } }>('/api/v1/auth/me')).body.user
      .id;
    const outsider = await head.post(`/api/v1/remediation-plans/${plan.id}/tasks`, {
      content: 'Việc giao cho người ngoài đơn vị',
      responsibleUserId: councilId,
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.message).toContain('Xã Kim Phượng');
    const bad = await head.post(`/api/v1/remediation-plans/${plan.id}/tasks`, {
      content: '',
      deadline: '30/06/2024',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'content',
      'deadline',
    ]);
    plan = (await head.get<PlanView>(`/api/v1/remediation-plans/${plan.id}`)).body;
    expect(plan.tasks).toHaveLength(2);
    // The clock is 2026: the task due 30/6/2024 is overdue.
    expect(plan.tasks.map((t) => t.overdue)).toEqual([true, false]);
  });

  it('lets an official complete their own task with evidence, and only their own', async () => {
    const mine = plan.tasks.find((t) => t.responsibleUserId === officerId)!;
    const headsTask = plan.tasks.find((t) => t.responsibleUserId === headId)!;
    const noEvidence = await officer.put(`/api/v1/remediation-tasks/${mine.id}/progress`, {
      version: mine.version,
      status: 'done',
      progressNote: 'Đã niêm yết',
    });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.error.message).toContain('tài liệu kiểm chứng');

    const { body, headers } = multipart(
      { name: 'ho-so-mau.pdf', content: samplePdf('Bo ho so mau niem yet') },
      { summary: 'Ảnh chụp bộ hồ sơ mẫu niêm yết tại bộ phận một cửa' },
    );
    const uploaded = await officer.request(
      'POST',
      `/api/v1/units/${kimPhuong}/evidence`,
      body,
      headers,
    );
    expect(uploaded.status).toBe(201);
    const done = await officer.put(`/api/v1/remediation-tasks/${mine.id}/progress`, {
      version: mine.version,
      status: 'done',
      progressNote: 'Đã niêm yết',
      evidence: [uploaded.body.id],
    });
    expect(done.status).toBe(204);

    const notMine = await officer.put(`/api/v1/remediation-tasks/${headsTask.id}/progress`, {
      version: headsTask.version,
      status: 'in_progress',
    });
    expect(notMine.status).toBe(403);
    const edit = await officer.put(`/api/v1/remediation-tasks/${mine.id}`, {
      version: mine.version + 1,
      content: 'Sửa nội dung',
      output: '',
      responsibleUserId: null,
      responsibleLabel: '',
      deadline: null,
      targetMetric: null,
      targetPercent: null,
    });
    expect(edit.status).toBe(403);

    plan = (await head.get<PlanView>(`/api/v1/remediation-plans/${plan.id}`)).body;
    expect(plan.tasks.find((t) => t.id === mine.id)).toMatchObject({
      status: 'done',
      overdue: false,
      evidence: [uploaded.body.id],
    });
    expect(plan.progress.overall).toMatchObject({ total: 2, done: 1 });
    expect(plan.progress.byOfficial.find((o) => o.key === String(officerId))).toMatchObject({
      total: 1,
      done: 1,
    });
    expect(plan.progress.byCriterion.map((c) => [c.key, c.done, c.total])).toEqual([
      ['1', 0, 1],
      ['3', 1, 1],
    ]);
  });

  it('refuses evidence from another unit’s library', async () => {
    const dl = await unitIdByCode(admin, '22504');
    const { body, headers } = multipart({ name: 'khac.pdf', content: samplePdf('Don vi khac') });
    const other = await otherOfficer.request('POST', `/api/v1/units/${dl}/evidence`, body, headers);
    expect(other.status).toBe(201);
    const t = plan.tasks.find((x) => x.responsibleUserId === headId)!;
    const res = await head.put(`/api/v1/remediation-tasks/${t.id}/progress`, {
      version: t.version,
      status: 'done',
      evidence: [other.body.id],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('thư viện tài liệu của «Xã Kim Phượng»');
  });

  it("lets a People's Council member of the unit read the plan but not change it", async () => {
    expect((await councilKp.get(`/api/v1/remediation-plans/${plan.id}`)).status).toBe(200);
    const t = plan.tasks[0]!;
    for (const res of [
      await councilKp.put(`/api/v1/remediation-plans/${plan.id}`, {
        version: plan.version,
        title: 'Đổi tên',
        document: {},
      }),
      await councilKp.post(`/api/v1/remediation-plans/${plan.id}/tasks`, { content: 'Việc mới' }),
      await councilKp.put(`/api/v1/remediation-tasks/${t.id}/progress`, {
        version: t.version,
        status: 'in_progress',
      }),
      await councilKp.delete(`/api/v1/remediation-tasks/${t.id}`),
    ])
      expect(res.status).toBe(403);
  });

  it('is hidden from other units', async () => {
    expect((await otherOfficer.get(`/api/v1/remediation-plans/${plan.id}`)).status).toBe(403);
    expect((await councilPt.get(`/api/v1/remediation-plans/${plan.id}`)).status).toBe(403);
    const list = await otherOfficer.get<{ items: unknown[] }>('/api/v1/remediation-plans');
    expect(list.body.items).toEqual([]);
    const ptList = await councilPt.get<{ items: unknown[] }>('/api/v1/remediation-plans');
    expect(ptList.body.items).toEqual([]);
  });

  it('projects index, class and rank if chosen items were fixed', async () => {
    const none = await head.post(`/api/v1/remediation-plans/${plan.id}/what-if`, { codes: [] });
    expect(none.body.current).toMatchObject({ indexHundredths: 5825, classLabel: 'Trung bình' });
    expect(none.body.projected).toEqual(none.body.current);
    // Criterion 3 lost 15 of 20 points: 58,25 + 15 = 73,25 of 100, "Khá".
    const codes = plan.items.filter((i) => i.code.startsWith('3.')).map((i) => i.code);
    const three = await head.post(`/api/v1/remediation-plans/${plan.id}/what-if`, { codes });
    expect(three.body.projected).toMatchObject({ indexHundredths: 7325, classLabel: 'Khá' });
    expect(three.body.perItem[0]).toMatchObject({ code: '3.5', gained: 350 });
    const unknown = await head.post(`/api/v1/remediation-plans/${plan.id}/what-if`, {
      codes: ['9.9'],
    });
    expect(unknown.status).toBe(400);
  });

  it('tells the official once that their task is overdue', async () => {
    const created = await head.post<{ id: number }>(`/api/v1/remediation-plans/${plan.id}/tasks`, {
      content: 'Công khai kết quả giải quyết hồ sơ trên cổng dịch vụ công',
      responsibleUserId: officerId,
      deadline: '2025-01-31',
    });
    expect(created.status).toBe(201);
    const first = await runNotificationScan(h.deps, { email: false, overdueTasks: true });
    const again = await runNotificationScan(h.deps, { email: false, overdueTasks: true });
    expect(first.created).toBeGreaterThan(0);
    expect(again.created).toBe(0);
    const bell = await officer.get<{
      items: { kind: string; title: string; text: string; link: string }[];
    }>('/api/v1/notifications?limit=50');
    const notice = bell.body.items.find(
      (n) => n.kind === 'task_overdue' && n.link === `/remediation/plans/${plan.id}`,
    );
    expect(notice?.title).toBe(
      'Nhiệm vụ quá hạn: Công khai kết quả giải quyết hồ sơ trên cổng dịch vụ công',
    );
    expect(notice?.text).toContain('đã quá thời hạn ngày 31 tháng 01 năm 2025');
    // The head is not responsible for it: no notice of this task for them.
    const headBell = await head.get<{ items: { kind: string; title: string }[] }>(
      '/api/v1/notifications?limit=50',
    );
    expect(headBell.body.items.some((n) => n.title.includes('Công khai kết quả giải quyết'))).toBe(
      false,
    );
  });

  it("measures a dossier target from the unit's own dossiers of the plan year", async () => {
    // Four dossiers of Kim Phượng in the second quarter of 2024: three on time, one late.
    const DAY = 86_400_000;
    const start = Date.UTC(2024, 3, 2, 1, 0);
    await h.deps.db.transaction(async (tx) => {
      const columns: unknown[][] = dossierRepo.STAGING_COLUMNS.map(() => []);
      for (let i = 0; i < 4; i++) {
        const d: Dossier = {
          code: `KP-2024-${i}`,
          procedureCode: '1.001193',
          procedureName: 'Đăng ký khai sinh',
          field: 'Hộ tịch',
          unitCode: '05551',
          officialCode: 'CB-KP-1',
          receivedAt: start + i * DAY,
          dueAt: start + i * DAY + 3 * DAY,
          finishedAt: start + i * DAY + (i === 3 ? 5 : 1) * DAY,
          returnedAt: null,
          completionRequests: 0,
          agenciesInvolved: 1,
          channel: 'counter',
          onlinePayment: null,
          returnedByPost: false,
          status: 'Đã trả kết quả',
          selfRatings: null,
          citizenRatings: null,
        };
        const x = deriveDossier(d, DEFAULT_DOSSIER_CONFIG);
        const values: unknown[] = [
          i + 1,
          d.code,
          kimPhuong,
          '05551',
          d.officialCode,
          d.procedureCode,
          d.procedureName,
          d.field,
          d.receivedAt,
          d.dueAt,
          d.finishedAt,
          d.returnedAt,
          d.completionRequests,
          d.agenciesInvolved,
          d.channel,
          d.onlinePayment,
          d.returnedByPost,
          d.status,
          null,
          null,
          x.period,
          x.timeliness,
          x.handlingSeconds,
          x.citizenPoints,
          x.citizenCount,
          ...x.points,
        ];
        values.forEach((v, k) => (columns[k] as unknown[]).push(v));
      }
      await dossierRepo.insertStagingBatch(tx, 'dossier_staging', columns);
      await dossierRepo.upsertFromStaging(
        tx,
        'dossier_staging',
        DEFAULT_DOSSIER_CONFIG.version,
        null,
        h.clock.now(),
      );
      await tx.query('DELETE FROM dossier_staging');
    });
    const created = await head.post<{ id: number; plan: PlanView }>(
      `/api/v1/remediation-plans/${plan.id}/tasks`,
      {
        content: 'Giải quyết hồ sơ đúng và sớm hạn',
        responsibleUserId: officerId,
        deadline: '2099-12-31',
        targetMetric: 'dossier_on_time',
        targetPercent: 10_000,
      },
    );
    expect(created.status).toBe(201);
    const task = created.body.plan.tasks.find((t) => t.id === created.body.id);
    expect(task?.target).toMatchObject({
      metric: 'dossier_on_time',
      targetPercent: 10_000,
      currentPercent: 7500,
      progressTenths: 750,
      met: false,
      measuredFrom: 'Hồ sơ TTHC quý 2/2024',
    });
  });

  it('exports the plan as a workbook', async () => {
    const res = await head.get(`/api/v1/remediation-plans/${plan.id}/export.xlsx`);
    expect(res.status).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('Kế hoạch')!.eachRow((r) => rows.push(r.values as unknown[]));
    const row3 = rows.find((r) => r[1] === '3.3.5' && String(r[8]).includes('hồ sơ mẫu'));
    expect(row3?.slice(3, 7)).toEqual([0.5, 0, 0, 0.5]);
    expect(row3?.[15]).toBe('Đã hoàn thành');
  });
});

describe('deleting a plan', () => {
  it('is for the unit head; its tasks go, the evidence stays in the library', async () => {
    const made = await head.post<PlanView>(`/api/v1/units/${kimPhuong}/remediation-plans`, {
      year: 2030,
      campaignId: campaign2022,
    });
    expect(made.status).toBe(201);
    expect((await officer.delete(`/api/v1/remediation-plans/${made.body.id}`)).status).toBe(403);
    expect((await councilKp.delete(`/api/v1/remediation-plans/${made.body.id}`)).status).toBe(403);
    expect((await head.delete(`/api/v1/remediation-plans/${made.body.id}`)).status).toBe(204);
    expect((await head.get(`/api/v1/remediation-plans/${made.body.id}`)).status).toBe(404);
    const again = await head.post(`/api/v1/units/${kimPhuong}/remediation-plans`, {
      year: 2030,
      campaignId: campaign2022,
    });
    expect(again.status).toBe(201);
  });
});

describe('supervisions', () => {
  let supervisionId = 0;

  it("are recorded by the People's Council of the unit, not by others", async () => {
    const input = {
      unitId: phuongTien,
      planNumber: '07/KH-HĐND',
      planDate: '2024-08-01',
      periodFrom: '2024-01-01',
      periodTo: '2024-08-31',
      periodLabel: '08 tháng đầu năm 2024',
      members: [{ name: 'Trần Tiến Lâm', position: 'Chủ tịch HĐND xã', role: 'Trưởng đoàn' }],
      campaignId: campaign2022,
    };
    expect((await head.post('/api/v1/supervisions', input)).status).toBe(403);
    expect((await councilKp.post('/api/v1/supervisions', input)).status).toBe(403);
    const backwards = await councilPt.post('/api/v1/supervisions', {
      ...input,
      periodTo: '2023-12-31',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0]).toMatchObject({ field: 'periodTo' });
    const res = await councilPt.post<{ id: number }>('/api/v1/supervisions', input);
    expect(res.status).toBe(201);
    supervisionId = res.body.id;
  });

  it('record findings with their points and check them', async () => {
    const over = await councilPt.post(`/api/v1/supervisions/${supervisionId}/findings`, {
      group: 'fix_now',
      code: '2.2',
      title: 'Rà soát và xử lý văn bản sau rà soát',
      maxHundredths: 150,
      appraisedHundredths: 200,
    });
    expect(over.status).toBe(400);
    expect(over.body.error.details[0]).toMatchObject({ field: 'appraisedHundredths' });
    const ok = await councilPt.post(`/api/v1/supervisions/${supervisionId}/findings`, {
      group: 'check_with_upper',
      code: '2.2',
      title: 'Rà soát và xử lý văn bản sau rà soát',
      maxHundredths: 150,
      appraisedHundredths: 100,
      reason: 'Không có văn bản để rà soát.',
    });
    expect(ok.status).toBe(201);
    const s = await councilPt.get(`/api/v1/supervisions/${supervisionId}`);
    expect(s.body.findings[0].text).toBe(
      'Mục 2.2: Rà soát và xử lý văn bản sau rà soát: Điểm tối đa 1,5 điểm, thẩm định 1 điểm (thiếu 0,5 điểm). Lí do mất điểm: Không có văn bản để rà soát.',
    );
    expect((await otherOfficer.get(`/api/v1/supervisions/${supervisionId}`)).status).toBe(403);
  });

  it('turn a finding into a task of the unit’s plan, linked to its sub-criterion', async () => {
    const plan = await admin.post<PlanView>(`/api/v1/units/${phuongTien}/remediation-plans`, {
      year: 2024,
      campaignId: campaign2022,
    });
    expect(plan.status).toBe(201);
    expect(plan.body.items.map((i) => i.code)).toEqual(['7.2', '2.2', '2.3']);
    const s = await councilPt.get(`/api/v1/supervisions/${supervisionId}`);
    const finding = s.body.findings[0];
    // The council member cannot write into the plan; the plan's manager can.
    expect(
      (
        await councilPt.post(`/api/v1/remediation-plans/${plan.body.id}/tasks`, {
          content: finding.text,
          findingId: finding.id,
        })
      ).status,
    ).toBe(403);
    const task = await admin.post<{ plan: PlanView }>(
      `/api/v1/remediation-plans/${plan.body.id}/tasks`,
      { content: finding.text, findingId: finding.id },
    );
    expect(task.status).toBe(201);
    const made = task.body.plan.tasks[0]!;
    expect(made.findingId).toBe(finding.id);
    expect(made.itemId).toBe(plan.body.items.find((i) => i.code === '2.2')!.id);
    const after = await councilPt.get(`/api/v1/supervisions/${supervisionId}`);
    expect(after.body.findings[0].tasks).toEqual([
      expect.objectContaining({ planId: plan.body.id }),
    ]);
    expect(after.body.plan?.id).toBe(plan.body.id);
  });

  it('export as a workbook with the notice wording', async () => {
    const list = await councilPt.get<{ items: { id: number; planNumber: string }[] }>(
      '/api/v1/supervisions',
    );
    const demo = list.body.items.find((s) => s.planNumber === '04/KH-HĐND')!;
    const res = await councilPt.get(`/api/v1/supervisions/${demo.id}/export.xlsx`);
    expect(res.status).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.getWorksheet('Kết luận')!.eachRow((r) => texts.push(String(r.getCell(10).value)));
    expect(texts).toContain(
      'Mục 2.2: Rà soát và xử lý văn bản sau rà soát: Điểm tối đa 1,5 điểm, thẩm định 1 điểm (thiếu 0,5 điểm). Lí do mất điểm: Có kế hoạch rà soát văn bản QPPL nhưng trong năm HĐND, UBND không ban hành văn bản QPPL nên không có văn bản để rà soát và không có báo cáo.',
    );
  });
});

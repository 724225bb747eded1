/**
 * Bulk actions on a campaign's units (POST /campaigns/{id}/participants/bulk): approve, publish,
 * reopen and remind applied unit by unit with each unit's own rules and permissions; the answer
 * says what was done and, per unit, what was refused and why, in the request's language; a unit
 * refused is left exactly as it was (no state change, no audit entry). On the demo's national 2026
 * campaign: xã Kim Phượng (Thái Nguyên, reopened), xã Phượng Tiến (Thái Nguyên, round 1) and
 * xã Đại Lãnh (Khánh Hòa, reopened).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  campaignIdByName,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let agency: Client;
let otherAgency: Client;
let chair: Client;
let appraiser: Client;
let officer: Client;
let head: Client;
let admin: Client;
let kimPhuong = 0;
let phuongTien = 0;
let daiLanh = 0;
let c2026 = 0;

const bulkUrl = () => `/api/v1/campaigns/${c2026}/participants/bulk`;

interface BulkAnswer {
  action: string;
  done: { unitId: number; unitName: string; status: string; reminded?: number }[];
  refused: { unitId: number; unitName: string; code: string; message: string }[];
}

async function statusOf(unitId: number): Promise<string> {
  const rows = await h.deps.db.query<{ status: string }>(
    'SELECT status FROM campaign_participants WHERE campaign_id = $1 AND unit_id = $2',
    [c2026, unitId],
  );
  return rows[0]!.status;
}

async function setStatus(unitId: number, status: string): Promise<void> {
  await h.deps.db.query(
    `UPDATE campaign_participants SET status = $3, reopened = NULL, version = version + 1
      WHERE campaign_id = $1 AND unit_id = $2`,
    [c2026, unitId, status],
  );
}

async function auditActions(unitId: number, prefix: string): Promise<string[]> {
  const rows = await h.deps.db.query<{ action: string }>(
    `SELECT action FROM audit_log WHERE unit_id = $1 AND action LIKE $2 ORDER BY id`,
    [unitId, `${prefix}%`],
  );
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen');
  otherAgency = await h.login('noivu.khanhhoa');
  chair = await h.login('hoidong.thainguyen');
  appraiser = await h.login('thamdinh.thainguyen');
  officer = await h.login('canbo.kimphuong');
  head = await h.login('chutich.kimphuong');
  admin = await h.login('admin');
  kimPhuong = await unitIdByCode(agency, '05551');
  phuongTien = await unitIdByCode(agency, '05563');
  daiLanh = await unitIdByCode(agency, '22504');
  c2026 = await campaignIdByName(agency, 2026, /dữ liệu mẫu/);
});
afterAll(async () => h?.close());

describe('who may act on several units', () => {
  it('refuses without a session, a unit officer, and an agency that works on none of the units', async () => {
    const body = { action: 'remind', unitIds: [kimPhuong] };
    expect((await h.anonymous().post(bulkUrl(), body)).status).toBe(401);
    const byOfficer = await officer.post(bulkUrl(), body);
    expect(byOfficer.status).toBe(403);
    const byOther = await otherAgency.post(bulkUrl(), { action: 'publish', unitIds: [kimPhuong] });
    expect(byOther.status).toBe(403);
    // Nothing about Kim Phượng's state is told to Khánh Hòa.
    expect(JSON.stringify(byOther.body)).not.toMatch(/Kim Phượng|mở lại/);
    expect(await statusOf(kimPhuong)).toBe('reopened');
  });

  it('refuses bad input naming the field, before any unit is touched', async () => {
    const unknown = await agency.post(bulkUrl(), { action: 'delete', unitIds: [kimPhuong] });
    expect(unknown.status).toBe(400);
    const empty = await agency.post(bulkUrl(), { action: 'approve', unitIds: [] });
    expect(empty.status).toBe(400);
    await setStatus(kimPhuong, 'submitted');
    const noReason = await agency.post(bulkUrl(), {
      action: 'reopen',
      unitIds: [kimPhuong],
      reason: '   ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details).toEqual([
      { field: 'reason', message: 'Trường «lý do mở lại» là bắt buộc.' },
    ]);
    expect(await statusOf(kimPhuong)).toBe('submitted');
    expect(
      (await h.anonymous().post(`/api/v1/campaigns/999999/participants/bulk`, {})).status,
    ).toBe(401);
    expect(
      (
        await agency.post(`/api/v1/campaigns/999999/participants/bulk`, {
          action: 'remind',
          unitIds: [kimPhuong],
        })
      ).status,
    ).toBe(404);
  });
});

describe('reopen', () => {
  it('reopens the submitted unit with the reason and says why the others are refused', async () => {
    const res = await agency.post<BulkAnswer>(bulkUrl(), {
      action: 'reopen',
      unitIds: [kimPhuong, phuongTien, daiLanh, 999999, kimPhuong],
      reason: 'Bổ sung tài liệu kiểm chứng',
    });
    expect(res.status).toBe(200);
    expect(res.body.done).toEqual([
      { unitId: kimPhuong, unitName: 'Xã Kim Phượng', status: 'reopened' },
    ]);
    expect(res.body.refused).toEqual([
      {
        unitId: phuongTien,
        unitName: 'Xã Phượng Tiến',
        code: 'workflow_locked',
        message: 'Không thể mở lại tự chấm cho đơn vị: hồ sơ đang thẩm định vòng 1',
      },
      {
        unitId: daiLanh,
        unitName: 'Xã Đại Lãnh',
        code: 'forbidden_unit',
        message: 'Bạn không có quyền thực hiện thao tác này trên đơn vị «Xã Đại Lãnh».',
      },
      {
        unitId: 999999,
        unitName: '',
        code: 'campaign_bulk_not_participant',
        message: 'Đơn vị mã số 999999 không tham gia đợt đánh giá này.',
      },
    ]);
    expect(await statusOf(phuongTien)).toBe('round1_in_progress');
    expect(await statusOf(daiLanh)).toBe('reopened');
    const sheet = await agency.get(`/api/v1/campaigns/${c2026}/units/${kimPhuong}/sheet`);
    expect(sheet.body.participant.reopened).toMatchObject({
      reason: 'Bổ sung tài liệu kiểm chứng',
    });
    expect(await auditActions(kimPhuong, 'campaign.reopen')).toEqual(['campaign.reopen']);
    expect(await auditActions(phuongTien, 'campaign.reopen')).toEqual([]);
  });
});

describe('remind', () => {
  it("records a reminder for the unit's officer and head, and refuses a unit with nothing to do", async () => {
    const res = await agency.post<BulkAnswer>(bulkUrl(), {
      action: 'remind',
      unitIds: [kimPhuong, phuongTien],
    });
    expect(res.status).toBe(200);
    expect(res.body.done).toEqual([
      { unitId: kimPhuong, unitName: 'Xã Kim Phượng', status: 'reopened', reminded: 2 },
    ]);
    expect(res.body.refused).toEqual([
      {
        unitId: phuongTien,
        unitName: 'Xã Phượng Tiến',
        code: 'campaign_remind_nothing_due',
        message: 'Không có việc chờ Xã Phượng Tiến (hồ sơ đang thẩm định vòng 1).',
      },
    ]);
    for (const person of [officer, head]) {
      const bell = await person.get('/api/v1/notifications');
      const reminder = bell.body.items.find((n: { kind: string }) => n.kind === 'reminder');
      expect(reminder).toMatchObject({
        title: 'Nhắc việc: Xã Kim Phượng',
        link: `/campaigns/${c2026}/units/${kimPhuong}`,
      });
      expect(reminder.text).toContain('Xã Kim Phượng cần hoàn thành và nộp bản tự chấm');
    }
    expect(await auditActions(kimPhuong, 'campaign.remind')).toEqual(['campaign.remind']);
    expect(await auditActions(phuongTien, 'campaign.remind')).toEqual([]);
  });

  it('sends a second reminder as a new notice, and words refusals in English on request', async () => {
    h.clock.advance(60_000);
    const again = await agency.post<BulkAnswer>(bulkUrl(), {
      action: 'remind',
      unitIds: [kimPhuong],
    });
    expect(again.body.done).toHaveLength(1);
    const bell = await officer.get('/api/v1/notifications');
    expect(bell.body.items.filter((n: { kind: string }) => n.kind === 'reminder')).toHaveLength(2);

    const byAppraiser = await appraiser.request<BulkAnswer>(
      'POST',
      bulkUrl(),
      { action: 'remind', unitIds: [kimPhuong] },
      { 'accept-language': 'en' },
    );
    expect(byAppraiser.status).toBe(200);
    expect(byAppraiser.body.done).toEqual([]);
    expect(byAppraiser.body.refused).toEqual([
      {
        unitId: kimPhuong,
        unitName: 'Xã Kim Phượng',
        code: 'campaign_remind_forbidden',
        message:
          'Only the standing agency, the council chair or an administrator over Xã Kim Phượng may send a reminder.',
      },
    ]);
  });
});

describe('approve and publish', () => {
  it('refuses to approve a unit still in round 1, naming the unit and its state', async () => {
    const res = await chair.request<BulkAnswer>(
      'POST',
      bulkUrl(),
      { action: 'approve', unitIds: [phuongTien] },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(200);
    expect(res.body.done).toEqual([]);
    expect(res.body.refused).toEqual([
      {
        unitId: phuongTien,
        unitName: 'Xã Phượng Tiến',
        code: 'workflow_invalid_state',
        message:
          'Cannot approve the result as the council yet: the assessment is in round-1 appraisal',
      },
    ]);
    expect(await statusOf(phuongTien)).toBe('round1_in_progress');
  });

  it('leaves an approved unit without survey points unpublished, then publishes it once they are in', async () => {
    await setStatus(kimPhuong, 'approved');
    const first = await agency.post<BulkAnswer>(bulkUrl(), {
      action: 'publish',
      unitIds: [kimPhuong, phuongTien],
    });
    expect(first.status).toBe(200);
    expect(first.body.done).toEqual([]);
    expect(first.body.refused.map((r) => [r.unitName, r.code])).toEqual([
      ['Xã Kim Phượng', 'campaign_publish_needs_survey'],
      ['Xã Phượng Tiến', 'workflow_invalid_state'],
    ]);
    expect(first.body.refused[0]!.message).toMatch(/^Kết quả của Xã Kim Phượng còn tạm tính/);
    expect(first.body.refused[1]!.message).toBe(
      'Chưa thể công bố kết quả: hồ sơ đang thẩm định vòng 1',
    );
    // Nothing half-saved: the refused publication changed neither the state nor the audit log.
    expect(await statusOf(kimPhuong)).toBe('approved');
    expect(await auditActions(kimPhuong, 'campaign.publish')).toEqual([]);

    const survey = await admin.put(`/api/v1/campaigns/${c2026}/units/${kimPhuong}/survey`, {
      pointsHundredths: 2000,
    });
    expect(survey.status).toBe(200);
    const second = await agency.post<BulkAnswer>(bulkUrl(), {
      action: 'publish',
      unitIds: [kimPhuong, phuongTien],
      decisionNumber: '125/QĐ-UBND',
      decisionDate: '2026-04-20',
    });
    expect(second.body.done).toEqual([
      { unitId: kimPhuong, unitName: 'Xã Kim Phượng', status: 'published' },
    ]);
    expect(second.body.refused.map((r) => r.unitName)).toEqual(['Xã Phượng Tiến']);
    expect(await statusOf(kimPhuong)).toBe('published');
    expect(await auditActions(kimPhuong, 'campaign.publish')).toEqual(['campaign.publish']);
    // The decision it was published by is recorded on the published unit only.
    const decisions = await h.deps.db.query<{
      unit_id: number;
      n: string | null;
      d: string | null;
    }>(
      `SELECT unit_id, publication_decision_number AS n, publication_decision_date::text AS d
         FROM campaign_participants WHERE campaign_id = $1 AND unit_id = ANY($2::int[])
        ORDER BY unit_id`,
      [c2026, [kimPhuong, phuongTien]],
    );
    expect(decisions.find((r) => r.unit_id === kimPhuong)).toMatchObject({
      n: '125/QĐ-UBND',
      d: '2026-04-20',
    });
    expect(decisions.find((r) => r.unit_id === phuongTien)).toMatchObject({ n: null, d: null });
  });
});

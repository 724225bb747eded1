/**
 * What the campaign's table of units tells beside each status, through the HTTP API, on the demo's
 * 2026 campaign (xã Phượng Tiến in round 1): the criteria the appraiser asked the unit to explain,
 * why an action of the standing agency is refused now, and why the chair reopened an approved
 * result, shown to the staff and hidden from another unit's officer before publication.
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
let officerKp: Client;
let appraiser: Client;
let chair: Client;
let phuongTien = 0;
let c2026 = 0;

interface ParticipantView {
  unitId: number;
  status: string;
  explanationRequested: string[];
  resultReopened: { reason: string; byName: string | null } | null;
  refusedActions: { event: string; message: string }[];
}

async function phuongTienAs(client: Client): Promise<ParticipantView> {
  const res = await client.get<{ participants: ParticipantView[] }>(`/api/v1/campaigns/${c2026}`);
  expect(res.status).toBe(200);
  return res.body.participants.find((p) => p.unitId === phuongTien)!;
}

/** Whether this reader finds xã Phượng Tiến among the campaign's participants. */
async function otherCommuneSees(client: Client): Promise<boolean> {
  const res = await client.get<{ participants: ParticipantView[] }>(`/api/v1/campaigns/${c2026}`);
  expect(res.status).toBe(200);
  return res.body.participants.some((p) => p.unitId === phuongTien);
}

const unitUrl = () => `/api/v1/campaigns/${c2026}/units/${phuongTien}`;

beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen');
  officerKp = await h.login('canbo.kimphuong');
  appraiser = await h.login('thamdinh.thainguyen');
  chair = await h.login('hoidong.thainguyen');
  phuongTien = await unitIdByCode(agency, '05563');
  c2026 = await campaignIdByName(agency, 2026, /dữ liệu mẫu/);
});
afterAll(async () => h?.close());

describe('notes beside a unit’s status', () => {
  it('lists the criteria the appraiser asked to explain, to the staff only', async () => {
    const queue = (await appraiser.get(`/api/v1/campaigns/${c2026}/queue?round=1&limit=100`)).body
      .items as { unitId: number; code: string; version: number }[];
    // 3.4, the rate of digitised dossiers, which the unit scored 1 of 2.
    const item = queue.find((i) => i.unitId === phuongTien && i.code === '3.4')!;
    const saved = await appraiser.put(`${unitUrl()}/entries/3.4/round1`, {
      version: item.version,
      scoreHundredths: 75,
      reason: 'Số liệu số hóa chưa trích xuất từ Hệ thống thông tin giải quyết TTHC.',
      needsExplanation: true,
    });
    expect(saved.status).toBe(200);

    expect((await phuongTienAs(agency)).explanationRequested).toEqual(['3.4']);
    expect((await phuongTienAs(chair)).explanationRequested).toEqual(['3.4']);
    // Another commune's officer does not see xã Phượng Tiến among the participants at all.
    expect(await otherCommuneSees(officerKp)).toBe(false);
  });

  it('says why the standing agency cannot lock the explanations yet', async () => {
    expect((await chair.post(`${unitUrl()}/close-round1`, {})).status).toBe(200);
    const view = await phuongTienAs(agency);
    expect(view.status).toBe('round1_closed');
    expect(view.refusedActions).toContainEqual(
      expect.objectContaining({
        event: 'lockExplanations',
        message: 'Chưa hết hạn giải trình; đơn vị còn đang giải trình',
      }),
    );
  });

  it('gives the chair’s reason for reopening an approved result while it is decided again', async () => {
    // After the explanations deadline, before the round-2 one.
    h.clock.set(new Date(h.clock.now().getTime() + 50 * 86_400_000));
    // The sessions have expired meanwhile: everyone signs in again.
    agency = await h.login('noivu.thainguyen');
    officerKp = await h.login('canbo.kimphuong');
    appraiser = await h.login('thamdinh.thainguyen');
    chair = await h.login('hoidong.thainguyen');
    expect((await agency.post(`${unitUrl()}/lock-explanations`, {})).status).toBe(200);
    const findings = (
      await appraiser.get(`/api/v1/campaigns/${c2026}/queue?round=2&unitId=${phuongTien}&limit=100`)
    ).body.items as { code: string; version: number }[];
    expect(findings.map((f) => f.code)).toContain('3.4');
    for (const f of findings) {
      const decided = await appraiser.put(`${unitUrl()}/entries/${f.code}/round2`, {
        version: f.version,
        disposition: 'still_open',
        reason: 'Không có tài liệu mới.',
      });
      expect(decided.status).toBe(200);
    }
    expect((await chair.post(`${unitUrl()}/approve`, {})).status).toBe(200);
    expect((await phuongTienAs(agency)).resultReopened).toBeNull();

    const reason = 'Đơn vị gửi bổ sung báo cáo quý IV sau khi phê duyệt.';
    expect((await chair.post(`${unitUrl()}/reopen-result`, { reason })).status).toBe(200);
    const view = await phuongTienAs(agency);
    expect(view.status).toBe('round2_in_progress');
    expect(view.resultReopened).toEqual(
      expect.objectContaining({
        reason,
        byName: 'Chủ tịch Hội đồng thẩm định Thái Nguyên (demo)',
      }),
    );
    expect(await otherCommuneSees(officerKp)).toBe(false);
  });
});

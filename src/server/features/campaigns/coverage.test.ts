/**
 * Appraisal coverage through the HTTP API (ADR 26): a campaign on the 2025 commune template with
 * criteria 1–3 assigned to the appraiser lists 4–8, 9.1 and 9.2 as without an appraiser; round 1
 * cannot be closed on xã Kim Phượng, nor its result approved, until the council chair accepts the
 * self score of each with a reason (audited, shown on the scorecard); another province's chair and
 * the unit itself may not accept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/access.ts';
import { createUser } from '../users/service.ts';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let agency: Client;
let officer: Client;
let appraiser: Client;
let chair: Client;
let chairKh: Client;
let kimPhuong = 0;
let campaignId = 0;

const ADMIN: Actor = {
  userId: 0,
  username: 'test',
  fullName: 'Test',
  grants: [{ role: 'system_admin', unitId: null, unitPath: null }],
};
const DEADLINES = {
  selfAssessment: '2026-03-10',
  round1: '2026-03-20',
  explanations: '2026-03-31',
  round2: '2026-04-10',
  publication: '2026-04-30',
};
// The template's leaves and maxima (Decision of the 2025 commune template: 7 + 7 + 12 + 6 + 9 + 7
// + 12 + 10, a bonus 9.1 and a penalty 9.2).
const MAX: Record<string, number> = {
  '1': 700,
  '2': 700,
  '3': 1200,
  '4': 600,
  '5': 900,
  '6': 700,
  '7': 1200,
  '8': 1000,
};
const CHAIR_NAME = 'Chủ tịch Hội đồng thẩm định Thái Nguyên (demo)';
const UNASSIGNED = ['4', '5', '6', '7', '8', '9.1', '9.2'];
const REASON = 'Các tiêu chí 4–9 do sở, ngành theo dõi cả năm; Hội đồng chấp nhận điểm tự chấm.';

const base = () => `/api/v1/campaigns/${campaignId}`;
const unitUrl = () => `${base()}/units/${kimPhuong}`;

async function loginAll(): Promise<void> {
  agency = await h.login('noivu.thainguyen');
  officer = await h.login('canbo.kimphuong');
  appraiser = await h.login('thamdinh.thainguyen');
  chair = await h.login('hoidong.thainguyen');
  chairKh = await h.login('hoidong.khanhhoa', 'hoidong-kh-password');
}

interface CoverageLeaf {
  code: string;
  title: string;
  acceptedFor: { unitId: number; reason: string; by: string | null; at: string }[];
  waitingFor: { unitId: number }[];
}
const leavesOf = (body: { kinds: { unappraised: CoverageLeaf[] }[] }) =>
  body.kinds.flatMap((k) => k.unappraised);

beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen');
  await createUser(h.deps, ADMIN, {
    username: 'hoidong.khanhhoa',
    fullName: 'Chủ tịch Hội đồng Khánh Hòa (kiểm thử)',
    password: 'hoidong-kh-password',
    grants: [{ role: 'council_chair', unitId: await unitIdByCode(agency, '56') }],
  });
  await loginAll();
  kimPhuong = await unitIdByCode(agency, '05551');
  const sets = (await agency.get('/api/v1/criteria-sets')).body.items;
  const template = sets.find((s: { origin: string }) => s.origin === 'bundled:khung-2025-xa');
  const created = await agency.post('/api/v1/campaigns', {
    name: 'Chỉ số CCHC 2026 (độ phủ thẩm định)',
    year: 2026,
    deadlines: DEADLINES,
    criteriaSets: [{ unitKind: 'commune', criteriaSetId: template.id }],
  });
  expect(created.status).toBe(201);
  campaignId = created.body.campaign.id;
  expect((await agency.post(`${base()}/participants`, { unitCodes: ['05551'] })).status).toBe(200);
  const assigned = await agency.put(`${base()}/assignments`, {
    assignments: [{ username: 'thamdinh.thainguyen', nodeCodes: ['1', '2', '3'] }],
  });
  expect(assigned.status).toBe(200);
});
afterAll(async () => h?.close());

describe('sub-criteria without an appraiser', () => {
  it('are listed for the set-up, each by code and name, waiting for every unit', async () => {
    const res = await agency.get(`${base()}/coverage`);
    expect(res.status).toBe(200);
    const leaves = leavesOf(res.body);
    expect(leaves.map((l) => l.code)).toEqual(UNASSIGNED);
    expect(leaves.every((l) => l.title.trim().length > 0)).toBe(true);
    expect(leaves.every((l) => l.waitingFor.some((u) => u.unitId === kimPhuong))).toBe(true);
    expect(res.body.complete).toBe(false);
    expect(res.body.mayAccept).toBe(false);
    expect((await chair.get(`${base()}/coverage`)).body.mayAccept).toBe(true);
  });

  it('are not shown to the unit itself, nor to another province', async () => {
    expect((await officer.get(`${base()}/coverage`)).status).toBe(403);
    expect((await chairKh.get(`${base()}/coverage`)).status).toBe(403);
  });
});

describe('closing round 1 and approving', () => {
  it('brings xã Kim Phượng into round 1', async () => {
    expect((await agency.post(`${base()}/open`)).status).toBe(200);
    for (const [code, score] of Object.entries(MAX)) {
      const res = await officer.put(`${unitUrl()}/entries/${code}/self`, {
        version: 0,
        inputs: { score },
        explanation: 'Có tài liệu kiểm chứng kèm theo.',
      });
      expect(res.status).toBe(200);
    }
    for (const [code, items] of [
      ['9.1', 1],
      ['9.2', 0],
    ] as const) {
      const res = await officer.put(`${unitUrl()}/entries/${code}/self`, {
        version: 0,
        inputs: { items },
        explanation: 'Có tài liệu kiểm chứng kèm theo.',
      });
      expect(res.status).toBe(200);
    }
    expect((await officer.post(`${unitUrl()}/submit`)).status).toBe(200);
    h.clock.set(new Date('2026-03-11T02:00:00Z'));
    await loginAll();
    const scored = await appraiser.put(`${unitUrl()}/entries/1/round1`, {
      version: 1,
      scoreHundredths: 700,
    });
    expect(scored.status).toBe(200);
  });

  it('refuses to close round 1 while sub-criteria have no appraiser, listing each', async () => {
    const res = await chair.post(`${unitUrl()}/close-round1`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('campaign_unappraised');
    expect(res.body.error.message).toMatch(
      /^Chưa thể chốt thẩm định vòng 1 của Xã Kim Phượng: 7 tiêu chí thành phần chưa có người thẩm định/,
    );
    for (const code of UNASSIGNED) expect(res.body.error.message).toContain(`${code} `);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(
      UNASSIGNED.map((c) => `criteria.${c}`),
    );
    // The bulk close reports the same refusal beside the unit, and closes nothing.
    const all = await chair.post(`${base()}/round1/close`, {});
    expect(all.body.done).toBe(0);
    expect(all.body.refused[0].message).toMatch(/7 tiêu chí thành phần/);
    const en = await chair.request(
      'POST',
      `${unitUrl()}/close-round1`,
      {},
      {
        'accept-language': 'en',
      },
    );
    expect(en.body.error.message).toMatch(
      /^Cannot close round 1 for Xã Kim Phượng: 7 sub-criteria/,
    );
  });

  it('requires a reason to accept the self score, and only from the chair of the unit', async () => {
    const noReason = await chair.post(`${base()}/self-score-acceptances`, {
      codes: ['4'],
      reason: '   ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.map((d: { field: string }) => d.field)).toEqual(['reason']);
    const assignedCode = await chair.post(`${base()}/self-score-acceptances`, {
      codes: ['2'],
      reason: REASON,
    });
    expect(assignedCode.status).toBe(400);
    expect(assignedCode.body.error.details[0].field).toBe('codes.0');
    for (const client of [chairKh, officer, agency, appraiser]) {
      const res = await client.post(`${base()}/self-score-acceptances`, {
        codes: ['4'],
        reason: REASON,
      });
      expect(res.status).toBe(403);
    }
    const coverage = leavesOf((await agency.get(`${base()}/coverage`)).body);
    expect(coverage.every((l) => l.acceptedFor.length === 0)).toBe(true);
  });

  it('still refuses after part of them is accepted, listing the rest', async () => {
    const part = await chair.post(`${base()}/self-score-acceptances`, {
      codes: ['4', '5'],
      reason: REASON,
    });
    expect(part.status).toBe(200);
    const res = await chair.post(`${unitUrl()}/close-round1`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(
      UNASSIGNED.slice(2).map((c) => `criteria.${c}`),
    );
  });

  it('closes round 1 once the chair accepted every one (criterion 9 covers 9.1 and 9.2), audited', async () => {
    const rest = await chair.post(`${base()}/self-score-acceptances`, {
      codes: ['6', '7', '8', '9'],
      reason: REASON,
    });
    expect(rest.status).toBe(200);
    expect(rest.body.complete).toBe(true);
    const accepted = leavesOf(rest.body);
    expect(accepted.map((l) => l.code)).toEqual(UNASSIGNED);
    for (const leaf of accepted)
      expect(leaf.acceptedFor).toEqual([
        expect.objectContaining({ unitId: kimPhuong, reason: REASON, by: CHAIR_NAME }),
      ]);
    const closed = await chair.post(`${unitUrl()}/close-round1`, {});
    expect(closed.status).toBe(200);
    expect(closed.body.participant.status).toBe('round1_closed');

    const audit = await h.deps.db.query<{
      actor_name: string;
      after: { codes: string[]; reason: string };
    }>(
      `SELECT actor_name, after FROM audit_log WHERE action = 'campaign.accept_self_score'
       AND unit_id = $1 AND (after->>'campaignId')::int = $2 ORDER BY id`,
      [kimPhuong, campaignId],
    );
    expect(audit.map((a) => a.actor_name)).toEqual(['hoidong.thainguyen', 'hoidong.thainguyen']);
    expect(audit.flatMap((a) => a.after.codes)).toEqual(UNASSIGNED);
    expect(audit.every((a) => a.after.reason === REASON)).toBe(true);
  });

  it('shows each accepted self score on the scorecard with its reason, to the unit as well', async () => {
    for (const client of [chair, officer]) {
      const card = await client.get(`${unitUrl()}/scorecard`);
      expect(card.status).toBe(200);
      const nodes = card.body.nodes as {
        code: string;
        selfScoreAccepted: { reason: string; by: string; at: string } | null;
      }[];
      for (const code of UNASSIGNED)
        expect(nodes.find((n) => n.code === code)?.selfScoreAccepted).toEqual({
          reason: REASON,
          by: CHAIR_NAME,
          byUserId: expect.any(Number),
          at: '2026-03-11T02:00:00.000Z',
        });
      expect(nodes.find((n) => n.code === '1')?.selfScoreAccepted).toBeNull();
      expect(nodes.find((n) => n.code === '9')?.selfScoreAccepted).toBeNull();
    }
  });

  it('refuses approval when a sub-criterion lost its appraiser, until its self score is accepted', async () => {
    const reassigned = await agency.put(`${base()}/assignments`, {
      assignments: [{ username: 'thamdinh.thainguyen', nodeCodes: ['1', '2'] }],
    });
    expect(reassigned.status).toBe(200);
    const locked = await officer.post(`${unitUrl()}/lock-explanations`, {});
    expect(locked.body).toMatchObject({ participant: { status: 'explanations_locked' } });
    const refused = await chair.post(`${unitUrl()}/approve`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(
      /^Chưa thể phê duyệt kết quả của Xã Kim Phượng: 1 tiêu chí thành phần chưa có người thẩm định/,
    );
    expect(refused.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'criteria.3',
    ]);
    expect(
      (
        await chair.post(`${base()}/self-score-acceptances`, {
          codes: ['3'],
          reason: 'Thẩm định viên được điều động; chấp nhận điểm tự chấm tiêu chí 3.',
        })
      ).status,
    ).toBe(200);
    const approved = await chair.post(`${unitUrl()}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.participant.status).toBe('approved');
  });
});

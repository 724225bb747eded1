/**
 * The appraising agency of a campaign through the HTTP API: the standing agency names it while
 * setting the campaign up (audited, shown on the campaign), a unit outside its scope is refused by
 * field, another province's agency cannot change it, and once the campaign is open it is fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let agency: Client;
let template = 0;
let dinhHoa = 0;
let khanhHoa = 0;
let thaiNguyen = 0;

const DEADLINES = {
  selfAssessment: '2030-01-10',
  round1: '2030-01-20',
  explanations: '2030-01-31',
  round2: '2030-02-10',
  publication: '2030-02-28',
};

interface CampaignBody {
  campaign: {
    id: number;
    name: string;
    year: number;
    version: number;
    appraisingUnitId: number | null;
    appraisingUnitName: string | null;
  };
}

async function createCampaign(name: string): Promise<CampaignBody['campaign']> {
  const res = await agency.post<CampaignBody>('/api/v1/campaigns', {
    name,
    year: 2029,
    deadlines: DEADLINES,
    criteriaSets: [{ unitKind: 'commune', criteriaSetId: template }],
  });
  expect(res.status).toBe(201);
  return res.body.campaign;
}

/** The common set-up fields, as the set-up form sends them, with the appraising agency. */
const edit = (c: CampaignBody['campaign'], appraisingUnitId: number | null) => ({
  name: c.name,
  year: c.year,
  deadlines: DEADLINES,
  version: c.version,
  appraisingUnitId,
});

beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen');
  const sets = (await agency.get('/api/v1/criteria-sets')).body.items;
  template = sets.find((s: { origin: string }) => s.origin === 'bundled:khung-2025-xa').id;
  dinhHoa = await unitIdByCode(agency, 'H-DINHHOA');
  khanhHoa = await unitIdByCode(agency, '56');
  thaiNguyen = await unitIdByCode(agency, '19');
});
afterAll(async () => h?.close());

describe('the appraising agency of a campaign', () => {
  it('is the owner unit until the standing agency names another, which is shown and audited', async () => {
    const c = await createCampaign('Chỉ số CCHC 2029 (cơ quan thẩm định)');
    expect(c.appraisingUnitId).toBeNull();

    const res = await agency.put<CampaignBody>(`/api/v1/campaigns/${c.id}`, edit(c, dinhHoa));
    expect(res.status).toBe(200);
    expect(res.body.campaign.appraisingUnitId).toBe(dinhHoa);
    expect(res.body.campaign.appraisingUnitName).toBe('Huyện Định Hóa');
    const again = await agency.get<CampaignBody>(`/api/v1/campaigns/${c.id}`);
    expect(again.body.campaign.appraisingUnitName).toBe('Huyện Định Hóa');

    const audit = await agency.get<{
      items: {
        action: string;
        entityId: string | null;
        before: { appraisingUnitId?: number | null };
        after: { appraisingUnitId?: number | null };
      }[];
    }>(`/api/v1/audit?unitId=${thaiNguyen}&limit=20`);
    const entry = audit.body.items.find(
      (e) => e.action === 'campaign.update' && e.entityId === String(c.id),
    );
    expect(entry?.before.appraisingUnitId).toBeNull();
    expect(entry?.after.appraisingUnitId).toBe(dinhHoa);

    // An edit that does not name it keeps it.
    const kept = await agency.put<CampaignBody>(`/api/v1/campaigns/${c.id}`, {
      name: 'Chỉ số CCHC 2029 (đổi tên)',
      year: 2029,
      deadlines: DEADLINES,
      version: res.body.campaign.version,
    });
    expect(kept.status).toBe(200);
    expect(kept.body.campaign.appraisingUnitId).toBe(dinhHoa);

    // Cleared: the owner unit appraises again.
    const cleared = await agency.put<CampaignBody>(
      `/api/v1/campaigns/${c.id}`,
      edit(kept.body.campaign, null),
    );
    expect(cleared.status).toBe(200);
    expect(cleared.body.campaign.appraisingUnitId).toBeNull();
  });

  it('refuses a unit outside the agency’s province or one that does not exist, by field', async () => {
    const c = await createCampaign('Chỉ số CCHC 2029 (ngoài phạm vi)');
    const outside = await agency.put(`/api/v1/campaigns/${c.id}`, edit(c, khanhHoa));
    expect(outside.status).toBe(400);
    expect(outside.body.error.details).toEqual([
      {
        field: 'appraisingUnitId',
        message:
          'Đơn vị «Tỉnh Khánh Hòa» không thuộc phạm vi của cơ quan chủ trì đợt đánh giá nên không thể là cơ quan thẩm định.',
      },
    ]);
    const missing = await agency.put(`/api/v1/campaigns/${c.id}`, edit(c, 9_999_999));
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toBe('appraisingUnitId');
    // Nothing was saved.
    const after = await agency.get<CampaignBody>(`/api/v1/campaigns/${c.id}`);
    expect(after.body.campaign.appraisingUnitId).toBeNull();
    expect(after.body.campaign.version).toBe(c.version);

    const created = await agency.post('/api/v1/campaigns', {
      name: 'Chỉ số CCHC 2029 (tạo với cơ quan ngoài phạm vi)',
      year: 2029,
      deadlines: DEADLINES,
      appraisingUnitId: khanhHoa,
      criteriaSets: [{ unitKind: 'commune', criteriaSetId: template }],
    });
    expect(created.status).toBe(400);
    expect(created.body.error.details[0].field).toBe('appraisingUnitId');
  });

  it('cannot be changed by another province’s agency, nor once the campaign is open', async () => {
    const c = await createCampaign('Chỉ số CCHC 2029 (đã mở)');
    const other = await h.login('noivu.khanhhoa');
    expect((await other.put(`/api/v1/campaigns/${c.id}`, edit(c, dinhHoa))).status).toBe(403);

    expect(
      (await agency.post(`/api/v1/campaigns/${c.id}/participants`, { unitCodes: ['05551'] }))
        .status,
    ).toBe(200);
    expect((await agency.post(`/api/v1/campaigns/${c.id}/open`, {})).status).toBe(200);
    const open = (await agency.get<CampaignBody>(`/api/v1/campaigns/${c.id}`)).body.campaign;
    const refused = await agency.put(`/api/v1/campaigns/${c.id}`, edit(open, dinhHoa));
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'Đợt đánh giá «Chỉ số CCHC 2029 (đã mở)» đã mở; không thể đổi cơ quan thẩm định.',
    );
    // The other fields still change while open, the appraising agency staying as it was.
    const renamed = await agency.put<CampaignBody>(
      `/api/v1/campaigns/${c.id}`,
      edit({ ...open, name: 'Chỉ số CCHC 2029 (đã mở, đổi tên)' }, null),
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.campaign.appraisingUnitId).toBeNull();
  });
});

/**
 * The sociological survey in the offline field app (ADR 46): an enumerator of a commune downloads
 * the open survey with the questionnaire of the units they collect for, sends one questionnaire
 * twice under the same client id and it is counted once with the same receipt; a unit outside the
 * survey, an answer off the scale and an unknown group are refused naming the field, nothing
 * saved; who holds no SIPAS entry right is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { createDistrictCampaign } from '../../test-support/district-campaign.ts';

let h: Harness;
let admin: Client;
let agency: Client;
let enumerator: Client;
let campaignId = 0;
let communeId = 0;
let otherCommuneId = 0;
let officeId = 0;
const base = () => `/api/v1/campaigns/${campaignId}/social-survey`;
const FORMS = '/api/v1/social-survey/collection-forms';
const SUBMIT = '/api/v1/social-survey/field-responses';

const SCALE = {
  levels: [
    { code: '1', label: 'Rất kém', valueHundredths: 0 },
    { code: '2', label: 'Kém', valueHundredths: 2500 },
    { code: '3', label: 'Trung bình', valueHundredths: 5000 },
    { code: '4', label: 'Tốt', valueHundredths: 7500 },
    { code: '5', label: 'Rất tốt', valueHundredths: 10000 },
  ],
  excluded: [{ code: '0', label: 'Không biết / không trả lời' }],
  favourable: ['4', '5'],
};
const COMMUNE_DESIGN = {
  method: 'mean',
  scale: SCALE,
  nodes: [
    {
      code: 'Y1',
      title: 'Đánh giá về chính quyền cơ sở',
      maxHundredths: 3000,
      source: 'questions',
    },
  ],
  groups: [
    { code: 'PB', name: 'Lãnh đạo phòng, ban', weight: 1 },
    { code: 'DB', name: 'Đại biểu HĐND', weight: 1 },
  ],
  questions: [
    { code: 'C1', text: 'Mức độ hài lòng với UBND xã', nodes: ['Y1'], groups: ['PB', 'DB'] },
    { code: 'C2', text: 'Mức độ công khai ngân sách xã', nodes: ['Y1'], groups: ['DB'] },
  ],
  rules: [],
};
const OFFICE_DESIGN = {
  ...COMMUNE_DESIGN,
  nodes: [
    { code: 'X1', title: 'Đánh giá về cải cách TTHC', maxHundredths: 3000, source: 'questions' },
  ],
  groups: [{ code: 'LDX', name: 'Lãnh đạo UBND xã', weight: 1 }],
  questions: [{ code: 'Q1', text: 'Công khai TTHC', nodes: ['X1'], groups: ['LDX'] }],
};

async function unit(code: string, name: string, kind: string, parentId: number) {
  const res = await admin.post('/api/v1/units', { code, name, kind, parentId });
  expect(res.status).toBe(201);
  return res.body.id as number;
}

async function progressOf(unitId: number, group: string) {
  const res = await agency.get(`${base()}/progress`);
  expect(res.status).toBe(200);
  const u = (
    res.body.units as { unitId: number; groups: { group: string; responses: number }[] }[]
  ).find((x) => x.unitId === unitId)!;
  return u.groups.find((g) => g.group === group)!.responses;
}

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  agency = await h.login('noivu.thainguyen');
  const province = await unitIdByCode(admin, '19');
  const district = await unit('T800', 'Huyện Thu Thập', 'district', province);
  officeId = await unit('T801', 'Phòng Nội vụ Thu Thập', 'district_office', district);
  communeId = await unit('T811', 'Xã Thu Thập Một', 'commune', district);
  otherCommuneId = await unit('T812', 'Xã Thu Thập Hai', 'commune', district);
  await unit('T813', 'Xã Ngoài Đợt', 'commune', district);
  const made = await admin.post('/api/v1/users', {
    username: 'dieutra.thuthap',
    fullName: 'Điều Tra Viên Thu Thập',
    password: 'Mat-khau-dieu-tra-2026',
    grants: [{ role: 'enumerator', unitId: communeId }],
  });
  expect(made.status).toBe(201);
  enumerator = await h.login('dieutra.thuthap', 'Mat-khau-dieu-tra-2026');
  campaignId = await createDistrictCampaign(agency, 'Chỉ số CCHC huyện Thu Thập 2026', [
    'T801',
    'T811',
    'T812',
  ]);
  expect((await agency.post(base(), {})).status).toBe(201);
  for (const [kind, design] of [
    ['commune', COMMUNE_DESIGN],
    ['district_office', OFFICE_DESIGN],
  ] as const)
    expect(
      (await agency.put(`${base()}/questionnaires/${kind}`, { version: null, design })).status,
    ).toBe(200);
}, 120_000);
afterAll(async () => h?.close());

describe('the field app’s sociological survey', () => {
  it('offers nothing while the survey is a draft, then the open survey with the enumerator’s unit only', async () => {
    const draft = await enumerator.get(FORMS);
    expect(draft.status).toBe(200);
    expect(draft.body.items.find((f: { campaignId: number }) => f.campaignId === campaignId)).toBe(
      undefined,
    );
    expect((await agency.post(`${base()}/open`, {})).status).toBe(200);
    const res = await enumerator.get(FORMS);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        campaignId,
        campaignName: 'Chỉ số CCHC huyện Thu Thập 2026',
        questionnaires: [
          {
            unitKind: 'commune',
            version: 1,
            groups: [
              { code: 'PB', name: 'Lãnh đạo phòng, ban' },
              { code: 'DB', name: 'Đại biểu HĐND' },
            ],
            questions: [
              { code: 'C1', text: 'Mức độ hài lòng với UBND xã', groups: ['PB', 'DB'] },
              { code: 'C2', text: 'Mức độ công khai ngân sách xã', groups: ['DB'] },
            ],
            levels: SCALE.levels.map(({ code, label }) => ({ code, label })),
            excluded: [{ code: '0', label: 'Không biết / không trả lời' }],
          },
        ],
        units: [{ id: communeId, name: 'Xã Thu Thập Một', unitKind: 'commune' }],
      },
    ]);
    // The province's standing agency collects for every unit of the campaign.
    const all = await agency.get(FORMS);
    const mine = all.body.items.find((f: { campaignId: number }) => f.campaignId === campaignId);
    expect(mine.units.map((u: { id: number }) => u.id).sort()).toEqual(
      [officeId, communeId, otherCommuneId].sort(),
    );
  });

  it('counts a questionnaire sent twice under one client id once, with the same receipt', async () => {
    const before = await progressOf(communeId, 'DB');
    const body = {
      campaignId,
      clientId: '6f1c2b0e-8a4d-4c1e-9b7a-2d5e3f4a1b6c',
      unitId: communeId,
      group: 'DB',
      answers: { C1: '4', C2: '0' },
    };
    const first = await enumerator.post(SUBMIT, body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      clientId: body.clientId,
      campaignId,
      unitId: communeId,
      unitName: 'Xã Thu Thập Một',
      group: 'DB',
      answers: 2,
    });
    const again = await enumerator.post(SUBMIT, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await progressOf(communeId, 'DB')).toBe(before + 1);
    // The same client id for another unit or group is refused, nothing counted.
    const clash = await enumerator.post(SUBMIT, { ...body, group: 'PB', answers: { C1: '5' } });
    expect(clash.status).toBe(409);
    expect(await progressOf(communeId, 'DB')).toBe(before + 1);
    expect(await progressOf(communeId, 'PB')).toBe(0);
  });

  it('refuses a unit outside the survey, an answer off the scale and an unknown group, naming the field', async () => {
    const ok = { campaignId, unitId: communeId, group: 'DB', answers: { C1: '4' } };
    const outside = await enumerator.post(SUBMIT, {
      ...ok,
      clientId: 'a-1',
      unitId: await unitIdByCode(admin, 'T813'),
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details).toEqual([
      {
        field: 'unitId',
        message: expect.stringMatching(
          /^Đơn vị được đánh giá \(mã số \d+\) không thuộc cuộc điều tra này\.$/,
        ),
      },
    ]);
    const offScale = await enumerator.post(SUBMIT, {
      ...ok,
      clientId: 'a-2',
      answers: { C1: '9' },
    });
    expect(offScale.status).toBe(400);
    expect(offScale.body.error.details).toEqual([
      {
        field: 'answers.C1',
        message: 'Câu trả lời «9» không có trong thang đo (1, 2, 3, 4, 5, 0).',
      },
    ]);
    const group = await enumerator.post(SUBMIT, { ...ok, clientId: 'a-3', group: 'XX' });
    expect(group.status).toBe(400);
    expect(group.body.error.details).toEqual([
      { field: 'group', message: 'Không có nhóm đối tượng «XX» trong bảng hỏi.' },
    ]);
    const noAnswer = await enumerator.post(SUBMIT, { ...ok, clientId: 'a-5', answers: {} });
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.body.error.details).toEqual([
      { field: 'answers', message: 'Phiếu không có câu trả lời nào.' },
    ]);
    const badId = await enumerator.post(SUBMIT, { ...ok, clientId: 'a-4', unitId: 'x' });
    expect(badId.status).toBe(400);
    expect(await progressOf(communeId, 'DB')).toBe(1);
  });

  it('refuses whoever has no right to collect for the unit', async () => {
    const ok = {
      campaignId,
      clientId: 'b-1',
      unitId: communeId,
      group: 'DB',
      answers: { C1: '4' },
    };
    expect((await h.anonymous().get(FORMS)).status).toBe(401);
    expect((await h.anonymous().post(SUBMIT, ok)).status).toBe(401);
    const head = await h.login('chutich.kimphuong');
    expect((await head.get(FORMS)).status).toBe(403);
    expect((await head.post(SUBMIT, ok)).status).toBe(403);
    // An enumerator of another province: no unit of this campaign.
    const other = await h.login('dieutra.dailanh');
    expect((await other.get(FORMS)).status).toBe(200);
    expect((await other.post(SUBMIT, ok)).status).toBe(403);
    // The enumerator of one commune does not enter answers about the other one.
    const neighbour = await enumerator.post(SUBMIT, { ...ok, unitId: otherCommuneId });
    expect(neighbour.status).toBe(403);
    expect(await progressOf(communeId, 'DB')).toBe(1);
    expect(await progressOf(otherCommuneId, 'DB')).toBe(0);
  });

  it('answers the receipt again after the survey closed, but takes no new questionnaire', async () => {
    expect((await agency.post(`${base()}/close`, {})).status).toBe(200);
    const again = await enumerator.post(SUBMIT, {
      campaignId,
      clientId: '6F1C2B0E-8A4D-4C1E-9B7A-2D5E3F4A1B6C',
      unitId: communeId,
      group: 'DB',
      answers: { C1: '4', C2: '0' },
    });
    expect(again.status).toBe(200);
    expect(again.body.unitName).toBe('Xã Thu Thập Một');
    const late = await enumerator.post(SUBMIT, {
      campaignId,
      clientId: 'c-1',
      unitId: communeId,
      group: 'DB',
      answers: { C1: '4' },
    });
    expect(late.status).toBe(409);
    expect(await progressOf(communeId, 'DB')).toBe(1);
  });
});

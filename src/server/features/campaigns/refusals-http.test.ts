/**
 * A refused workflow action through the HTTP API speaks the request's language: Vietnamese by
 * default, English with `accept-language: en`, both in the refused actions listed beside a unit
 * and in the error of a refused transition. On the demo's 2026 campaign, xã Phượng Tiến in round 1.
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
let chair: Client;
let phuongTien = 0;
let c2026 = 0;

const EN = { 'accept-language': 'en' };
const unitUrl = () => `/api/v1/campaigns/${c2026}/units/${phuongTien}`;

interface Refused {
  event: string;
  code: string;
  message: string;
}

async function refusedOnCampaign(headers: Record<string, string> = {}): Promise<Refused[]> {
  const res = await agency.request<{
    participants: { unitId: number; refusedActions: Refused[] }[];
  }>('GET', `/api/v1/campaigns/${c2026}`, undefined, headers);
  expect(res.status).toBe(200);
  return res.body.participants.find((p) => p.unitId === phuongTien)!.refusedActions;
}

beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen');
  chair = await h.login('hoidong.thainguyen');
  phuongTien = await unitIdByCode(agency, '05563');
  c2026 = await campaignIdByName(agency, 2026, /dữ liệu mẫu/);
  expect((await chair.post(`${unitUrl()}/close-round1`, {})).status).toBe(200);
});
afterAll(async () => h?.close());

describe('a refused workflow action in the request language', () => {
  it('lists the refused action beside the unit in Vietnamese by default', async () => {
    expect(await refusedOnCampaign()).toContainEqual({
      event: 'lockExplanations',
      code: 'too_early',
      message: 'Chưa hết hạn giải trình; đơn vị còn đang giải trình',
    });
  });

  it('lists it in English when the request asks for English', async () => {
    expect(await refusedOnCampaign(EN)).toContainEqual({
      event: 'lockExplanations',
      code: 'too_early',
      message: 'The explanations deadline has not passed; the unit is still explaining',
    });
    const sheet = await agency.request<{ refusedActions: Refused[] }>(
      'GET',
      `${unitUrl()}/sheet`,
      undefined,
      EN,
    );
    expect(sheet.status).toBe(200);
    expect(sheet.body.refusedActions).toContainEqual(
      expect.objectContaining({
        event: 'lockExplanations',
        message: 'The explanations deadline has not passed; the unit is still explaining',
      }),
    );
  });

  it('answers a refused transition in Vietnamese by default and in English on request', async () => {
    const vi = await agency.post(`${unitUrl()}/reopen`, { reason: 'Sai số liệu' });
    expect(vi.status).toBe(409);
    expect(vi.body.error).toEqual({
      code: 'workflow_locked',
      message: 'Không thể mở lại tự chấm cho đơn vị: hồ sơ đã chốt thẩm định vòng 1',
    });
    const en = await agency.request('POST', `${unitUrl()}/reopen`, { reason: 'Sai số liệu' }, EN);
    expect(en.status).toBe(409);
    expect(en.body.error).toEqual({
      code: 'workflow_locked',
      message:
        'Cannot reopen the self-assessment for the unit: the assessment is closed after round-1 appraisal',
    });
    const early = await agency.request('POST', `${unitUrl()}/lock-explanations`, {}, EN);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe(
      'The explanations deadline has not passed; the unit is still explaining',
    );
  });
});

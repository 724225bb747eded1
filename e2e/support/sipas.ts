/** The demo SIPAS campaign (xã Quy Kỳ, seed 000) reached through the API as the administrator. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN } from './session.ts';

export const DEMO_SURVEY = /Khảo sát sự hài lòng xã Quy Kỳ năm 2022/;

/** A signed-in API client: its anti-forgery token and the demo campaign with its unit. */
export interface StaffApi {
  csrf: string;
  campaignId: number;
  unitId: number;
}

/** Signs the request context in as the administrator and finds the demo campaign. */
export async function staffApi(request: APIRequestContext): Promise<StaffApi> {
  const login = await request.post('/api/v1/auth/login', { data: ADMIN });
  expect(login.ok()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const list = (await (await request.get('/api/v1/sipas/campaigns')).json()) as {
    items: { id: number; name: string }[];
  };
  const campaign = list.items.find((c) => DEMO_SURVEY.test(c.name));
  expect(campaign).toBeDefined();
  const view = (await (await request.get(`/api/v1/sipas/campaigns/${campaign!.id}`)).json()) as {
    units: { unitId: number }[];
  };
  return { csrf: csrfToken, campaignId: campaign!.id, unitId: view.units[0]!.unitId };
}

/** How many answers the campaign holds, as the staff's campaign page counts them. */
export async function storedAnswers(request: APIRequestContext, api: StaffApi): Promise<number> {
  const view = (await (await request.get(`/api/v1/sipas/campaigns/${api.campaignId}`)).json()) as {
    responses: number;
  };
  return view.responses;
}

/** Answers every question of a drawn form: "Hài lòng" on the scale, the first option elsewhere. */
export async function answerEverything(page: Page): Promise<void> {
  const groups = page.locator('form fieldset.question');
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    const satisfied = group.getByRole('radio', { name: 'Hài lòng', exact: true });
    if ((await satisfied.count()) > 0) await satisfied.check();
    else await group.getByRole('radio').first().check();
  }
}

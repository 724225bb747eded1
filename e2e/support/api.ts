/**
 * Setting things up through the JSON API as a signed-in user (the steps a test is not about), with
 * the anti-forgery token the server asks of every change.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from './session.ts';
import { minimalPdf } from '../../src/server/test-support/minimal-pdf.ts';

export interface ApiAs {
  get: (url: string) => Promise<unknown>;
  post: (url: string, data: unknown) => Promise<unknown>;
  put: (url: string, data: unknown) => Promise<unknown>;
}

/**
 * Signs `username` in on the request context (replacing whoever was signed in there) and returns
 * calls that fail the test on any answer but a success.
 */
export async function apiAs(
  request: APIRequestContext,
  username: string,
  password = DEMO_PASSWORD,
): Promise<ApiAs> {
  const login = await request.post('/api/v1/auth/login', { data: { username, password } });
  expect(login.ok(), await login.text()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const checked = async (res: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(res.ok(), await res.text()).toBe(true);
    return res.status() === 204 ? null : res.json();
  };
  return {
    get: async (url) => checked(await request.get(url)),
    post: async (url, data) => checked(await request.post(url, { data, headers })),
    put: async (url, data) => checked(await request.put(url, { data, headers })),
  };
}

/**
 * A 2026 campaign of communes on the 2025 commune template, created by `agency` with the given
 * participants (none when empty): the set-up of the sociological survey's browser tests.
 */
export async function createCommuneCampaign(
  agency: ApiAs,
  name: string,
  unitCodes: string[],
): Promise<number> {
  const sets = (await agency.get('/api/v1/criteria-sets')) as {
    items: { id: number; origin: string }[];
  };
  const created = (await agency.post('/api/v1/campaigns', {
    name,
    year: 2026,
    deadlines: {
      selfAssessment: '2027-01-10',
      round1: '2027-01-20',
      explanations: '2027-01-31',
      round2: '2027-02-10',
      publication: '2027-02-28',
    },
    criteriaSets: [
      {
        unitKind: 'commune',
        criteriaSetId: sets.items.find((s) => s.origin === 'bundled:khung-2025-xa')!.id,
      },
    ],
  })) as { campaign: { id: number } };
  const id = created.campaign.id;
  if (unitCodes.length > 0)
    await agency.post(`/api/v1/campaigns/${id}/participants`, { unitCodes });
  return id;
}

/** A day counted from today in Vietnam, as "YYYY-MM-DD". */
export const vnDay = (offset: number): string =>
  new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A blank one-page PDF, small enough to write by hand; `mark` goes into a comment so each test's
 * file has content of its own (the library de-duplicates by content).
 */
export function tinyPdf(mark: string): Buffer {
  return minimalPdf({ comment: mark, width: 200, height: 200 });
}

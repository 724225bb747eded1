/**
 * A district's 2026 campaign for the sociological survey's tests: its communes on the 2025
 * commune template, its offices on the 2025 department template, created and filled with
 * participants through the API by the standing agency, as a person would.
 */
import { expect } from 'vitest';
import type { Client } from './harness.ts';

/** Creates the campaign, adds the units by code and returns its id. */
export async function createDistrictCampaign(
  agency: Client,
  name: string,
  unitCodes: string[],
): Promise<number> {
  const sets = (await agency.get('/api/v1/criteria-sets')).body.items as {
    id: number;
    origin: string;
  }[];
  const setOf = (origin: string) => sets.find((s) => s.origin === origin)!.id;
  const created = await agency.post('/api/v1/campaigns', {
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
      { unitKind: 'commune', criteriaSetId: setOf('bundled:khung-2025-xa') },
      { unitKind: 'district_office', criteriaSetId: setOf('bundled:khung-2025-so') },
    ],
  });
  expect(created.status).toBe(201);
  const id = created.body.campaign.id as number;
  const added = await agency.post(`/api/v1/campaigns/${id}/participants`, { unitCodes });
  expect(added.status).toBeLessThan(300);
  return id;
}

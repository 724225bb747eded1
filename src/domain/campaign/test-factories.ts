/**
 * Shared test data for the campaign tests: a Thái Nguyên commune campaign of 2022 with its
 * deadlines and appraiser assignments, and the accounts that act in it. Test support only;
 * nothing in the app imports it.
 */
import type { Actor, Role } from '../access.ts';
import { THAI_NGUYEN_COMMUNE_2022 } from '../scoring/bundled-sets.ts';
import { DEFAULT_PAR_BANDS } from '../scoring/index.ts';
import type { CampaignCriteriaSet, CampaignSetup, CampaignUnit } from './setup.ts';

/** The commune set of the bundled Thái Nguyên template. */
export const COMMUNE_SET: CampaignCriteriaSet = {
  id: THAI_NGUYEN_COMMUNE_2022.id,
  unitKind: 'commune',
  tree: THAI_NGUYEN_COMMUNE_2022.tree,
  surveyMaxHundredths: null,
};

/** xã Kim Phượng, under Định Hóa district (path /1/25/300/). */
export const KIM_PHUONG: CampaignUnit = {
  id: 'kim-phuong',
  name: 'Xã Kim Phượng',
  kind: 'commune',
  path: '/1/25/300/',
};

/** Appraiser 31 scores criteria 1 and 2; appraiser 32 scores criterion 7. */
export const CAMPAIGN: CampaignSetup = {
  id: 'cchc-2022',
  year: 2022,
  name: 'Xác định Chỉ số CCHC năm 2022 cấp xã',
  status: 'open',
  units: [KIM_PHUONG],
  criteriaSets: [COMMUNE_SET],
  deadlines: {
    selfAssessment: '2023-01-15',
    round1: '2023-02-15',
    explanations: '2023-02-28',
    round2: '2023-03-15',
    publication: '2023-03-31',
  },
  surveySource: 'entered',
  bands: DEFAULT_PAR_BANDS,
  assignments: [
    { userId: 31, nodeCodes: ['1', '2'] },
    { userId: 32, nodeCodes: ['7'], unitKind: 'commune' },
  ],
};

/** An account holding one role on a unit path (null: nationwide). */
export function actorWith(userId: number, role: Role, unitPath: string | null = '/1/'): Actor {
  return {
    userId,
    username: `u${userId}`,
    fullName: `Người dùng ${userId}`,
    grants: [{ role, unitId: unitPath === null ? null : 1, unitPath }],
  };
}

export const OFFICER = actorWith(11, 'unit_officer', KIM_PHUONG.path);
export const AGENCY = actorWith(21, 'standing_agency', '/1/');
export const APPRAISER = actorWith(31, 'appraiser', '/1/');
export const APPRAISER_7 = actorWith(32, 'appraiser', '/1/');
export const CHAIR = actorWith(41, 'council_chair', '/1/');

/** A moment in Vietnam time: at('2023-01-15', '23:59') is the last minute of that day. */
export function at(date: string, time = '09:00'): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

/**
 * Results computed on first read by many readers at once: the stored results of a campaign are
 * computed by one of them while the others wait, and every reader gets the same answer (on
 * PostgreSQL several readers found them stale together, each deleted and inserted the same rows,
 * and all but one got a 500).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignIdByName,
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let agency: Client;
let admin: Client;
let c2026 = 0;
let kimPhuong = 0;

beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen');
  admin = await h.login('admin');
  kimPhuong = await unitIdByCode(agency, '05551');
  c2026 = await campaignIdByName(agency, 2026, /dữ liệu mẫu/);
});

afterAll(async () => {
  await h?.close();
});

describe('results read by many at once', () => {
  it('answers every reader of stale results with the same ranking, scorecard and file', async () => {
    const paths = [
      `/api/v1/campaigns/${c2026}/results`,
      `/api/v1/campaigns/${c2026}/units/${kimPhuong}/scorecard`,
      `/api/v1/campaigns/${c2026}/results.csv`,
    ];
    // Twice: on a fresh database, then after a change that makes the stored results stale.
    for (const round of [1, 2]) {
      if (round === 2) {
        const changed = await admin.post(`/api/v1/campaigns/${c2026}/participants`, {
          unitCodes: ['05740'],
        });
        expect(changed.status).toBe(200);
        expect(changed.body.added).toBe(1);
      }
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => {
          const reader = i % 2 === 0 ? agency : admin;
          return reader.get(paths[i % paths.length]!);
        }),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      const rankingBodies = answers
        .filter((_, i) => i % paths.length === 0 && i % 2 === 0)
        .map((a) => JSON.stringify(a.body));
      expect(new Set(rankingBodies).size).toBe(1);
    }
  });
});

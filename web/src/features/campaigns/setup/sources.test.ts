/** Every source of survey points the database allows has a name in both languages. */
import { describe, expect, it } from 'vitest';
import { campaignSetupEn } from '../../../i18n/campaignSetup.en.ts';
import { campaignSetupVi } from '../../../i18n/campaignSetup.vi.ts';
import { sourceKey } from './sources.ts';

describe('the names of survey point sources', () => {
  it('names points taken from the sociological survey', () => {
    expect(sourceKey('survey')).toBe('campaignSetup.source.survey');
    expect(campaignSetupVi.source.survey).toBe('Từ cuộc điều tra xã hội học');
    expect(campaignSetupEn.source.survey).toBe('From the sociological survey');
  });

  it("names each source the points' table accepts (migrations 0004 and 0035)", () => {
    for (const source of ['entered', 'imported', 'sipas', 'survey']) {
      const key = sourceKey(source);
      expect(key).not.toBeNull();
      const leaf = key!.split('.').at(-1) as keyof typeof campaignSetupVi.source;
      expect(campaignSetupVi.source[leaf]).toBeTruthy();
      expect(campaignSetupEn.source[leaf]).toBeTruthy();
    }
  });

  it('has no key for a source it does not know', () => {
    expect(sourceKey('paper')).toBeNull();
    expect(sourceKey('')).toBeNull();
  });
});

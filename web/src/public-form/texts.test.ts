/** The public form's language choice and its client ids, which the server must accept. */
import { describe, expect, it } from 'vitest';
import { isUuid } from '@domain/sipas/answers.ts';
import { newClientId } from './dom.ts';
import { PUBLIC_TEXTS, pickLocale } from './texts.ts';

describe('public form language', () => {
  it('is Vietnamese unless English is asked for in the address or was chosen before', () => {
    expect(pickLocale(new URLSearchParams(''), null)).toBe('vi');
    expect(pickLocale(new URLSearchParams('lang=en'), null)).toBe('en');
    expect(pickLocale(new URLSearchParams(''), 'en')).toBe('en');
    expect(pickLocale(new URLSearchParams('lang=vi'), 'en')).toBe('vi');
    expect(pickLocale(new URLSearchParams('lang=fr'), null)).toBe('vi');
  });

  it('names every answer level in both languages, each differently', () => {
    for (const texts of Object.values(PUBLIC_TEXTS)) {
      const labels = Object.values(texts.levels);
      expect(labels).toHaveLength(6);
      expect(new Set(labels).size).toBe(6);
    }
  });
});

describe('client ids made in the browser', () => {
  it('are version-4 UUIDs the server accepts, different every time', () => {
    const ids = Array.from({ length: 200 }, newClientId);
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('4');
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

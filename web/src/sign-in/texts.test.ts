/** The sign-in page's texts are the staff app's, key for key, in both languages. */
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { vi } from '../i18n/vi.ts';
import { fill, pickLocale, SIGN_IN_KEYS, SIGN_IN_TEXTS } from './texts.ts';

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

describe('sign-in page catalogue', () => {
  it('says exactly what the staff app says under the same keys, in Vietnamese and English', () => {
    for (const key of SIGN_IN_KEYS) {
      expect({ key, text: SIGN_IN_TEXTS.vi[key] }).toEqual({ key, text: lookup(vi, key) });
      expect({ key, text: SIGN_IN_TEXTS.en[key] }).toEqual({ key, text: lookup(en, key) });
    }
  });

  it('carries no other key', () => {
    expect(Object.keys(SIGN_IN_TEXTS.vi).sort()).toEqual([...SIGN_IN_KEYS].sort());
    expect(Object.keys(SIGN_IN_TEXTS.en).sort()).toEqual([...SIGN_IN_KEYS].sort());
  });

  it('fills placeholders and keeps Vietnamese unless English was chosen', () => {
    expect(fill('Máy chủ trả lời (mã {{status}}).', { status: 502 })).toBe(
      'Máy chủ trả lời (mã 502).',
    );
    expect(pickLocale('en')).toBe('en');
    expect(pickLocale('vi')).toBe('vi');
    expect(pickLocale(null)).toBe('vi');
    expect(pickLocale('fr')).toBe('vi');
  });
});

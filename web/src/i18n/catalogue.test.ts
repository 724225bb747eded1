/** Both catalogues carry exactly the same keys, and no message is left empty. */
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { vi } from './vi.ts';

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

function leafValues(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) =>
    typeof value === 'string' ? [value] : leafValues(value),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

function lookup(tree: Tree, key: string): string {
  let node: string | Tree = tree;
  for (const part of key.split('.')) {
    if (typeof node === 'string') return '';
    node = node[part] ?? '';
  }
  return typeof node === 'string' ? node : '';
}

describe('web i18n catalogues', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(vi).sort());
  });

  it('have no empty message', () => {
    for (const value of [...leafValues(vi), ...leafValues(en)]) expect(value.trim()).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const key of leafKeys(vi)) {
      expect({ key, placeholders: placeholders(lookup(en, key)) }).toEqual({
        key,
        placeholders: placeholders(lookup(vi, key)),
      });
    }
  });
});

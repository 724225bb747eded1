import { describe, expect, it } from 'vitest';
import { parseQuick } from './logic.ts';

describe('quick entry of a paper rating form', () => {
  it('reads nine digits in question order', () => {
    expect(parseQuick('212121212')).toEqual([2, 1, 2, 1, 2, 1, 2, 1, 2]);
  });

  it('leaves dashed and missing questions blank', () => {
    expect(parseQuick('2-0')).toEqual([2, null, 0, null, null, null, null, null, null]);
  });

  it('refuses other characters and a tenth answer', () => {
    expect(parseQuick('3')).toBeNull();
    expect(parseQuick('2 2')).toBeNull();
    expect(parseQuick('2222222222')).toBeNull();
  });
});

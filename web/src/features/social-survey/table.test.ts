/** Reading a pasted or CSV list of respondents in the browser, and writing the links' CSV. */
import { describe, expect, it } from 'vitest';
import { parseDelimited, respondentsFromTable, toCsv, toTable } from './table.ts';

describe('lists read in the browser', () => {
  it('splits text pasted from Excel (tabs), semicolons or commas, quotes kept whole', () => {
    expect(parseDelimited('a\tb\n1\t2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseDelimited('a;b\r\n"x; y";"say ""hi"""')).toEqual([
      ['a', 'b'],
      ['x; y', 'say "hi"'],
    ]);
    expect(parseDelimited('\uFEFFa,b\n"line\nbreak",2')).toEqual([
      ['a', 'b'],
      ['line\nbreak', '2'],
    ]);
  });

  it('numbers rows as the sheet does (header = 1) and skips blank ones', () => {
    const table = toTable(parseDelimited('ma,nhom\nA,LD\n,\nB,ND\n'));
    expect(table.headers).toEqual(['ma', 'nhom']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['A', 'LD'] },
      { row: 4, cells: ['B', 'ND'] },
    ]);
  });

  it('finds the respondent columns by their Vietnamese or English names, accents ignored', () => {
    const read = respondentsFromTable(
      toTable(parseDelimited('Mã người trả lời\tNhóm\tHọ tên\tĐơn vị\n LD-1 \tLD\tAn\t05551\n')),
    );
    expect(read.missing).toEqual([]);
    expect(read.columns).toMatchObject({
      code: 'Mã người trả lời',
      unitCode: 'Đơn vị',
      email: null,
    });
    expect(read.rows).toEqual([
      { row: 2, code: 'LD-1', group: 'LD', fullName: 'An', unitCode: '05551', email: '' },
    ]);
    expect(respondentsFromTable(toTable([['code', 'email']])).missing).toEqual(['nhom', 'ho_ten']);
  });

  it('writes a CSV Excel opens in UTF-8, quoting what needs it', () => {
    expect(toCsv([['a', 'b,c', 'say "x"']])).toBe('\uFEFFa,"b,c","say ""x"""\r\n');
  });
});

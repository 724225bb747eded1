import { describe, expect, it } from 'vitest';
import { checkOfficialCode, checkOfficialName, readOfficialRows } from './officials.ts';

describe('an official typed on the screen', () => {
  it('trims the code and folds the spaces of the name', () => {
    expect(checkOfficialCode('  CB-03203-1 ')).toEqual({ code: 'CB-03203-1' });
    expect(checkOfficialName(' Lò  Văn\tThắng ')).toEqual({ fullName: 'Lò Văn Thắng' });
  });

  it('says what is wrong with a code or a name', () => {
    expect(checkOfficialCode('   ')).toEqual({ problem: 'code-missing' });
    expect(checkOfficialCode('A\nB')).toEqual({ problem: 'code-invalid' });
    expect(checkOfficialCode('x'.repeat(101))).toEqual({ problem: 'code-too-long' });
    expect(checkOfficialCode('x'.repeat(100))).toEqual({ code: 'x'.repeat(100) });
    expect(checkOfficialName(null)).toEqual({ problem: 'name-missing' });
    expect(checkOfficialName('y'.repeat(201))).toEqual({ problem: 'name-too-long' });
  });
});

describe('a file of officials', () => {
  it('skips a header row and blank rows, and lists every bad row with its column', () => {
    const { officials, problems } = readOfficialRows([
      { row: 1, code: 'Mã cán bộ', fullName: 'Họ và tên' },
      { row: 2, code: 'CB-1', fullName: 'Lò Văn Thắng' },
      { row: 3, code: null, fullName: null },
      { row: 4, code: null, fullName: 'Vừ Thị Mai' },
      { row: 5, code: 'CB-1', fullName: 'Giàng A Lử' },
      { row: 6, code: 'CB-3', fullName: null },
    ]);
    expect(officials).toEqual([{ code: 'CB-1', fullName: 'Lò Văn Thắng' }]);
    expect(problems).toEqual([
      { row: 4, column: 'code', kind: 'code-missing' },
      { row: 5, column: 'code', kind: 'code-duplicate', code: 'CB-1', firstRow: 2 },
      { row: 6, column: 'name', kind: 'name-missing' },
    ]);
  });

  it('reads a first row that is not a header as an official', () => {
    expect(readOfficialRows([{ row: 1, code: 'CB-1', fullName: 'Mã Văn Tên' }]).officials).toEqual([
      { code: 'CB-1', fullName: 'Mã Văn Tên' },
    ]);
  });
});

/** Which fields an audit entry shows as changed. */
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './audit-diff.ts';

describe('diffSnapshots', () => {
  it('shows only the fields an edit changed', () => {
    const before = { code: '05545', name: 'Xã Quy Kỳ', version: 1 };
    const after = { code: '05545', name: 'Xã Quy Kỳ mới', version: 2 };
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'name', before: 'Xã Quy Kỳ', after: 'Xã Quy Kỳ mới' },
      { field: 'version', before: 1, after: 2 },
    ]);
  });

  it('shows every field of a creation, with nothing before', () => {
    expect(diffSnapshots(null, { code: 'X', validTo: null })).toEqual([
      { field: 'code', before: undefined, after: 'X' },
      { field: 'validTo', before: undefined, after: null },
    ]);
  });

  it('shows a field that disappeared', () => {
    expect(diffSnapshots({ role: 'unit_officer', unitId: 3 }, { role: 'unit_officer' })).toEqual([
      { field: 'unitId', before: 3, after: null },
    ]);
  });

  it('has nothing to show without snapshots', () => {
    expect(diffSnapshots(null, null)).toEqual([]);
    expect(diffSnapshots(undefined, undefined)).toEqual([]);
  });

  it('compares nested values by content', () => {
    expect(
      diffSnapshots({ grants: [{ role: 'appraiser' }] }, { grants: [{ role: 'appraiser' }] }),
    ).toEqual([]);
  });

  it('keeps a value that is not an object as a single row', () => {
    expect(diffSnapshots(null, 'text')).toEqual([{ field: '', before: null, after: 'text' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { filterRanking } from './ranking.ts';

const rows = [
  { unitName: 'Xã Kim Phượng', unitCode: '05551', unitKind: 'commune', classLabel: 'Tốt' },
  { unitName: 'Xã Quy Kỳ', unitCode: '05545', unitKind: 'commune', classLabel: 'Trung bình' },
  { unitName: 'Phường Phố Ràng', unitCode: '02941', unitKind: 'ward', classLabel: 'Tốt' },
  { unitName: 'Xã Đại Lãnh', unitCode: '22504', unitKind: 'commune', classLabel: null },
];
const names = (filter: Parameters<typeof filterRanking>[1]) =>
  filterRanking(rows, filter).map((r) => r.unitName);

describe('filterRanking', () => {
  it('keeps every row, in order, without filters', () => {
    expect(names({})).toEqual(['Xã Kim Phượng', 'Xã Quy Kỳ', 'Phường Phố Ràng', 'Xã Đại Lãnh']);
    expect(names({ unitKind: null, classLabel: null, q: '  ' })).toHaveLength(4);
  });

  it('filters by unit kind and class together', () => {
    expect(names({ unitKind: 'commune' })).toEqual(['Xã Kim Phượng', 'Xã Quy Kỳ', 'Xã Đại Lãnh']);
    expect(names({ unitKind: 'commune', classLabel: 'Tốt' })).toEqual(['Xã Kim Phượng']);
  });

  it('finds a name typed without diacritics, or a code', () => {
    expect(names({ q: 'kim phuong' })).toEqual(['Xã Kim Phượng']);
    expect(names({ q: 'dai lanh' })).toEqual(['Xã Đại Lãnh']);
    expect(names({ q: '0554' })).toEqual(['Xã Quy Kỳ']);
    expect(names({ q: 'phượng', classLabel: 'Trung bình' })).toEqual([]);
  });
});

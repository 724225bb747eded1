import { describe, expect, it } from 'vitest';
import { campaignReport, type KindResults } from './drafts.ts';

const kind = (over: Partial<KindResults>): KindResults => ({
  kindName: 'UBND các xã',
  units: 17,
  averageHundredths: 5870,
  maxHundredths: 7000,
  best: { name: 'Thị trấn Phố Ràng', hundredths: 6590 },
  classes: [
    { label: 'Tốt', count: 14, shareText: '82,3%', unitNames: [] },
    { label: 'Khá', count: 1, shareText: '5,9%', unitNames: ['Xã A'] },
  ],
  criteria: [{ title: 'Công tác chỉ đạo điều hành', averageHundredths: 1500, maxHundredths: 1800 }],
  ...over,
});

const report = (kinds: KindResults[], sipas: Parameters<typeof campaignReport>[0]['sipas']) =>
  campaignReport({
    issuer: { name: 'Huyện Bảo Yên', parentName: 'Tỉnh Lào Cai' },
    date: '2023-02-10',
    signerName: 'Nguyễn Văn A',
    campaignName: 'Chỉ số CCHC năm 2022',
    year: 2022,
    kinds,
    surveyMaxText: '30',
    sipas,
    annex: [],
  });

describe('the campaign report (seed 004)', () => {
  it('gives the district its own total and class, and the other kinds their average and best', () => {
    const data = report(
      [
        kind({
          kindName: 'UBND cấp huyện',
          units: 1,
          averageHundredths: 9429,
          maxHundredths: 10000,
          best: { name: 'Huyện Bảo Yên', hundredths: 9429 },
          classes: [{ label: 'Tốt', count: 1, shareText: '100,0%', unitNames: ['Huyện Bảo Yên'] }],
          criteria: [
            { title: 'Công tác Chỉ đạo điều hành', averageHundredths: 1598, maxHundredths: 1800 },
          ],
        }),
        kind({ kindName: 'Các cơ quan chuyên môn thuộc UBND huyện', units: 12 }),
        kind({}),
      ],
      null,
    );
    expect(data.kinds.map((k) => `${k.number}. ${k.kindName}`)).toEqual([
      '1. UBND cấp huyện',
      '2. Các cơ quan chuyên môn thuộc UBND huyện',
      '3. UBND các xã',
    ]);
    expect(data.kinds[0]!.summaryText).toBe(
      'Tổng điểm đạt 94,29/100 điểm, xếp loại Tốt. Trong đó kết quả của các tiêu chí:',
    );
    expect(data.kinds[0]!.criteria[0]!.resultText).toBe('đạt 15,98/18 điểm');
    expect(data.kinds[2]!.summaryText).toBe(
      'Tổng điểm trung bình đạt 58,7/70 điểm; Thị trấn Phố Ràng đạt điểm cao nhất (65,9/70). Xếp loại Tốt: 14/17 đơn vị (82,3%); Xếp loại Khá: 01/17 đơn vị (5,9%): Xã A. Điểm trung bình theo tiêu chí:',
    );
    expect(data.hasSipas).toBe(false);
  });

  it('compares the district with the year before as seed 004 does', () => {
    const district = (previous: KindResults['previous']) =>
      report(
        [
          kind({
            kindName: 'UBND cấp huyện',
            units: 1,
            maxHundredths: 10000,
            best: { name: 'Huyện Bảo Yên', hundredths: 9429 },
            classes: [{ label: 'Tốt', count: 1, shareText: '100,0%', unitNames: [] }],
            previous,
          }),
        ],
        null,
      ).kinds[0]!.summaryText;
    // Seed 004, III.1: 94,29 in 2022 against 90,53 in 2021, 3,76 points more.
    expect(district({ year: 2021, indexHundredths: 9053, currentIndexHundredths: 9429 })).toBe(
      'Tổng điểm đạt 94,29/100 điểm (cao hơn năm 2021 là 3,76 điểm; năm 2021 đạt 90,53/100 điểm), xếp loại Tốt. Trong đó kết quả của các tiêu chí:',
    );
    expect(district({ year: 2021, indexHundredths: 9500, currentIndexHundredths: 9429 })).toContain(
      '(thấp hơn năm 2021 là 0,71 điểm; năm 2021 đạt 95/100 điểm)',
    );
    expect(district(null)).toBe(
      'Tổng điểm đạt 94,29/100 điểm, xếp loại Tốt. Trong đó kết quả của các tiêu chí:',
    );
  });

  it('reports the linked survey’s index and its elements as the seed words them', () => {
    const data = report([kind({})], {
      indexText: '93,37 %',
      elements: [
        { element: 'Tiếp cận dịch vụ', indexText: '96,82 %' },
        { element: 'Thủ tục hành chính', indexText: '93,43 %' },
      ],
    });
    expect(data.hasSipas).toBe(true);
    expect(data.sipasText).toBe(
      'Chỉ số hài lòng của người dân, tổ chức về sự phục vụ hành chính nói chung của huyện Bảo Yên năm 2022 đạt 93,37%. Trong đó:',
    );
    expect(data.sipasElements).toEqual([
      { element: 'yếu tố tiếp cận dịch vụ', index: '96,82%' },
      { element: 'yếu tố thủ tục hành chính', index: '93,43%' },
    ]);
    expect(data.summary).toMatch(/; Chỉ số SIPAS của huyện Bảo Yên năm 2022$/);
  });
});

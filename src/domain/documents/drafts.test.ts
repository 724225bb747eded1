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
      '2. các cơ quan chuyên môn thuộc UBND huyện',
      '3. UBND các xã',
    ]);
    expect(data.kinds[0]!.summaryText).toBe(
      'Tổng điểm đạt 94,29/100 điểm, xếp loại Tốt. Trong đó kết quả của các tiêu chí:',
    );
    expect(data.kinds[0]!.criteria[0]!.resultText).toBe('đạt 15,98/18 điểm');
    expect(data.kinds[2]!.summaryText).toBe(
      'Tổng điểm trung bình đạt 58,7/70 điểm; UBND thị trấn Phố Ràng đạt điểm cao nhất (65,9/70); Xếp loại Tốt: 14/17 đơn vị (82,3%); Xếp loại Khá: 01/17 đơn vị (5,9%): UBND xã A. Điểm trung bình theo tiêu chí:',
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

  it('gives the district offices’ section as seed 004, III.2 words it', () => {
    // Seed 004, III.2: 12 offices averaging 64,95/70; Phòng Nội vụ and Văn phòng HĐND và UBND
    // huyện at 70/70; Tốt 10/12 (83,3 %); Khá 02/12 (16,7 %): Phòng Dân tộc, Phòng Tài nguyên môi
    // trường; no Trung bình, no Yếu.
    const offices = kind({
      kindName: 'Các cơ quan chuyên môn thuộc UBND huyện',
      noun: 'cơ quan',
      units: 12,
      averageHundredths: 6495,
      maxHundredths: 7000,
      best: { name: 'Phòng Nội vụ', hundredths: 7000 },
      fullMarks: ['Phòng Nội vụ', 'Văn phòng HĐND và UBND huyện'],
      surveyMaxHundredths: 3000,
      classes: [
        { label: 'Tốt', count: 10, shareText: '83,3%', unitNames: [] },
        {
          label: 'Khá',
          count: 2,
          shareText: '16,7%',
          unitNames: ['Phòng Dân tộc', 'Phòng Tài nguyên môi trường'],
        },
        { label: 'Trung bình', count: 0, shareText: '0,0%', unitNames: [] },
        { label: 'Yếu', count: 0, shareText: '0,0%', unitNames: [] },
      ],
    });
    const data = report([offices], null);
    expect(data.kinds[0]!.summaryText).toBe(
      'Tổng điểm trung bình đạt 64,95/70 điểm; có 02 đơn vị đạt 70/70 điểm: Phòng Nội vụ, Văn phòng HĐND và UBND huyện; Xếp loại Tốt: 10/12 đơn vị (83,3%); Xếp loại Khá: 02/12 đơn vị (16,7%): Phòng Dân tộc, Phòng Tài nguyên môi trường; Không có đơn vị nào xếp loại Trung bình và Yếu. Điểm trung bình theo tiêu chí:',
    );
    // Seed 004, I.1 and I.2.1: the offices counted as "cơ quan", their 70 + 30 scale.
    expect(data.kinds[0]!.objectLine).toBe(
      '- Các cơ quan chuyên môn thuộc UBND huyện: 12 cơ quan.',
    );
    expect(data.scaleText).toBe('Thang điểm đánh giá là 100 điểm. Trong đó:');
    expect(data.kinds[0]!.scaleLines.map((l) => l.line)).toEqual([
      '- Đối với các cơ quan chuyên môn thuộc UBND huyện:',
      '+ Điểm tự đánh giá, thẩm định: 70/100 điểm.',
      '+ Điểm đánh giá qua điều tra xã hội học: 30/100 điểm.',
    ]);
  });

  it('tells how the year ran from the campaign’s deadlines, submissions and appraisers (seed 004, II)', () => {
    const data = campaignReport({
      issuer: { name: 'Huyện Bảo Yên', parentName: 'Tỉnh Lào Cai' },
      date: '2023-02-10',
      signerName: 'Nguyễn Văn A',
      campaignName: 'Chỉ số CCHC năm 2022',
      year: 2022,
      kinds: [kind({})],
      surveyMaxText: '30',
      sipas: null,
      annex: [],
      progress: {
        selfAssessmentDeadline: '2022-12-31',
        participants: 17,
        submitted: 16,
        notSubmitted: ['Xã Xuân Hòa'],
        appraisers: 8,
        round1Deadline: '2023-01-04',
        explanationsDeadline: '2023-01-05',
        round2Deadline: '2023-01-10',
      },
    });
    expect(data.selfAssessmentText).toBe(
      'Các cơ quan, đơn vị tự đánh giá, chấm điểm theo các tiêu chí, tiêu chí thành phần và cập nhật tài liệu kiểm chứng trên hệ thống; hạn tự đánh giá là ngày 31/12/2022. Đã có 16/17 cơ quan, đơn vị hoàn thành và gửi kết quả tự đánh giá; chưa gửi: UBND xã Xuân Hòa.',
    );
    expect(data.appraisalText).toBe(
      '08 thành viên Hội đồng thẩm định được phân công thẩm định theo từng tiêu chí, tiêu chí thành phần, đối chiếu với tài liệu kiểm chứng của từng cơ quan, đơn vị. Thẩm định vòng 1 đến ngày 04/01/2023; các cơ quan, đơn vị giải trình, bổ sung tài liệu kiểm chứng đến ngày 05/01/2023; thẩm định vòng 2 đến ngày 10/01/2023. Trên cơ sở kết quả thẩm định, UBND huyện Bảo Yên tổng hợp kết quả Chỉ số cải cách hành chính năm 2022 của các cơ quan, đơn vị.',
    );
    // Seed 004, IV.2.1 names the commune that never self-assessed.
    expect(data.shortcomingsText).toContain(
      'Có đơn vị chưa gửi kết quả tự đánh giá, chấm điểm: UBND xã Xuân Hòa.',
    );
    expect(data.sipasHeading).toBe('KẾT QUẢ CHỈ SỐ SIPAS CỦA HUYỆN NĂM 2022');
  });
});

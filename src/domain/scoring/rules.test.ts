import { describe, expect, it } from 'vitest';
import { ruleInputs, scoreNode, validateRule, type ScoringRule } from './rules.ts';

const bands: ScoringRule = {
  type: 'bands',
  bands: [
    { fromPercent: 0, toPercent: 7000, points: 0 },
    { fromPercent: 7000, toPercent: 8000, points: 75 },
    { fromPercent: 8000, toPercent: 10000, toInclusive: true, points: 150 },
  ],
};

describe('what a user sees when a node is scored', () => {
  it('judgement: the entered score, never above the max', () => {
    expect(scoreNode({ type: 'judgement' }, 150, { score: 100 })).toEqual({
      ok: true,
      score: 100,
      notApplicable: false,
      explanation: 'Chấm điểm trực tiếp: 1,00/1,50 điểm',
    });
    expect(scoreNode({ type: 'judgement' }, 150, { score: 200 })).toEqual({
      ok: false,
      input: 'score',
      message: '“Điểm chấm” 2,00 vượt điểm tối đa 1,50',
    });
  });

  it('yes/no: full or nothing', () => {
    expect(scoreNode({ type: 'yes_no' }, 100, { achieved: true })).toMatchObject({
      score: 100,
      explanation: 'Đạt → 1,00 điểm',
    });
    expect(scoreNode({ type: 'yes_no' }, 100, { achieved: false })).toMatchObject({
      score: 0,
      explanation: 'Không đạt → 0,00 điểm',
    });
  });

  it('bands: half-open "from a % to under b %", with 100 % reachable', () => {
    const at = (numerator: number, denominator: number) =>
      scoreNode(bands, 150, { rate: { numerator, denominator } });
    expect(at(7, 10)).toMatchObject({
      score: 75,
      explanation: '7/10 = 70,0 % (khung từ 70 % đến dưới 80 %) → 0,75 điểm',
    });
    expect(at(79, 100)).toMatchObject({ score: 75 });
    expect(at(8, 10)).toMatchObject({
      score: 150,
      explanation: '8/10 = 80,0 % (khung từ 80 % đến 100 %) → 1,50 điểm',
    });
    expect(at(10, 10)).toMatchObject({ score: 150 });
    expect(at(69, 100)).toMatchObject({
      score: 0,
      explanation: '69/100 = 69,0 % (khung dưới 70 %) → 0,00 điểm',
    });
    // 7999/10000 shows as 80,0 % but is below 80 %: the band is decided on the exact rate.
    expect(at(7999, 10000)).toMatchObject({ score: 75 });
  });

  it('bands: a rate above 100 % only where a band has no upper bound', () => {
    const revenue: ScoringRule = {
      type: 'bands',
      bands: [
        { fromPercent: 0, toPercent: 10000, points: 0 },
        { fromPercent: 10000, toPercent: null, points: 100 },
      ],
    };
    expect(scoreNode(revenue, 100, { rate: { numerator: 110, denominator: 100 } })).toMatchObject({
      score: 100,
      explanation: '110/100 = 110,0 % (khung từ 100 % trở lên) → 1,00 điểm',
    });
    expect(scoreNode(revenue, 100, { rate: { numerator: 99, denominator: 100 } })).toMatchObject({
      score: 0,
    });
    expect(scoreNode(bands, 150, { rate: { numerator: 11, denominator: 10 } })).toEqual({
      ok: false,
      input: 'rate',
      message: '“Tỷ lệ đạt”: số đạt (11) không được lớn hơn tổng số (10)',
    });
  });

  it('proportional: max × rate, half-up to hundredths, then down to the step', () => {
    expect(
      scoreNode({ type: 'proportional' }, 150, { rate: { numerator: 6, denominator: 9 } }),
    ).toMatchObject({
      score: 100,
      explanation: '6/9 = 66,7 % → 1,00 điểm (1,50 × 6/9)',
    });
    expect(
      scoreNode({ type: 'proportional' }, 100, { rate: { numerator: 2, denominator: 3 } }),
    ).toMatchObject({ score: 67 });
    expect(
      scoreNode({ type: 'proportional', step: 25 }, 100, {
        rate: { numerator: 2, denominator: 3 },
      }),
    ).toMatchObject({
      score: 50,
      explanation: '2/3 = 66,7 % → 0,50 điểm (1,00 × 2/3 = 0,67, làm tròn xuống theo bước 0,25)',
    });
    expect(
      scoreNode({ type: 'proportional' }, 150, { rate: { numerator: 1, denominator: 0 } }),
    ).toEqual({
      ok: false,
      input: 'rate',
      message: '“Tỷ lệ đạt”: tổng số (mẫu số) phải là số nguyên lớn hơn 0',
    });
  });

  it('deduction: from the max, per incident, not below the floor', () => {
    const rule: ScoringRule = { type: 'deduction', perIncident: 25 };
    expect(scoreNode(rule, 100, { incidents: 0 })).toMatchObject({
      score: 100,
      explanation: 'Không có lần vi phạm → 1,00 điểm',
    });
    expect(scoreNode(rule, 100, { incidents: 3 })).toMatchObject({
      score: 25,
      explanation: '3 lần × 0,25 = 0,75 điểm bị trừ → 1,00 − 0,75 = 0,25 điểm',
    });
    expect(scoreNode(rule, 100, { incidents: 9 })).toMatchObject({
      score: 0,
      explanation: '9 lần × 0,25 = 2,25 điểm bị trừ → 0,00 điểm (không tính điểm âm)',
    });
    expect(scoreNode({ ...rule, floor: 50 }, 100, { incidents: 9 })).toMatchObject({ score: 50 });
    expect(scoreNode(rule, 100, { incidents: -1 })).toMatchObject({
      ok: false,
      input: 'incidents',
    });
  });

  it('timeliness: on time, late, too late, never', () => {
    const rule: ScoringRule = {
      type: 'timeliness',
      deadline: '2021-12-31',
      latePoints: 100,
      lateUntil: '2022-01-31',
    };
    expect(scoreNode(rule, 200, { issuedOn: '2021-12-31' })).toMatchObject({
      score: 200,
      explanation: 'Ban hành ngày 31/12/2021, đúng hạn (hạn 31/12/2021) → 2,00 điểm',
    });
    expect(scoreNode(rule, 200, { issuedOn: '2022-01-05' })).toMatchObject({
      score: 100,
      explanation: 'Ban hành ngày 05/01/2022, trễ hạn (hạn 31/12/2021) → 1,00 điểm',
    });
    expect(scoreNode(rule, 200, { issuedOn: '2022-02-01' })).toMatchObject({
      score: 0,
      explanation: 'Ban hành ngày 01/02/2022, trễ quá ngày 31/01/2022 (hạn 31/12/2021) → 0,00 điểm',
    });
    expect(scoreNode(rule, 200, { issuedOn: null })).toMatchObject({
      score: 0,
      explanation: 'Không ban hành (hạn 31/12/2021) → 0,00 điểm',
    });
    expect(scoreNode(rule, 200, {})).toEqual({
      ok: false,
      input: 'issuedOn',
      message: 'Chưa nhập “Ngày ban hành” (hoặc chọn “Không ban hành”)',
    });
    expect(scoreNode(rule, 200, { issuedOn: '2022-02-30' })).toMatchObject({
      ok: false,
      input: 'issuedOn',
    });
  });

  it('bonus and penalty: per item up to the cap', () => {
    expect(scoreNode({ type: 'bonus', perItem: 50, cap: 200 }, 200, { items: 3 })).toMatchObject({
      score: 150,
      explanation: '3 nội dung × 0,50 = 1,50 điểm cộng (tối đa 2,00) → 1,50 điểm cộng',
    });
    expect(scoreNode({ type: 'penalty', perItem: 100, cap: 300 }, 300, { items: 4 })).toMatchObject(
      {
        score: 300,
        explanation: '4 nội dung × 1,00 = 4,00 điểm trừ, vượt mức tối đa 3,00 → 3,00 điểm trừ',
      },
    );
  });

  it('not applicable only where the rule allows it', () => {
    const rule: ScoringRule = { type: 'yes_no', notApplicable: 'exclude' };
    expect(scoreNode(rule, 100, { notApplicable: true })).toEqual({
      ok: true,
      score: 0,
      notApplicable: true,
      explanation: 'Không áp dụng → loại khỏi cả điểm đạt và điểm tối đa',
    });
    expect(
      scoreNode({ type: 'yes_no', notApplicable: 'zero' }, 100, { notApplicable: true }),
    ).toMatchObject({
      explanation: 'Không áp dụng → 0,00 điểm (vẫn tính điểm tối đa 1,00)',
    });
    expect(scoreNode({ type: 'yes_no' }, 100, { notApplicable: true })).toEqual({
      ok: false,
      input: 'notApplicable',
      message: 'Tiêu chí này không được đánh giá là “không áp dụng”',
    });
  });
});

describe('the form each rule asks for', () => {
  it('declares typed inputs with Vietnamese labels', () => {
    expect(ruleInputs({ type: 'proportional' })).toEqual([
      {
        key: 'rate',
        type: 'rate',
        label: 'Tỷ lệ đạt',
        numeratorLabel: 'Số đạt (tử số)',
        denominatorLabel: 'Tổng số (mẫu số)',
        allowAbove100: false,
      },
    ]);
    expect(ruleInputs({ type: 'judgement' }, 150)).toEqual([
      { key: 'score', type: 'score', label: 'Điểm chấm', maxHundredths: 150 },
    ]);
    expect(
      ruleInputs({
        type: 'timeliness',
        deadline: '2021-12-31',
        latePoints: 50,
        notApplicable: 'exclude',
      }),
    ).toEqual([
      { key: 'issuedOn', type: 'date', label: 'Ngày ban hành', nullLabel: 'Không ban hành' },
      { key: 'notApplicable', type: 'boolean', label: 'Không áp dụng (KAD)', optional: true },
    ]);
    expect(ruleInputs({ type: 'deduction', perIncident: 25 }).map((i) => i.type)).toEqual([
      'count',
    ]);
    expect(ruleInputs({ type: 'yes_no' }).map((i) => i.type)).toEqual(['boolean']);
  });
});

describe('rule validation', () => {
  it('accepts a sound rule', () => {
    expect(validateRule(bands, 150)).toEqual([]);
    expect(validateRule({ type: 'proportional', step: 25 }, 150)).toEqual([]);
  });

  it('finds gaps, overlaps and bands worth more than the node', () => {
    expect(
      validateRule(
        {
          type: 'bands',
          bands: [
            { fromPercent: 0, toPercent: 5000, points: 0 },
            { fromPercent: 6000, toPercent: 9000, points: 200 },
            { fromPercent: 8500, toPercent: 10000, toInclusive: true, points: 150 },
          ],
        },
        150,
      ),
    ).toEqual([
      'Khung [60 %; 90 %) cho 2,00 điểm, vượt điểm tối đa của tiêu chí (1,50)',
      'Có khoảng trống giữa các khung: tỷ lệ từ 50 % đến dưới 60 % không thuộc khung nào',
      'Khung [60 %; 90 %) và khung [85 %; 100 %] chồng lên nhau',
    ]);
  });

  it('notices when 100 % or the bottom of the scale is not covered', () => {
    expect(
      validateRule(
        { type: 'bands', bands: [{ fromPercent: 5000, toPercent: 10000, points: 100 }] },
        100,
      ),
    ).toEqual([
      'Không có khung cho tỷ lệ dưới 50 %',
      'Tỷ lệ 100 % không thuộc khung nào; khung cuối ghi [50;100] để gồm 100 %',
    ]);
    expect(
      validateRule(
        {
          type: 'bands',
          bands: [
            { fromPercent: 0, toPercent: 10000, toInclusive: true, points: 0 },
            { fromPercent: 10000, toPercent: null, points: 100 },
          ],
        },
        100,
      ),
    ).toEqual(['Khung [0 %; 100 %] đã gồm 100 % nên trùng với khung [100 %; ∞)']);
  });

  it('catches rules worth more than their node and negative values', () => {
    expect(validateRule({ type: 'bonus', perItem: 50, cap: 300 }, 200)).toEqual([
      'Mức cộng tối đa (3,00) vượt điểm tối đa của tiêu chí (2,00)',
    ]);
    expect(
      validateRule({ type: 'timeliness', deadline: '2021-12-31', latePoints: 300 }, 200),
    ).toEqual(['Điểm khi ban hành trễ (3,00) vượt điểm tối đa của tiêu chí (2,00)']);
    expect(validateRule({ type: 'deduction', perIncident: -25 }, 100)).toEqual([
      'Số điểm trừ mỗi lần không được âm (-0,25)',
    ]);
    expect(validateRule({ type: 'proportional', step: 100 }, 150)).toEqual([
      'Điểm tối đa 1,50 không chia hết cho bước làm tròn 1,00 nên không bao giờ đạt điểm tối đa',
    ]);
    expect(validateRule({ type: 'judgement' }, 0)).toEqual([
      'Điểm tối đa của tiêu chí phải lớn hơn 0',
    ]);
    expect(
      validateRule(
        { type: 'timeliness', deadline: '2022-01-31', latePoints: 50, lateUntil: '2022-01-01' },
        100,
      ),
    ).toEqual(['Ngày hết nhận trễ (01/01/2022) phải sau hạn ban hành (31/01/2022)']);
  });
});

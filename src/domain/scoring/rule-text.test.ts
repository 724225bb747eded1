import { describe, expect, it } from 'vitest';
import { formatRuleText, parseRuleText, RULE_SYNTAX_HELP } from './rule-text.ts';
import type { ScoringRule } from './rules.ts';

const examples: [string, ScoringRule][] = [
  ['chấm điểm', { type: 'judgement' }],
  ['có/không', { type: 'yes_no' }],
  [
    'khung: [0;50)=0; [50;80)=0,5; [80;100]=1',
    {
      type: 'bands',
      bands: [
        { fromPercent: 0, toPercent: 5000, points: 0 },
        { fromPercent: 5000, toPercent: 8000, points: 50 },
        { fromPercent: 8000, toPercent: 10000, toInclusive: true, points: 100 },
      ],
    },
  ],
  [
    'khung: [0;100)=0; [100;∞)=1',
    {
      type: 'bands',
      bands: [
        { fromPercent: 0, toPercent: 10000, points: 0 },
        { fromPercent: 10000, toPercent: null, points: 100 },
      ],
    },
  ],
  ['tỷ lệ', { type: 'proportional' }],
  ['tỷ lệ: làm tròn 0,25', { type: 'proportional', step: 25 }],
  ['trừ: 0,25/lần; sàn 0', { type: 'deduction', perIncident: 25, floor: 0 }],
  [
    'đúng hạn: hạn 31/12/2021; trễ 1; quá 31/01/2022 = 0',
    { type: 'timeliness', deadline: '2021-12-31', latePoints: 100, lateUntil: '2022-01-31' },
  ],
  ['thưởng: 0,5/mục; tối đa 2', { type: 'bonus', perItem: 50, cap: 200 }],
  ['phạt: 1/mục; tối đa 3', { type: 'penalty', perItem: 100, cap: 300 }],
  ['có/không; KAD: loại trừ', { type: 'yes_no', notApplicable: 'exclude' }],
  ['chấm điểm; KAD: tính 0', { type: 'judgement', notApplicable: 'zero' }],
];

describe('rule text for the Excel column', () => {
  it.each(examples)('reads and writes “%s”', (text, rule) => {
    expect(parseRuleText(text)).toEqual({ ok: true, rule });
    expect(formatRuleText(rule)).toBe(text);
  });

  it('is lenient about case, spacing, missing diacritics and a decimal dot', () => {
    expect(parseRuleText('  KHUNG:[0 ; 50) = 0 ;[50;100] = 1.5 ')).toEqual({
      ok: true,
      rule: {
        type: 'bands',
        bands: [
          { fromPercent: 0, toPercent: 5000, points: 0 },
          { fromPercent: 5000, toPercent: 10000, toInclusive: true, points: 150 },
        ],
      },
    });
    expect(parseRuleText('cham diem')).toEqual({ ok: true, rule: { type: 'judgement' } });
    expect(parseRuleText('tru: 0.5/lan')).toEqual({
      ok: true,
      rule: { type: 'deduction', perIncident: 50 },
    });
    expect(parseRuleText('tỉ lệ')).toEqual({ ok: true, rule: { type: 'proportional' } });
    expect(parseRuleText('thuong: 1/muc; kad: loai tru')).toEqual({
      ok: true,
      rule: { type: 'bonus', perItem: 100, notApplicable: 'exclude' },
    });
    // Decomposed Vietnamese, as some Excel exports write it.
    expect(parseRuleText('có/không'.normalize('NFD'))).toEqual({
      ok: true,
      rule: { type: 'yes_no' },
    });
  });

  it('says what is wrong and where', () => {
    const error = (text: string) => {
      const r = parseRuleText(text);
      return r.ok ? 'ok' : r.error;
    };
    expect(error('')).toBe('Chưa ghi quy tắc chấm điểm');
    expect(error('khung: [0;50)=0; [50;80)=0,5x')).toBe(
      'Khung ở phần 2 “[50;80)=0,5x” không đúng dạng; ghi như [50;80)=0,5, khung cuối [80;100]=1 hoặc [100;∞)=1',
    );
    expect(error('khung: [0;50)=0; [50;80]=1')).toBe(
      'Chỉ khung kết thúc ở 100 % mới đóng bằng “]”; ở phần 2 “[50;80]=1” ghi “)”',
    );
    expect(error('khung: [0;50=0')).toBe('Thiếu dấu đóng ngoặc của khung trong “khung: [0;50=0”');
    expect(error('trừ: 0,125/lần')).toBe(
      'Số điểm trừ mỗi lần ở phần 1 “trừ: 0,125/lần”: “0,125” có 3 chữ số thập phân; điểm và tỷ lệ chỉ ghi tối đa hai chữ số sau dấu phẩy',
    );
    expect(error('đúng hạn: hạn 31/12/2021')).toBe(
      'Quy tắc “đúng hạn” cần ghi điểm khi ban hành trễ, ví dụ “; trễ 1” (ghi “; trễ 0” nếu trễ không được điểm)',
    );
    expect(error('đúng hạn: hạn 30/02/2022; trễ 1')).toBe(
      'Ngày “30/02/2022” ở phần 1 “đúng hạn: hạn 30/02/2022” không có thật',
    );
    expect(error('trừ: 0,25/lần; tối đa 2')).toBe(
      'Không hiểu phần 2 “tối đa 2” trong quy tắc “trừ”',
    );
    expect(error('có/không; sàn 0')).toBe(
      'Quy tắc “có/không” không có thêm tùy chọn; thừa phần 2 “sàn 0”',
    );
    expect(error('thưởng: 1/mục; tối đa 2; tối đa 3')).toBe('Phần 3 “tối đa 3” bị ghi lặp lại');
    expect(error('có/không; KAD: bỏ qua')).toBe(
      'Phần 2 “KAD: bỏ qua”: sau “KAD:” chỉ ghi “loại trừ” hoặc “tính 0”',
    );
    expect(error('điểm thưởng')).toMatch(
      /^Không nhận ra quy tắc ở phần 1 “điểm thưởng”. Các dạng hợp lệ: chấm điểm; có\/không/,
    );
  });

  it('ships a Vietnamese help text covering every form', () => {
    for (const word of [
      'chấm điểm',
      'có/không',
      'khung:',
      'tỷ lệ',
      'trừ:',
      'đúng hạn:',
      'thưởng:',
      'phạt:',
      'KAD: loại trừ',
    ]) {
      expect(RULE_SYNTAX_HELP).toContain(word);
    }
  });
});

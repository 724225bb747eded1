import { describe, expect, it } from 'vitest';
import { evidenceFindings, vietnamDay, type SignatureFacts } from './findings.ts';
import { readOfficialDocument } from './official-document.ts';

const PLAN = readOfficialDocument(
  [
    'UỶ BAN NHÂN DÂN XÃ QUY KỲ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Số: 87/KH-UBND\tQuy Kỳ, ngày 10 tháng 5 năm 2023',
    'KẾ HOẠCH',
    'Cải cách hành chính năm 2023',
  ].join('\n'),
);
const BLANK_REPORT = readOfficialDocument(
  'Số: /BC-UBND\nQuy Kỳ, ngày tháng 5 năm 2023\nBÁO CÁO\nKết quả tự đánh giá',
);

const signed = (over: Partial<SignatureFacts> = {}): SignatureFacts => ({
  valid: true,
  coversWholeFile: true,
  // 10/05/2023 09:00 in Vietnam.
  signingTime: '2023-05-10T02:00:00.000Z',
  signerName: 'Luân Đức Quỳnh',
  ...over,
});

const messages = (...args: Parameters<typeof evidenceFindings>) =>
  evidenceFindings(...args).map((f) => f.message);

describe('findings on evidence', () => {
  it('has nothing to say about a signed plan issued on time, in the year, of the type asked', () => {
    expect(
      evidenceFindings(PLAN, [signed()], {
        kind: 'plan',
        mustBeSigned: true,
        deadline: '2023-06-30',
        year: 2023,
      }),
    ).toEqual([]);
  });

  it('says a document is not signed when the sub-criterion asks for a signed one', () => {
    expect(evidenceFindings(PLAN, [], { mustBeSigned: true })).toEqual([
      {
        code: 'not_signed',
        severity: 'problem',
        params: {},
        message: 'Tài liệu chưa có chữ ký số; tiêu chí này yêu cầu văn bản đã ký.',
      },
    ]);
    expect(evidenceFindings(PLAN, [], {})).toEqual([]);
  });

  it('says a signature is broken, or that the file was changed after signing', () => {
    expect(messages(PLAN, [signed({ valid: false })], {})).toEqual([
      'Chữ ký số của Luân Đức Quỳnh không hợp lệ: nội dung đã ký không còn khớp với chữ ký.',
    ]);
    expect(messages(PLAN, [signed({ coversWholeFile: false })], {})).toEqual([
      'Tệp đã bị sửa sau khi Luân Đức Quỳnh ký số; cơ quan thẩm định sẽ thấy chữ ký không còn bảo đảm toàn vẹn.',
    ]);
    // An earlier signature never covers the later ones: only the last one counts.
    expect(messages(PLAN, [signed({ coversWholeFile: false }), signed()], {})).toEqual([]);
  });

  it('compares the signing day in Vietnam with the printed date', () => {
    expect(vietnamDay('2023-05-09T17:30:00.000Z')).toBe('2023-05-10');
    expect(messages(PLAN, [signed({ signingTime: '2023-05-09T17:30:00.000Z' })], {})).toEqual([]);
    expect(messages(PLAN, [signed({ signingTime: '2023-05-12T02:00:00.000Z' })], {})).toEqual([
      'Ngày ký số (12/05/2023) khác ngày ban hành ghi trên văn bản (10/05/2023).',
    ]);
  });

  it('flags a late document, another year and another type', () => {
    expect(messages(PLAN, [], { deadline: '2023-03-31', year: 2024, kind: 'report' })).toEqual([
      'Văn bản ban hành ngày 10/05/2023, sau thời hạn 31/03/2023.',
      'Văn bản ban hành năm 2023, không thuộc năm đánh giá 2024.',
      'Văn bản là kế hoạch, trong khi tiêu chí yêu cầu báo cáo.',
    ]);
  });

  it('flags a number and a day left blank', () => {
    expect(evidenceFindings(BLANK_REPORT, [], { year: 2023, kind: 'report' })).toEqual([
      {
        code: 'number_blank',
        severity: 'warning',
        params: { symbol: 'BC-UBND' },
        message: 'Số văn bản để trống (Số: /BC-UBND); văn bản chưa được vào sổ ban hành.',
      },
      {
        code: 'date_blank',
        severity: 'warning',
        params: {},
        message:
          'Ngày ban hành để trống trên văn bản; chưa xác định được văn bản ban hành khi nào.',
      },
    ]);
  });

  it('says when nothing could be read (a scan)', () => {
    expect(evidenceFindings(null, [], { mustBeSigned: true }).map((f) => f.code)).toEqual([
      'not_read',
      'not_signed',
    ]);
  });
});

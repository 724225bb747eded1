import { describe, expect, it } from 'vitest';
import {
  evidenceFindings,
  sameFileFindings,
  vietnamDay,
  type EvidenceAttachment,
  type SignatureFacts,
} from './findings.ts';
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

  it('puts the points at risk for a signing day other than the issue day unless the rule says warning', () => {
    const late = [signed({ signingTime: '2023-05-12T02:00:00.000Z' })];
    expect(evidenceFindings(PLAN, late, {}).map((f) => [f.code, f.severity])).toEqual([
      ['signing_date_differs', 'problem'],
    ]);
    expect(
      evidenceFindings(PLAN, late, { signingDateDiffers: 'warning' }).map((f) => f.severity),
    ).toEqual(['warning']);
  });

  it('says a signer’s chain was not checked when no trust anchors are configured', () => {
    expect(evidenceFindings(PLAN, [signed({ trust: 'not_checked' })], {})).toEqual([
      {
        code: 'trust_not_checked',
        severity: 'warning',
        params: { signer: 'Luân Đức Quỳnh' },
        message:
          'Không kiểm tra được chứng thư số của Luân Đức Quỳnh có thuộc tổ chức chứng thực chữ ký số được tin cậy hay không: máy chủ chưa được cấu hình chứng thư gốc (ví dụ chứng thư gốc quốc gia).',
      },
    ]);
    expect(evidenceFindings(PLAN, [signed({ trust: 'trusted' })], {})).toEqual([]);
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

describe('the same file attached to an unrelated sub-criterion', () => {
  const attach = (
    nodeCode: string,
    over: Partial<EvidenceAttachment> = {},
  ): EvidenceAttachment => ({
    nodeCode,
    criterionCode: nodeCode.split('.')[0]!,
    requiredKind: null,
    documentId: 7,
    contentKey: 'sha-of-the-plan',
    documentKind: 'plan',
    ...over,
  });
  const flagged = (list: EvidenceAttachment[]) =>
    sameFileFindings(list).map((f) => [f.nodeCode, f.documentId, f.finding.params.others]);

  it('says what the appraiser will see on both nodes when neither asks for this document', () => {
    expect(sameFileFindings([attach('2.4'), attach('3.2')])).toEqual([
      {
        nodeCode: '2.4',
        documentId: 7,
        finding: {
          code: 'same_file_unrelated_node',
          severity: 'problem',
          params: { node: '2.4', others: '3.2' },
          message:
            'Cùng tệp này cũng được gắn làm tài liệu kiểm chứng cho tiêu chí 3.2, không liên quan đến tiêu chí 2.4; cơ quan thẩm định sẽ thấy tài liệu không đúng với tiêu chí và có thể không công nhận điểm.',
        },
      },
      {
        nodeCode: '3.2',
        documentId: 7,
        finding: {
          code: 'same_file_unrelated_node',
          severity: 'problem',
          params: { node: '3.2', others: '2.4' },
          message:
            'Cùng tệp này cũng được gắn làm tài liệu kiểm chứng cho tiêu chí 2.4, không liên quan đến tiêu chí 3.2; cơ quan thẩm định sẽ thấy tài liệu không đúng với tiêu chí và có thể không công nhận điểm.',
        },
      },
    ]);
  });

  it('lets sub-criteria of the same criterion share a file', () => {
    expect(flagged([attach('1.1'), attach('1.3'), attach('1.10')])).toEqual([]);
  });

  it('lets nodes that ask for the same type of document share it', () => {
    expect(
      flagged([
        attach('1.2', { requiredKind: 'report', documentKind: 'report' }),
        attach('5.1', { requiredKind: 'report', documentKind: null }),
      ]),
    ).toEqual([]);
  });

  it('finds the same content under two records, and spares the node that asks for this type', () => {
    expect(
      flagged([
        attach('1.1', { requiredKind: 'plan' }),
        attach('2.4', { documentId: 9 }),
        attach('8.5.1', { documentId: 9, criterionCode: '8' }),
      ]),
    ).toEqual([
      ['2.4', 9, '1.1, 8.5.1'],
      ['8.5.1', 9, '1.1, 2.4'],
    ]);
  });

  it('says nothing of different files, or of a file attached to one node only', () => {
    expect(
      flagged([
        attach('2.4'),
        attach('3.2', { contentKey: 'another file', documentId: 8 }),
        attach('4.1', { contentKey: 'a third', documentId: 10 }),
        attach('4.1', { contentKey: 'a third', documentId: 10 }),
      ]),
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  dedupeKeys,
  describeAnswerProblem,
  findDuplicates,
  isUuid,
  validateSubmission,
  type SubmissionInput,
} from './answers.ts';
import { DEFAULT_QUESTIONNAIRE, scaleQuestions } from './questionnaire.ts';

function validInput(overrides: Partial<SubmissionInput> = {}): SubmissionInput {
  const answers: Record<string, unknown> = {};
  for (const { question } of scaleQuestions(DEFAULT_QUESTIONNAIRE)) answers[question.id] = 4;
  return {
    clientId: '3F2504E0-4F89-41D3-9A0C-0305E82C3301',
    questionnaireId: 'sipas-bnv-2023',
    questionnaireVersion: '2023.1',
    unitId: 'xa-quy-ky',
    fieldId: 'tu-phap-ho-tich',
    answers,
    profile: { respondentType: 'individual', channel: 'online', gender: 'female' },
    suggestion: '  Nên bố trí thêm ghế chờ.  ',
    dossierCode: '000.00.21.h13-230515-0001',
    paperSerial: null,
    ...overrides,
  };
}

function problems(input: SubmissionInput): string[] {
  const result = validateSubmission(DEFAULT_QUESTIONNAIRE, input);
  return result.ok ? [] : result.problems.map(describeAnswerProblem);
}

describe('validating a submission', () => {
  it('accepts a complete form and normalises it', () => {
    const result = validateSubmission(DEFAULT_QUESTIONNAIRE, validInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.submission.clientId).toBe('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
    expect(result.submission.dossierCode).toBe('000.00.21.H13-230515-0001');
    expect(result.submission.suggestion).toBe('Nên bố trí thêm ghế chờ.');
    expect(result.submission.answers['TQ']).toBe(4);
    expect(result.submission.profile).toEqual({
      respondentType: 'individual',
      channel: 'online',
      gender: 'female',
    });
  });

  it('accepts "no answer" where the question allows it', () => {
    const input = validInput();
    const answers = { ...input.answers, '5.1': 'no-answer', '5.2': 'no-answer' };
    expect(problems({ ...input, answers })).toEqual([]);
  });

  it('locates missing, invalid and unknown answers', () => {
    const input = validInput();
    const answers: Record<string, unknown> = { ...input.answers, '2.1': 6, '3.2': 'no-answer' };
    delete answers['2.3'];
    answers['9.9'] = 3;
    answers['TQ'] = '4';
    expect(problems({ ...input, answers })).toEqual([
      'answers.2.1: Câu 2.1: câu trả lời 6 không hợp lệ; chỉ nhận mức 1 (Rất không hài lòng) đến 5 (Rất hài lòng)',
      'answers.2.3: Chưa trả lời câu 2.3: “Ông/Bà hài lòng thế nào về phí, lệ phí phải nộp (đúng quy định đã công khai)?”',
      'answers.3.2: Câu 3.2 bắt buộc chọn một mức đánh giá, không được để “Không trả lời”',
      'answers.TQ: Câu TQ: câu trả lời “4” không hợp lệ; chỉ nhận mức 1 (Rất không hài lòng) đến 5 (Rất hài lòng)',
      'answers.9.9: Phiếu không có câu hỏi mã “9.9”',
    ]);
  });

  it('checks the profile against the options', () => {
    expect(
      problems(
        validInput({ profile: { respondentType: 'company', ageGroup: 'over-60', job: 'x' } }),
      ),
    ).toEqual([
      'profile.respondentType: “Ông/Bà là”: giá trị “company” không có trong các lựa chọn (individual = Cá nhân; organisation = Đại diện tổ chức)',
      'profile.channel: Chưa chọn “Ông/Bà đã nộp hồ sơ theo hình thức nào?”',
      'profile.job: “job”: không có thông tin này trên phiếu',
    ]);
  });

  it('checks ids, version, suggestion length and identifier formats', () => {
    expect(
      problems(
        validInput({
          clientId: 'abc',
          questionnaireVersion: '2017.1',
          suggestion: 'ý'.repeat(2001),
          dossierCode: 'HS 12',
          paperSerial: 'số#1',
          fieldId: 'y-te',
        }),
      ),
    ).toEqual([
      'clientId: Mã phiếu “abc” không đúng định dạng UUID',
      'questionnaireVersion: Phiếu theo mẫu sipas-bnv-2023 phiên bản 2017.1, nhưng đợt khảo sát dùng mẫu sipas-bnv-2023 phiên bản 2023.1',
      'suggestion: Ý kiến góp ý dài 2001 ký tự, vượt giới hạn 2000 ký tự',
      'dossierCode: Mã hồ sơ “HS 12” không đúng định dạng (ví dụ đúng: 000.00.21.H13-230515-0001)',
      'paperSerial: Số sê-ri phiếu giấy “số#1” không hợp lệ (chỉ gồm chữ, số, dấu chấm, gạch chéo, gạch ngang; tối đa 32 ký tự)',
    ]);
    const restricted = validateSubmission(DEFAULT_QUESTIONNAIRE, validInput({ fieldId: 'y-te' }), {
      dossierCodePattern: '.*',
      paperSerialPattern: '.*',
      fieldIds: ['dat-dai'],
    });
    expect(restricted.ok ? [] : restricted.problems).toEqual([
      { path: 'fieldId', message: 'Lĩnh vực “y-te” không thuộc đợt khảo sát này' },
    ]);
  });

  it('recognises UUIDs', () => {
    expect(isUuid('3f2504e0-4f89-41d3-9a0c-0305e82c3301')).toBe(true);
    expect(isUuid('01890a5d-ac96-774b-bcce-b302099a8057')).toBe(true); // v7
    expect(isUuid('3f2504e0-4f89-01d3-9a0c-0305e82c3301')).toBe(false);
    expect(isUuid('3f2504e04f8941d39a0c0305e82c3301')).toBe(false);
  });
});

describe('de-duplication keys', () => {
  it('uses the client id, the dossier code and the paper serial per unit', () => {
    expect(
      dedupeKeys({
        clientId: ' 3F2504E0-4F89-41D3-9A0C-0305E82C3301 ',
        unitId: 'u1',
        dossierCode: '000.00.21.h13-230515-0001',
        paperSerial: ' a 0012 ',
      }),
    ).toEqual([
      'client:3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      'dossier:000.00.21.H13-230515-0001',
      'paper:u1:A0012',
    ]);
    expect(dedupeKeys({ clientId: 'x', unitId: 'u1', dossierCode: '  ' })).toEqual(['client:x']);
  });

  it('finds repeated forms, keeping the first', () => {
    const forms = [
      { clientId: 'a', unitId: 'u1', dossierCode: 'D-1' },
      { clientId: 'b', unitId: 'u1', paperSerial: '7' },
      { clientId: 'A', unitId: 'u2' },
      { clientId: 'c', unitId: 'u1', dossierCode: 'd-1' },
      { clientId: 'd', unitId: 'u2', paperSerial: '7' },
      { clientId: 'e', unitId: 'u1', paperSerial: '7' },
    ];
    expect(findDuplicates(forms)).toEqual([
      { index: 2, duplicateOf: 0, key: 'client:a' },
      { index: 3, duplicateOf: 0, key: 'dossier:D-1' },
      { index: 5, duplicateOf: 1, key: 'paper:u1:7' },
    ]);
  });
});

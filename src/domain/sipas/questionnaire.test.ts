import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUESTIONNAIRE,
  ELEMENT_IDS,
  describeQuestionnaireProblem,
  exportQuestionnaire,
  importQuestionnaire,
  scaleQuestions,
  validateQuestionnaire,
} from './questionnaire.ts';

const clone = (): Record<string, unknown> =>
  JSON.parse(exportQuestionnaire(DEFAULT_QUESTIONNAIRE)) as Record<string, unknown>;

function problemsOf(value: unknown): string[] {
  const result = importQuestionnaire(JSON.stringify(value));
  return result.ok ? [] : result.problems.map(describeQuestionnaireProblem);
}

describe('the default questionnaire', () => {
  it('is valid and follows the five elements in order', () => {
    expect(validateQuestionnaire(DEFAULT_QUESTIONNAIRE)).toEqual([]);
    expect(DEFAULT_QUESTIONNAIRE.elements.map((e) => e.id)).toEqual(ELEMENT_IDS);
    expect(DEFAULT_QUESTIONNAIRE.elements.every((e) => e.questions.length >= 3)).toBe(true);
  });

  it('has unique question ids and ends with the overall question', () => {
    const ids = scaleQuestions(DEFAULT_QUESTIONNAIRE).map((x) => x.question.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe('TQ');
  });

  it('asks the profile: individual/organisation, age group, gender, channel', () => {
    expect(DEFAULT_QUESTIONNAIRE.profile.map((p) => p.key)).toEqual([
      'respondentType',
      'ageGroup',
      'gender',
      'channel',
    ]);
    const channel = DEFAULT_QUESTIONNAIRE.profile.find((p) => p.key === 'channel');
    expect(channel?.options.map((o) => o.value)).toEqual(['counter', 'online', 'post']);
  });

  it('lists what is still to confirm', () => {
    expect(DEFAULT_QUESTIONNAIRE.toConfirm.length).toBeGreaterThan(0);
    expect(DEFAULT_QUESTIONNAIRE.basis).toContain('1001/QĐ-BNV');
  });
});

describe('JSON import and export', () => {
  it('round-trips the default questionnaire', () => {
    const result = importQuestionnaire(exportQuestionnaire(DEFAULT_QUESTIONNAIRE));
    expect(result).toEqual({ ok: true, questionnaire: DEFAULT_QUESTIONNAIRE });
  });

  it('accepts an edited questionnaire (an element dropped, a question added)', () => {
    const edited = clone();
    const elements = edited['elements'] as { questions: unknown[] }[];
    elements.pop();
    elements[0]?.questions.push({
      id: '1.4',
      text: 'Câu hỏi bổ sung của tỉnh',
      required: false,
      allowNoAnswer: true,
    });
    const result = importQuestionnaire(JSON.stringify(edited));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.questionnaire.elements).toHaveLength(4);
  });

  it('says when the text is not JSON', () => {
    const result = importQuestionnaire('{ "id": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/^Tệp không phải JSON hợp lệ/);
  });

  it('rejects a non-object and a wrong format version', () => {
    expect(problemsOf([])).toEqual(['Phải là một đối tượng']);
    const wrong = { ...clone(), formatVersion: 2 };
    expect(problemsOf(wrong)).toEqual(['formatVersion: Phiên bản định dạng phải là 1 (tệp ghi 2)']);
  });

  it('names the path of every problem', () => {
    const bad = clone();
    const elements = bad['elements'] as Record<string, unknown>[];
    const procedure = elements[1] as { questions: Record<string, unknown>[] };
    (procedure.questions[0] as Record<string, unknown>)['text'] = '  ';
    (procedure.questions[1] as Record<string, unknown>)['id'] = '1.1';
    (elements[2] as Record<string, unknown>)['id'] = 'policy';
    (elements[3] as Record<string, unknown>)['id'] = 'access';
    (procedure.questions[2] as Record<string, unknown>)['required'] = 'có';
    const profile = bad['profile'] as { options: Record<string, unknown>[] }[];
    (profile[2]?.options[1] as Record<string, unknown>)['value'] = 'male';
    (bad['suggestion'] as Record<string, unknown>)['maxLength'] = 0;
    delete bad['overallQuestion'];

    expect(problemsOf(bad)).toEqual([
      'elements[1].questions[0].text: Không được để trống',
      'elements[1].questions[1].id: Mã câu hỏi “1.1” trùng với elements[0].questions[0]',
      'elements[1].questions[2].required: Phải là true hoặc false',
      'elements[2].id: Yếu tố không hợp lệ; chỉ nhận: access, procedure, civil-servant, result, feedback',
      'elements[3].id: Yếu tố “Tiếp cận dịch vụ” xuất hiện hai lần',
      'overallQuestion: Thiếu đối tượng',
      'profile[2].options[1].value: Mã lựa chọn “male” bị trùng',
      'suggestion.maxLength: Phải là số nguyên từ 1 đến 10000',
    ]);
  });
});

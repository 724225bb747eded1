/** The questionnaire editor's working copy: round trip, edits, and the problems it names. */
import { DEFAULT_QUESTIONNAIRE } from '@domain/sipas/questionnaire.ts';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { vi } from '../../i18n/vi.ts';
import {
  addElement,
  addQuestion,
  draftProblems,
  fromDraft,
  missingElements,
  moveQuestion,
  nextVersion,
  removeQuestion,
  toDraft,
  updateQuestion,
  type QuestionnaireDraft,
} from './questionnaire-edit.ts';

let t: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { vi: { translation: vi } },
    lng: 'vi',
    interpolation: { escapeValue: false },
  });
  t = instance.t;
});

const elementKey = (d: QuestionnaireDraft, index: number) => d.elements[index]!.key;

describe('the working copy', () => {
  it('gives back the questionnaire it was made from', () => {
    expect(fromDraft(toDraft(DEFAULT_QUESTIONNAIRE))).toEqual(DEFAULT_QUESTIONNAIRE);
    expect(draftProblems(toDraft(DEFAULT_QUESTIONNAIRE), t).size).toBe(0);
  });

  it('adds a question after another with the next free code, moves and removes it', () => {
    const d = toDraft(DEFAULT_QUESTIONNAIRE);
    const procedure = elementKey(d, 1);
    const first = d.elements[1]!.questions[0]!.key;
    const added = addQuestion(d, procedure, first);
    expect(added.draft.elements[1]!.questions.map((q) => q.id)).toEqual([
      '2.1',
      '2.5',
      '2.2',
      '2.3',
      '2.4',
    ]);
    const moved = moveQuestion(added.draft, procedure, added.key, -1);
    expect(moved.elements[1]!.questions.map((q) => q.id).slice(0, 2)).toEqual(['2.5', '2.1']);
    // At the top it stays where it is.
    expect(moveQuestion(moved, procedure, added.key, -1).elements[1]!.questions[0]!.id).toBe('2.5');
    const removed = removeQuestion(moved, procedure, added.key);
    expect(fromDraft(removed)).toEqual(DEFAULT_QUESTIONNAIRE);
  });

  it('puts an added element back in the decision’s order', () => {
    const d = toDraft(DEFAULT_QUESTIONNAIRE);
    const without = { ...d, elements: d.elements.filter((e) => e.id !== 'procedure') };
    expect(missingElements(without)).toEqual(['procedure']);
    const back = addElement(without, 'procedure');
    expect(back.elements.map((e) => e.id)).toEqual([
      'access',
      'procedure',
      'civil-servant',
      'result',
      'feedback',
    ]);
    expect(back.elements[1]!.name).toBe('Thủ tục hành chính');
  });

  it('proposes the next version not yet taken', () => {
    expect(nextVersion('2023.1', ['2023.1'])).toBe('2023.2');
    expect(nextVersion('2023.1', ['2023.1', '2023.2', '2023.3'])).toBe('2023.4');
    expect(nextVersion('ban-dau', [])).toBe('ban-dau.2');
  });
});

describe('problems named in Vietnamese where they are', () => {
  it('an element without questions, an empty text, a repeated code', () => {
    let d = toDraft(DEFAULT_QUESTIONNAIRE);
    const access = elementKey(d, 0);
    for (const q of d.elements[0]!.questions) d = removeQuestion(d, access, q.key);
    const result = d.elements[3]!;
    d = updateQuestion(d, result.key, result.questions[0]!.key, { text: '   ' });
    d = updateQuestion(d, result.key, result.questions[1]!.key, { id: '2.1' });
    const problems = draftProblems(d, t);
    expect(problems.get('elements[0].questions')).toBe(
      'Yếu tố này chưa có câu hỏi nào; hãy thêm câu hỏi hoặc bỏ yếu tố',
    );
    expect(problems.get('elements[3].questions[0].text')).toBe('Chưa nhập nội dung');
    expect(problems.get('elements[3].questions[1].id')).toBe(
      'Mã «2.1» trùng với một câu hỏi của yếu tố «Thủ tục hành chính»',
    );
    expect(problems.size).toBe(3);
  });

  it('a bad code, an empty version, a bad limit, a profile without options', () => {
    const d = toDraft(DEFAULT_QUESTIONNAIRE);
    const problems = draftProblems(
      {
        ...d,
        version: '',
        overall: { ...d.overall, id: 'TQ 1' },
        suggestionMax: '0',
        profile: d.profile.map((p, i) => (i === 0 ? { ...p, options: [] } : p)),
      },
      t,
    );
    expect(Object.fromEntries(problems)).toEqual({
      version: 'Chưa nhập mã',
      'overallQuestion.id':
        'Mã chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (tối đa 32 ký tự)',
      'profile[0].options': 'Cần ít nhất một lựa chọn',
      'suggestion.maxLength': 'Nhập số nguyên từ 1 đến 10.000',
    });
  });
});

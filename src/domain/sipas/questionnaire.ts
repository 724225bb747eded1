/**
 * SIPAS questionnaires as versioned plain data: the five elements of a public service with their
 * questions on a five-level satisfaction scale (plus "no answer"), the overall question, the
 * respondent profile and the open suggestion. Holds the default questionnaire following the
 * structure of Decision 1001/QĐ-BNV (2023–2026), its validation with located Vietnamese messages,
 * and JSON import/export.
 *
 * The default question texts are written from the published structure, not copied from the
 * decision's annex: every one is listed in `toConfirm` until checked against the official form.
 */

/** The five elements of a service measured by SIPAS, in the decision's order. */
export type ElementId = 'access' | 'procedure' | 'civil-servant' | 'result' | 'feedback';

/** All element ids in the decision's order. */
export const ELEMENT_IDS: readonly ElementId[] = Object.freeze([
  'access',
  'procedure',
  'civil-servant',
  'result',
  'feedback',
]);

/** Vietnamese names of the elements, for tables and reports. */
export const ELEMENT_NAMES: Readonly<Record<ElementId, string>> = Object.freeze({
  access: 'Tiếp cận dịch vụ',
  procedure: 'Thủ tục hành chính',
  'civil-servant': 'Công chức trực tiếp giải quyết công việc',
  result: 'Kết quả giải quyết công việc',
  feedback: 'Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị',
});

/** A level on the five-level scale: 1 very dissatisfied … 5 very satisfied. */
export type SatisfactionLevel = 1 | 2 | 3 | 4 | 5;

/** The levels from lowest to highest. */
export const SATISFACTION_LEVELS: readonly SatisfactionLevel[] = Object.freeze([1, 2, 3, 4, 5]);

/** The answer "no answer / not applicable", which is not a valid answer for the indexes. */
export const NO_ANSWER = 'no-answer';

/** One answer to a scale question: a level, or "no answer". */
export type AnswerValue = SatisfactionLevel | typeof NO_ANSWER;

/** Vietnamese labels of the answers, as the forms print them. */
export const ANSWER_LABELS: Readonly<Record<AnswerValue, string>> = Object.freeze({
  1: 'Rất không hài lòng',
  2: 'Không hài lòng',
  3: 'Bình thường',
  4: 'Hài lòng',
  5: 'Rất hài lòng',
  [NO_ANSWER]: 'Không trả lời',
});

/** True for 1…5 (a number, not a string). */
export function isSatisfactionLevel(value: unknown): value is SatisfactionLevel {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

/** A question answered on the five-level scale. */
export interface ScaleQuestion {
  /** Stable id, also the printed number: "1.2", "TQ". */
  id: string;
  text: string;
  /** The answer must be present in a submission (possibly "no answer" when that is allowed). */
  required: boolean;
  /** "No answer" may be chosen (a respondent who never sent feedback, did not apply online…). */
  allowNoAnswer: boolean;
}

/** One element with its questions; all its answers count towards the element index. */
export interface QuestionnaireElement {
  id: ElementId;
  name: string;
  questions: readonly ScaleQuestion[];
}

/** The profile questions a form may ask. */
export type ProfileKey = 'respondentType' | 'ageGroup' | 'gender' | 'channel';

/** All profile keys, in form order. */
export const PROFILE_KEYS: readonly ProfileKey[] = Object.freeze([
  'respondentType',
  'ageGroup',
  'gender',
  'channel',
]);

/** A closed profile question and its options (values are stable codes, labels Vietnamese). */
export interface ProfileQuestion {
  key: ProfileKey;
  text: string;
  required: boolean;
  options: readonly { value: string; label: string }[];
}

/** The open suggestion at the end of the form. */
export interface SuggestionSpec {
  prompt: string;
  /** Most characters (Unicode code points) accepted. */
  maxLength: number;
}

/** The questionnaire format written by exportQuestionnaire and read by importQuestionnaire. */
export const QUESTIONNAIRE_FORMAT_VERSION = 1;

/** A versioned questionnaire. */
export interface Questionnaire {
  formatVersion: typeof QUESTIONNAIRE_FORMAT_VERSION;
  /** Stable id of the questionnaire family: "sipas-bnv-2023". */
  id: string;
  /** Version of this family: "2023.1"; a campaign pins id and version. */
  version: string;
  name: string;
  /** Legal basis, for reports. */
  basis: string;
  elements: readonly QuestionnaireElement[];
  overallQuestion: ScaleQuestion;
  profile: readonly ProfileQuestion[];
  suggestion: SuggestionSpec;
  /** What still has to be checked against the official texts. */
  toConfirm: readonly string[];
}

const q = (id: string, text: string, allowNoAnswer = false): ScaleQuestion => ({
  id,
  text,
  required: true,
  allowNoAnswer,
});

/** The default questionnaire, following the structure of Decision 1001/QĐ-BNV (texts to confirm). */
export const DEFAULT_QUESTIONNAIRE: Questionnaire = {
  formatVersion: QUESTIONNAIRE_FORMAT_VERSION,
  id: 'sipas-bnv-2023',
  version: '2023.1',
  name: 'Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước',
  basis: 'Quyết định số 1001/QĐ-BNV ngày 11/12/2023 của Bộ Nội vụ (giai đoạn 2023–2026)',
  elements: [
    {
      id: 'access',
      name: ELEMENT_NAMES.access,
      questions: [
        q(
          '1.1',
          'Ông/Bà hài lòng thế nào về việc tìm hiểu thông tin về thủ tục hành chính (niêm yết tại nơi tiếp nhận, Cổng dịch vụ công, tổng đài hỗ trợ)?',
        ),
        q(
          '1.2',
          'Ông/Bà hài lòng thế nào về nơi tiếp nhận và trả kết quả (dễ tìm, đủ chỗ ngồi, trang thiết bị phục vụ đầy đủ, dễ sử dụng)?',
        ),
        q(
          '1.3',
          'Ông/Bà hài lòng thế nào về việc nộp hồ sơ trực tuyến hoặc qua dịch vụ bưu chính công ích (nếu đã sử dụng)?',
          true,
        ),
      ],
    },
    {
      id: 'procedure',
      name: ELEMENT_NAMES.procedure,
      questions: [
        q(
          '2.1',
          'Ông/Bà hài lòng thế nào về việc thủ tục hành chính được công khai đầy đủ, chính xác?',
        ),
        q(
          '2.2',
          'Ông/Bà hài lòng thế nào về thành phần hồ sơ phải nộp (đúng quy định, không bị yêu cầu thêm giấy tờ)?',
        ),
        q('2.3', 'Ông/Bà hài lòng thế nào về phí, lệ phí phải nộp (đúng quy định đã công khai)?'),
        q('2.4', 'Ông/Bà hài lòng thế nào về thời hạn giải quyết theo quy định?'),
      ],
    },
    {
      id: 'civil-servant',
      name: ELEMENT_NAMES['civil-servant'],
      questions: [
        q(
          '3.1',
          'Ông/Bà hài lòng thế nào về thái độ giao tiếp của công chức (lịch sự, tôn trọng, chú ý lắng nghe)?',
        ),
        q(
          '3.2',
          'Ông/Bà hài lòng thế nào về việc công chức hướng dẫn, giải thích đầy đủ, dễ hiểu?',
        ),
        q(
          '3.3',
          'Ông/Bà hài lòng thế nào về việc công chức tuân thủ đúng quy định, không gây phiền hà, nhũng nhiễu?',
        ),
      ],
    },
    {
      id: 'result',
      name: ELEMENT_NAMES.result,
      questions: [
        q('4.1', 'Ông/Bà hài lòng thế nào về việc kết quả giải quyết đúng quy định?'),
        q(
          '4.2',
          'Ông/Bà hài lòng thế nào về thông tin trên kết quả giải quyết (đầy đủ, chính xác)?',
        ),
        q('4.3', 'Ông/Bà hài lòng thế nào về việc nhận kết quả đúng hẹn?'),
      ],
    },
    {
      id: 'feedback',
      name: ELEMENT_NAMES.feedback,
      questions: [
        q(
          '5.1',
          'Ông/Bà hài lòng thế nào về việc cơ quan bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị (hòm thư, số điện thoại, cổng trực tuyến)?',
          true,
        ),
        q(
          '5.2',
          'Ông/Bà hài lòng thế nào về việc cơ quan tiếp nhận, xử lý tích cực góp ý, phản ánh, kiến nghị của mình?',
          true,
        ),
        q(
          '5.3',
          'Ông/Bà hài lòng thế nào về việc được thông báo kịp thời kết quả xử lý góp ý, phản ánh, kiến nghị?',
          true,
        ),
      ],
    },
  ],
  overallQuestion: q(
    'TQ',
    'Nhìn chung, Ông/Bà hài lòng thế nào về sự phục vụ của cơ quan hành chính nhà nước khi giải quyết thủ tục hành chính này?',
  ),
  profile: [
    {
      key: 'respondentType',
      text: 'Ông/Bà là',
      required: true,
      options: [
        { value: 'individual', label: 'Cá nhân' },
        { value: 'organisation', label: 'Đại diện tổ chức' },
      ],
    },
    {
      key: 'ageGroup',
      text: 'Độ tuổi',
      required: false,
      options: [
        { value: 'under-25', label: 'Dưới 25 tuổi' },
        { value: '25-34', label: 'Từ 25 đến 34 tuổi' },
        { value: '35-49', label: 'Từ 35 đến 49 tuổi' },
        { value: '50-60', label: 'Từ 50 đến 60 tuổi' },
        { value: 'over-60', label: 'Trên 60 tuổi' },
      ],
    },
    {
      key: 'gender',
      text: 'Giới tính',
      required: false,
      options: [
        { value: 'male', label: 'Nam' },
        { value: 'female', label: 'Nữ' },
      ],
    },
    {
      key: 'channel',
      text: 'Ông/Bà đã nộp hồ sơ theo hình thức nào?',
      required: true,
      options: [
        { value: 'counter', label: 'Trực tiếp tại Bộ phận Một cửa' },
        { value: 'online', label: 'Trực tuyến qua Cổng dịch vụ công' },
        { value: 'post', label: 'Qua dịch vụ bưu chính công ích' },
      ],
    },
  ],
  suggestion: {
    prompt:
      'Ông/Bà có góp ý, đề xuất gì để cơ quan hành chính nhà nước phục vụ người dân, tổ chức tốt hơn?',
    maxLength: 2000,
  },
  toConfirm: [
    'Nội dung từng câu hỏi theo mẫu phiếu ban hành kèm Quyết định 1001/QĐ-BNV (đang viết theo cấu trúc 5 yếu tố, chưa đối chiếu nguyên văn)',
    'Số câu hỏi của mỗi yếu tố và câu hỏi nào được chọn "Không trả lời"',
    'Các nhóm độ tuổi và lựa chọn giới tính trên phiếu',
    'Giới hạn 2.000 ký tự cho ý kiến góp ý',
  ],
};

/** A questionnaire problem located at a JSON path ("elements[1].questions[0].text"; "" = the whole). */
export interface QuestionnaireProblem {
  path: string;
  message: string;
}

/** Writes a problem for display: "elements[1].questions[0].text: Thiếu nội dung câu hỏi". */
export function describeQuestionnaireProblem(problem: QuestionnaireProblem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}

const ID_PATTERN = /^[A-Za-z0-9._-]{1,32}$/;
const OPTION_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
const MAX_TEXT = 1000;
const MAX_SUGGESTION = 10_000;

type Json = unknown;

function isRecord(value: Json): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects problems while reading an untrusted value into typed data. */
class Reader {
  readonly problems: QuestionnaireProblem[] = [];

  fail(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  text(obj: Record<string, unknown>, key: string, path: string, max = MAX_TEXT): string {
    const value = obj[key];
    const at = join(path, key);
    if (typeof value !== 'string') {
      this.fail(
        at,
        value === undefined ? 'Thiếu giá trị (cần một chuỗi ký tự)' : 'Phải là chuỗi ký tự',
      );
      return '';
    }
    if (value.trim() === '') this.fail(at, 'Không được để trống');
    else if ([...value].length > max) this.fail(at, `Dài quá ${max} ký tự`);
    return value;
  }

  id(obj: Record<string, unknown>, key: string, path: string): string {
    const value = this.text(obj, key, path, 64);
    if (value.trim() !== '' && !ID_PATTERN.test(value)) {
      this.fail(
        join(path, key),
        `Mã “${value}” không hợp lệ (chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới; tối đa 32 ký tự)`,
      );
    }
    return value;
  }

  bool(obj: Record<string, unknown>, key: string, path: string): boolean {
    const value = obj[key];
    if (typeof value !== 'boolean') {
      this.fail(join(path, key), 'Phải là true hoặc false');
      return false;
    }
    return value;
  }

  array(obj: Record<string, unknown>, key: string, path: string): unknown[] {
    const value = obj[key];
    if (!Array.isArray(value)) {
      this.fail(join(path, key), value === undefined ? 'Thiếu danh sách' : 'Phải là một danh sách');
      return [];
    }
    return value;
  }

  record(value: unknown, path: string): Record<string, unknown> | null {
    if (!isRecord(value)) {
      this.fail(path, value === undefined ? 'Thiếu đối tượng' : 'Phải là một đối tượng');
      return null;
    }
    return value;
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function readQuestion(r: Reader, value: unknown, path: string): ScaleQuestion | null {
  const obj = r.record(value, path);
  if (!obj) return null;
  return {
    id: r.id(obj, 'id', path),
    text: r.text(obj, 'text', path),
    required: r.bool(obj, 'required', path),
    allowNoAnswer: r.bool(obj, 'allowNoAnswer', path),
  };
}

function readProfile(r: Reader, value: unknown, path: string): ProfileQuestion | null {
  const obj = r.record(value, path);
  if (!obj) return null;
  const key = obj['key'];
  if (typeof key !== 'string' || !(PROFILE_KEYS as readonly string[]).includes(key)) {
    r.fail(
      join(path, 'key'),
      `Thông tin người trả lời không hỗ trợ; chỉ nhận: ${PROFILE_KEYS.join(', ')}`,
    );
  }
  const options: { value: string; label: string }[] = [];
  const seen = new Set<string>();
  const list = r.array(obj, 'options', path);
  if (Array.isArray(obj['options']) && list.length === 0) {
    r.fail(join(path, 'options'), 'Cần ít nhất một lựa chọn');
  }
  list.forEach((item, i) => {
    const at = join(join(path, 'options'), i);
    const o = r.record(item, at);
    if (!o) return;
    const optionValue = r.text(o, 'value', at, 32);
    if (optionValue !== '' && !OPTION_PATTERN.test(optionValue)) {
      r.fail(
        join(at, 'value'),
        `Mã lựa chọn “${optionValue}” không hợp lệ (chữ thường không dấu, chữ số, gạch ngang)`,
      );
    }
    if (seen.has(optionValue)) r.fail(join(at, 'value'), `Mã lựa chọn “${optionValue}” bị trùng`);
    seen.add(optionValue);
    options.push({ value: optionValue, label: r.text(o, 'label', at, 200) });
  });
  return {
    key: key as ProfileKey,
    text: r.text(obj, 'text', path),
    required: r.bool(obj, 'required', path),
    options,
  };
}

function readQuestionnaire(r: Reader, value: unknown): Questionnaire | null {
  const obj = r.record(value, '');
  if (!obj) return null;
  if (obj['formatVersion'] !== QUESTIONNAIRE_FORMAT_VERSION) {
    r.fail(
      'formatVersion',
      `Phiên bản định dạng phải là ${QUESTIONNAIRE_FORMAT_VERSION} (tệp ghi ${JSON.stringify(obj['formatVersion']) ?? 'không có'})`,
    );
  }
  const id = r.id(obj, 'id', '');
  const version = r.id(obj, 'version', '');
  const name = r.text(obj, 'name', '');
  const basis = r.text(obj, 'basis', '');

  const questionIds = new Map<string, string>();
  const checkUnique = (question: ScaleQuestion | null, at: string): void => {
    if (!question || question.id === '') return;
    const previous = questionIds.get(question.id);
    if (previous !== undefined)
      r.fail(join(at, 'id'), `Mã câu hỏi “${question.id}” trùng với ${previous}`);
    else questionIds.set(question.id, at);
  };

  const elements: QuestionnaireElement[] = [];
  const elementList = r.array(obj, 'elements', '');
  if (Array.isArray(obj['elements']) && elementList.length === 0) {
    r.fail('elements', 'Cần ít nhất một yếu tố');
  }
  const seenElements = new Set<string>();
  elementList.forEach((item, i) => {
    const at = join('elements', i);
    const e = r.record(item, at);
    if (!e) return;
    const elementId = e['id'];
    if (typeof elementId !== 'string' || !(ELEMENT_IDS as readonly string[]).includes(elementId)) {
      r.fail(join(at, 'id'), `Yếu tố không hợp lệ; chỉ nhận: ${ELEMENT_IDS.join(', ')}`);
    } else if (seenElements.has(elementId)) {
      r.fail(join(at, 'id'), `Yếu tố “${ELEMENT_NAMES[elementId as ElementId]}” xuất hiện hai lần`);
    }
    if (typeof elementId === 'string') seenElements.add(elementId);
    const questions: ScaleQuestion[] = [];
    const qList = r.array(e, 'questions', at);
    if (Array.isArray(e['questions']) && qList.length === 0) {
      r.fail(join(at, 'questions'), 'Mỗi yếu tố cần ít nhất một câu hỏi');
    }
    qList.forEach((qv, j) => {
      const qAt = join(join(at, 'questions'), j);
      const question = readQuestion(r, qv, qAt);
      checkUnique(question, qAt);
      if (question) questions.push(question);
    });
    elements.push({ id: elementId as ElementId, name: r.text(e, 'name', at, 300), questions });
  });

  const overallQuestion = readQuestion(r, obj['overallQuestion'], 'overallQuestion');
  checkUnique(overallQuestion, 'overallQuestion');

  const profile: ProfileQuestion[] = [];
  const seenKeys = new Set<string>();
  r.array(obj, 'profile', '').forEach((item, i) => {
    const at = join('profile', i);
    const p = readProfile(r, item, at);
    if (!p) return;
    if (seenKeys.has(p.key)) r.fail(join(at, 'key'), `Thông tin “${p.key}” được hỏi hai lần`);
    seenKeys.add(p.key);
    profile.push(p);
  });

  let suggestion: SuggestionSpec = { prompt: '', maxLength: 0 };
  const s = r.record(obj['suggestion'], 'suggestion');
  if (s) {
    const maxLength = s['maxLength'];
    if (
      typeof maxLength !== 'number' ||
      !Number.isInteger(maxLength) ||
      maxLength < 1 ||
      maxLength > MAX_SUGGESTION
    ) {
      r.fail('suggestion.maxLength', `Phải là số nguyên từ 1 đến ${MAX_SUGGESTION}`);
    }
    suggestion = {
      prompt: r.text(s, 'prompt', 'suggestion'),
      maxLength: typeof maxLength === 'number' ? maxLength : 0,
    };
  }

  const toConfirm: string[] = [];
  r.array(obj, 'toConfirm', '').forEach((item, i) => {
    if (typeof item !== 'string') r.fail(join('toConfirm', i), 'Phải là chuỗi ký tự');
    else toConfirm.push(item);
  });

  if (!overallQuestion) return null;
  return {
    formatVersion: QUESTIONNAIRE_FORMAT_VERSION,
    id,
    version,
    name,
    basis,
    elements,
    overallQuestion,
    profile,
    suggestion,
    toConfirm,
  };
}

/** Checks a questionnaire (typed or untrusted): every problem, located by its JSON path. */
export function validateQuestionnaire(value: unknown): QuestionnaireProblem[] {
  const r = new Reader();
  readQuestionnaire(r, value);
  return r.problems;
}

/** Outcome of an import: the questionnaire, or every problem found. */
export type QuestionnaireImport =
  { ok: true; questionnaire: Questionnaire } | { ok: false; problems: QuestionnaireProblem[] };

/** Reads a questionnaire from JSON text, validating everything; unknown keys are dropped. */
export function importQuestionnaire(json: string): QuestionnaireImport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ path: '', message: `Tệp không phải JSON hợp lệ: ${detail}` }],
    };
  }
  const r = new Reader();
  const questionnaire = readQuestionnaire(r, parsed);
  if (r.problems.length > 0 || !questionnaire) return { ok: false, problems: r.problems };
  return { ok: true, questionnaire };
}

/** Writes a questionnaire as indented JSON that importQuestionnaire reads back unchanged. */
export function exportQuestionnaire(questionnaire: Questionnaire): string {
  return `${JSON.stringify(questionnaire, null, 2)}\n`;
}

/** Every scale question of the form in order: the element questions, then the overall one. */
export function scaleQuestions(
  questionnaire: Questionnaire,
): { question: ScaleQuestion; elementId: ElementId | null }[] {
  const list: { question: ScaleQuestion; elementId: ElementId | null }[] = [];
  for (const element of questionnaire.elements) {
    for (const question of element.questions) list.push({ question, elementId: element.id });
  }
  list.push({ question: questionnaire.overallQuestion, elementId: null });
  return list;
}

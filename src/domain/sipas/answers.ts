/**
 * A SIPAS submission (one filled-in form, from a kiosk, the web, a QR code or a typed-in paper form)
 * and its validation against the questionnaire: every required question answered with a valid
 * level, profile values among the options, the suggestion within its limit, a client-generated
 * UUID, and the optional dossier code and paper serial in their formats. Problems are located
 * ("answers.2.3", "profile.gender") and written in Vietnamese.
 *
 * De-duplication keys let the server refuse the same form twice: the client id (a retried upload),
 * the dossier code (one form per dossier) and the paper serial (a paper form typed in twice).
 */
import {
  ANSWER_LABELS,
  NO_ANSWER,
  PROFILE_KEYS,
  isSatisfactionLevel,
  scaleQuestions,
  type AnswerValue,
  type ProfileKey,
  type Questionnaire,
} from './questionnaire.ts';

/** A submission as received: shapes are known, values are not trusted yet. */
export interface SubmissionInput {
  clientId: string;
  questionnaireId: string;
  questionnaireVersion: string;
  unitId: string;
  fieldId: string;
  answers: Readonly<Record<string, unknown>>;
  profile: Readonly<Record<string, unknown>>;
  suggestion?: string | null;
  dossierCode?: string | null;
  paperSerial?: string | null;
}

/** A validated submission: answers are levels or "no answer", optional texts normalised. */
export interface SurveySubmission {
  clientId: string;
  questionnaireId: string;
  questionnaireVersion: string;
  unitId: string;
  fieldId: string;
  /** By question id; a question left out of the form is absent. */
  answers: Readonly<Record<string, AnswerValue>>;
  profile: Readonly<Partial<Record<ProfileKey, string>>>;
  suggestion: string | null;
  dossierCode: string | null;
  paperSerial: string | null;
}

/** A problem located in the submission ("answers.2.3", "profile.channel", "clientId"). */
export interface AnswerProblem {
  path: string;
  message: string;
}

/** Formats accepted for the optional identifiers, as regular expression sources. */
export interface SubmissionRules {
  /** Default: unit code, date yymmdd and sequence, "000.00.21.H13-230515-0001" (to confirm). */
  dossierCodePattern: string;
  /** Default: 1–32 letters, digits, ".", "/", "-" (to confirm with the printed forms). */
  paperSerialPattern: string;
  /** When given, the unit and field must be among these. */
  unitIds?: readonly string[];
  fieldIds?: readonly string[];
}

/** Default identifier formats; both to confirm with the province's one-stop software and printer. */
export const DEFAULT_SUBMISSION_RULES: SubmissionRules = Object.freeze({
  dossierCodePattern: '^[0-9A-Z][0-9A-Z.]*-[0-9]{6}-[0-9]{4,6}$',
  paperSerialPattern: '^[0-9A-Z][0-9A-Z./-]{0,31}$',
});

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** True for an RFC 9562 UUID (versions 1–8), the format of client-generated ids. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** Normalises a dossier code or paper serial: no spaces, upper case ("h13 - 0001" → "H13-0001"). */
export function normaliseCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

function optionalText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function describeValue(value: unknown): string {
  if (value === null) return 'trống';
  if (typeof value === 'string') return `“${value}”`;
  return JSON.stringify(value) ?? String(value);
}

/** Outcome of validating a submission. */
export type SubmissionResult =
  { ok: true; submission: SurveySubmission } | { ok: false; problems: AnswerProblem[] };

/** Validates a submission against its questionnaire; returns it normalised or every problem. */
export function validateSubmission(
  questionnaire: Questionnaire,
  input: SubmissionInput,
  rules: SubmissionRules = DEFAULT_SUBMISSION_RULES,
): SubmissionResult {
  const problems: AnswerProblem[] = [];
  const fail = (path: string, message: string): void => {
    problems.push({ path, message });
  };

  if (!isUuid(input.clientId)) {
    fail('clientId', `Mã phiếu “${input.clientId}” không đúng định dạng UUID`);
  }
  if (
    input.questionnaireId !== questionnaire.id ||
    input.questionnaireVersion !== questionnaire.version
  ) {
    fail(
      'questionnaireVersion',
      `Phiếu theo mẫu ${input.questionnaireId} phiên bản ${input.questionnaireVersion}, nhưng đợt khảo sát dùng mẫu ${questionnaire.id} phiên bản ${questionnaire.version}`,
    );
  }
  if (input.unitId.trim() === '') fail('unitId', 'Chưa chọn cơ quan, đơn vị được đánh giá');
  else if (rules.unitIds && !rules.unitIds.includes(input.unitId)) {
    fail('unitId', `Đơn vị “${input.unitId}” không tham gia đợt khảo sát này`);
  }
  if (input.fieldId.trim() === '') fail('fieldId', 'Chưa chọn lĩnh vực thủ tục hành chính');
  else if (rules.fieldIds && !rules.fieldIds.includes(input.fieldId)) {
    fail('fieldId', `Lĩnh vực “${input.fieldId}” không thuộc đợt khảo sát này`);
  }

  const answers: Record<string, AnswerValue> = {};
  const known = new Set<string>();
  for (const { question } of scaleQuestions(questionnaire)) {
    known.add(question.id);
    const path = `answers.${question.id}`;
    const has = Object.prototype.hasOwnProperty.call(input.answers, question.id);
    const value = has ? input.answers[question.id] : undefined;
    if (value === undefined || value === null) {
      if (question.required) fail(path, `Chưa trả lời câu ${question.id}: “${question.text}”`);
      continue;
    }
    if (value === NO_ANSWER) {
      if (!question.allowNoAnswer) {
        fail(
          path,
          `Câu ${question.id} bắt buộc chọn một mức đánh giá, không được để “${ANSWER_LABELS[NO_ANSWER]}”`,
        );
        continue;
      }
      answers[question.id] = NO_ANSWER;
      continue;
    }
    if (!isSatisfactionLevel(value)) {
      fail(
        path,
        `Câu ${question.id}: câu trả lời ${describeValue(value)} không hợp lệ; chỉ nhận mức 1 (${ANSWER_LABELS[1]}) đến 5 (${ANSWER_LABELS[5]})${question.allowNoAnswer ? ` hoặc “${NO_ANSWER}”` : ''}`,
      );
      continue;
    }
    answers[question.id] = value;
  }
  for (const id of Object.keys(input.answers)) {
    if (!known.has(id)) fail(`answers.${id}`, `Phiếu không có câu hỏi mã “${id}”`);
  }

  const profile: Partial<Record<ProfileKey, string>> = {};
  const asked = new Set<string>();
  for (const spec of questionnaire.profile) {
    asked.add(spec.key);
    const path = `profile.${spec.key}`;
    const value = input.profile[spec.key];
    if (value === undefined || value === null || value === '') {
      if (spec.required) fail(path, `Chưa chọn “${spec.text}”`);
      continue;
    }
    const option = spec.options.find((o) => o.value === value);
    if (!option) {
      fail(
        path,
        `“${spec.text}”: giá trị ${describeValue(value)} không có trong các lựa chọn (${spec.options.map((o) => `${o.value} = ${o.label}`).join('; ')})`,
      );
      continue;
    }
    profile[spec.key] = option.value;
  }
  for (const key of Object.keys(input.profile)) {
    if (!asked.has(key)) {
      const hint = (PROFILE_KEYS as readonly string[]).includes(key)
        ? 'phiếu này không hỏi thông tin này'
        : 'không có thông tin này trên phiếu';
      fail(`profile.${key}`, `“${key}”: ${hint}`);
    }
  }

  const suggestion = optionalText(input.suggestion);
  if (suggestion !== null) {
    const length = [...suggestion].length;
    const max = questionnaire.suggestion.maxLength;
    if (length > max) {
      fail('suggestion', `Ý kiến góp ý dài ${length} ký tự, vượt giới hạn ${max} ký tự`);
    }
  }

  const dossierCode = optionalText(input.dossierCode);
  const normalisedDossier = dossierCode === null ? null : normaliseCode(dossierCode);
  if (normalisedDossier !== null && !new RegExp(rules.dossierCodePattern).test(normalisedDossier)) {
    fail(
      'dossierCode',
      `Mã hồ sơ “${dossierCode}” không đúng định dạng (ví dụ đúng: 000.00.21.H13-230515-0001)`,
    );
  }
  const paperSerial = optionalText(input.paperSerial);
  const normalisedSerial = paperSerial === null ? null : normaliseCode(paperSerial);
  if (normalisedSerial !== null && !new RegExp(rules.paperSerialPattern).test(normalisedSerial)) {
    fail(
      'paperSerial',
      `Số sê-ri phiếu giấy “${paperSerial}” không hợp lệ (chỉ gồm chữ, số, dấu chấm, gạch chéo, gạch ngang; tối đa 32 ký tự)`,
    );
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    submission: {
      clientId: input.clientId.toLowerCase(),
      questionnaireId: input.questionnaireId,
      questionnaireVersion: input.questionnaireVersion,
      unitId: input.unitId,
      fieldId: input.fieldId,
      answers,
      profile,
      suggestion,
      dossierCode: normalisedDossier,
      paperSerial: normalisedSerial,
    },
  };
}

/** Writes a problem for display: "answers.2.3: Chưa trả lời câu 2.3 …". */
export function describeAnswerProblem(problem: AnswerProblem): string {
  return `${problem.path}: ${problem.message}`;
}

/**
 * The keys under which a submission must be unique within a campaign: "client:<uuid>",
 * "dossier:<code>", and "paper:<unitId>:<serial>" (paper serials are numbered per unit; to confirm).
 */
export function dedupeKeys(
  submission: Pick<SurveySubmission, 'clientId' | 'unitId'> & {
    dossierCode?: string | null;
    paperSerial?: string | null;
  },
): string[] {
  const keys = [`client:${submission.clientId.trim().toLowerCase()}`];
  const dossier = optionalText(submission.dossierCode);
  if (dossier !== null) keys.push(`dossier:${normaliseCode(dossier)}`);
  const serial = optionalText(submission.paperSerial);
  if (serial !== null) keys.push(`paper:${submission.unitId}:${normaliseCode(serial)}`);
  return keys;
}

/** A submission that repeats an earlier one in the list, and the key they share. */
export interface Duplicate {
  index: number;
  duplicateOf: number;
  key: string;
}

/** Finds submissions that repeat an earlier one (first key that matches); the first is kept. */
export function findDuplicates(
  submissions: readonly Parameters<typeof dedupeKeys>[0][],
): Duplicate[] {
  const firstByKey = new Map<string, number>();
  const duplicates: Duplicate[] = [];
  submissions.forEach((s, index) => {
    const keys = dedupeKeys(s);
    const hit = keys.find((k) => firstByKey.has(k));
    if (hit !== undefined) {
      duplicates.push({ index, duplicateOf: firstByKey.get(hit) ?? index, key: hit });
      return;
    }
    for (const k of keys) firstByKey.set(k, index);
  });
  return duplicates;
}

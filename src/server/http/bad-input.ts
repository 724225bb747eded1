/**
 * Bad input answered with a 400 before it reaches a route: NUL bytes and lone UTF-16 surrogates in
 * path parameters, query strings and JSON bodies (keys included), JSON nested deeper than any form
 * sends, malformed multipart bodies, and — last resort — the values the database itself refuses.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** Deeper than any body the API takes (a criteria tree nests about fifteen levels). */
export const MAX_JSON_DEPTH = 64;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Problem = { field: string; key: MessageKey; params?: Record<string, number> };

function textProblem(text: string): MessageKey | null {
  if (text.includes('\u0000')) return 'field_nul';
  if (LONE_SURROGATE.test(text)) return 'field_unicode';
  return null;
}

/** A field name fit to be shown: without the characters that made it bad. */
function shown(name: string): string {
  return name.replaceAll('\u0000', '\\0').replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD');
}

/**
 * The first bad text in a parsed value (walked without recursion, so a hostile depth cannot
 * overflow the stack), named by its path from `root` (`body.members.0.name`).
 */
export function findBadText(value: unknown, root: string): Problem | null {
  const stack: Array<[unknown, string, number]> = [[value, root, 0]];
  while (stack.length > 0) {
    const [current, path, depth] = stack.pop()!;
    if (typeof current === 'string') {
      const key = textProblem(current);
      if (key) return { field: shown(path), key };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH)
      return { field: shown(path), key: 'field_nesting', params: { max: MAX_JSON_DEPTH } };
    const entries = Array.isArray(current)
      ? current.map((item, i) => [String(i), item] as const)
      : Object.entries(current as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [name, child] = entries[i]!;
      const childPath = path ? `${path}.${name}` : name;
      const key = textProblem(name);
      if (key) return { field: shown(childPath), key };
      stack.push([child, childPath, depth + 1]);
    }
  }
  return null;
}

/**
 * The preValidation guard: a request whose parameters, query or JSON body carry a NUL byte, a lone
 * surrogate or hostile nesting is refused with a 400 naming the field. Path parameters and query
 * fields are named as the validation names them (`id`, `q`); body fields by their path.
 */
export async function refuseBadText(request: FastifyRequest): Promise<void> {
  const problem =
    findBadText(request.params, '') ??
    findBadText(request.query, '') ??
    (request.body !== undefined && !isMultipartPart(request.body)
      ? findBadText(request.body, '')
      : null);
  if (!problem) return;
  const field = problem.field || 'body';
  throw new AppError('invalid', 'validation_failed', {}, [
    { field, key: problem.key, params: { field, ...problem.params } },
  ]);
}

/** Multipart bodies are read by their routes, not parsed before validation. */
function isMultipartPart(body: unknown): boolean {
  return Buffer.isBuffer(body);
}

/** Messages of the multipart parser (busboy) about a body that is not well-formed multipart. */
const MULTIPART_FAILURE =
  /multipart|boundary|needle|terminated early|malformed|unexpected end of (form|file)/i;

/**
 * A failure of the multipart parser on a malformed upload, as the 400 naming what is wrong: the
 * Content-Type header (no or an unusable boundary) or the file field (cut short, malformed parts).
 */
export function multipartFailure(error: unknown, request: FastifyRequest): AppError | null {
  if (!(error instanceof Error) || error instanceof AppError) return null;
  if ((error as { statusCode?: number }).statusCode !== undefined) return null;
  if ((error as NodeJS.ErrnoException).syscall !== undefined) return null;
  const type = String(request.headers['content-type'] ?? '');
  if (!/^multipart\//i.test(type) || !MULTIPART_FAILURE.test(error.message)) return null;
  const field = /boundary|needle/i.test(error.message) ? 'content-type' : 'file';
  return new AppError('invalid', 'upload_malformed', {}, [
    { field, key: 'field_upload_malformed', params: { field } },
  ]);
}

/**
 * SQLSTATE codes by which the database refuses a value as such: a number out of its column's
 * range, text it cannot store (NUL), a malformed literal, a bad LIKE escape, a value too large for
 * an index. Input reaching them slipped past the schemas; the answer is still the client's fault.
 */
const VALUE_REFUSED = new Set([
  '22001', // string_data_right_truncation
  '22003', // numeric_value_out_of_range
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
  '22021', // character_not_in_repertoire
  '22025', // invalid_escape_sequence
  '2201B', // invalid_regular_expression
  '22P02', // invalid_text_representation
  '22P05', // untranslatable_character
  '54000', // program_limit_exceeded
]);

/** A database refusal of a value sent, as a 400; null for any other failure. */
export function refusedValue(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !VALUE_REFUSED.has(code)) return null;
  if (!(error instanceof Error) || error instanceof AppError) return null;
  return new AppError('invalid', 'value_refused');
}

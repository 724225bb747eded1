/**
 * Malformed requests generated from the OpenAPI document, for the test that no bad input is
 * answered with a 5xx. Every operation gets a bounded, deterministic set of variants: bad path ids,
 * bad query values, malformed JSON bodies (wrong types, missing and extra fields, NUL bytes and lone
 * UTF-16 surrogates in every string field, huge numbers, deep nesting) and, for the upload routes,
 * malformed multipart bodies.
 */

/** The part of a JSON schema the generator reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  nullable?: boolean;
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
}

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface FuzzOperation {
  method: string;
  /** The documented path, with `{name}` placeholders. */
  path: string;
  pathParams: OpenApiParameter[];
  query: OpenApiParameter[];
  body: JsonSchema | null;
  multipart: boolean;
}

export interface FuzzRequest {
  /** What is malformed, for the failure report. */
  variant: string;
  method: string;
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
}

/** A small deterministic generator (mulberry32), so every run sends the same requests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document, in the document's order. */
export function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!METHODS.has(method)) continue;
      const parameters = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        body: content['application/json']?.schema ?? null,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return operations;
}

/** Path ids that no route may answer with a 5xx (2^31, 2^63, a double overflow, a NUL byte…). */
export const BAD_PATH_VALUES = [
  '-1',
  '0',
  '2147483648',
  '9223372036854775808',
  '1e309',
  'abc',
  '%00',
  '%ED%A0%80',
];

/** A lone high surrogate as UTF-8 would carry it (WTF-8), which is not valid UTF-8. */
const SURROGATE_IN_URL = '%ED%A0%80';
const NUL_IN_URL = '%00';
/** The largest id every id column holds; nothing has it, so handlers answer 404. */
const UNUSED_ID = '2147483647';

function typesOf(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  if (schema.type) return Array.isArray(schema.type) ? schema.type : [schema.type];
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives) return alternatives.flatMap(typesOf);
  if (schema.properties) return ['object'];
  return [];
}

function isNumeric(schema: JsonSchema | undefined): boolean {
  return typesOf(schema).some((t) => t === 'integer' || t === 'number');
}

/** A value the schema accepts, as far as a generator can tell without its refinements. */
export function sampleOf(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) return sampleOf(alternatives[0], depth + 1);
  if (schema.allOf && schema.allOf.length > 0) return sampleOf(schema.allOf[0], depth + 1);
  const type = typesOf(schema)[0];
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? [])
        out[name] = sampleOf(schema.properties?.[name], depth + 1);
      return out;
    }
    case 'array': {
      const count = Math.min(schema.minItems ?? 0, 3);
      return Array.from({ length: count }, () => sampleOf(schema.items, depth + 1));
    }
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string':
      if (schema.format === 'date' || schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}'))
        return '2026-01-15';
      if (schema.format === 'date-time') return '2026-01-15T00:00:00.000Z';
      if (schema.format === 'email') return 'a@example.vn';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return null;
  }
}

interface Field {
  /** Property names from the body's root. */
  path: string[];
  schema: JsonSchema;
}

/** The body's fields, depth first, as far as `maxDepth` and into the first item of arrays. */
function fieldsOf(schema: JsonSchema, maxDepth = 4): Field[] {
  const fields: Field[] = [];
  const walk = (s: JsonSchema, path: string[]) => {
    if (path.length > maxDepth) return;
    const object =
      s.properties ??
      (s.anyOf ?? s.oneOf ?? s.allOf ?? []).find((alt) => alt.properties)?.properties;
    if (object) {
      for (const [name, child] of Object.entries(object)) {
        fields.push({ path: [...path, name], schema: child });
        walk(child, [...path, name]);
      }
    }
    const items = s.items ?? (s.anyOf ?? s.oneOf ?? []).find((alt) => alt.items)?.items;
    if (items) walk(items, [...path, '0']);
  };
  walk(schema, []);
  return fields;
}

/** A copy of `base` with `value` at `path` (arrays and objects made along the way). */
function withValue(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (/^\d+$/.test(head)) {
    const array = Array.isArray(base) ? [...(base as unknown[])] : [];
    array[Number(head)] = withValue(array[Number(head)], rest, value);
    return array;
  }
  const object =
    base && typeof base === 'object' && !Array.isArray(base)
      ? { ...(base as Record<string, unknown>) }
      : {};
  object[head] = withValue(object[head], rest, value);
  return object;
}

/** A marker replaced by raw JSON text after serialising (numbers JSON.stringify cannot write). */
const RAW = '\u0001raw:';

function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001raw:([^"]*)"/g, '$1');
}

function deeplyNested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** The malformed requests of one operation, sent the same way by every actor. */
export function variantsOf(
  op: FuzzOperation,
  random: () => number,
  options: { maxFieldsPerBody?: number } = {},
): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const json = { 'content-type': 'application/json' };
  // Upload routes read the file only for an entity that exists: ids of the demo data.
  const validPathValue = (p: OpenApiParameter) =>
    isNumeric(p.schema) ? (op.multipart ? '1' : UNUSED_ID) : String(sampleOf(p.schema));
  const pathWith = (name: string | null, value: string) =>
    op.pathParams.reduce(
      (url, p) => url.replace(`{${p.name}}`, p.name === name ? value : validPathValue(p)),
      op.path,
    );
  const validUrl = pathWith(null, '');
  const baseBody = op.body ? sampleOf(op.body) : undefined;
  const basePayload = baseBody === undefined ? undefined : jsonText(baseBody);
  const send = (variant: string, url: string, payload?: string | Buffer, headers = {}) =>
    out.push({
      variant,
      method: op.method,
      url,
      ...(payload !== undefined ? { payload } : {}),
      headers:
        payload !== undefined && !('content-type' in headers) ? { ...json, ...headers } : headers,
    });

  // Path parameters, one at a time.
  for (const p of op.pathParams)
    for (const value of BAD_PATH_VALUES)
      send(`path ${p.name}=${value}`, pathWith(p.name, value), basePayload);

  // Query strings: every declared parameter, and one nobody declared.
  const huge = Array.from({ length: 4000 }, () =>
    String.fromCharCode(0x61 + Math.floor(random() * 26)),
  ).join('');
  const queryValues: Array<[string, string]> = [
    ['NUL', `a${NUL_IN_URL}b`],
    ['lone surrogate', SURROGATE_IN_URL],
    ['huge string', huge],
  ];
  const names = [...op.query.map((p) => p.name), 'zz'];
  for (const name of names) {
    const declared = op.query.find((p) => p.name === name);
    const values = [...queryValues];
    if (declared && isNumeric(declared.schema))
      values.push(
        ['2^31', '2147483648'],
        ['2^63', '9223372036854775808'],
        ['1e309', '1e309'],
        ['-1', '-1'],
        ['not a number', 'abc'],
      );
    if (declared) values.push(['repeated', '1&' + name + '=2']);
    for (const [label, value] of values)
      send(`query ${name} ${label}`, `${validUrl}?${name}=${value}`, basePayload);
  }

  // JSON bodies.
  if (op.body) {
    send('body null', validUrl, 'null');
    send('body array', validUrl, '[]');
    send('body string', validUrl, '"text"');
    send('body number', validUrl, '12');
    send('body not JSON', validUrl, '{"a":');
    send('body missing fields', validUrl, '{}');
    send('body extra fields', validUrl, jsonText(withValue(baseBody, ['zzExtra'], 'x')));
    send('body NUL in a key', validUrl, jsonText(withValue(baseBody, ['a\u0000b'], 'x')));
    send('body deeply nested', validUrl, deeplyNested(20_000));
    send(
      'body invalid UTF-8',
      validUrl,
      Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d]),
    );
    const fields = fieldsOf(op.body);
    const cap = options.maxFieldsPerBody ?? 40;
    // Large bodies: a deterministic sample of their fields keeps the run bounded.
    while (fields.length > cap) fields.splice(Math.floor(random() * fields.length), 1);
    for (const field of fields) {
      const name = field.path.join('.');
      const put = (label: string, value: unknown) =>
        send(`body ${name} ${label}`, validUrl, jsonText(withValue(baseBody, field.path, value)));
      const types = typesOf(field.schema);
      if (types.includes('string')) {
        put('NUL', 'a\u0000b');
        put('lone surrogate', 'a\uD800b');
        // Longer than a database index entry may be (about 2.7 KB).
        put('huge string', huge.repeat(3));
      }
      if (types.includes('integer') || types.includes('number')) {
        put('2^31', 2147483648);
        put('2^63', `${RAW}9223372036854775808`);
        put('1e309', `${RAW}1e309`);
      }
      if (types.includes('object') || types.includes('array') || types.length === 0)
        put('deeply nested', `${RAW}${deeplyNested(5_000)}`);
      put('wrong type', types.includes('string') ? { a: 1 } : 'text');
    }
  }

  if (op.multipart) out.push(...multipartVariants(op.method, validUrl));

  // A state-changing operation without a JSON body still meets a body it did not expect.
  if (!op.body && !op.multipart && op.method !== 'GET' && op.method !== 'DELETE') {
    send('unexpected body', validUrl, '{"a":"\u0000"}');
    send('body deeply nested', validUrl, deeplyNested(20_000));
  }
  send('unsupported content type', validUrl, '<x/>', { 'content-type': 'application/xml' });
  return out;
}

const CRLF = '\r\n';

function part(boundary: string, name: string, filename: string | null, content: string): string {
  const disposition =
    filename === null
      ? `Content-Disposition: form-data; name="${name}"`
      : `Content-Disposition: form-data; name="${name}"; filename="${filename}"${CRLF}Content-Type: application/octet-stream`;
  return `--${boundary}${CRLF}${disposition}${CRLF}${CRLF}${content}${CRLF}`;
}

/** Malformed and odd multipart bodies for an upload route. */
function multipartVariants(method: string, url: string): FuzzRequest[] {
  const b = 'fuzzBoundary42';
  const type = `multipart/form-data; boundary=${b}`;
  const end = `--${b}--${CRLF}`;
  const file = 'ma,ten\r\n1,a\r\n';
  const variants: Array<[string, string | Buffer, string]> = [
    ['multipart without boundary', part(b, 'file', 'a.csv', file) + end, 'multipart/form-data'],
    ['multipart wrong boundary', part('other', 'file', 'a.csv', file) + `--other--${CRLF}`, type],
    ['multipart empty body', '', type],
    ['multipart truncated', part(b, 'file', 'a.csv', file).slice(0, 90), type],
    [
      'multipart truncated in file',
      `--${b}${CRLF}Content-Disposition: form-data; name="file"; filename="a.csv"${CRLF}${CRLF}ma,ten`,
      type,
    ],
    [
      'multipart malformed header',
      `--${b}${CRLF}Content-Disposition form-data${CRLF}${CRLF}x${CRLF}` + end,
      type,
    ],
    ['multipart no file', part(b, 'note', null, 'x') + end, type],
    [
      'multipart two files',
      part(b, 'file', 'a.csv', file) + part(b, 'file', 'b.csv', file) + end,
      type,
    ],
    ['multipart wrong field name', part(b, 'nope', 'a.csv', file) + end, type],
    ['multipart empty file', part(b, 'file', 'a.csv', '') + end, type],
    ['multipart NUL in file name', part(b, 'file', 'a\u0000.csv', file) + end, type],
    [
      'multipart invalid UTF-8 in file name',
      Buffer.concat([
        Buffer.from(`--${b}${CRLF}Content-Disposition: form-data; name="file"; filename="a`),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from(`.csv"${CRLF}${CRLF}${file}${CRLF}${end}`),
      ]),
      type,
    ],
    [
      'multipart NUL in a field',
      part(b, 'mapping', null, 'a\u0000b') + part(b, 'file', 'a.csv', file) + end,
      type,
    ],
    // The text fields upload routes read beside the file, with values no route may store.
    [
      'multipart bad text fields',
      part(b, 'unitId', null, '2147483648') +
        part(b, 'ownerUnitId', null, 'abc') +
        part(b, 'source', null, 'a\u0000b') +
        part(b, 'mapping', null, '{"a":') +
        part(b, 'file', 'a.csv', file) +
        end,
      type,
    ],
    [
      'multipart boundary too long',
      part('b'.repeat(300), 'file', 'a.csv', file),
      `multipart/form-data; boundary=${'b'.repeat(300)}`,
    ],
    [
      'multipart too many fields',
      Array.from({ length: 30 }, (_, i) => part(b, `f${i}`, null, 'x')).join('') + end,
      type,
    ],
  ];
  return variants.map(([variant, payload, contentType]) => ({
    variant,
    method,
    url,
    payload,
    headers: { 'content-type': contentType },
  }));
}

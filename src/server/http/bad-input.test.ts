import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Client, type Harness } from '../test-support/harness.ts';
import { refusedValue } from './bad-input.ts';

// What a client reads when it sends bad input: a 400 naming the field, in Vietnamese by default and
// in English when asked, and nothing stored. The OpenAPI-wide sweep is fuzz.test.ts.
let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
});
afterAll(async () => h?.close());

const EN = { 'accept-language': 'en' };
const JSON_TYPE = { 'content-type': 'application/json' };

interface ErrorAnswer {
  error: { code: string; message: string; details?: Array<{ field?: string; message: string }> };
}

function details(body: unknown) {
  return (body as ErrorAnswer).error.details ?? [];
}

describe('ids beyond what the database holds', () => {
  it('answers 400 naming the path id, in Vietnamese and in English', async () => {
    for (const id of ['2147483648', '9223372036854775808', '1e309']) {
      const res = await admin.get(`/api/v1/units/${id}`);
      expect(res.status).toBe(400);
      expect(new Set(details(res.body).map((d) => d.field))).toEqual(new Set(['id']));
    }
    const vi = await admin.get('/api/v1/units/2147483648');
    expect(details(vi.body)[0]!.message).toBe('Trường «id» phải nhỏ hơn hoặc bằng 2147483647.');
    const en = await admin.request('GET', '/api/v1/units/2147483648', undefined, EN);
    expect(details(en.body)[0]!.message).toBe('The field “id” must be at most 2147483647.');
    // The largest id a column holds is a well-formed id of nothing.
    expect((await admin.get('/api/v1/units/2147483647')).status).toBe(404);
  });

  it('answers 400 naming an id inside a JSON body, and creates nothing', async () => {
    const before = (await admin.get('/api/v1/criteria-sets')).body as { items: unknown[] };
    const res = await admin.post('/api/v1/criteria-sets', {
      name: 'Bộ thử',
      year: 2026,
      unitKind: 'xa',
      bands: [{ label: 'Tốt', fromPercent: 0, toPercent: null }],
      ownerUnitId: 2147483648,
    });
    expect(res.status).toBe(400);
    expect(details(res.body)).toContainEqual({
      field: 'ownerUnitId',
      message: 'Trường «ownerUnitId» phải nhỏ hơn hoặc bằng 2147483647.',
    });
    const after = (await admin.get('/api/v1/criteria-sets')).body as { items: unknown[] };
    expect(after.items.length).toBe(before.items.length);
  });

  it('answers 400 naming an id sent as a form field beside an uploaded file', async () => {
    const b = 'b0undary';
    const body =
      `--${b}\r\nContent-Disposition: form-data; name="unitId"\r\n\r\n2147483648\r\n` +
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n1.000001\r\n` +
      `--${b}--\r\n`;
    const res = await admin.request('POST', '/api/v1/dossiers/postal-catalogue/file', body, {
      'content-type': `multipart/form-data; boundary=${b}`,
      ...EN,
    });
    expect(res.status).toBe(400);
    expect(details(res.body)).toEqual([
      { field: 'unitId', message: 'The field “unitId” must be at most 2147483647.' },
    ]);
  });
});

describe('NUL bytes and lone surrogates', () => {
  it('are refused in a query string, naming the parameter', async () => {
    const vi = await admin.get('/api/v1/units?q=a%00b');
    expect(vi.status).toBe(400);
    expect(details(vi.body)).toEqual([
      { field: 'q', message: 'Trường «q» chứa ký tự NUL (mã 0), không được chấp nhận.' },
    ]);
    const en = await admin.request('GET', '/api/v1/users?q=%00', undefined, EN);
    expect(en.status).toBe(400);
    expect(details(en.body)).toEqual([
      {
        field: 'q',
        message: 'The field “q” contains a NUL character (code 0), which is not accepted.',
      },
    ]);
  });

  it('are refused in a path parameter', async () => {
    const res = await admin.get('/api/v1/dossiers/by-code/a%00b');
    expect(res.status).toBe(400);
    expect(details(res.body).map((d) => d.field)).toEqual(['code']);
  });

  it('are refused in a JSON text field, naming its path, and nothing is saved', async () => {
    const before = (await admin.get('/api/v1/users')).body as { items: unknown[] };
    const body = JSON.stringify({
      username: 'nguoi.dung.moi',
      fullName: 'Nguyễn Văn \uD800A',
      password: 'mat-khau-du-dai-123',
      grants: [],
    });
    const res = await admin.request('POST', '/api/v1/users', body, { ...JSON_TYPE, ...EN });
    expect(res.status).toBe(400);
    expect(details(res.body)).toEqual([
      {
        field: 'fullName',
        message: 'The field “fullName” contains invalid Unicode (a lone UTF-16 surrogate).',
      },
    ]);
    const nested = JSON.stringify({ username: 'x', grants: [{ role: 'a\u0000b' }] });
    const res2 = await admin.request('POST', '/api/v1/users', nested, JSON_TYPE);
    expect(details(res2.body).map((d) => d.field)).toEqual(['grants.0.role']);
    const after = (await admin.get('/api/v1/users')).body as { items: unknown[] };
    expect(after.items.length).toBe(before.items.length);
  });

  it('are refused in a JSON key, shown without the NUL', async () => {
    const res = await admin.request('POST', '/api/v1/auth/login', '{"user\\u0000name":"x"}', {
      ...JSON_TYPE,
    });
    expect(res.status).toBe(400);
    expect(details(res.body).map((d) => d.field)).toEqual(['user\\0name']);
  });
});

describe('JSON nested deeper than any form', () => {
  it('is refused with a 400 naming where it goes too deep', async () => {
    const deep = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    const res = await admin.request('POST', '/api/v1/auth/password', deep, { ...JSON_TYPE, ...EN });
    expect(res.status).toBe(400);
    const [detail] = details(res.body);
    expect(detail!.field).toBe(Array.from({ length: 64 }, () => 'a').join('.'));
    expect(detail!.message).toMatch(/is nested too deeply \(at most 64 levels\)\.$/);
  });
});

describe('malformed multipart uploads', () => {
  const url = '/api/v1/units/import';
  const b = 'xYz';

  it('a body cut short is a 400 about the file field', async () => {
    const truncated = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nma,ten`;
    const res = await admin.request('POST', url, truncated, {
      'content-type': `multipart/form-data; boundary=${b}`,
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: 'upload_malformed',
        message: 'Dữ liệu tệp gửi lên (multipart) không đọc được; hãy gửi lại tệp.',
        details: [
          {
            field: 'file',
            message: 'Trường «file»: dữ liệu tệp gửi lên bị hỏng hoặc bị cắt ngang.',
          },
        ],
      },
    });
  });

  it('a multipart type without a boundary is a 400 about the Content-Type header', async () => {
    const res = await admin.request('POST', url, `--${b}--\r\n`, {
      'content-type': 'multipart/form-data',
      ...EN,
    });
    expect(res.status).toBe(400);
    expect((res.body as ErrorAnswer).error.message).toBe(
      'The uploaded (multipart) data cannot be read; please send the file again.',
    );
    expect(details(res.body)).toEqual([
      {
        field: 'content-type',
        message: 'Field “content-type”: the uploaded data is malformed or cut short.',
      },
    ]);
  });
});

describe('a value the database refuses', () => {
  it('is a 400 when the schemas let it through', async () => {
    // The last resort: the database's own refusal of an out-of-range number or a NUL.
    const failures = await Promise.all([
      h.deps.db.query('SELECT $1::integer AS n', ['2147483648']).catch((e: unknown) => e),
      h.deps.db.query('SELECT $1::text AS t', ['a\u0000b']).catch((e: unknown) => e),
    ]);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(Error);
      expect(refusedValue(failure)).toMatchObject({ kind: 'invalid', code: 'value_refused' });
    }
    expect(refusedValue(new Error('connection reset'))).toBeNull();
  });
});

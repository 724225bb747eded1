import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Client, type Harness } from '../test-support/harness.ts';

// Every route of the OpenAPI document, called with malformed parameters, queries and bodies, by an
// administrator (so authorisation does not hide the validation): none may answer 500.
let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
});
afterAll(async () => h?.close());

const BAD_IDS = ['abc', '-1', '0', '1.5', '99999999999999999999', '%00', "1'--"];
const BAD_BODIES: unknown[] = [
  null,
  [],
  'a string',
  12,
  { unexpected: true },
  { code: 1, name: ['x'], kind: {}, parentId: 'root', version: -1 },
  { username: 'x'.repeat(10_000), password: 'y'.repeat(10_000) },
  { nodes: [{ code: '1', title: 'A', maxHundredths: 1.5, children: 'x' }], version: 1 },
  { entries: [{ kind: 'nope', from: 'x', to: null }] },
];
const BAD_QUERIES = [
  '?limit=-5',
  '?limit=abc&offset=zz',
  '?q=' + 'ạ'.repeat(500),
  '?parentId=-3',
  '?from=2024-13-45&to=yesterday',
  '?year=abc',
  '?unitId=0',
];

describe('no route answers 500 to bad input', () => {
  it('holds for every documented route', async () => {
    const doc = (await h.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const failures: string[] = [];
    let calls = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const urls = path.includes('{')
          ? BAD_IDS.map((id) => path.replace(/\{[^}]+\}/g, encodeURIComponent(id)))
          : [path];
        for (const url of urls) {
          const m = method.toUpperCase();
          const attempts: Array<Promise<{ status: number; body: unknown }>> = [];
          if (m === 'GET' || m === 'DELETE')
            for (const q of ['', ...BAD_QUERIES]) attempts.push(admin.request(m, url + q));
          else for (const body of BAD_BODIES) attempts.push(admin.request(m, url, body));
          if (m === 'POST' || m === 'PUT') {
            attempts.push(
              admin.request(m, url, 'not json', { 'content-type': 'application/json' }),
            );
            attempts.push(
              admin.request(m, url, Buffer.from([0, 1, 2, 3]), {
                'content-type': 'multipart/form-data; boundary=x',
              }),
            );
            attempts.push(admin.request(m, url, '<xml/>', { 'content-type': 'application/xml' }));
          }
          for (const res of await Promise.all(attempts)) {
            calls++;
            if (res.status >= 500)
              failures.push(
                `${m} ${url} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
              );
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });

  it('answers an anonymous caller 401, never 500', async () => {
    const anon = h.anonymous();
    for (const url of [
      '/api/v1/units',
      '/api/v1/users',
      '/api/v1/audit',
      '/api/v1/criteria-sets',
      '/api/v1/units/1/lineage',
    ]) {
      expect((await anon.get(url)).status).toBe(401);
    }
  });
});

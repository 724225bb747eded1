/**
 * Setting things up through the JSON API as a signed-in user (the steps a test is not about), with
 * the anti-forgery token the server asks of every change.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from './session.ts';

export interface ApiAs {
  get: (url: string) => Promise<unknown>;
  post: (url: string, data: unknown) => Promise<unknown>;
  put: (url: string, data: unknown) => Promise<unknown>;
}

/**
 * Signs `username` in on the request context (replacing whoever was signed in there) and returns
 * calls that fail the test on any answer but a success.
 */
export async function apiAs(
  request: APIRequestContext,
  username: string,
  password = DEMO_PASSWORD,
): Promise<ApiAs> {
  const login = await request.post('/api/v1/auth/login', { data: { username, password } });
  expect(login.ok(), await login.text()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const checked = async (res: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(res.ok(), await res.text()).toBe(true);
    return res.status() === 204 ? null : res.json();
  };
  return {
    get: async (url) => checked(await request.get(url)),
    post: async (url, data) => checked(await request.post(url, { data, headers })),
    put: async (url, data) => checked(await request.put(url, { data, headers })),
  };
}

/** A day counted from today in Vietnam, as "YYYY-MM-DD". */
export const vnDay = (offset: number): string =>
  new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A blank one-page PDF, small enough to write by hand; `mark` goes into a comment so each test's
 * file has content of its own (the library de-duplicates by content).
 */
export function tinyPdf(mark: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = `%PDF-1.4\n%${mark.replace(/[\r\n]/g, ' ')}\n`;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

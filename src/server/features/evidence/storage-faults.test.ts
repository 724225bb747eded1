import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTemplate } from '../documents/default-templates.ts';
import { createS3Storage, type FileStorage } from '../../infra/storage.ts';
import {
  createHarness,
  DEMO_PASSWORD,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { multipart, samplePdf } from '../../test-support/test-files.ts';

// A bucket that is down, and one that accepts connections and never answers: uploads and
// downloads are told "storage unavailable" (503) in time, nothing is half-recorded, and /readyz
// says why it is not ready.
const BUCKET = 'parindex-evidence';
const TIMEOUT_MS = 600;
const work = mkdtempSync(path.join(tmpdir(), 'parindex-s3-faults-'));
let s3: S3rver;
let silent: Server;
const sockets: Socket[] = [];
const stores: Array<ReturnType<typeof createS3Storage>> = [];
let current: FileStorage;
let h: Harness;
let officer: Client;
let agency: Client;
let unitId: number;
let stored: { id: number; content: Buffer };

function s3At(endpoint: string) {
  const store = createS3Storage({
    endpoint,
    bucket: BUCKET,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    region: 'us-east-1',
    stagingDir: path.join(work, 'staging'),
    timeoutMs: TIMEOUT_MS,
  });
  stores.push(store);
  return store;
}

// The harness keeps one storage; the tests switch what it reaches.
const switchable: FileStorage = {
  kind: 's3',
  put: (key, source, options) => current.put(key, source, options),
  get: (key) => current.get(key),
  delete: (key) => current.delete(key),
  exists: (key) => current.exists(key),
  check: () => current.check(),
};

beforeAll(async () => {
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: path.join(work, 's3'),
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await s3.run();
  current = s3At(`http://127.0.0.1:${port}`);
  silent = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  h = await createHarness({}, { storage: switchable });
  officer = await h.login('canbo.kimphuong');
  agency = await h.login('noivu.thainguyen', DEMO_PASSWORD);
  unitId = await unitIdByCode(officer, '05551');
  const content = samplePdf('kept before the outage');
  const created = await upload('truoc-su-co.pdf', content);
  expect(created.status).toBe(201);
  stored = { id: created.body.id, content };
});
afterAll(async () => {
  await h?.close();
  for (const store of stores) store.client.destroy();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent?.close(resolve));
  await s3?.close().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
});

function upload(name: string, content: Buffer, language = 'vi') {
  const { body, headers } = multipart({ name, content }, { type: 'plan' });
  return officer.request('POST', `/api/v1/units/${unitId}/evidence`, body, {
    ...headers,
    'accept-language': language,
  });
}

async function libraryNames(): Promise<string[]> {
  const res = await officer.get(`/api/v1/units/${unitId}/evidence`);
  expect(res.status).toBe(200);
  return (res.body.items as Array<{ file: { filename: string } }>)
    .map((d) => d.file.filename)
    .sort();
}

async function uploadTemplate(content: Buffer) {
  const province = await unitIdByCode(agency, '19');
  const boundary = '----parindex' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="mau.docx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await agency.request(
    'PUT',
    `/api/v1/documents/templates/self_assessment_report?unitId=${province}`,
    payload,
    { 'content-type': `multipart/form-data; boundary=${boundary}` },
  );
  const list = await agency.get(`/api/v1/documents/templates?unitId=${province}`);
  return { res, list: JSON.stringify(list.body) };
}

describe('a file storage that is down or silent', () => {
  it('is ready while the bucket answers', async () => {
    const res = await h.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready', storage: 's3' });
  });

  it('answers 503 "storage unavailable" when the bucket is down, and records nothing', async () => {
    const before = await libraryNames();
    expect(before).toEqual(['truoc-su-co.pdf']);
    await s3.close();

    const vi = await upload('trong-su-co.pdf', samplePdf('during the outage'));
    expect(vi.status).toBe(503);
    expect(vi.body.error.code).toBe('storage_unavailable');
    expect(vi.body.error.message).toBe(
      'Kho lưu tệp đang không truy cập được, vui lòng thử lại sau.',
    );
    const en = await upload('during-outage.pdf', samplePdf('during the outage, in English'), 'en');
    expect(en.status).toBe(503);
    expect(en.body.error.message).toBe(
      'The file storage cannot be reached at the moment; please try again later.',
    );
    expect(await libraryNames()).toEqual(before);

    const download = await officer.get(`/api/v1/evidence/${stored.id}/download`);
    expect(download.status).toBe(503);
    expect(download.body.error.code).toBe('storage_unavailable');

    const template = await uploadTemplate(await defaultTemplate('self_assessment_report'));
    expect(template.res.status).toBe(503);
    expect(template.list).not.toContain('mau.docx');

    const ready = await h.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'unavailable', reasons: ['storage'] });
  });

  it('fails an upload, a download and /readyz in bounded time when the bucket never answers', async () => {
    const { port } = silent.address() as { port: number };
    current = s3At(`http://127.0.0.1:${port}`);
    const bound = 3 * TIMEOUT_MS + 1500;

    let started = Date.now();
    const res = await upload('treo.pdf', samplePdf('a silent bucket'));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('storage_unavailable');
    expect(Date.now() - started).toBeLessThan(bound);
    expect(await libraryNames()).toEqual(['truoc-su-co.pdf']);

    started = Date.now();
    const download = await officer.get(`/api/v1/evidence/${stored.id}/download`);
    expect(download.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(bound);

    started = Date.now();
    const ready = await h.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ reasons: ['storage'] });
    expect(Date.now() - started).toBeLessThan(bound);
    expect(sockets.length).toBeGreaterThan(0);
  });
});

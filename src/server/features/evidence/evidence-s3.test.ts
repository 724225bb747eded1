import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage } from '../../infra/storage.ts';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { multipart, samplePdf, samplePng, sampleText } from '../../test-support/test-files.ts';

const BUCKET = 'parindex-evidence';
const work = mkdtempSync(path.join(tmpdir(), 'parindex-s3-'));
let server: S3rver;
let storage: ReturnType<typeof createS3Storage>;
let h: Harness;
let officer: Client;
let unitId: number;

beforeAll(async () => {
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: path.join(work, 's3'),
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  storage = createS3Storage({
    endpoint: `http://127.0.0.1:${port}`,
    bucket: BUCKET,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    region: 'us-east-1',
    stagingDir: path.join(work, 'staging'),
  });
  h = await createHarness({}, { storage });
  officer = await h.login('canbo.kimphuong');
  unitId = await unitIdByCode(officer, '05551');
});
afterAll(async () => {
  await h?.close();
  storage?.client.destroy();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

async function objectKeys(): Promise<string[]> {
  const res = await storage.client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (res.Contents ?? []).map((o) => o.Key ?? '').sort();
}

function upload(name: string, content: Buffer) {
  const { body, headers } = multipart({ name, content }, { type: 'plan' });
  return officer.request('POST', `/api/v1/units/${unitId}/evidence`, body, headers);
}

describe('evidence in S3-compatible object storage', () => {
  it('uploads, de-duplicates, downloads and deletes through the bucket', async () => {
    const pdf = samplePdf('stored in S3');
    const created = await upload('ke-hoach.pdf', pdf);
    expect(created.status).toBe(201);
    const keys = await objectKeys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^evidence/${unitId}/[0-9a-f-]{36}$`));

    const again = await upload('ban-sao.pdf', pdf);
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(await objectKeys()).toEqual(keys);

    const download = await officer.get(`/api/v1/evidence/${created.body.id}/download?inline=1`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(pdf.length));
    expect(download.body).toBe(pdf.toString('latin1'));

    const png = samplePng([5, 6, 7]);
    const version = await officer.request(
      'POST',
      `/api/v1/evidence/${created.body.id}/versions`,
      multipart({ name: 'anh.png', content: png }).body,
      multipart({ name: 'anh.png', content: png }).headers,
    );
    expect(version.status).toBe(201);
    expect(await objectKeys()).toHaveLength(2);

    expect((await officer.delete(`/api/v1/evidence/${created.body.id}`)).status).toBe(204);
    expect(await objectKeys()).toEqual([]);
  });

  it('leaves nothing in the bucket when a file is refused', async () => {
    const res = await upload('gia.pdf', sampleText());
    expect(res.status).toBe(415);
    expect(await objectKeys()).toEqual([]);
  });

  it('reports a missing object instead of serving nothing', async () => {
    const created = await upload('se-mat.pdf', samplePdf('will vanish'));
    const [key] = await objectKeys();
    await storage.delete(key!);
    expect(await storage.exists(key!)).toBe(false);
    const res = await officer.get(`/api/v1/evidence/${created.body.id}/download`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('evidence_file_unavailable');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from './check.service.ts';
import {
  createTestSigner,
  signPdf,
  textPdf,
  vietnameseFont,
  type TestSigner,
} from '../../test-support/test-pdfs.ts';
import { inspectPdfSignatures } from './pdf-signatures.ts';
import { loadTrustAnchors, resetTrustAnchors } from './trust-anchors.ts';

let signer: TestSigner;
let stranger: TestSigner;
let signed: Buffer;
let ourCa: string;
let otherCa: string;
const dirs: string[] = [];

function anchorDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'parindex-anchors-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

beforeAll(async () => {
  signer = createTestSigner();
  stranger = createTestSigner('Người lạ');
  if (vietnameseFont) signed = await signPdf(await textPdf(), signer);
  ourCa = anchorDir({ 'test-ca.pem': signer.caPem, 'notes.txt': 'not a certificate' });
  otherCa = anchorDir({
    'other.crt': stranger.caPem,
    'broken.pem': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
  });
});
afterEach(() => {
  delete process.env.PARINDEX_TRUST_ANCHORS_DIR;
  resetTrustAnchors();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('trust anchors', () => {
  it('reads the certificates of the PEM files of a directory and names the unreadable ones', () => {
    expect(loadTrustAnchors(ourCa)).toMatchObject({ skipped: [] });
    expect(loadTrustAnchors(ourCa).certificates).toHaveLength(1);
    const other = loadTrustAnchors(otherCa);
    expect(other.certificates).toHaveLength(1);
    expect(other.skipped).toEqual(['broken.pem']);
  });
});

describe.skipIf(!vietnameseFont)('the chain of a signature', () => {
  it('is trusted when the signer chains to a configured CA', async () => {
    const inspection = await inspectPdfSignatures(signed, {
      trustAnchors: loadTrustAnchors(ourCa).certificates,
    });
    expect(inspection).toMatchObject({
      status: 'ok',
      signatures: [{ status: 'valid', trust: 'trusted' }],
    });
  });

  it('is not trusted under other CAs, and the officer is told', async () => {
    process.env.PARINDEX_TRUST_ANCHORS_DIR = otherCa;
    const outcome = await checkFile(signed, 'application/pdf');
    expect(outcome.signatures).toMatchObject([{ status: 'valid', trust: 'not_trusted' }]);
    const { evidenceFindings } = await import('../../../domain/documents/findings.ts');
    const findings = evidenceFindings(
      outcome.metadata,
      outcome.signatures!.map((s) => ({
        valid: s.status === 'valid',
        coversWholeFile: s.coversWholeFile,
        signingTime: s.signingTime,
        signerName: s.signer?.commonName ?? null,
        trust: s.trust,
      })),
      {},
    );
    expect(findings.map((f) => f.message)).toEqual([
      'Chứng thư số của Luân Đức Quỳnh không thuộc tổ chức chứng thực chữ ký số được tin cậy; cơ quan thẩm định có thể không công nhận chữ ký.',
    ]);
  });

  it('is not checked without configured anchors', async () => {
    const outcome = await checkFile(signed, 'application/pdf');
    expect(outcome.signatures).toMatchObject([{ status: 'valid', trust: 'not_checked' }]);
  });

  it('is trusted through the configured directory', async () => {
    process.env.PARINDEX_TRUST_ANCHORS_DIR = ourCa;
    const outcome = await checkFile(signed, 'application/pdf');
    expect(outcome.signatures).toMatchObject([{ trust: 'trusted' }]);
  });
});

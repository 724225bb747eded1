import { Certificate } from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evidenceFindings } from '../../../domain/documents/findings.ts';
import { checkFile } from './check.service.ts';
import {
  libreOfficeSignedPdf,
  libreOfficeUnavailable,
} from '../../test-support/libreoffice-pdf-signing.ts';
import { createTestSigner } from '../../test-support/test-pdfs.ts';
import { inspectPdfSignatures } from './pdf-signatures.ts';

if (libreOfficeUnavailable)
  console.warn(`LibreOffice signing tests skipped: ${libreOfficeUnavailable}`);

describe.skipIf(libreOfficeUnavailable !== null)('a PDF signed by LibreOffice', () => {
  const signer = createTestSigner();
  let signed: Buffer;
  let before: number;

  beforeAll(async () => {
    before = Date.now();
    signed = await libreOfficeSignedPdf(signer);
  });

  it('is read and its signature verified', async () => {
    const outcome = await checkFile(signed, 'application/pdf');
    expect(outcome).toMatchObject({
      status: 'done',
      readBy: 'text',
      metadata: {
        number: '12/BC-UBND',
        kind: 'report',
        issuedOn: '2023-06-15',
        signing: { title: 'CHỦ TỊCH', capacity: 'TM', name: 'Luân Đức Quỳnh' },
      },
    });
    expect(outcome.signatures).toHaveLength(1);
    const [signature] = outcome.signatures!;
    expect(signature).toMatchObject({
      status: 'valid',
      coversWholeFile: true,
      digestAlgorithm: 'SHA-256',
      signer: { commonName: 'Luân Đức Quỳnh', organization: 'UBND xã Quy Kỳ' },
      issuer: { commonName: 'parindex Test CA' },
    });
    // LibreOffice signs "now": the signing day differs from the printed 15/06/2023.
    expect(new Date(signature!.signingTime!).getTime()).toBeGreaterThanOrEqual(before - 2000);
    const findings = evidenceFindings(
      outcome.metadata,
      outcome.signatures!.map((s) => ({
        valid: s.status === 'valid',
        coversWholeFile: s.coversWholeFile,
        signingTime: s.signingTime,
        signerName: s.signer?.commonName ?? null,
      })),
      { mustBeSigned: true, kind: 'report', year: 2023 },
    );
    expect(findings.map((f) => f.code)).toEqual(['signing_date_differs']);
  });

  it('chains to the test CA when it is a trust anchor', async () => {
    const anchors = [Certificate.fromBER(signer.caDer)];
    const inspection = await inspectPdfSignatures(signed, { trustAnchors: anchors });
    expect(inspection).toMatchObject({ signatures: [{ status: 'valid', trust: 'trusted' }] });
    const stranger = createTestSigner('Người lạ');
    const other = await inspectPdfSignatures(signed, {
      trustAnchors: [Certificate.fromBER(stranger.caDer)],
    });
    expect(other).toMatchObject({ signatures: [{ status: 'valid', trust: 'not_trusted' }] });
  });

  it('is found changed when a signed byte is altered', async () => {
    const tampered = Buffer.from(signed);
    // A byte of the page content, well inside the first signed range.
    const at = tampered.indexOf('stream') + 20;
    tampered[at] = tampered[at]! ^ 0x01;
    const inspection = await inspectPdfSignatures(tampered);
    expect(inspection).toMatchObject({ status: 'ok', signatures: [{ status: 'digest_mismatch' }] });
  });
});

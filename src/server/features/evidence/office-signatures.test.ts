/**
 * Signatures inside Word and OpenDocument evidence, on files this product did not write: the plan
 * of xã Bảo Cường saved by LibreOffice, signed by xmlsec1 (test-support/xmlsec-office-signing.ts), then changed with
 * Info-ZIP as a person would change it. Each is judged as a PDF signature is: valid, changed
 * (a signed part altered, a part added), the signer, the signing day against the printed issue
 * day, trust against anchors or "not checked"; and a bomb is refused without harm.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Certificate } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceFindings } from '../../../domain/documents/findings.ts';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { checkFile, drainEvidenceChecks } from './check.service.ts';
import { MEDIA_TYPES } from './content-type.ts';
import { libreOfficeDocument, libreOfficeMissing } from './libreoffice-documents.ts';
import { inspectOfficeSignatures } from './office-signatures.ts';
import {
  appendEntry,
  officeSigningMissing,
  repack,
  signDocx,
  signDocxOfficeLayout,
  signOdt,
} from '../../test-support/xmlsec-office-signing.ts';
import { createTestSigner } from '../../test-support/test-pdfs.ts';
import type { PdfSignature } from './pdf-signatures.ts';
import { multipart } from '../../test-support/test-files.ts';

const missing = libreOfficeMissing ?? officeSigningMissing;
if (missing) console.warn(`Office signature tests skipped: ${missing}`);

const FORMATS = ['odt', 'docx'] as const;
type Format = (typeof FORMATS)[number];
const sign = (format: Format) => (format === 'odt' ? signOdt : signDocx);
/** The part that holds the text of each format. */
const BODY = { odt: 'content.xml', docx: 'word/document.xml' } as const;

const findingsOf = (
  outcome: Awaited<ReturnType<typeof checkFile>>,
  requirement: Parameters<typeof evidenceFindings>[2] = {},
) =>
  evidenceFindings(
    outcome.metadata,
    (outcome.signatures ?? []).map((s: PdfSignature) => ({
      valid: s.status === 'valid',
      coversWholeFile: s.coversWholeFile,
      signingTime: s.signingTime,
      signerName: s.signer?.commonName ?? null,
      trust: s.trust,
    })),
    requirement,
  ).map((f) => [f.code, f.severity]);

describe.skipIf(missing !== null)('signatures inside Word and OpenDocument files', () => {
  const signer = createTestSigner();
  const plain: Partial<Record<Format, Buffer>> = {};
  const signed: Partial<Record<Format, Buffer>> = {};
  beforeAll(async () => {
    for (const format of FORMATS) {
      plain[format] = await libreOfficeDocument(format);
      // 02:00 UTC is 09:00 in Vietnam on 10/05/2023, the issue day the plan prints.
      signed[format] = await sign(format)(plain[format]!, signer, '2023-05-10T02:00:00Z');
    }
  }, 180_000);

  describe.each(FORMATS)('a .%s', (format) => {
    it('signed and untouched: valid, by the certificate’s holder, on the printed day', async () => {
      const outcome = await checkFile(signed[format]!, MEDIA_TYPES[format]);
      expect(outcome).toMatchObject({ status: 'done', readBy: 'text', error: null });
      expect(outcome.metadata).toMatchObject({ number: '87/KH-UBND', issuedOn: '2023-05-10' });
      expect(outcome.signatures).toHaveLength(1);
      expect(outcome.signatures![0]).toMatchObject({
        format,
        byteRange: null,
        status: 'valid',
        coversWholeFile: true,
        digestAlgorithm: 'SHA-256',
        signer: { commonName: 'Luân Đức Quỳnh', organization: 'UBND xã Quy Kỳ' },
        issuer: { commonName: 'parindex Test CA' },
        signingTime: '2023-05-10T02:00:00.000Z',
        signingTimeSource: 'signed_attribute',
        // No anchors are configured for the tests.
        trust: 'not_checked',
      });
      // Signed as the sub-criterion asks; only the unchecked trust is worth a note.
      expect(findingsOf(outcome, { mustBeSigned: true, year: 2023 })).toEqual([
        ['trust_not_checked', 'warning'],
      ]);
    });

    it('chains to the test CA when it is an anchor, and to nothing under another CA', async () => {
      const trusted = await inspectOfficeSignatures(signed[format]!, format, [
        Certificate.fromBER(signer.caDer),
      ]);
      expect(trusted).toMatchObject({ status: 'ok', signatures: [{ trust: 'trusted' }] });
      const stranger = createTestSigner('Người lạ');
      const other = await inspectOfficeSignatures(signed[format]!, format, [
        Certificate.fromBER(stranger.caDer),
      ]);
      expect(other).toMatchObject({
        status: 'ok',
        signatures: [{ status: 'valid', trust: 'not_trusted' }],
      });
    });

    it('unsigned: no signature, and a sub-criterion that asks for one says so', async () => {
      const outcome = await checkFile(plain[format]!, MEDIA_TYPES[format]);
      expect(outcome).toMatchObject({ status: 'done', signatures: [] });
      expect(findingsOf(outcome, { mustBeSigned: true })).toEqual([['not_signed', 'problem']]);
    });

    it('a signed part altered after signing: the signature no longer holds', async () => {
      const tampered = await repack(signed[format]!, async (root) => {
        const body = path.join(root, BODY[format]);
        const text = await readFile(body, 'utf8');
        expect(text).toContain('87/KH-UBND');
        await writeFile(body, text.replace('87/KH-UBND', '88/KH-UBND'));
      });
      const outcome = await checkFile(tampered, MEDIA_TYPES[format]);
      expect(outcome.metadata?.number).toBe('88/KH-UBND');
      expect(outcome.signatures).toMatchObject([{ status: 'digest_mismatch' }]);
      expect(findingsOf(outcome)).toContainEqual(['signature_invalid', 'problem']);
    });

    it('a part added after signing: the file changed after it was signed', async () => {
      const added = await repack(signed[format]!, async (root) => {
        await writeFile(path.join(root, 'extra.xml'), '<x>thêm sau khi ký</x>');
      });
      const outcome = await checkFile(added, MEDIA_TYPES[format]);
      expect(outcome.signatures).toMatchObject([{ status: 'valid', coversWholeFile: false }]);
      expect(findingsOf(outcome)).toContainEqual(['changed_after_signing', 'problem']);
    });

    it('a signature value altered: it does not verify with the certificate', async () => {
      const part = format === 'odt' ? 'META-INF/documentsignatures.xml' : '_xmlsignatures/sig1.xml';
      const forged = await repack(signed[format]!, async (root) => {
        const file = path.join(root, part);
        const xml = await readFile(file, 'utf8');
        // The first letter of the value changed to another base64 letter.
        await writeFile(
          file,
          xml.replace(
            /<SignatureValue>\s*(.)/,
            (_m, c: string) => `<SignatureValue>${c === 'A' ? 'B' : 'A'}`,
          ),
        );
      });
      const outcome = await checkFile(forged, MEDIA_TYPES[format]);
      expect(outcome.signatures).toMatchObject([{ status: 'signature_invalid' }]);
      expect(findingsOf(outcome)).toContainEqual(['signature_invalid', 'problem']);
    });

    it('signed on another day than the printed one: the points are at risk', async () => {
      const late = await sign(format)(plain[format]!, signer, '2023-05-12T02:00:00Z');
      const outcome = await checkFile(late, MEDIA_TYPES[format]);
      expect(findingsOf(outcome)).toContainEqual(['signing_date_differs', 'problem']);
    });

    it('a signature part that is no XML is an unreadable signature, not a failure', async () => {
      const part = format === 'odt' ? 'META-INF/documentsignatures.xml' : '_xmlsignatures/sig1.xml';
      const broken = await repack(signed[format]!, async (root) => {
        await appendFile(path.join(root, part), '<unclosed');
      });
      const outcome = await checkFile(broken, MEDIA_TYPES[format]);
      expect(outcome).toMatchObject({ status: 'done', signatures: [{ status: 'unreadable' }] });
    });
  });

  describe('a .docx signed as Office lays it out (a manifest of parts in a signed object)', () => {
    let office: Buffer;
    beforeAll(async () => {
      office = await signDocxOfficeLayout(plain.docx!, signer, '2023-05-10T02:00:00Z');
    });

    it('is valid, every part covered, with its signed time', async () => {
      const outcome = await checkFile(office, MEDIA_TYPES.docx);
      expect(outcome.signatures).toMatchObject([
        {
          format: 'docx',
          status: 'valid',
          coversWholeFile: true,
          signer: { commonName: 'Luân Đức Quỳnh' },
          signingTime: '2023-05-10T02:00:00.000Z',
        },
      ]);
    });

    it('a part listed in the manifest altered: the signature no longer holds', async () => {
      const tampered = await repack(office, async (root) => {
        const body = path.join(root, 'word/styles.xml');
        await writeFile(body, `${await readFile(body, 'utf8')} `);
      });
      const inspection = await inspectOfficeSignatures(tampered, 'docx');
      expect(inspection).toMatchObject({ signatures: [{ status: 'digest_mismatch' }] });
    });

    it('the signed relationship to the body redirected: the signature no longer holds', async () => {
      const redirected = await repack(office, async (root) => {
        const rels = path.join(root, '_rels/.rels');
        const text = await readFile(rels, 'utf8');
        expect(text).toContain('Target="word/document.xml"');
        await writeFile(
          rels,
          text.replace('Target="word/document.xml"', 'Target="word/other.xml"'),
        );
      });
      const inspection = await inspectOfficeSignatures(redirected, 'docx');
      expect(inspection).toMatchObject({ signatures: [{ status: 'digest_mismatch' }] });
    });

    it('a relationship the signature does not select, added later, leaves it whole', async () => {
      const more = await repack(office, async (root) => {
        const rels = path.join(root, '_rels/.rels');
        const text = await readFile(rels, 'utf8');
        await writeFile(
          rels,
          text.replace(
            '</Relationships>',
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>',
          ),
        );
      });
      const inspection = await inspectOfficeSignatures(more, 'docx');
      expect(inspection).toMatchObject({
        signatures: [{ status: 'valid', coversWholeFile: true }],
      });
    });
  });

  it('a part written twice in the archive: which copy is read is unsure, so not covered', async () => {
    const twice = await appendEntry(
      signed.docx!,
      'word/document.xml',
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    );
    const inspection = await inspectOfficeSignatures(twice, 'docx');
    expect(inspection).toMatchObject({
      changedAfterSigning: true,
      signatures: [{ coversWholeFile: false }],
    });
  });

  it('a local header that names another part than the directory: not covered', async () => {
    const forged = Buffer.from(signed.docx!);
    // The local header of word/styles.xml (signature PK\3\4, its name 30 bytes on) renamed.
    const name = Buffer.from('word/styles.xml');
    let at = forged.indexOf(name);
    while (at >= 0 && forged.readUInt32LE(at - 30) !== 0x04034b50)
      at = forged.indexOf(name, at + 1);
    expect(at).toBeGreaterThan(0);
    forged.write('word/stylez.xml', at);
    const inspection = await inspectOfficeSignatures(forged, 'docx');
    expect(inspection).toMatchObject({
      changedAfterSigning: true,
      signatures: [{ coversWholeFile: false }],
    });
  });

  it('a second element with the signed object’s id (signature wrapping) breaks it', async () => {
    const wrapped = await repack(signed.odt!, async (root) => {
      const file = path.join(root, 'META-INF/documentsignatures.xml');
      const xml = await readFile(file, 'utf8');
      expect(xml).toContain('Id="ID_time"');
      await writeFile(
        file,
        xml.replace(
          '</Signature>',
          '<Object><SignatureProperties><SignatureProperty Id="ID_time" Target="#ID_sig"><dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2023-01-01T00:00:00Z</dc:date></SignatureProperty></SignatureProperties></Object></Signature>',
        ),
      );
    });
    const inspection = await inspectOfficeSignatures(wrapped, 'odt');
    expect(inspection).toMatchObject({ signatures: [{ status: 'digest_mismatch' }] });
  });

  it('a zip bomb with a signature part is refused as too large, without reading it', async () => {
    const bomb = await repack(signed.docx!, async (root) => {
      await writeFile(path.join(root, '_xmlsignatures/sig2.xml'), Buffer.alloc(48 << 20, 0x20));
    });
    expect(await checkFile(bomb, MEDIA_TYPES.docx)).toMatchObject({
      status: 'unreadable',
      error: 'too_large',
      signatures: null,
    });
    expect(await inspectOfficeSignatures(bomb, 'docx')).toEqual({ status: 'too_large' });
  });

  describe('through the library', () => {
    let h: Harness;
    let officer: Client;
    let unit: number;
    beforeAll(async () => {
      h = await createHarness();
      officer = await h.login('canbo.kimphuong');
      unit = await unitIdByCode(officer, '05551');
    });
    afterAll(async () => h?.close());

    it.each(FORMATS)('a signed .%s shows its signature as a PDF’s is shown', async (format) => {
      const { body, headers } = multipart({ name: `ke-hoach.${format}`, content: signed[format]! });
      const res = await officer.request<any>(
        'POST',
        `/api/v1/units/${unit}/evidence`,
        body,
        headers,
      );
      expect(res.status).toBe(201);
      await drainEvidenceChecks(h.deps);
      const check = await officer.get<any>(`/api/v1/evidence/${res.body.id}/check?signed=1`);
      expect(check.status).toBe(200);
      expect(check.body).toMatchObject({
        status: 'done',
        changedAfterSigning: false,
        trustAnchorsConfigured: false,
        signatures: [
          {
            format,
            status: 'valid',
            signer: { commonName: 'Luân Đức Quỳnh' },
            trust: 'not_checked',
          },
        ],
      });
      expect(check.body.findings).toEqual([
        {
          code: 'trust_not_checked',
          severity: 'warning',
          message:
            'Không kiểm tra được chứng thư số của Luân Đức Quỳnh có thuộc tổ chức chứng thực chữ ký số được tin cậy hay không: máy chủ chưa được cấu hình chứng thư gốc (ví dụ chứng thư gốc quốc gia).',
        },
      ]);
      const english = await officer.request<any>(
        'GET',
        `/api/v1/evidence/${res.body.id}/check?signed=1`,
        undefined,
        { 'accept-language': 'en' },
      );
      expect(english.body.findings.map((f: { message: string }) => f.message)).toEqual([
        'Whether the certificate of Luân Đức Quỳnh chains to a trusted certification authority could not be checked: no root certificates (such as the national root) are configured on the server.',
      ]);
    });

    it('a file changed after signing is told so in the check', async () => {
      const added = await repack(signed.odt!, async (root) => {
        await writeFile(path.join(root, 'extra.xml'), '<x/>');
      });
      const { body, headers } = multipart({ name: 'sua-sau-khi-ky.odt', content: added });
      const res = await officer.request<any>(
        'POST',
        `/api/v1/units/${unit}/evidence`,
        body,
        headers,
      );
      expect(res.status).toBe(201);
      await drainEvidenceChecks(h.deps);
      const check = await officer.get<any>(`/api/v1/evidence/${res.body.id}/check`);
      expect(check.status).toBe(200);
      expect(check.body.changedAfterSigning).toBe(true);
      expect(check.body.findings.map((f: { code: string }) => f.code)).toContain(
        'changed_after_signing',
      );
    });
  });
});

/**
 * Test PDFs for the document checks: a Decree 30 document drawn with pdf-lib (a system serif
 * font, embedded, for the Vietnamese letters), a test CA and signer made with node-forge, signed
 * with @signpdf; then tampered, re-signed, encrypted, broken or scanned. Tests only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { samplePng } from './test-files.ts';

// pdf-lib needs fontkit to embed a TrueType font; the 1.x one @signpdf brings along is compatible.
const fontkit = createRequire(import.meta.url)('fontkit') as Parameters<
  PDFDocument['registerFontkit']
>[0];

const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
  '/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf',
];

/** A system font with Vietnamese letters, or null (the text tests are then skipped). */
export const vietnameseFont = FONT_CANDIDATES.find((p) => existsSync(p)) ?? null;

/** A line of the page: its left column and, optionally, its right column. */
export type PageLine = [left: string, right?: string];

/** The header and ending of a plan of xã Quy Kỳ, as printed (seed 000 with a number). */
export function decree30Lines(date = 'Quy Kỳ, ngày 10 tháng 5 năm 2023'): PageLine[] {
  return [
    ['UBND HUYỆN VÂN HỒ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['UỶ BAN NHÂN DÂN XÃ QUY KỲ', 'Độc lập - Tự do - Hạnh phúc'],
    ['Số: 87/KH-UBND', date],
    [''],
    ['KẾ HOẠCH'],
    ['Cải cách hành chính năm 2023'],
    [''],
    ['Căn cứ Quyết định số 108/QĐ-UBND ngày 12/01/2023 của UBND tỉnh;'],
    [''],
    ['Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN'],
    ['- UBND huyện;', 'CHỦ TỊCH'],
    ['- Lưu: VT.'],
    [''],
    ['', 'Luân Đức Quỳnh'],
  ];
}

/** A one-page text PDF with the given lines (two columns where a line has a right part). */
export async function textPdf(lines: PageLine[] = decree30Lines()): Promise<Buffer> {
  if (!vietnameseFont) throw new Error('no font with Vietnamese letters on this machine');
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(vietnameseFont), { subset: true });
  const page = doc.addPage([595, 842]);
  let y = 790;
  for (const [left, right] of lines) {
    if (left) page.drawText(left, { x: 60, y, size: 11, font });
    if (right) page.drawText(right, { x: 320, y, size: 11, font });
    y -= left || right ? 16 : 12;
  }
  // A plain (uncompressed) file, as @signpdf's plain placeholder needs.
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A PDF with one scanned page: an image and no text. */
export async function scannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(samplePng([120, 120, 120]));
  doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** poppler's page renderer, to make scans of text pages (the scan tests are skipped without it). */
export const pdftoppm =
  ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find((p) => existsSync(p)) ?? null;

/** The first page of a PDF as a grey PNG, as a scanner at `dpi` would give it. */
export function rasterise(pdf: Buffer, dpi = 200): Buffer {
  if (!pdftoppm) throw new Error('pdftoppm is not installed');
  const dir = mkdtempSync(path.join(tmpdir(), 'parindex-scan-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync(pdftoppm, [
      '-r',
      String(dpi),
      '-gray',
      '-png',
      '-singlefile',
      '-f',
      '1',
      '-l',
      '1',
      path.join(dir, 'in.pdf'),
      path.join(dir, 'out'),
    ]);
    return readFileSync(path.join(dir, 'out.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A scanned document: each page an image of the given PNGs, with no text layer. */
export async function imagePdf(pngs: Buffer[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const png of pngs) {
    const image = await doc.embedPng(png);
    doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export interface TestSigner {
  p12: Buffer;
  passphrase: string;
  commonName: string;
  /** The signer's certificate (DER) and private key (PKCS #8, DER), for other signing tools. */
  certificateDer: Buffer;
  privateKeyDer: Buffer;
  /** The test CA that issued the certificate, as a PEM file (a trust anchor in tests). */
  caPem: string;
  caDer: Buffer;
}

const der = (asn1: forge.asn1.Asn1): Buffer =>
  Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');

function makeCertificate(
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
  publicKey: forge.pki.PublicKey,
  signingKey: forge.pki.rsa.PrivateKey,
  serial: string,
  isCa: boolean,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial;
  cert.validity.notBefore = new Date('2020-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2035-01-01T00:00:00Z');
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions([
    { name: 'basicConstraints', cA: isCa },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, keyCertSign: isCa },
  ]);
  cert.sign(signingKey, forge.md.sha256.create());
  return cert;
}

/** A test CA and a signer certificate issued by it, packed with the key as a .p12. */
export function createTestSigner(commonName = 'Luân Đức Quỳnh'): TestSigner {
  const caKeys = forge.pki.rsa.generateKeyPair(2048);
  const caName = [
    { name: 'commonName', value: 'parindex Test CA' },
    { name: 'organizationName', value: 'parindex tests' },
  ];
  const ca = makeCertificate(caName, caName, caKeys.publicKey, caKeys.privateKey, '01', true);
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const subject = [
    { name: 'commonName', value: commonName, valueTagClass: 12 },
    {
      name: 'organizationName',
      value: 'UBND xã Quy Kỳ',
      valueTagClass: 12,
    },
  ] as unknown as forge.pki.CertificateField[];
  const cert = makeCertificate(subject, caName, keys.publicKey, caKeys.privateKey, '02', false);
  const passphrase = 'test';
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, ca], passphrase, {
    algorithm: '3des',
  });
  return {
    p12: der(asn1),
    passphrase,
    commonName,
    certificateDer: der(forge.pki.certificateToAsn1(cert)),
    privateKeyDer: der(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keys.privateKey))),
    caPem: forge.pki.certificateToPem(ca),
    caDer: der(forge.pki.certificateToAsn1(ca)),
  };
}

/** Signs a PDF (a new signature field, as an incremental update) at `signingTime`. */
export async function signPdf(
  pdf: Buffer,
  signer: TestSigner,
  signingTime = new Date('2023-05-10T02:00:00Z'),
): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: 'Ban hành',
    contactInfo: '',
    name: signer.commonName,
    location: 'Quy Kỳ',
    signingTime,
  });
  const p12 = new P12Signer(signer.p12, { passphrase: signer.passphrase });
  return new SignPdf().sign(withPlaceholder, p12, signingTime);
}

/** Appends an incremental update after the signature: a changed document information entry. */
export function appendIncrementalUpdate(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const prevXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1] ?? 0);
  const size = Number([...text.matchAll(/\/Size\s+(\d+)/g)].at(-1)?.[1] ?? 0);
  const root = [...text.matchAll(/\/Root\s+(\d+\s+\d+\s+R)/g)].at(-1)?.[1] ?? '1 0 R';
  const objectOffset = pdf.length + 1;
  const object = `${size} 0 obj\n<< /Title (Sửa sau khi ký) >>\nendobj\n`;
  const xrefOffset = objectOffset + Buffer.byteLength(object, 'latin1');
  const update =
    `\n${object}xref\n${size} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${prevXref} >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

/** Marks a PDF as encrypted (a standard security handler in its trailer) without real keys. */
export function encryptedPdf(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const o = '0'.repeat(64);
  const patched = text.replace(
    /trailer\s*<<([\s\S]*?)>>\s*startxref/,
    (_m, body: string) =>
      `trailer\n<<${body} /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -1044 /O <${o}> /U <${o}> >> /ID [<${o.slice(0, 32)}> <${o.slice(0, 32)}>] >>\nstartxref`,
  );
  return Buffer.from(patched, 'latin1');
}

/** The first part of a PDF: its end (cross-reference table, trailer) is missing. */
export function truncatedPdf(pdf: Buffer): Buffer {
  return pdf.subarray(0, Math.floor(pdf.length / 2));
}

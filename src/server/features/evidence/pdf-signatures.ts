/**
 * Digital signatures of a PDF: every signature dictionary (`/ByteRange [a b c d]` with the CMS
 * SignedData in `/Contents <hex>` between the two ranges), checked like a PDF reader does: the
 * signed bytes are hashed with the CMS digest algorithm and compared with the signed
 * message-digest attribute, and the signature is verified with the signer's certificate. The
 * certificate chain is checked against the configured trust anchors (trust-anchors.ts) at the
 * signing time; with none configured, `trust` says "not checked". Revocation (OCSP/CRL) is not
 * checked: it needs the CAs' servers.
 *
 * A file changed after its last signature (an incremental update appended) is reported, as are
 * encrypted and damaged files. Nothing here throws on a hostile file: sizes and counts are capped.
 */
import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

pkijs.setEngine(
  'node-webcrypto',
  new pkijs.CryptoEngine({
    name: 'node-webcrypto',
    crypto: webcrypto as unknown as pkijs.CryptoEngineParameters['crypto'],
  }),
);

export const PDF_LIMITS = {
  /** Larger files are not inspected at all. */
  maxFileBytes: 100 * 1024 * 1024,
  /** Signatures past this count are not inspected (the report says it stopped). */
  maxSignatures: 20,
  /** A CMS blob larger than this is not parsed (real ones, with chains and stamps, stay far below). */
  maxContentsBytes: 512 * 1024,
};

export interface CertificateName {
  commonName: string | null;
  organization: string | null;
}

export type SignatureStatus =
  /** Digest and signature both check out. */
  | 'valid'
  /** The signed bytes no longer hash to the digest that was signed. */
  | 'digest_mismatch'
  /** The signature does not verify with the certificate it names. */
  | 'signature_invalid'
  /** Not a CMS signature we can read (damaged, or an old PKCS#1 `adbe.x509.rsa_sha1`). */
  | 'unreadable';

/**
 * One digital signature of an evidence file: of a PDF (this module), or of a Word or OpenDocument
 * package (office-signatures.ts), judged alike.
 */
export interface PdfSignature {
  /** The file the signature was found in (rows saved before office signatures were read: PDF). */
  format?: 'pdf' | 'docx' | 'odt';
  /** A PDF signature's signed byte ranges; null for a package signature (it signs parts). */
  byteRange: [number, number, number, number] | null;
  subFilter: string | null;
  status: SignatureStatus;
  /** The signature covers every byte of the file (apart from trailing line ends). */
  coversWholeFile: boolean;
  digestAlgorithm: string | null;
  signer: CertificateName | null;
  issuer: CertificateName | null;
  certificate: { serialNumber: string; notBefore: string; notAfter: string } | null;
  /** The claimed signing time: the signed attribute, else the dictionary's `/M`. */
  signingTime: string | null;
  signingTimeSource: 'signed_attribute' | 'dictionary' | null;
  /**
   * Chain of trust: the signer's certificate chains (with the certificates in the signature) to a
   * configured trust anchor, valid at the signing time; or no anchors are configured.
   */
  trust: SignatureTrust;
}

export type SignatureTrust = 'trusted' | 'not_trusted' | 'not_checked';

export interface InspectOptions {
  /** CA certificates that make a chain trusted; none: the chain is not checked. */
  trustAnchors?: pkijs.Certificate[] | undefined;
}

export type PdfInspection =
  | {
      status: 'ok';
      signatures: PdfSignature[];
      /** More signature dictionaries than inspected. */
      truncated: boolean;
      /** The last signature does not cover the end of the file. */
      changedAfterSigning: boolean;
    }
  | { status: 'encrypted' }
  | { status: 'corrupt'; reason: 'not_pdf' | 'truncated' }
  | { status: 'too_large' };

const DIGESTS: Record<string, { node: string; name: string }> = {
  '1.3.14.3.2.26': { node: 'sha1', name: 'SHA-1' },
  '2.16.840.1.101.3.4.2.1': { node: 'sha256', name: 'SHA-256' },
  '2.16.840.1.101.3.4.2.2': { node: 'sha384', name: 'SHA-384' },
  '2.16.840.1.101.3.4.2.3': { node: 'sha512', name: 'SHA-512' },
};
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const OID_CN = '2.5.4.3';
const OID_O = '2.5.4.10';

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/g;

export function nameOf(rdn: pkijs.RelativeDistinguishedNames): CertificateName {
  const value = (oid: string) => {
    const found = rdn.typesAndValues.find((t) => t.type === oid);
    return found
      ? String((found.value as { valueBlock: { value: unknown } }).valueBlock.value)
      : null;
  };
  return { commonName: value(OID_CN), organization: value(OID_O) };
}

const toArrayBuffer = (b: Uint8Array): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** "D:20230510090000+07'00'" → ISO instant. */
function pdfDate(text: string): string | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone] = m;
  let offset = 'Z';
  if (zone && zone !== 'Z') {
    const digits = zone.replace(/'/g, '');
    offset = `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
  }
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The end of the file's meaningful bytes: trailing line ends and spaces do not count. */
function meaningfulEnd(pdf: Uint8Array): number {
  let end = pdf.length;
  while (end > 0 && [0x0a, 0x0d, 0x20, 0x00].includes(pdf[end - 1]!)) end--;
  return end;
}

function hexToBytes(hex: string): Uint8Array | null {
  const clean = hex.replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(clean)) return null;
  // The placeholder is padded with zeros after the value; the parser reads the first value only.
  // Trailing zeros are not trimmed: a BER value of indefinite length (as LibreOffice writes it)
  // ends with zero bytes of its own.
  return Buffer.from(clean.length % 2 ? `${clean}0` : clean, 'hex');
}

/** Whether `cert` chains to one of `anchors` through `certificates`, valid on `when`. */
export async function chainTrust(
  cert: pkijs.Certificate,
  certificates: pkijs.Certificate[],
  anchors: pkijs.Certificate[],
  when: Date,
): Promise<SignatureTrust> {
  try {
    const engine = new pkijs.CertificateChainValidationEngine({
      trustedCerts: anchors,
      certs: [cert, ...certificates.filter((c) => c !== cert)],
      checkDate: when,
    });
    const outcome = await engine.verify();
    return outcome.result ? 'trusted' : 'not_trusted';
  } catch {
    return 'not_trusted';
  }
}

async function inspectOne(
  pdf: Uint8Array,
  latin1: string,
  range: [number, number, number, number],
  options: InspectOptions,
): Promise<PdfSignature | null> {
  const [a, b, c, d] = range;
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) return null;
  const gap = latin1.slice(b, c);
  if (!gap.startsWith('<') || !gap.endsWith('>')) return null;
  const dictStart = Math.max(0, latin1.lastIndexOf(' obj', b));
  const dictEnd = latin1.indexOf('endobj', c);
  const dictionary =
    latin1.slice(dictStart, b) +
    latin1.slice(c, dictEnd < 0 ? c + 2000 : Math.min(dictEnd, c + 4000));
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(dictionary)?.[1] ?? null;
  const m = /\/M\s*\((D:[^)]*)\)/.exec(dictionary);
  const dictionaryTime = m ? pdfDate(m[1]!) : null;
  const base: PdfSignature = {
    format: 'pdf',
    byteRange: range,
    subFilter,
    status: 'unreadable',
    coversWholeFile: c + d >= meaningfulEnd(pdf),
    digestAlgorithm: null,
    signer: null,
    issuer: null,
    certificate: null,
    signingTime: dictionaryTime,
    signingTimeSource: dictionaryTime ? 'dictionary' : null,
    trust: 'not_checked',
  };
  if (gap.length - 2 > PDF_LIMITS.maxContentsBytes * 2) return base;
  const der = hexToBytes(gap.slice(1, -1));
  if (!der || der.length === 0) return base;
  try {
    const asn1 = asn1js.fromBER(toArrayBuffer(der));
    if (asn1.offset === -1) return base;
    const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
    if (contentInfo.contentType !== pkijs.ContentInfo.SIGNED_DATA) return base;
    const signed = new pkijs.SignedData({ schema: contentInfo.content });
    const signerInfo = signed.signerInfos[0];
    if (!signerInfo) return base;
    const certificates = (signed.certificates ?? []).filter(
      (cert): cert is pkijs.Certificate => cert instanceof pkijs.Certificate,
    );
    const sid = signerInfo.sid;
    const cert =
      sid instanceof pkijs.IssuerAndSerialNumber
        ? certificates.find(
            (x) => x.serialNumber.isEqual(sid.serialNumber) && x.issuer.isEqual(sid.issuer),
          )
        : certificates[0];
    const result: PdfSignature = { ...base };
    if (cert) {
      result.signer = nameOf(cert.subject);
      result.issuer = nameOf(cert.issuer);
      result.certificate = {
        serialNumber: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex'),
        notBefore: cert.notBefore.value.toISOString(),
        notAfter: cert.notAfter.value.toISOString(),
      };
    }
    const attrs = signerInfo.signedAttrs?.attributes ?? [];
    const timeAttr = attrs.find((x) => x.type === OID_SIGNING_TIME)?.values[0] as
      asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
    if (timeAttr && typeof timeAttr.toDate === 'function') {
      result.signingTime = timeAttr.toDate().toISOString();
      result.signingTimeSource = 'signed_attribute';
    }
    const digest = DIGESTS[signerInfo.digestAlgorithm.algorithmId];
    const digestAttr = attrs.find((x) => x.type === OID_MESSAGE_DIGEST)?.values[0] as
      asn1js.OctetString | undefined;
    if (!digest || !digestAttr || !cert) return result;
    result.digestAlgorithm = digest.name;
    const hash = createHash(digest.node)
      .update(pdf.subarray(a, a + b))
      .update(pdf.subarray(c, c + d))
      .digest();
    if (!hash.equals(Buffer.from(digestAttr.valueBlock.valueHexView))) {
      result.status = 'digest_mismatch';
      return result;
    }
    const signedBytes = new Uint8Array(b + d);
    signedBytes.set(pdf.subarray(a, a + b), 0);
    signedBytes.set(pdf.subarray(c, c + d), b);
    let verified = false;
    try {
      const outcome = await signed.verify({
        signer: 0,
        data: toArrayBuffer(signedBytes),
        checkChain: false,
        extendedMode: true,
      });
      verified = outcome.signatureVerified === true;
    } catch {
      verified = false;
    }
    result.status = verified ? 'valid' : 'signature_invalid';
    if (verified && options.trustAnchors && options.trustAnchors.length > 0)
      result.trust = await chainTrust(
        cert,
        certificates,
        options.trustAnchors,
        result.signingTime ? new Date(result.signingTime) : new Date(),
      );
    return result;
  } catch {
    return base;
  }
}

/** Inspects a PDF's structure and signatures; never throws. */
export async function inspectPdfSignatures(
  pdf: Uint8Array,
  options: InspectOptions = {},
): Promise<PdfInspection> {
  if (pdf.length > PDF_LIMITS.maxFileBytes) return { status: 'too_large' };
  const latin1 = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  if (!latin1.slice(0, 1024).includes('%PDF-')) return { status: 'corrupt', reason: 'not_pdf' };
  if (!/startxref|%%EOF/.test(latin1.slice(-4096)))
    return { status: 'corrupt', reason: 'truncated' };
  if (/\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(latin1)) return { status: 'encrypted' };
  const ranges: [number, number, number, number][] = [];
  const seen = new Set<string>();
  let truncated = false;
  for (const m of latin1.matchAll(BYTE_RANGE)) {
    const range = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const key = range.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    if (ranges.length >= PDF_LIMITS.maxSignatures) {
      truncated = true;
      break;
    }
    ranges.push(range);
  }
  const signatures: PdfSignature[] = [];
  for (const range of ranges) {
    const inspected = await inspectOne(pdf, latin1, range, options);
    if (inspected) signatures.push(inspected);
  }
  // In signing order: each later signature covers more of the file.
  const end = (s: PdfSignature) => (s.byteRange ? s.byteRange[2] + s.byteRange[3] : 0);
  signatures.sort((x, y) => end(x) - end(y));
  const last = signatures.at(-1);
  return {
    status: 'ok',
    signatures,
    truncated,
    changedAfterSigning: last !== undefined && !last.coversWholeFile,
  };
}

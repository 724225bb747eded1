/**
 * Digital signatures inside a Word (.docx) or OpenDocument (.odt) evidence file: XML signatures
 * (XML-DSig) over the parts of the package, checked as an office suite checks them and judged as
 * the PDF signatures are (pdf-signatures.ts), in the same shape:
 * - where they are: a Word file's package signature parts (`_xmlsignatures/*.xml`, Open
 *   Packaging Conventions), an OpenDocument file's `META-INF/documentsignatures.xml`;
 * - integrity: every reference's digest is computed again, a package part's over its bytes or its
 *   canonical XML (Canonical XML 1.0, xml-c14n.ts), a relationships part through the packaging
 *   conventions' relationship transform, an object of the signature over its canonical form; a
 *   Word file's part references sit in a signed manifest, and the content type each names must
 *   still be the part's. Then the canonical SignedInfo is verified with the public key of the
 *   certificate in the signature (node:crypto);
 * - changed after signing: a part the signature does not cover (added afterwards) other than the
 *   ones these formats leave unsigned (the signatures themselves, a Word file's content types and
 *   document properties, an OpenDocument file's `mimetype`);
 * - the signer and issuer names, the certificate, the signing time (only a time inside a signed
 *   object: XAdES SigningTime, the packaging conventions' SignatureTime, OpenDocument's dc:date),
 *   and trust against the configured anchors at that time, "not checked" without anchors.
 *
 * The archive passes the zip guard first (caps per part and in all, compression ratio, no document
 * type declaration), and the whole reading runs in a contained worker; nothing here throws on a
 * hostile file, and no reference outside the package is ever followed.
 */
import { createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import * as pkijs from 'pkijs';
import { AppError } from '../../errors.ts';
import { runContained } from '../../infra/contained.ts';
import { openZipParts } from '../../infra/zip-guard.ts';
import { chainTrust, nameOf, type PdfSignature } from './pdf-signatures.ts';
import {
  attr,
  canonicalDocument,
  canonicalSubtree,
  childrenNamed,
  descendants,
  localName,
  namespaceOf,
  parseXml,
  textOf,
  type XmlDocument,
  type XmlElement,
} from './xml-c14n.ts';

export const OFFICE_SIGNATURE_LIMITS = {
  /** Signatures past this count are not inspected. */
  maxSignatures: 20,
  /** References of one signature (its manifest included). */
  maxReferences: 10_000,
};

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const MDSSI = 'http://schemas.openxmlformats.org/package/2006/digital-signature';
const XADES = ['http://uri.etsi.org/01903/v1.3.2#', 'http://uri.etsi.org/01903/v1.4.1#'];
const DC = 'http://purl.org/dc/elements/1.1/';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const C14N_COMMENTS = `${C14N}#WithComments`;
const RELATIONSHIP_TRANSFORM =
  'http://schemas.openxmlformats.org/package/2006/RelationshipTransform';

const DIGESTS: Record<string, { node: string; name: string }> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': { node: 'sha1', name: 'SHA-1' },
  'http://www.w3.org/2001/04/xmlenc#sha256': { node: 'sha256', name: 'SHA-256' },
  'http://www.w3.org/2001/04/xmldsig-more#sha384': { node: 'sha384', name: 'SHA-384' },
  'http://www.w3.org/2001/04/xmlenc#sha512': { node: 'sha512', name: 'SHA-512' },
};
const SIGNATURE_METHODS: Record<string, { hash: string; ec: boolean }> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': { hash: 'sha1', ec: false },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { hash: 'sha256', ec: false },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { hash: 'sha384', ec: false },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { hash: 'sha512', ec: false },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': { hash: 'sha256', ec: true },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': { hash: 'sha384', ec: true },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': { hash: 'sha512', ec: true },
};

/** Parts a format leaves outside its signatures: adding or changing them does not break one. */
const UNSIGNED_PARTS = {
  docx: (name: string) =>
    name === '[Content_Types].xml' ||
    name === 'docProps/core.xml' ||
    name === 'docProps/app.xml' ||
    name.startsWith('_xmlsignatures/'),
  odt: (name: string) => name === 'mimetype' || name === 'META-INF/documentsignatures.xml',
} as const;

/** Why a signature cannot be judged: it is then reported 'unreadable'. */
class Unsupported extends Error {}

interface Package {
  format: 'docx' | 'odt';
  names: Set<string>;
  /** Some entry name occurs twice, or a local header names another part than the directory. */
  duplicated: boolean;
  read: (name: string) => Buffer | null;
  contentTypes: { defaults: Map<string, string>; overrides: Map<string, string> } | null;
}

const dsig = (el: XmlElement, local: string) => childrenNamed(el, DSIG, local);
const one = (el: XmlElement, local: string): XmlElement => {
  const found = dsig(el, local)[0];
  if (!found) throw new Unsupported(`no ${local}`);
  return found;
};

/** A Word package's content types: defaults by extension, overrides by part name. */
function readContentTypes(pkg: Pick<Package, 'read'>): Package['contentTypes'] {
  const bytes = pkg.read('[Content_Types].xml');
  if (!bytes) return null;
  try {
    const doc = parseXml(bytes.toString('utf8'));
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    for (const el of doc.root.children) {
      if (el.kind !== 'element') continue;
      const type = attr(el, 'ContentType');
      if (!type) continue;
      if (localName(el) === 'Default' && attr(el, 'Extension'))
        defaults.set(attr(el, 'Extension')!.toLowerCase(), type);
      if (localName(el) === 'Override' && attr(el, 'PartName'))
        overrides.set(attr(el, 'PartName')!.toLowerCase(), type);
    }
    return { defaults, overrides };
  } catch {
    return null;
  }
}

function contentTypeOf(pkg: Package, part: string): string | null {
  const types = pkg.contentTypes;
  if (!types) return null;
  const override = types.overrides.get(`/${part}`.toLowerCase());
  if (override) return override;
  const ext = /\.([^./]+)$/.exec(part)?.[1]?.toLowerCase();
  return ext ? (types.defaults.get(ext) ?? null) : null;
}

/**
 * The packaging conventions' relationship transform: the relationships chosen by id or type,
 * sorted by id, stripped to Id, Type, Target and TargetMode (Internal when absent).
 */
function relationshipTransform(doc: XmlDocument, transform: XmlElement): XmlDocument {
  const ids = new Set<string>();
  const types = new Set<string>();
  for (const el of descendants(transform)) {
    if (namespaceOf(el) !== MDSSI) continue;
    if (localName(el) === 'RelationshipReference' && attr(el, 'SourceId') !== null)
      ids.add(attr(el, 'SourceId')!);
    if (localName(el) === 'RelationshipsGroupReference' && attr(el, 'SourceType') !== null)
      types.add(attr(el, 'SourceType')!);
  }
  const root: XmlElement = {
    kind: 'element',
    name: doc.root.name,
    attrs: doc.root.attrs.filter((a) => a.name === 'xmlns' || a.name.startsWith('xmlns:')),
    children: [],
    parent: null,
  };
  const kept = doc.root.children
    .filter((c): c is XmlElement => c.kind === 'element' && localName(c) === 'Relationship')
    .filter((r) => ids.has(attr(r, 'Id') ?? '\0') || types.has(attr(r, 'Type') ?? '\0'))
    .sort((a, b) => {
      const x = attr(a, 'Id') ?? '';
      const y = attr(b, 'Id') ?? '';
      return x < y ? -1 : x > y ? 1 : 0;
    });
  for (const r of kept) {
    const attrs = r.attrs.filter((a) => ['Id', 'Type', 'Target', 'TargetMode'].includes(a.name));
    if (!attrs.some((a) => a.name === 'TargetMode'))
      attrs.push({ name: 'TargetMode', value: 'Internal' });
    root.children.push({ kind: 'element', name: r.name, attrs, children: [], parent: root });
  }
  return { before: [], root, after: [] };
}

/** A reference's target in the package: its part name, or null for a same-document one. */
function partOf(uri: string, format: 'docx' | 'odt'): { part: string; contentType: string | null } {
  const [path, query] = uri.split('?', 2) as [string, string | undefined];
  let part: string;
  try {
    part = decodeURIComponent(path);
  } catch {
    throw new Unsupported('bad reference');
  }
  if (format === 'docx') {
    if (!part.startsWith('/')) throw new Unsupported('relative part reference');
    part = part.slice(1);
  }
  if (part === '' || part.includes('..') || /^[a-z][a-z0-9+.-]*:/i.test(part))
    throw new Unsupported('reference outside the package');
  const contentType = /(?:^|&)ContentType=([^&]*)/.exec(query ?? '')?.[1] ?? null;
  return { part, contentType: contentType === null ? null : decodeURIComponent(contentType) };
}

interface ReferenceOutcome {
  /** Package parts the reference covers. */
  part: string | null;
  /** The element of the signature a same-document reference points to. */
  target: XmlElement | null;
  matches: boolean;
}

/** Computes one reference's digest again and compares it with the signed one. */
export function checkReference(
  ref: XmlElement,
  signatureDoc: XmlDocument,
  pkg: Package,
  cache: Map<string, Buffer | null>,
): ReferenceOutcome {
  const uri = attr(ref, 'URI');
  if (uri === null || uri === '') throw new Unsupported('reference without URI');
  const digest = DIGESTS[attr(one(ref, 'DigestMethod'), 'Algorithm') ?? ''];
  if (!digest) throw new Unsupported('digest algorithm');
  const expected = Buffer.from(textOf(one(ref, 'DigestValue')).replace(/\s+/g, ''), 'base64');
  const transforms = dsig(ref, 'Transforms').flatMap((t) => dsig(t, 'Transform'));
  for (const t of transforms) {
    const algorithm = attr(t, 'Algorithm');
    if (algorithm !== C14N && algorithm !== C14N_COMMENTS && algorithm !== RELATIONSHIP_TRANSFORM)
      throw new Unsupported(`transform ${algorithm}`);
  }
  const comments = transforms.some((t) => attr(t, 'Algorithm') === C14N_COMMENTS);
  if (uri.startsWith('#')) {
    const id = uri.slice(1);
    const found = [...descendants(signatureDoc.root)].filter(
      (el) => attr(el, 'Id') === id || attr(el, 'ID') === id || attr(el, 'xml:id') === id,
    );
    // Two elements with one id: which one was signed is ambiguous (signature wrapping).
    const target = found.length === 1 ? found[0]! : null;
    if (!target) return { part: null, target: null, matches: false };
    const bytes = Buffer.from(canonicalSubtree(target, comments), 'utf8');
    const actual = createHash(digest.node).update(bytes).digest();
    return { part: null, target, matches: actual.equals(expected) };
  }
  const { part, contentType } = partOf(uri, pkg.format);
  if (contentType !== null && contentTypeOf(pkg, part) !== contentType)
    return { part, target: null, matches: false };
  const key = `${digest.node}\0${part}\0${transforms.map((t) => attr(t, 'Algorithm')).join(' ')}\0${
    transforms.some((t) => attr(t, 'Algorithm') === RELATIONSHIP_TRANSFORM)
      ? canonicalSubtree(transforms.find((t) => attr(t, 'Algorithm') === RELATIONSHIP_TRANSFORM)!)
      : ''
  }`;
  let actual = cache.get(key);
  if (actual === undefined) {
    const bytes = pkg.read(part);
    if (!bytes) actual = null;
    else if (transforms.length === 0) actual = createHash(digest.node).update(bytes).digest();
    else {
      try {
        let doc = parseXml(bytes.toString('utf8'));
        for (const t of transforms)
          if (attr(t, 'Algorithm') === RELATIONSHIP_TRANSFORM) doc = relationshipTransform(doc, t);
        actual = createHash(digest.node)
          .update(Buffer.from(canonicalDocument(doc, comments), 'utf8'))
          .digest();
      } catch {
        actual = null;
      }
    }
    cache.set(key, actual);
  }
  return { part, target: null, matches: actual !== null && actual.equals(expected) };
}

/** An XML date-time; without a zone it is read as UTC. */
function isoTime(text: string): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(
    text,
  );
  if (!m) return null;
  const fraction = m[2] ? m[2].slice(0, 4) : '';
  const date = new Date(`${m[1]}${fraction}${m[3] ?? 'Z'}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The signing time inside the signed objects: XAdES SigningTime, then the format's own. */
function signedTime(signedTargets: XmlElement[]): string | null {
  const all = signedTargets.flatMap((t) => [...descendants(t)]);
  const pick = (test: (el: XmlElement) => boolean) => {
    for (const el of all) if (test(el)) return isoTime(textOf(el));
    return null;
  };
  return (
    pick((el) => localName(el) === 'SigningTime' && XADES.includes(namespaceOf(el))) ??
    pick(
      (el) =>
        localName(el) === 'Value' &&
        namespaceOf(el) === MDSSI &&
        el.parent !== null &&
        localName(el.parent) === 'SignatureTime',
    ) ??
    pick((el) => localName(el) === 'date' && namespaceOf(el) === DC)
  );
}

function publicKeyOf(der: Buffer): KeyObject | null {
  try {
    return new X509Certificate(der).publicKey;
  } catch {
    return null;
  }
}

/** Checks one Signature element of the package. */
async function inspectOne(
  signature: XmlElement,
  signatureDoc: XmlDocument,
  pkg: Package,
  anchors: pkijs.Certificate[],
  cache: Map<string, Buffer | null>,
): Promise<PdfSignature> {
  const result: PdfSignature = {
    format: pkg.format,
    byteRange: null,
    subFilter: null,
    status: 'unreadable',
    coversWholeFile: false,
    digestAlgorithm: null,
    signer: null,
    issuer: null,
    certificate: null,
    signingTime: null,
    signingTimeSource: null,
    trust: 'not_checked',
  };
  try {
    const signedInfo = one(signature, 'SignedInfo');
    const c14n = attr(one(signedInfo, 'CanonicalizationMethod'), 'Algorithm');
    if (c14n !== C14N && c14n !== C14N_COMMENTS) throw new Unsupported(`c14n ${c14n}`);
    const method = SIGNATURE_METHODS[attr(one(signedInfo, 'SignatureMethod'), 'Algorithm') ?? ''];
    if (!method) throw new Unsupported('signature method');
    const value = Buffer.from(
      textOf(one(signature, 'SignatureValue')).replace(/\s+/g, ''),
      'base64',
    );
    const certificates = dsig(signature, 'KeyInfo')
      .flatMap((k) => dsig(k, 'X509Data'))
      .flatMap((d) => dsig(d, 'X509Certificate'))
      .map((c) => Buffer.from(textOf(c).replace(/\s+/g, ''), 'base64'));
    if (certificates.length === 0) throw new Unsupported('no certificate');
    const signedBytes = Buffer.from(canonicalSubtree(signedInfo, c14n === C14N_COMMENTS), 'utf8');
    // The signer's certificate is the one whose key verifies; else the first (then invalid).
    let signerDer = certificates[0]!;
    let verified = false;
    for (const der of certificates) {
      const key = publicKeyOf(der);
      if (!key) continue;
      try {
        const ok = verify(
          method.hash,
          signedBytes,
          method.ec ? { key, dsaEncoding: 'ieee-p1363' } : key,
          value,
        );
        if (ok) {
          signerDer = der;
          verified = true;
          break;
        }
      } catch {
        // a key of another kind than the method: not this certificate
      }
    }
    const parsed = certificates.map((der) => {
      try {
        return pkijs.Certificate.fromBER(der);
      } catch {
        return null;
      }
    });
    const cert = parsed[certificates.indexOf(signerDer)] ?? null;
    if (cert) {
      result.signer = nameOf(cert.subject);
      result.issuer = nameOf(cert.issuer);
      result.certificate = {
        serialNumber: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex'),
        notBefore: cert.notBefore.value.toISOString(),
        notAfter: cert.notAfter.value.toISOString(),
      };
    }
    // The references of SignedInfo, then those of the manifests inside the signed objects.
    const references = dsig(signedInfo, 'Reference');
    const digestNames = new Set<string>();
    const covered = new Set<string>();
    const signedTargets: XmlElement[] = [];
    let intact = true;
    for (let i = 0; i < references.length; i++) {
      if (i >= OFFICE_SIGNATURE_LIMITS.maxReferences) throw new Unsupported('too many references');
      const ref = references[i]!;
      digestNames.add(DIGESTS[attr(one(ref, 'DigestMethod'), 'Algorithm') ?? '']?.name ?? '?');
      const outcome = checkReference(ref, signatureDoc, pkg, cache);
      if (!outcome.matches) intact = false;
      if (outcome.part !== null) covered.add(outcome.part);
      if (outcome.target && outcome.matches) {
        signedTargets.push(outcome.target);
        // A manifest in a signed object (a Word file's part list) is checked the same way.
        for (const el of descendants(outcome.target))
          if (localName(el) === 'Manifest' && namespaceOf(el) === DSIG)
            references.push(...dsig(el, 'Reference'));
      }
    }
    result.digestAlgorithm = [...digestNames].join(', ');
    const time = signedTime(signedTargets);
    if (time) {
      result.signingTime = time;
      result.signingTimeSource = 'signed_attribute';
    }
    const unsigned = UNSIGNED_PARTS[pkg.format];
    // A name twice in the archive, or a local header naming another part than the directory: a
    // reader may take either, so the signature is not taken to cover the file.
    result.coversWholeFile =
      !pkg.duplicated &&
      [...pkg.names].every((name) => name.endsWith('/') || covered.has(name) || unsigned(name));
    if (!intact) {
      result.status = 'digest_mismatch';
      return result;
    }
    result.status = verified ? 'valid' : 'signature_invalid';
    if (verified && cert && anchors.length > 0)
      result.trust = await chainTrust(
        cert,
        parsed.filter((c): c is pkijs.Certificate => c !== null),
        anchors,
        result.signingTime ? new Date(result.signingTime) : new Date(),
      );
    return result;
  } catch {
    return result;
  }
}

export type OfficeSignatureInspection =
  | { status: 'ok'; signatures: PdfSignature[]; truncated: boolean; changedAfterSigning: boolean }
  | { status: 'corrupt' }
  | { status: 'too_large' };

/**
 * Reads and judges the signatures of a .docx or .odt package (in the calling thread: the server
 * calls it in a contained worker through `readOfficeSignatures`). Never throws.
 */
export async function inspectOfficeSignatures(
  data: Uint8Array,
  format: 'docx' | 'odt',
  trustAnchors: pkijs.Certificate[] = [],
): Promise<OfficeSignatureInspection> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const zip = await openZipParts(buffer, 'evidenceText');
  if (!zip.ok) {
    const kind = zip.problem.kind;
    return kind === 'part_too_large' ||
      kind === 'total_too_large' ||
      kind === 'ratio_too_high' ||
      kind === 'too_many_entries'
      ? { status: 'too_large' }
      : { status: 'corrupt' };
  }
  const names = zip.names.filter(
    (n) =>
      (format === 'odt' && n === 'META-INF/documentsignatures.xml') ||
      (format === 'docx' && /^_xmlsignatures\/[^/]+\.xml$/i.test(n)),
  );
  const pkg: Package = {
    format,
    names: new Set(zip.names),
    duplicated: zip.ambiguous,
    read: zip.read,
    contentTypes: null,
  };
  if (format === 'docx') pkg.contentTypes = readContentTypes(pkg);
  const cache = new Map<string, Buffer | null>();
  const signatures: PdfSignature[] = [];
  let truncated = false;
  for (const name of names.sort()) {
    const bytes = zip.read(name);
    let doc: XmlDocument;
    try {
      if (!bytes) throw new Error('unreadable part');
      doc = parseXml(bytes.toString('utf8'));
    } catch {
      // A signature part that is no XML is a signature that cannot be read.
      signatures.push(unreadable(format));
      continue;
    }
    for (const el of descendants(doc.root)) {
      if (localName(el) !== 'Signature' || namespaceOf(el) !== DSIG) continue;
      if (signatures.length >= OFFICE_SIGNATURE_LIMITS.maxSignatures) {
        truncated = true;
        break;
      }
      signatures.push(await inspectOne(el, doc, pkg, trustAnchors, cache));
    }
  }
  // In signing order: by the signed time, those without one last.
  signatures.sort((a, b) =>
    (a.signingTime ?? '\uffff') < (b.signingTime ?? '\uffff')
      ? -1
      : (a.signingTime ?? '\uffff') > (b.signingTime ?? '\uffff')
        ? 1
        : 0,
  );
  const last = signatures.at(-1);
  return {
    status: 'ok',
    signatures,
    truncated,
    changedAfterSigning: last !== undefined && !last.coversWholeFile,
  };
}

function unreadable(format: 'docx' | 'odt'): PdfSignature {
  return {
    format,
    byteRange: null,
    subFilter: null,
    status: 'unreadable',
    coversWholeFile: false,
    digestAlgorithm: null,
    signer: null,
    issuer: null,
    certificate: null,
    signingTime: null,
    signingTimeSource: null,
    trust: 'not_checked',
  };
}

/** The contained worker's task: the anchors come as DER (certificates do not cross threads). */
export async function officeSignaturesTask(
  data: Uint8Array,
  format: 'docx' | 'odt',
  anchorsDer: Uint8Array[],
): Promise<OfficeSignatureInspection> {
  const anchors: pkijs.Certificate[] = [];
  for (const der of anchorsDer)
    try {
      anchors.push(pkijs.Certificate.fromBER(der));
    } catch {
      // an anchor that does not parse here parsed when configured; skip it
    }
  return inspectOfficeSignatures(data, format, anchors);
}

const TASK = new URL('./office-signatures.ts', import.meta.url);

/**
 * Reads a .docx or .odt file's signatures in a contained worker; never throws: a file too heavy
 * or too slow is 'too_large', anything else that fails 'corrupt'.
 */
export async function readOfficeSignatures(
  bytes: Uint8Array,
  format: 'docx' | 'odt',
  trustAnchors: pkijs.Certificate[] = [],
  limits = { heapMb: 192, timeoutMs: 30_000 },
): Promise<OfficeSignatureInspection> {
  try {
    const anchorsDer = trustAnchors.map((c) => new Uint8Array(c.toSchema().toBER()));
    return await runContained<OfficeSignatureInspection>(
      { module: TASK, fn: 'officeSignaturesTask', args: [bytes, format, anchorsDer] },
      limits,
    );
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'file_too_slow' || error.code === 'file_too_heavy')
    )
      return { status: 'too_large' };
    return { status: 'corrupt' };
  }
}

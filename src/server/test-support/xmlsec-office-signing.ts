/**
 * Signed Word and OpenDocument files for the tests, made with tools this product did not write:
 * the document is saved by LibreOffice (libreoffice-documents.ts), unpacked and packed again with
 * Info-ZIP's `unzip` and `zip`, and its XML signature is computed by xmlsec1 (libxmlsec1 with
 * OpenSSL) from a template that lists the package's parts, as the formats lay it out:
 * OpenDocument's `META-INF/documentsignatures.xml` (each stream referenced by its path, XML
 * streams canonicalised, the signing time in a signed `dc:date`), and a Word file's
 * `_xmlsignatures/sig1.xml` with its origin part and relationships (each part referenced as
 * `/name?ContentType=…`, the time in the packaging conventions' signed SignatureTime). The digests
 * and the signature value are xmlsec1's own. LibreOffice 7.4 cannot sign these formats headless
 * (its signing service, run from a macro, writes no signature part), hence xmlsec1.
 *
 * xmlsec1 knows no relationship transform, so the Word template signs relationships parts as
 * canonical XML (a transform the format allows) in SignedInfo itself rather than in a manifest
 * object. Tests only.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestSigner } from './test-pdfs.ts';

const find = (names: string[]) => names.find((p) => existsSync(p)) ?? null;
const xmlsec1 = find(['/usr/bin/xmlsec1', '/usr/local/bin/xmlsec1']);
const zip = find(['/usr/bin/zip']);
const unzip = find(['/usr/bin/unzip']);

/** Why signed office files cannot be made here, or null when they can. */
export const officeSigningMissing: string | null = !xmlsec1
  ? 'xmlsec1 is not installed (apt-get install xmlsec1)'
  : !zip || !unzip
    ? 'zip and unzip are not installed'
    : null;

function run(file: string, args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, timeout: 60_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      error
        ? reject(new Error(`${path.basename(file)}: ${stderr || error.message}`))
        : resolve(stdout),
    );
  });
}

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if ((await stat(path.join(dir, name))).isDirectory())
      out.push(...(await filesUnder(path.join(dir, name), rel)));
    else out.push(rel);
  }
  return out;
}

const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const isXml = (name: string) => /\.(xml|rels)$/i.test(name);
const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function reference(uri: string, xml: boolean): string {
  const transforms = xml ? `<Transforms><Transform Algorithm="${C14N}"/></Transforms>` : '';
  return `<Reference URI="${escape(uri)}">${transforms}<DigestMethod Algorithm="${SHA256}"/><DigestValue/></Reference>`;
}

const signedInfo = (references: string[]) =>
  `<SignedInfo><CanonicalizationMethod Algorithm="${C14N}"/>` +
  `<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>` +
  `${references.join('')}</SignedInfo>` +
  `<SignatureValue/><KeyInfo><X509Data><X509Certificate/></X509Data></KeyInfo>`;

/** Runs xmlsec1 on a template in `dir`; `urls` maps references that are no relative path. */
async function sign(
  dir: string,
  template: string,
  signer: TestSigner,
  urls: Record<string, string> = {},
  idNodes: string[] = [],
  extra: string[] = [],
): Promise<string> {
  const work = await mkdtemp(path.join(tmpdir(), 'parindex-xmlsec-'));
  try {
    await writeFile(path.join(work, 'signer.p12'), signer.p12);
    await writeFile(path.join(dir, '.template.xml'), template);
    const args = [
      '--sign',
      ...extra,
      '--pkcs12',
      path.join(work, 'signer.p12'),
      '--pwd',
      signer.passphrase,
    ];
    for (const node of idNodes) args.push('--id-attr:Id', node);
    for (const [url, file] of Object.entries(urls)) args.push(`--url-map:${url}`, file);
    args.push('--output', path.join(work, 'signed.xml'), path.join(dir, '.template.xml'));
    await run(xmlsec1!, args, dir);
    return await readFile(path.join(work, 'signed.xml'), 'utf8');
  } finally {
    await rm(path.join(dir, '.template.xml'), { force: true });
    await rm(work, { recursive: true, force: true });
  }
}

async function unpack(file: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parindex-pkg-'));
  await writeFile(path.join(dir, '.in.zip'), file);
  await run(unzip!, ['-q', '.in.zip', '-d', 'pkg'], dir);
  return dir;
}

async function pack(dir: string, first?: string): Promise<Buffer> {
  const root = path.join(dir, 'pkg');
  const out = path.join(dir, 'out.zip');
  if (first) await run(zip!, ['-X', '-0', '-q', out, first], root);
  const rest = (await filesUnder(root)).filter((n) => n !== first);
  await run(zip!, ['-X', '-q', out, ...rest], root);
  return readFile(out);
}

/** An OpenDocument file signed by xmlsec1 on `signingTime`, its parts as LibreOffice saved them. */
export async function signOdt(
  odt: Buffer,
  signer: TestSigner,
  signingTime = '2023-05-10T02:00:00Z',
): Promise<Buffer> {
  const dir = await unpack(odt);
  try {
    const root = path.join(dir, 'pkg');
    const parts = (await filesUnder(root)).filter(
      (n) => n !== 'mimetype' && n !== 'META-INF/documentsignatures.xml',
    );
    const template =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<document-signatures xmlns="urn:oasis:names:tc:opendocument:xmlns:digitalsignature:1.0">' +
      '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="ID_sig">' +
      signedInfo([
        ...parts.map((p) => reference(p.split('/').map(encodeURIComponent).join('/'), isXml(p))),
        reference('#ID_time', false),
      ]) +
      '<Object><SignatureProperties>' +
      '<SignatureProperty Id="ID_time" Target="#ID_sig">' +
      `<dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">${signingTime}</dc:date>` +
      '</SignatureProperty></SignatureProperties></Object>' +
      '</Signature></document-signatures>';
    const signed = await sign(root, template, signer, {}, [
      'http://www.w3.org/2000/09/xmldsig#:SignatureProperty',
    ]);
    await writeFile(path.join(root, 'META-INF/documentsignatures.xml'), signed);
    return await pack(dir, 'mimetype');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const SIGNATURE_ORIGIN =
  'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin';
const SIGNATURE_REL =
  'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature';

/** A Word file signed by xmlsec1 on `signingTime`, its parts as LibreOffice saved them. */
export async function signDocx(
  docx: Buffer,
  signer: TestSigner,
  signingTime = '2023-05-10T02:00:00Z',
): Promise<Buffer> {
  const dir = await unpack(docx);
  try {
    const root = path.join(dir, 'pkg');
    const at = (name: string) => path.join(root, name);
    // The signature's origin and its relationship, and their content types, as Word lays them.
    await mkdir(at('_xmlsignatures/_rels'), { recursive: true });
    await writeFile(at('_xmlsignatures/origin.sigs'), '');
    await writeFile(
      at('_xmlsignatures/_rels/origin.sigs.rels'),
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${SIGNATURE_REL}" Target="sig1.xml"/></Relationships>`,
    );
    const rels = await readFile(at('_rels/.rels'), 'utf8');
    await writeFile(
      at('_rels/.rels'),
      rels.replace(
        '</Relationships>',
        `<Relationship Id="rIdSig" Type="${SIGNATURE_ORIGIN}" Target="_xmlsignatures/origin.sigs"/></Relationships>`,
      ),
    );
    const types = await readFile(at('[Content_Types].xml'), 'utf8');
    await writeFile(
      at('[Content_Types].xml'),
      types.replace(
        '</Types>',
        '<Default Extension="sigs" ContentType="application/vnd.openxmlformats-package.digital-signature-origin"/>' +
          '<Override PartName="/_xmlsignatures/sig1.xml" ContentType="application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml"/></Types>',
      ),
    );
    // Each part's content type, as the package declares it (override, else by extension).
    const declared = await readFile(at('[Content_Types].xml'), 'utf8');
    const typeOf = (part: string) => {
      const override = new RegExp(
        `<Override[^>]*PartName="/${part.replace(/[.[\]]/g, '\\$&')}"[^>]*ContentType="([^"]+)"`,
        'i',
      ).exec(declared);
      const byOrder = new RegExp(
        `<Override[^>]*ContentType="([^"]+)"[^>]*PartName="/${part.replace(/[.[\]]/g, '\\$&')}"`,
        'i',
      ).exec(declared);
      const ext = part.split('.').pop()!;
      const byExt =
        new RegExp(`<Default[^>]*Extension="${ext}"[^>]*ContentType="([^"]+)"`, 'i').exec(
          declared,
        ) ??
        new RegExp(`<Default[^>]*ContentType="([^"]+)"[^>]*Extension="${ext}"`, 'i').exec(declared);
      return (override ?? byOrder ?? byExt)?.[1] ?? 'application/octet-stream';
    };
    const parts = (await filesUnder(root)).filter(
      (n) =>
        n !== '[Content_Types].xml' &&
        n !== 'docProps/core.xml' &&
        n !== 'docProps/app.xml' &&
        !n.startsWith('_xmlsignatures/'),
    );
    const urls: Record<string, string> = {};
    const references = parts.map((p) => {
      const uri = `/${p}?ContentType=${typeOf(p)}`;
      urls[uri] = at(p);
      return reference(uri, isXml(p));
    });
    const template =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="idPackageSignature">' +
      signedInfo([...references, reference('#idPackageObject', false)]) +
      '<Object Id="idPackageObject"><SignatureProperties>' +
      '<SignatureProperty Id="idSignatureTime" Target="#idPackageSignature">' +
      '<mdssi:SignatureTime xmlns:mdssi="http://schemas.openxmlformats.org/package/2006/digital-signature">' +
      `<mdssi:Format>YYYY-MM-DDThh:mm:ssTZD</mdssi:Format><mdssi:Value>${signingTime}</mdssi:Value>` +
      '</mdssi:SignatureTime></SignatureProperty></SignatureProperties></Object></Signature>';
    const signed = await sign(root, template, signer, urls, [
      'http://www.w3.org/2000/09/xmldsig#:Object',
    ]);
    await writeFile(at('_xmlsignatures/sig1.xml'), signed);
    return await pack(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The package unpacked, changed by `edit` (given the directory of its parts) and packed again
 * with Info-ZIP, as someone would change a file after it was signed. An OpenDocument file keeps
 * its `mimetype` first.
 */
export async function repack(file: Buffer, edit: (root: string) => Promise<void>): Promise<Buffer> {
  const dir = await unpack(file);
  try {
    const root = path.join(dir, 'pkg');
    await edit(root);
    return await pack(dir, existsSync(path.join(root, 'mimetype')) ? 'mimetype' : undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOCUMENT =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const CUSTOM_PROPERTIES =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';

/** The package relationships the Office-layout signature is made on (out of order, spaced). */
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<Relationships xmlns="${RELS_NS}">\n` +
  `  <Relationship Type="${OFFICE_DOCUMENT}" Target="word/document.xml" Id="rId4"/>\n` +
  `  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\n` +
  `  <Relationship Id="rId3" Target="docProps/custom.xml" Type="${CUSTOM_PROPERTIES}"/>\n` +
  `  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\n` +
  `  <Relationship Id="rIdSig" Type="${SIGNATURE_ORIGIN}" Target="_xmlsignatures/origin.sigs"/>\n` +
  '</Relationships>';

/**
 * What the relationship transform (ECMA-376 part 2, 13.2.4.24) followed by Canonical XML makes
 * of ROOT_RELS for the references of the Office layout (source id rId3, source type
 * officeDocument), written out by hand from the standard: the chosen relationships sorted by id,
 * white space between them gone, TargetMode="Internal" added, attributes in canonical order.
 */
export const ROOT_RELS_TRANSFORMED =
  `<Relationships xmlns="${RELS_NS}">` +
  `<Relationship Id="rId3" Target="docProps/custom.xml" TargetMode="Internal" Type="${CUSTOM_PROPERTIES}"></Relationship>` +
  `<Relationship Id="rId4" Target="word/document.xml" TargetMode="Internal" Type="${OFFICE_DOCUMENT}"></Relationship>` +
  '</Relationships>';

/** The SHA-256 of a file, base64, by OpenSSL's command line. */
function opensslDigest(file: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      '/usr/bin/openssl',
      ['dgst', '-sha256', '-binary', file],
      { encoding: 'buffer', timeout: 60_000 },
      (error, stdout) => (error ? reject(error) : resolve(stdout.toString('base64'))),
    ),
  );
}

/**
 * A Word file signed as Office lays its signature out: SignedInfo references one object, whose
 * manifest lists every part (`/name?ContentType=…`) and the package relationships through the
 * relationship transform. The manifest's digests are OpenSSL's (`openssl dgst`): of each part's
 * bytes, and of ROOT_RELS_TRANSFORMED for the relationships; the object's digest and the
 * signature are xmlsec1's.
 */
export async function signDocxOfficeLayout(
  docx: Buffer,
  signer: TestSigner,
  signingTime = '2023-05-10T02:00:00Z',
): Promise<Buffer> {
  const dir = await unpack(docx);
  try {
    const root = path.join(dir, 'pkg');
    const at = (name: string) => path.join(root, name);
    await mkdir(at('_xmlsignatures'), { recursive: true });
    await writeFile(at('_xmlsignatures/origin.sigs'), '');
    await writeFile(at('_rels/.rels'), ROOT_RELS);
    await writeFile(path.join(dir, 'rels.c14n'), ROOT_RELS_TRANSFORMED);
    const types = await readFile(at('[Content_Types].xml'), 'utf8');
    await writeFile(
      at('[Content_Types].xml'),
      types.replace(
        '</Types>',
        '<Default Extension="sigs" ContentType="application/vnd.openxmlformats-package.digital-signature-origin"/></Types>',
      ),
    );
    const declared = await readFile(at('[Content_Types].xml'), 'utf8');
    const typeOf = (part: string) =>
      new RegExp(
        `<Override PartName="/${part.replace(/[.[\]]/g, '\\$&')}" ContentType="([^"]+)"`,
      ).exec(declared)?.[1] ??
      new RegExp(`<Default Extension="${part.split('.').pop()}" ContentType="([^"]+)"`).exec(
        declared,
      )?.[1] ??
      'application/octet-stream';
    const parts = (await filesUnder(root)).filter(
      (n) =>
        n !== '[Content_Types].xml' &&
        n !== 'docProps/core.xml' &&
        n !== 'docProps/app.xml' &&
        n !== '_rels/.rels' &&
        !n.startsWith('_xmlsignatures/'),
    );
    const manifest: string[] = [];
    for (const p of parts)
      manifest.push(
        `<Reference URI="${escape(`/${p}?ContentType=${typeOf(p)}`)}">` +
          `<DigestMethod Algorithm="${SHA256}"/><DigestValue>${await opensslDigest(at(p))}</DigestValue></Reference>`,
      );
    manifest.push(
      `<Reference URI="/_rels/.rels?ContentType=${typeOf('_rels/.rels')}"><Transforms>` +
        '<Transform Algorithm="http://schemas.openxmlformats.org/package/2006/RelationshipTransform">' +
        '<mdssi:RelationshipReference xmlns:mdssi="http://schemas.openxmlformats.org/package/2006/digital-signature" SourceId="rId3"/>' +
        `<mdssi:RelationshipsGroupReference xmlns:mdssi="http://schemas.openxmlformats.org/package/2006/digital-signature" SourceType="${OFFICE_DOCUMENT}"/>` +
        `</Transform><Transform Algorithm="${C14N}"/></Transforms>` +
        `<DigestMethod Algorithm="${SHA256}"/><DigestValue>${await opensslDigest(path.join(dir, 'rels.c14n'))}</DigestValue></Reference>`,
    );
    const template =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="idPackageSignature">' +
      signedInfo([reference('#idPackageObject', false)]) +
      `<Object Id="idPackageObject"><Manifest>${manifest.join('')}</Manifest>` +
      '<SignatureProperties><SignatureProperty Id="idSignatureTime" Target="#idPackageSignature">' +
      '<mdssi:SignatureTime xmlns:mdssi="http://schemas.openxmlformats.org/package/2006/digital-signature">' +
      `<mdssi:Format>YYYY-MM-DDThh:mm:ssTZD</mdssi:Format><mdssi:Value>${signingTime}</mdssi:Value>` +
      '</mdssi:SignatureTime></SignatureProperty></SignatureProperties></Object></Signature>';
    // The manifest's digests are OpenSSL's: xmlsec1 leaves it as it is.
    const signed = await sign(
      root,
      template,
      signer,
      {},
      ['http://www.w3.org/2000/09/xmldsig#:Object'],
      ['--ignore-manifests'],
    );
    await writeFile(at('_xmlsignatures/sig1.xml'), signed);
    return await pack(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The file with one more entry of that name appended by Python's zipfile, which writes a name
 * already in the archive a second time (a reader may then take either copy).
 */
export async function appendEntry(file: Buffer, name: string, content: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parindex-append-'));
  try {
    await writeFile(path.join(dir, 'in.zip'), file);
    await writeFile(path.join(dir, 'content'), content);
    await run('/usr/bin/python3', [
      '-W',
      'ignore',
      '-c',
      'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "a", zipfile.ZIP_DEFLATED) as z:\n    z.writestr(sys.argv[2], open(sys.argv[3], "rb").read())',
      path.join(dir, 'in.zip'),
      name,
      path.join(dir, 'content'),
    ]);
    return await readFile(path.join(dir, 'in.zip'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

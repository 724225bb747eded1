/**
 * What the evidence check reads from a file: the document's Decree 30 metadata
 * (src/domain/documents/official-document.ts) and each digital signature as the PDF inspection
 * judges it. Served through these schemas and read by the web app as types.
 */
import { z } from 'zod';
import { parseUserDate } from '../../domain/dates.ts';
import { OFFICIAL_DOCUMENT_KINDS } from '../../domain/documents/official-document.ts';
import { idNumber } from './fields.ts';

/** The signing block at the foot of a document: its lines, the signer's title and name. */
export const signingBlock = z.object({
  lines: z.array(z.string()),
  title: z.string(),
  capacity: z.enum(['TM', 'KT', 'Q', 'TL', 'TUQ']).nullable(),
  name: z.string().nullable(),
});

/** What could be read from a document; null where the text does not say. */
export const documentMetadata = z.object({
  number: z.string().nullable(),
  numberBlank: z.boolean(),
  symbol: z.string().nullable(),
  kind: z.enum(OFFICIAL_DOCUMENT_KINDS).nullable(),
  typeName: z.string().nullable(),
  issuer: z.string().nullable(),
  parentBody: z.string().nullable(),
  place: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuedYear: z.number().nullable(),
  dateBlank: z.boolean(),
  summary: z.string().nullable(),
  signing: signingBlock.nullable(),
});

const certificateName = z.object({
  commonName: z.string().nullable(),
  organization: z.string().nullable(),
});

/**
 * One digital signature of an evidence file, a PDF's or one inside a Word (.docx) or OpenDocument
 * (.odt) package, judged alike: whether it holds, who signed, when, and the chain's trust.
 */
export const pdfSignature = z.object({
  // The file the signature is in.
  format: z.enum(['pdf', 'docx', 'odt']),
  // A PDF signature's signed byte ranges; null for a package signature (it signs parts).
  byteRange: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  subFilter: z.string().nullable(),
  status: z.enum(['valid', 'digest_mismatch', 'signature_invalid', 'unreadable']),
  coversWholeFile: z.boolean(),
  digestAlgorithm: z.string().nullable(),
  signer: certificateName.nullable(),
  issuer: certificateName.nullable(),
  certificate: z
    .object({ serialNumber: z.string(), notBefore: z.string(), notAfter: z.string() })
    .nullable(),
  signingTime: z.string().nullable(),
  // signed_attribute: inside what was signed (a CMS signed attribute, a signed XML property).
  signingTimeSource: z.enum(['signed_attribute', 'dictionary']).nullable(),
  trust: z.enum(['trusted', 'not_trusted', 'not_checked']),
});

/** The background check of a file: what was read, the signatures, and the findings. */
export const checkResult = z.object({
  documentId: z.number(),
  versionNo: z.number(),
  status: z.enum(['pending', 'done', 'unreadable']),
  error: z.string().nullable(),
  errorMessage: z.string().nullable(),
  // How the text was read: the PDF's text layer, or OCR of a scan (null when not read).
  readBy: z.enum(['text', 'ocr']).nullable(),
  // The reader's output (src/domain/documents/official-document.ts), null for a scan.
  metadata: documentMetadata.nullable(),
  // One entry per signature (src/server/features/evidence/pdf-signatures.ts for PDFs,
  // office-signatures.ts for .docx and .odt), in signing order.
  signatures: z.array(pdfSignature),
  changedAfterSigning: z.boolean(),
  // Whether trust anchors are configured: without them every chain is "not checked".
  trustAnchorsConfigured: z.boolean(),
  findings: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['problem', 'warning']),
      message: z.string(),
    }),
  ),
  checkedAt: z.string().nullable(),
});

export type EvidenceCheck = z.infer<typeof checkResult>;
export type DocumentMetadata = z.infer<typeof documentMetadata>;
export type PdfSignatureView = z.infer<typeof pdfSignature>;

/*
 * The evidence library: a document with its current file, the versions of its file, a page of
 * documents, an upload's answer.
 */
/** Kinds of administrative documents (Decree 30/2020/NĐ-CP) plus photos and anything else. */
export const DOCUMENT_TYPES = [
  'resolution', // nghị quyết
  'decision', // quyết định
  'directive', // chỉ thị
  'regulation', // quy chế, quy định
  'notice', // thông báo
  'guidance', // hướng dẫn
  'programme', // chương trình
  'plan', // kế hoạch
  'scheme', // đề án, phương án
  'report', // báo cáo
  'minutes', // biên bản
  'submission', // tờ trình
  'official_letter', // công văn
  'photo', // hình ảnh
  'other', // tài liệu khác
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const fileVersion = z.object({
  versionNo: z.number(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});

export const documentBody = z.object({
  id: z.number(),
  unitId: z.number(),
  number: z.string().nullable(),
  type: z.enum(DOCUMENT_TYPES),
  issuedOn: z.string().nullable(),
  issuer: z.string().nullable(),
  summary: z.string(),
  currentVersion: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  file: fileVersion,
  downloadUrl: z.string(),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  // What the officer confirmed of the check's reading, null until confirmed.
  confirmed: z
    .object({
      versionNo: z.number(),
      signatureStatus: z.enum(['none', 'valid', 'invalid']),
      signatureTrust: z.enum(['trusted', 'not_trusted', 'not_checked']).nullable(),
      by: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
});

export const documentList = z.object({ items: z.array(documentBody), total: z.number() });

export const documentDetail = documentBody.extend({
  unitName: z.string(),
  versions: z.array(fileVersion),
  permissions: z.object({ write: z.boolean() }),
});

/** An upload's answer: the document, or the one already holding the same content. */
export const uploadResult = documentDetail.extend({
  duplicate: z.boolean(),
  notice: z.string().nullable(),
});

export type FileVersion = z.infer<typeof fileVersion>;
export type EvidenceDocument = z.infer<typeof documentBody>;
export type EvidenceDocumentList = z.infer<typeof documentList>;
export type EvidenceDocumentDetail = z.infer<typeof documentDetail>;
export type EvidenceUploadResult = z.infer<typeof uploadResult>;

// What the library's forms send: an upload's fields, a document's edit.

// Empty form fields mean "not given".
const blankToNull = (v: string | null | undefined) => (v === undefined || v === '' ? null : v);

/** "Số: 87/KH-UBND" and "87/KH-UBND" are the same number and symbol. */
const docNumber = z
  .string()
  .trim()
  .max(100)
  .transform((v) => v.replace(/^(?:số|so)(?:\s*:\s*|\s+)(?=\d)/i, ''));

const issuedOn = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const iso = parseUserDate(v);
    if (!iso) ctx.addIssue({ code: 'custom', message: 'field_format' });
    return iso;
  });

/** The metadata fields of an upload form (multipart text fields, all optional). */
export const uploadFields = z
  .object({
    number: docNumber.optional().transform(blankToNull),
    type: z.enum(DOCUMENT_TYPES).default('other'),
    issuedOn: issuedOn.optional().transform((v) => v ?? null),
    issuer: z.string().trim().max(300).optional().transform(blankToNull),
    summary: z.string().trim().max(2000).optional().transform(blankToNull),
  })
  .strict();
export type UploadFields = z.infer<typeof uploadFields>;

/** Editing the metadata of a document, with the version it was read at. */
export const documentUpdateBody = z
  .object({
    number: docNumber.nullable().transform(blankToNull),
    type: z.enum(DOCUMENT_TYPES),
    issuedOn: issuedOn.nullable().transform((v) => v ?? null),
    issuer: z.string().trim().max(300).nullable().transform(blankToNull),
    summary: z.string().trim().min(1).max(2000),
    // The signer as printed (name, own title); left out: unchanged.
    signerName: z.string().trim().max(200).nullable().transform(blankToNull).optional(),
    signerTitle: z.string().trim().max(200).nullable().transform(blankToNull).optional(),
    // The officer confirms what the check read from the current version (its signature's state
    // is recorded from the check, never from the request).
    confirmReading: z.boolean().optional(),
    version: idNumber,
  })
  .strict();

export type EvidenceUpdateInput = z.input<typeof documentUpdateBody>;

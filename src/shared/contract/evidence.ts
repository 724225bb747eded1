/**
 * What the evidence check reads from a file: the document's Decree 30 metadata
 * (src/domain/documents/official-document.ts) and each digital signature as the PDF inspection
 * judges it. Served through these schemas and read by the web app as types.
 */
import { z } from 'zod';
import { OFFICIAL_DOCUMENT_KINDS } from '../../domain/documents/official-document.ts';

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

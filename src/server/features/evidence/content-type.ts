/**
 * What an evidence file really is, read from its content and never from its name: PDF, PNG and
 * JPEG by their signatures, DOCX, XLSX and ODT as zip archives whose parts are a Word document, an
 * Excel workbook or an OpenDocument text. Anything else (programs, web pages, plain text, other
 * archives) is refused.
 */
import { runContained } from '../../infra/contained.ts';
import { zipRefusal, type ZipProblem } from '../../infra/zip-guard.ts';

export const EVIDENCE_FORMATS = ['pdf', 'docx', 'odt', 'xlsx', 'jpg', 'png'] as const;
export type EvidenceFormat = (typeof EVIDENCE_FORMATS)[number];

export const MEDIA_TYPES: Record<EvidenceFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
};

/** How many leading bytes `sniffSignature` needs. */
export const SNIFF_BYTES = 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The format the first bytes announce; 'zip' still has to be opened to tell DOCX, XLSX, ODT. */
export function sniffSignature(head: Buffer): 'pdf' | 'png' | 'jpg' | 'zip' | null {
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpg';
  if (head.subarray(0, 4).equals(ZIP_SIGNATURE)) return 'zip';
  // PDF readers accept the header anywhere in the first kilobyte (some scanners prefix junk).
  if (head.subarray(0, SNIFF_BYTES).includes('%PDF-', 0, 'latin1')) return 'pdf';
  return null;
}

const GUARD = new URL('../../infra/zip-guard.ts', import.meta.url);

/**
 * DOCX, XLSX or ODT by the parts of a zip archive, or null for any other (or damaged) archive.
 * The archive goes through the one file guard in a contained worker (evidence policy: only what
 * inflates like a bomb is refused, with its reason).
 */
export async function officeFormat(zip: Buffer): Promise<'docx' | 'xlsx' | 'odt' | null> {
  const inspected = await runContained<
    { ok: true; names: string[]; mimetype: string | null } | { ok: false; problem: ZipProblem }
  >(
    { module: GUARD, fn: 'inspectBytes', args: [zip, 'evidence'] },
    { heapMb: 64, timeoutMs: 30_000 },
  );
  if (!inspected.ok) {
    const { kind } = inspected.problem;
    if (kind === 'not_zip' || kind === 'corrupt' || kind === 'missing_part') return null;
    throw zipRefusal(inspected.problem, 'xlsx');
  }
  const office = inspected.names.includes('[Content_Types].xml');
  if (office && inspected.names.some((n) => n.startsWith('word/'))) return 'docx';
  if (office && inspected.names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (inspected.mimetype === MEDIA_TYPES.odt && inspected.names.includes('content.xml'))
    return 'odt';
  return null;
}

/**
 * The format of a file from its first bytes; `readAll` is only called for a zip archive, whose
 * parts have to be read.
 */
export async function detectFormat(
  head: Buffer,
  readAll: () => Promise<Buffer>,
): Promise<EvidenceFormat | null> {
  const signature = sniffSignature(head);
  if (signature !== 'zip') return signature;
  return officeFormat(await readAll());
}

/** Formats a browser shows by itself, so they may be previewed inline. */
export function isPreviewable(format: EvidenceFormat): boolean {
  return format === 'pdf' || format === 'png' || format === 'jpg';
}

/** The format a stored media type stands for. */
export function formatOfMediaType(mediaType: string): EvidenceFormat | null {
  return EVIDENCE_FORMATS.find((f) => MEDIA_TYPES[f] === mediaType) ?? null;
}

/** The name to download a file under: the uploaded name with the extension of its real format. */
export function downloadFilename(original: string, format: EvidenceFormat): string {
  const base = original.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'tai-lieu';
  return `${base}.${format}`;
}

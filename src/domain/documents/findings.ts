/**
 * Findings on a piece of evidence: what an appraiser will notice when comparing what was read
 * from the file (metadata, digital signatures) with what the sub-criterion asks for (a type of
 * document, signed, issued by a deadline, in the campaign's year). Each finding has a stable code
 * with its parameters, and the Vietnamese sentence the officer reads before submitting.
 */
import type { OfficialDocumentKind, OfficialDocumentMetadata } from './official-document.ts';

/** A digital signature as the findings need it (see the server's signature inspection). */
export interface SignatureFacts {
  /** The signed bytes hash to the signed digest and the signature verifies with its certificate. */
  valid: boolean;
  /** The signature covers the whole file: nothing was appended after signing. */
  coversWholeFile: boolean;
  /** The signing time the signature claims (ISO instant), if any. */
  signingTime: string | null;
  signerName: string | null;
  /**
   * The signer's chain reaches a configured trusted CA; 'not_checked' without configured CAs (said
   * as a warning); left out, nothing is said about trust.
   */
  trust?: 'trusted' | 'not_trusted' | 'not_checked';
}

/** What a sub-criterion expects of its evidence; every part is optional. */
export interface EvidenceRequirement {
  kind?: OfficialDocumentKind;
  mustBeSigned?: boolean;
  /** Last day of issue allowed, "YYYY-MM-DD". */
  deadline?: string;
  /**
   * What a signing day other than the printed issue day costs: `problem` puts the claimed points at
   * risk (the default: seed 000's appraisers scored such a plan 0), `warning` only says so.
   */
  signingDateDiffers?: 'problem' | 'warning';
  /** The campaign's year: documents should be issued in it. */
  year?: number;
}

/**
 * What a criteria node asks of its evidence, configured with the criteria set (the year comes
 * from the campaign that uses the set).
 */
export type NodeEvidenceRequirement = Omit<EvidenceRequirement, 'year'>;

/**
 * The same requirement for a set copied `years` later: its deadline moves by as many years
 * (29 February becomes 28 February in a common year).
 */
export function shiftRequirement(
  requirement: NodeEvidenceRequirement,
  years: number,
): NodeEvidenceRequirement {
  if (!requirement.deadline || years === 0) return requirement;
  const [y, m, d] = requirement.deadline.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const day = Math.min(d, last);
  const deadline = `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ...requirement, deadline };
}

export type FindingCode =
  | 'no_evidence'
  | 'not_read'
  | 'not_signed'
  | 'signature_invalid'
  | 'changed_after_signing'
  | 'signer_not_trusted'
  | 'trust_not_checked'
  | 'signing_date_differs'
  | 'issued_after_deadline'
  | 'other_year'
  | 'other_type'
  | 'number_blank'
  | 'date_blank'
  | 'same_file_unrelated_node';

export interface Finding {
  code: FindingCode;
  /** `problem`: the appraiser is likely to refuse the evidence; `warning`: worth a look. */
  severity: 'problem' | 'warning';
  params: Record<string, string | number>;
  /** What the appraiser will see, in Vietnamese. */
  message: string;
}

const KIND_NAMES: Record<OfficialDocumentKind, string> = {
  resolution: 'nghị quyết',
  decision: 'quyết định',
  directive: 'chỉ thị',
  regulation: 'quy chế, quy định',
  notice: 'thông báo',
  guidance: 'hướng dẫn',
  programme: 'chương trình',
  plan: 'kế hoạch',
  scheme: 'đề án, phương án',
  report: 'báo cáo',
  minutes: 'biên bản',
  submission: 'tờ trình',
  official_letter: 'công văn',
  other: 'tài liệu khác',
};

/** The Vietnamese name of a kind of document ("kế hoạch"). */
export function kindName(kind: OfficialDocumentKind): string {
  return KIND_NAMES[kind];
}

/** "2023-05-10" → "10/05/2023". */
function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant. */
export function vietnamDay(instant: string): string {
  return new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

function messageOf(code: FindingCode, p: Record<string, string | number>): string {
  switch (code) {
    case 'no_evidence':
      return 'Tiêu chí có điểm tự chấm nhưng chưa gắn tài liệu kiểm chứng nào; cơ quan thẩm định sẽ không có căn cứ để công nhận điểm.';
    case 'not_read':
      return 'Không đọc được nội dung tệp (bản quét hoặc tệp không phải văn bản); cơ quan thẩm định sẽ phải đọc trực tiếp.';
    case 'not_signed':
      return 'Tài liệu chưa có chữ ký số; tiêu chí này yêu cầu văn bản đã ký.';
    case 'signature_invalid':
      return `Chữ ký số của ${p.signer} không hợp lệ: nội dung đã ký không còn khớp với chữ ký.`;
    case 'changed_after_signing':
      return `Tệp đã bị sửa sau khi ${p.signer} ký số; cơ quan thẩm định sẽ thấy chữ ký không còn bảo đảm toàn vẹn.`;
    case 'signer_not_trusted':
      return `Chứng thư số của ${p.signer} không thuộc tổ chức chứng thực chữ ký số được tin cậy; cơ quan thẩm định có thể không công nhận chữ ký.`;
    case 'trust_not_checked':
      return `Không kiểm tra được chứng thư số của ${p.signer} có thuộc tổ chức chứng thực chữ ký số được tin cậy hay không: máy chủ chưa được cấu hình chứng thư gốc (ví dụ chứng thư gốc quốc gia).`;
    case 'signing_date_differs':
      return `Ngày ký số (${p.signedOn}) khác ngày ban hành ghi trên văn bản (${p.issuedOn}).`;
    case 'issued_after_deadline':
      return `Văn bản ban hành ngày ${p.issuedOn}, sau thời hạn ${p.deadline}.`;
    case 'other_year':
      return `Văn bản ban hành năm ${p.year}, không thuộc năm đánh giá ${p.expected}.`;
    case 'other_type':
      return `Văn bản là ${p.found}, trong khi tiêu chí yêu cầu ${p.expected}.`;
    case 'number_blank':
      return `Số văn bản để trống (Số: /${p.symbol}); văn bản chưa được vào sổ ban hành.`;
    case 'date_blank':
      return 'Ngày ban hành để trống trên văn bản; chưa xác định được văn bản ban hành khi nào.';
    case 'same_file_unrelated_node':
      return `Cùng tệp này cũng được gắn làm tài liệu kiểm chứng cho tiêu chí ${p.others}, không liên quan đến tiêu chí ${p.node}; cơ quan thẩm định sẽ thấy tài liệu không đúng với tiêu chí và có thể không công nhận điểm.`;
  }
}

function finding(
  code: FindingCode,
  severity: Finding['severity'],
  params: Record<string, string | number> = {},
): Finding {
  return { code, severity, params, message: messageOf(code, params) };
}

/** A node claims points without any evidence attached. */
export function noEvidenceFinding(): Finding {
  return finding('no_evidence', 'problem');
}

/**
 * Compares what was read from a file with what its sub-criterion needs. `metadata` is null when
 * the file's text could not be read (a scan, an unreadable file).
 */
export function evidenceFindings(
  metadata: OfficialDocumentMetadata | null,
  signatures: SignatureFacts[],
  requirement: EvidenceRequirement,
): Finding[] {
  const out: Finding[] = [];
  if (metadata === null) out.push(finding('not_read', 'warning'));
  if (requirement.mustBeSigned && signatures.length === 0)
    out.push(finding('not_signed', 'problem'));
  signatures.forEach((s, index) => {
    const signer = s.signerName ?? `người ký thứ ${index + 1}`;
    if (!s.valid) out.push(finding('signature_invalid', 'problem', { signer }));
    else if (s.trust === 'not_trusted')
      out.push(finding('signer_not_trusted', 'problem', { signer }));
    else if (s.trust === 'not_checked')
      out.push(finding('trust_not_checked', 'warning', { signer }));
  });
  // Only the last signature must cover the file: earlier ones are followed by the later signatures.
  const last = signatures.at(-1);
  if (last && last.valid && !last.coversWholeFile)
    out.push(
      finding('changed_after_signing', 'problem', {
        signer: last.signerName ?? `người ký thứ ${signatures.length}`,
      }),
    );
  if (metadata === null) return out;

  const issuedOn = metadata.issuedOn;
  const first = signatures.find((s) => s.signingTime !== null);
  if (issuedOn && first?.signingTime) {
    const signedOn = vietnamDay(first.signingTime);
    if (signedOn !== issuedOn)
      out.push(
        finding('signing_date_differs', requirement.signingDateDiffers ?? 'problem', {
          signedOn: displayDate(signedOn),
          issuedOn: displayDate(issuedOn),
        }),
      );
  }
  if (requirement.deadline && issuedOn && issuedOn > requirement.deadline)
    out.push(
      finding('issued_after_deadline', 'problem', {
        issuedOn: displayDate(issuedOn),
        deadline: displayDate(requirement.deadline),
      }),
    );
  if (requirement.year !== undefined && metadata.issuedYear !== null)
    if (metadata.issuedYear !== requirement.year)
      out.push(
        finding('other_year', 'problem', {
          year: metadata.issuedYear,
          expected: requirement.year,
        }),
      );
  if (requirement.kind && metadata.kind && metadata.kind !== requirement.kind)
    out.push(
      finding('other_type', 'problem', {
        found: kindName(metadata.kind),
        expected: kindName(requirement.kind),
      }),
    );
  if (metadata.numberBlank)
    out.push(finding('number_blank', 'warning', { symbol: metadata.symbol ?? '' }));
  if (metadata.dateBlank) out.push(finding('date_blank', 'warning'));
  return out;
}

/** One piece of evidence attached to one sub-criterion of a self-assessment. */
export interface EvidenceAttachment {
  nodeCode: string;
  /** The top-level criterion (tiêu chí) the node belongs to: its own code for a top-level node. */
  criterionCode: string;
  /** The type of document the node asks for, when its requirement names one. */
  requiredKind: OfficialDocumentKind | null;
  documentId: number;
  /** What identifies the file's content (its SHA-256): two records with the same content are one file. */
  contentKey: string;
  /** The document's type as recorded or read from it; null when unknown. */
  documentKind: OfficialDocumentKind | null;
}

/**
 * Two sub-criteria may share a file when they belong to the same criterion, or when both ask for
 * the same type of document (the annual report that several criteria ask for). See ADR 17.
 */
function related(a: EvidenceAttachment, b: EvidenceAttachment): boolean {
  return (
    a.criterionCode === b.criterionCode ||
    (a.requiredKind !== null && a.requiredKind === b.requiredKind)
  );
}

const byCode = (a: string, b: string) => a.localeCompare(b, 'vi', { numeric: true });

/**
 * The same file attached to sub-criteria that are not related: each attachment whose node is
 * unrelated to another node holding the same content gets a finding, except where the file is
 * plainly the document its node asks for (its type is the node's required type): the appraiser
 * will take it as evidence there, and as not matching the criterion elsewhere.
 */
export function sameFileFindings(
  attachments: readonly EvidenceAttachment[],
): { nodeCode: string; documentId: number; finding: Finding }[] {
  const byContent = new Map<string, EvidenceAttachment[]>();
  for (const a of attachments) {
    const group = byContent.get(a.contentKey);
    if (group) group.push(a);
    else byContent.set(a.contentKey, [a]);
  }
  const out: { nodeCode: string; documentId: number; finding: Finding }[] = [];
  for (const group of byContent.values()) {
    for (const a of group) {
      if (a.requiredKind !== null && a.documentKind === a.requiredKind) continue;
      const others = [
        ...new Set(
          group.filter((b) => b.nodeCode !== a.nodeCode && !related(a, b)).map((b) => b.nodeCode),
        ),
      ].sort(byCode);
      if (others.length === 0) continue;
      out.push({
        nodeCode: a.nodeCode,
        documentId: a.documentId,
        finding: finding('same_file_unrelated_node', 'problem', {
          node: a.nodeCode,
          others: others.join(', '),
        }),
      });
    }
  }
  return out.sort((x, y) => byCode(x.nodeCode, y.nodeCode) || x.documentId - y.documentId);
}

/**
 * Evidence that checks itself: each file version is read in the background (check-worker.ts) for
 * its Decree 30 metadata and its digital signatures. The officer sees what was read, with findings
 * an appraiser would raise, and corrects the document's metadata through the usual edit; before
 * submitting, a self-assessment's evidence is checked as a whole (assessmentEvidenceRisks).
 */
import type { Actor } from '../../../domain/access.ts';
import {
  evidenceFindings,
  noEvidenceFinding,
  sameFileFindings,
  type EvidenceAttachment,
  type EvidenceRequirement,
  type Finding,
  type SignatureFacts,
} from '../../../domain/documents/findings.ts';
import {
  OFFICIAL_DOCUMENT_KINDS,
  type OfficialDocumentKind,
  type OfficialDocumentMetadata,
} from '../../../domain/documents/official-document.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { notFound } from '../../errors.ts';
import type { PdfSignature } from './pdf-signatures.ts';
import {
  queueEvidenceCheck,
  scheduleEvidenceChecks,
  type CheckError,
  type ReadBy,
} from './check-worker.ts';
import { configuredTrustAnchors } from './trust-anchors.ts';
import * as repo from './repository.ts';
import { getEvidence, unitFor } from './service.ts';

export {
  checkFile,
  drainEvidenceChecks,
  EVIDENCE_CHECK,
  evidenceCheckJob,
  MAX_ATTEMPTS,
  scheduleEvidenceChecks,
  type CheckError,
  type CheckOutcome,
  type ReadBy,
} from './check-worker.ts';

export interface CheckView {
  documentId: number;
  versionNo: number;
  status: 'pending' | 'done' | 'unreadable';
  error: CheckError | null;
  readBy: ReadBy | null;
  metadata: OfficialDocumentMetadata | null;
  signatures: (PdfSignature & { format: 'pdf' | 'docx' | 'odt' })[];
  changedAfterSigning: boolean;
  /** Trust anchors are configured; without them every chain is "not checked". */
  trustAnchorsConfigured: boolean;
  findings: Finding[];
  checkedAt: string | null;
}

const facts = (s: PdfSignature): SignatureFacts => ({
  valid: s.status === 'valid',
  coversWholeFile: s.coversWholeFile,
  signingTime: s.signingTime,
  signerName: s.signer?.commonName ?? null,
  trust: s.trust ?? 'not_checked',
});

/** What a check row says, with findings against `requirement`. */
async function viewOf(
  deps: Deps,
  documentId: number,
  versionNo: number,
  requirement: EvidenceRequirement,
): Promise<CheckView> {
  const version = (await repo.listVersions(deps.db, documentId)).find(
    (v) => v.version_no === versionNo,
  );
  if (!version) throw notFound('entity_evidence_version');
  let row = await repo.findCheck(deps.db, version.id);
  if (!row) {
    await queueEvidenceCheck(deps.db, deps.clock.now(), documentId, versionNo);
    scheduleEvidenceChecks(deps);
    row = await repo.findCheck(deps.db, version.id);
  }
  const metadata = (row?.metadata ?? null) as OfficialDocumentMetadata | null;
  // Rows saved before package signatures were read hold PDF signatures only.
  const signatures = ((row?.signatures ?? []) as PdfSignature[]).map((s) => ({
    ...s,
    format: s.format ?? ('pdf' as const),
  }));
  const status = row?.status ?? 'pending';
  const error = (row?.error ?? null) as CheckError | null;
  const last = signatures.at(-1);
  return {
    documentId,
    versionNo,
    status,
    error,
    readBy: row?.read_by ?? null,
    metadata,
    signatures,
    changedAfterSigning: last !== undefined && !last.coversWholeFile,
    trustAnchorsConfigured: (configuredTrustAnchors()?.certificates.length ?? 0) > 0,
    findings:
      status === 'pending' ? [] : evidenceFindings(metadata, signatures.map(facts), requirement),
    checkedAt: row?.checked_at ? new Date(row.checked_at).toISOString() : null,
  };
}

/**
 * What a sub-criterion of a campaign asks of a unit's evidence: its node's configured
 * requirement in the criteria set the unit is assessed with, and the campaign's year; null when
 * the unit does not take part or the set has no such node.
 */
export async function nodeRequirement(
  db: Queryable,
  campaignId: number,
  unitId: number,
  nodeCode: string,
): Promise<EvidenceRequirement | null> {
  const rows = await repo.findNodeRequirement(db, campaignId, unitId, nodeCode);
  const row = rows[0];
  return row ? { ...(row.evidence_requirement ?? {}), year: row.year } : null;
}

/**
 * What the check read from a document's current version (or `versionNo`), with findings against
 * what a sub-criterion needs: given directly, or read from a campaign's criteria node (its
 * configuration and the campaign's year). A version never checked is queued now.
 */
export async function getEvidenceCheck(
  deps: Deps,
  actor: Actor,
  id: number,
  options: {
    versionNo?: number | undefined;
    requirement?: EvidenceRequirement;
    node?: { campaignId: number; code: string } | undefined;
  } = {},
): Promise<CheckView> {
  const doc = await getEvidence(deps, actor, id);
  let requirement = options.requirement ?? {};
  if (options.node) {
    const configured = await nodeRequirement(
      deps.db,
      options.node.campaignId,
      doc.unitId,
      options.node.code,
    );
    if (!configured) throw notFound('entity_criteria_node');
    requirement = { ...configured, ...requirement };
  }
  const view = await viewOf(deps, id, options.versionNo ?? doc.currentVersion, requirement);
  if (!options.node) return view;
  const sameFile = await sameFileFindingsOf(deps.db, options.node.campaignId, doc.unitId);
  const extra = sameFile.get(attachmentKey(options.node.code, id));
  return extra ? { ...view, findings: [...view.findings, extra] } : view;
}

const attachmentKey = (nodeCode: string, documentId: number) => `${nodeCode}#${documentId}`;

// Every type but "other" is one the reader can tell from a document's symbol or heading.
const READ_KINDS = new Set<string>(OFFICIAL_DOCUMENT_KINDS.filter((k) => k !== 'other'));

/** A type of document worth comparing: 'other' and 'photo' say nothing about what the file is. */
function knownKind(kind: string | null | undefined): OfficialDocumentKind | null {
  return kind && READ_KINDS.has(kind) ? (kind as OfficialDocumentKind) : null;
}

/**
 * The same file attached to unrelated sub-criteria of a unit's self-assessment (step 'self' of
 * campaign_evidence_refs), keyed by node and document. A file is its current version's content;
 * its type is the one recorded in the library, else the one read from it.
 */
async function sameFileFindingsOf(
  db: Queryable,
  campaignId: number,
  unitId: number,
): Promise<Map<string, Finding>> {
  const rows = await repo.findSelfAttachments(db, campaignId, unitId);
  const out = new Map<string, Finding>();
  const setId = rows[0]?.set_id;
  if (setId === undefined) return out;
  // The top-level criterion of each node, walking up the tree.
  const nodes = await repo.findSetNodeLinks(db, setId);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const criterionOf = (id: number): string => {
    let node = byId.get(id);
    for (let depth = 0; node?.parent_id != null && depth < 50; depth++) {
      const parent = byId.get(node.parent_id);
      if (!parent) break;
      node = parent;
    }
    return node?.code ?? '';
  };
  const attachments: EvidenceAttachment[] = rows.map((r) => ({
    nodeCode: r.node_code,
    criterionCode: criterionOf(r.node_id),
    requiredKind: knownKind(r.required_kind),
    documentId: r.evidence_id,
    contentKey: r.sha256,
    documentKind: knownKind(r.doc_type) ?? knownKind(r.read_kind),
  }));
  for (const f of sameFileFindings(attachments))
    out.set(attachmentKey(f.nodeCode, f.documentId), f.finding);
  return out;
}

/** One piece of evidence of a sub-criterion, or the lack of it, with what the appraiser will see. */
export interface EvidenceRisk {
  nodeCode: string;
  nodeTitle: string;
  /** The points the unit claims on this node (hundredths) that the findings put at risk. */
  pointsAtRisk: number;
  /** The node's claimed score, whether or not it is at risk. */
  claimedHundredths: number;
  documentId: number | null;
  /** The document's summary line and number as recorded in the library (else the number read). */
  documentTitle: string | null;
  documentNumber: string | null;
  status: 'pending' | 'done' | 'unreadable' | null;
  error: CheckError | null;
  findings: Finding[];
}

export interface EvidenceRiskReport {
  campaignId: number;
  unitId: number;
  year: number;
  /** Pieces of evidence whose check is not finished yet (ask again for the rest). */
  pending: number;
  checked: number;
  risks: EvidenceRisk[];
  /** Sum of the points at risk (a node counted once). */
  pointsAtRisk: number;
}

/**
 * The pre-submission check of a unit's self-assessment: every piece of evidence its entries cite
 * (campaign_evidence_refs, step 'self') checked against its node's requirement and the campaign's year, the same
 * file cited for unrelated nodes (ADR 17), and every node that claims points without evidence; sorted by the points at risk (a problem puts the node's claimed
 * points at risk, a warning none). Appraisers see the same report for the units they can read.
 */
export async function assessmentEvidenceRisks(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  unitId: number,
): Promise<EvidenceRiskReport> {
  await unitFor(deps.db, actor, unitId, 'evidence.read');
  const entries = await repo.findSelfEntriesWithRequirements(deps.db, campaignId, unitId);
  const year = entries[0]?.year ?? (await repo.findCampaignYear(deps.db, campaignId));
  if (year === undefined) throw notFound('entity_campaign');
  const sameFile = await sameFileFindingsOf(deps.db, campaignId, unitId);
  const risks: EvidenceRisk[] = [];
  let pending = 0;
  let checked = 0;
  for (const e of entries) {
    if (e.self_na) continue;
    const claimed = e.self_score_hundredths ?? 0;
    const requirement: EvidenceRequirement = { ...(e.evidence_requirement ?? {}), year: e.year };
    const ids = [
      ...new Set(e.self_evidence.map(Number).filter((n) => Number.isInteger(n) && n > 0)),
    ];
    const base = { nodeCode: e.node_code, nodeTitle: e.title, claimedHundredths: claimed };
    if (ids.length === 0) {
      if (claimed > 0 && e.evidence_requirement)
        risks.push({
          ...base,
          pointsAtRisk: claimed,
          documentId: null,
          documentTitle: null,
          documentNumber: null,
          status: null,
          error: null,
          findings: [noEvidenceFinding()],
        });
      continue;
    }
    for (const id of ids) {
      const doc = await repo.findDocument(deps.db, id);
      // Evidence of another unit (or deleted since) is not this unit's to report on.
      if (!doc || doc.unit_id !== unitId) continue;
      const view = await viewOf(deps, id, doc.current_version, requirement);
      if (view.status === 'pending') pending++;
      else checked++;
      const extra = sameFile.get(attachmentKey(e.node_code, id));
      const findings = extra ? [...view.findings, extra] : view.findings;
      if (findings.length === 0) continue;
      const problem = findings.some((f) => f.severity === 'problem');
      risks.push({
        ...base,
        pointsAtRisk: problem ? claimed : 0,
        documentId: id,
        documentTitle: doc.summary,
        documentNumber: doc.doc_number ?? view.metadata?.number ?? null,
        status: view.status,
        error: view.error,
        findings,
      });
    }
  }
  risks.sort(
    (a, b) =>
      b.pointsAtRisk - a.pointsAtRisk ||
      a.nodeCode.localeCompare(b.nodeCode, 'vi', { numeric: true }) ||
      (a.documentId ?? 0) - (b.documentId ?? 0),
  );
  const atRisk = new Map<string, number>();
  for (const r of risks)
    atRisk.set(r.nodeCode, Math.max(atRisk.get(r.nodeCode) ?? 0, r.pointsAtRisk));
  return {
    campaignId,
    unitId,
    year,
    pending,
    checked,
    risks,
    pointsAtRisk: [...atRisk.values()].reduce((sum, v) => sum + v, 0),
  };
}

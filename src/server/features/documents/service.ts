/**
 * Use-cases of official documents: drafting one as a background job (values gathered and
 * permissions checked in the request, the Word file rendered from the province's template or the
 * shipped one, then the PDF made from it), and the templates an administrator downloads, edits in
 * Word and uploads back. A template is refused at upload, with the reason, unless it parses, uses
 * only the type's placeholders and renders a sample; the previous one stays in use.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { can, scopeOf, type Actor } from '../../../domain/access.ts';
import {
  DOCUMENT_TYPES,
  placeholdersOf,
  type DocumentType,
} from '../../../domain/documents/templates.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { runContained } from '../../infra/contained.ts';
import { enqueueJob, type JobHandler } from '../../infra/jobs.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { gather, type DocumentParams } from './data.ts';
import { defaultTemplate } from './default-templates.ts';
import { docxToPdf, sofficePath } from './pdf.ts';
import { renderTemplate, templateProblemParams, TemplateError } from './render.ts';
import * as repo from './repository.ts';

export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;
const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;
const STALE_JOB_MS = 30 * 60_000;

const auditActor = (actor: Actor) => ({
  actorId: actor.userId > 0 ? actor.userId : null,
  actorName: actor.username,
});

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Templates

const TEMPLATE_CHECK = new URL('./template-check.ts', import.meta.url);

/**
 * Checks an uploaded template fully (the file guard, its placeholders, a trial render) in a
 * contained worker; returns nothing or throws the refusal.
 */
export async function checkTemplate(type: DocumentType, buffer: Buffer): Promise<void> {
  if (buffer.length === 0) throw new AppError('invalid', 'document_template_empty');
  if (buffer.length > MAX_TEMPLATE_BYTES)
    throw new AppError('too_large', 'payload_too_large', { limit: '10 MB' });
  await runContained<null>(
    { module: TEMPLATE_CHECK, fn: 'trialRender', args: [buffer, type] },
    { heapMb: 256, timeoutMs: 20_000 },
  );
}

/** The unit whose templates an actor manages: where they hold the permission, highest first. */
function templateUnitIds(actor: Actor): (number | null)[] | 'all' {
  const scope = scopeOf(actor, 'document.template');
  if (scope === null) return 'all';
  return scope.map((path) => {
    const ids = path.split('/').filter(Boolean);
    return Number(ids[ids.length - 1]);
  });
}

async function requireTemplateRights(
  deps: Deps,
  actor: Actor,
  unitId: number | null,
): Promise<void> {
  if (unitId === null) {
    if (!can(actor, 'document.template', null)) throw new AppError('forbidden', 'forbidden');
    return;
  }
  const unit = await repo.findUnit(deps.db, unitId);
  if (!unit) throw new AppError('not_found', 'not_found', { what: 'đơn vị' });
  if (!can(actor, 'document.template', unit.path))
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
}

function presentTemplate(row: repo.TemplateRow | null) {
  return row
    ? {
        id: row.id,
        unitId: row.unit_id,
        unitName: row.unit_name,
        fileName: row.file_name,
        sizeBytes: row.size_bytes,
        uploadedBy: row.uploaded_by_name,
        uploadedAt: new Date(row.uploaded_at).toISOString(),
      }
    : null;
}

/** Document types, their placeholders and which template is in use for the given unit. */
export async function listTemplates(deps: Deps, actor: Actor, unitId: number | null) {
  if (unitId !== null || !can(actor, 'document.template', null))
    await requireTemplateRights(deps, actor, unitId);
  const manages = templateUnitIds(actor);
  return {
    unitId,
    pdfAvailable: sofficePath() !== null,
    manages,
    types: await Promise.all(
      DOCUMENT_TYPES.map(async (type) => ({
        type,
        placeholders: placeholdersOf(type),
        own: presentTemplate(await repo.findOwnTemplate(deps.db, type, unitId)),
      })),
    ),
  };
}

/** The template in use for a unit (its own, an ancestor's, else the shipped one) as a file. */
export async function downloadTemplate(
  deps: Deps,
  actor: Actor,
  type: DocumentType,
  unitId: number | null,
  shipped: boolean,
): Promise<{ content: Buffer; fileName: string }> {
  await requireTemplateRights(deps, actor, unitId);
  const unit = unitId === null ? null : await repo.findUnit(deps.db, unitId);
  const row = shipped ? null : await repo.findTemplateFor(deps.db, type, unit?.path ?? null);
  if (!row) return { content: await defaultTemplate(type), fileName: `mau-${type}.docx` };
  const file = await deps.storage.get(row.storage_key);
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream) chunks.push(chunk as Buffer);
  return { content: Buffer.concat(chunks), fileName: row.file_name };
}

/** Replaces a unit's template of a type after checking it renders; the old one stays on record. */
export async function uploadTemplate(
  deps: Deps,
  actor: Actor,
  type: DocumentType,
  unitId: number | null,
  file: { content: Buffer; fileName: string },
) {
  await requireTemplateRights(deps, actor, unitId);
  await checkTemplate(type, file.content);
  const key = `document-templates/${type}/${randomUUID()}.docx`;
  const stored = await deps.storage.put(key, Readable.from(file.content), {
    maxBytes: MAX_TEMPLATE_BYTES,
  });
  const now = deps.clock.now();
  try {
    const id = await deps.db.transaction(async (tx) => {
      await repo.deactivateTemplates(tx, type, unitId);
      const id = await repo.insertTemplate(
        tx,
        {
          docType: type,
          unitId,
          storageKey: key,
          fileName: file.fileName.slice(0, 200) || `${type}.docx`,
          size: stored.size,
          sha256: stored.sha256,
          uploadedBy: actor.userId > 0 ? actor.userId : null,
        },
        now,
      );
      await appendAuditEntry(
        tx,
        {
          ...auditActor(actor),
          action: 'document.template.upload',
          entity: 'document_template',
          entityId: id,
          unitId,
          after: { type, fileName: file.fileName, sha256: stored.sha256 },
        },
        now,
      );
      return id;
    });
    return { id };
  } catch (error) {
    await deps.storage.delete(key);
    throw error;
  }
}

/** Goes back to the shipped template (or the province's) for a unit. */
export async function resetTemplate(
  deps: Deps,
  actor: Actor,
  type: DocumentType,
  unitId: number | null,
): Promise<{ withdrawn: number }> {
  await requireTemplateRights(deps, actor, unitId);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const withdrawn = await repo.deactivateTemplates(tx, type, unitId);
    await appendAuditEntry(
      tx,
      {
        ...auditActor(actor),
        action: 'document.template.reset',
        entity: 'document_template',
        entityId: null,
        unitId,
        after: { type, withdrawn },
      },
      now,
    );
    return { withdrawn };
  });
}

// ---------------------------------------------------------------------------------------------
// Drafting jobs

function presentJob(row: repo.JobRow) {
  return {
    id: row.id,
    type: row.doc_type,
    // Stored as asked for by startDocument.
    params: row.params as DocumentParams,
    status: row.status,
    progress: row.progress,
    step: row.step,
    fileName: row.file_name,
    docxReady: row.docx_key !== null,
    pdfStatus: row.pdf_status,
    error: row.error_code ? { code: row.error_code, params: row.error_params ?? {} } : null,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    retriedBy: row.retried_by,
  };
}
export type JobView = ReturnType<typeof presentJob>;

async function loadOwnJob(deps: Deps, actor: Actor, id: number): Promise<repo.JobRow> {
  const row = await repo.findJob(deps.db, id);
  // Another user's job is not shown to exist.
  if (!row || (row.created_by !== actor.userId && !can(actor, 'user.manage', null)))
    throw new AppError('not_found', 'not_found', { what: 'văn bản' });
  // A job of a process that stopped is marked at start-up and every minute (ADR 23); one that has
  // not ended long after it started (its process could not be told) is taken as interrupted too.
  const now = deps.clock.now();
  if (
    (row.status === 'queued' || row.status === 'running') &&
    now.getTime() - new Date(row.created_at).getTime() > STALE_JOB_MS
  ) {
    await repo.updateJob(deps.db, id, {
      status: 'interrupted',
      error_code: 'document_job_interrupted',
      finished_at: now.toISOString(),
    });
    return (await repo.findJob(deps.db, id))!;
  }
  return row;
}

async function runJob(
  deps: Deps,
  jobId: number,
  type: DocumentType,
  data: object,
  issuerUnitId: number | null,
  wantPdf: boolean,
): Promise<JobView> {
  const now = () => deps.clock.now();
  try {
    // The process drafting it owns it now (ADR 23: it is interrupted if this process dies).
    await repo.updateJob(deps.db, jobId, {
      status: 'running',
      progress: 30,
      step: 'render',
      ...(deps.jobs ? { owner: deps.jobs.owner } : {}),
    });
    const issuer = issuerUnitId === null ? null : await repo.findUnit(deps.db, issuerUnitId);
    const own = await repo.findTemplateFor(deps.db, type, issuer?.path ?? null);
    let template: Buffer;
    if (own) {
      const file = await deps.storage.get(own.storage_key);
      const chunks: Buffer[] = [];
      for await (const chunk of file.stream) chunks.push(chunk as Buffer);
      template = Buffer.concat(chunks);
    } else {
      template = await defaultTemplate(type);
    }
    const docx = renderTemplate(template, data);
    const docxKey = `documents/${jobId}/${randomUUID()}.docx`;
    await deps.storage.put(docxKey, Readable.from(docx), { maxBytes: MAX_DOCUMENT_BYTES });
    await repo.updateJob(deps.db, jobId, {
      docx_key: docxKey,
      template_id: own?.id ?? null,
      progress: wantPdf ? 60 : 100,
      step: wantPdf ? 'pdf' : 'done',
      pdf_status: wantPdf ? 'running' : 'none',
      ...(wantPdf ? {} : { status: 'succeeded' as const, finished_at: now().toISOString() }),
    });
    if (wantPdf) {
      let pdfStatus: repo.JobRow['pdf_status'] = 'failed';
      let pdfKey: string | null = null;
      try {
        const pdf = await docxToPdf(docx);
        if (pdf === null) pdfStatus = 'unavailable';
        else {
          pdfKey = `documents/${jobId}/${randomUUID()}.pdf`;
          await deps.storage.put(pdfKey, Readable.from(pdf), { maxBytes: MAX_DOCUMENT_BYTES });
          pdfStatus = 'ready';
        }
      } catch {
        pdfStatus = 'failed';
      }
      await repo.updateJob(deps.db, jobId, {
        status: 'succeeded',
        progress: 100,
        step: 'done',
        pdf_key: pdfKey,
        pdf_status: pdfStatus,
        finished_at: now().toISOString(),
      });
    }
  } catch (error) {
    const refusal: { code: string; params: Record<string, string> } =
      error instanceof TemplateError
        ? { code: 'document_template_broken', params: templateProblemParams(error.problems) }
        : { code: 'document_job_failed', params: {} };
    await repo.updateJob(deps.db, jobId, {
      status: 'failed',
      error_code: refusal.code,
      error_params: refusal.params,
      finished_at: now().toISOString(),
    });
  }
  return presentJob((await repo.findJob(deps.db, jobId))!);
}

/** The job kind that drafts one document (ADR 37). */
export const DOCUMENT_DRAFT = 'document.draft';

interface DraftPayload {
  documentJobId: number;
  type: DocumentType;
  /** The values gathered with the rights of the user who asked, when they asked. */
  data: object;
  issuerUnitId: number | null;
  pdf: boolean;
}

/**
 * The drafting job: renders the Word file (and the PDF) of a `document_jobs` row, which keeps
 * what the web app polls. It runs once: a draft whose process died becomes interrupted and is
 * drafted again on request (ADR 23). Two drafts at a time per process (LibreOffice is heavy).
 */
export function documentDraftJob(deps: Deps): JobHandler<DraftPayload> {
  return {
    kind: DOCUMENT_DRAFT,
    concurrency: 2,
    async run({ payload: p }) {
      const view = await runJob(deps, p.documentJobId, p.type, p.data, p.issuerUnitId, p.pdf);
      return { status: view.status, pdfStatus: view.pdfStatus };
    },
  };
}

/**
 * Starts drafting a document: gathers its values (refusing what the actor may not read), records
 * the drafting job and queues it for the job runner, in one transaction; the Word file and the
 * PDF are made in the background while the web app polls the job.
 */
export async function startDocument(
  deps: Deps,
  actor: Actor,
  params: DocumentParams,
  options: { pdf: boolean } = { pdf: true },
): Promise<{ job: JobView }> {
  const gathered = await gather(deps, actor, params);
  const now = deps.clock.now();
  const jobId = await deps.db.transaction(async (tx) => {
    const id = await repo.insertJob(
      tx,
      {
        docType: params.type,
        params,
        fileName: gathered.fileName,
        createdBy: actor.userId,
        owner: deps.jobs?.owner ?? deps.owner?.id ?? null,
      },
      now,
    );
    const payload: DraftPayload = {
      documentJobId: id,
      type: params.type,
      data: gathered.data,
      issuerUnitId: gathered.issuerUnitId,
      pdf: options.pdf,
    };
    await enqueueJob(tx, now, DOCUMENT_DRAFT, payload, { maxAttempts: 1 });
    return id;
  });
  deps.jobs?.wake();
  return { job: presentJob((await repo.findJob(deps.db, jobId))!) };
}

/** Drafts the document of an interrupted job again, with its parameters, as a new job. */
export async function retryDocumentJob(
  deps: Deps,
  actor: Actor,
  id: number,
): Promise<{ job: JobView }> {
  const row = await loadOwnJob(deps, actor, id);
  if (row.status !== 'interrupted') throw new AppError('conflict', 'job_not_interrupted');
  const started = await startDocument(deps, actor, row.params as DocumentParams);
  await repo.updateJob(deps.db, id, { retried_by: started.job.id });
  return started;
}

export async function getJob(deps: Deps, actor: Actor, id: number): Promise<JobView> {
  return presentJob(await loadOwnJob(deps, actor, id));
}

/** A drafted file of a job, for download. */
export async function jobFile(deps: Deps, actor: Actor, id: number, kind: 'docx' | 'pdf') {
  const row = await loadOwnJob(deps, actor, id);
  const key = kind === 'docx' ? row.docx_key : row.pdf_key;
  if (!key)
    throw new AppError('conflict', kind === 'docx' ? 'document_not_ready' : 'document_pdf_missing');
  const file = await deps.storage.get(key);
  return { ...file, fileName: `${row.file_name ?? 'van-ban'}.${kind}` };
}

/** HTTP routes of the evidence library: upload, list, read, edit, new versions, download, delete. */
import type { FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { z } from 'zod';
import * as evidenceContract from '../../../shared/contract/evidence.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, errorBody, fileAnswer, idParam } from '../../http/schemas.ts';
import { validationDetails } from '../../http/validation.ts';
import { translate } from '../../i18n/messages.ts';
import * as checks from './check.service.ts';
import * as rechecks from './recheck.service.ts';
import * as schemas from './schemas.ts';
import * as service from './service.ts';
import { contentDisposition } from '../../http/download.ts';
import { receiveStreamingUpload } from '../../http/upload.ts';

/**
 * The file response may only show itself: no scripts, no requests, embeddable by our own pages
 * (the preview pane) only. Images are also sandboxed; PDFs are not, as browsers refuse to run
 * their PDF viewer in a sandboxed document.
 */
const FILE_CSP =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

/** Checks text fields against a schema, turning problems into the usual 400 naming each field. */
function parseWith<T>(schema: z.ZodType<T>, fields: Record<string, string>): T {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue): FastifySchemaValidationError => ({
    keyword: issue.code,
    instancePath: `/${issue.path.join('/')}`,
    schemaPath: '',
    message: issue.message,
    params: { ...issue },
  }));
  throw new AppError('invalid', 'validation_failed', {}, validationDetails(errors, 'body'));
}

const parseFields = (fields: Record<string, string>) =>
  parseWith(evidenceContract.uploadFields, fields);
// A new version carries no metadata of its own.
const parseVersionFields = (fields: Record<string, string>) =>
  parseWith(z.object({}).strict(), fields);

/** Reads an evidence upload up to its file; the fields after it come once the file is stored. */
const receiveMultipart = (request: FastifyRequest, deps: Deps) =>
  receiveStreamingUpload(request, deps, {
    missing: 'evidence_file_missing',
    tooMany: 'evidence_too_many_files',
  });

export function registerEvidenceRoutes(app: App, deps: Deps): void {
  const uploadResponses = {
    200: evidenceContract.uploadResult,
    201: evidenceContract.uploadResult,
    413: errorBody,
    415: errorBody,
    ...commonErrors,
  };

  /** The answer to an upload: 201 with a new document, 200 pointing at the one already stored. */
  const presentUpload = (request: FastifyRequest, outcome: service.UploadOutcome) => ({
    ...outcome.document,
    duplicate: outcome.duplicate !== null,
    notice: outcome.duplicate
      ? translate(request.locale, 'evidence_duplicate', {
          summary: outcome.document.summary,
          versionNo: outcome.duplicate.versionNo,
        })
      : null,
  });

  app.post(
    '/api/v1/units/:unitId/evidence',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'Tải tài liệu kiểm chứng lên thư viện của đơn vị (multipart: file; number, type, issuedOn, issuer, summary). Trùng nội dung: 200 và tài liệu đã có',
        consumes: ['multipart/form-data'],
        params: schemas.unitIdParam,
        response: uploadResponses,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file, readFields } = await receiveMultipart(request, deps);
      const outcome = await service.uploadEvidence(
        deps,
        actor,
        request.params.unitId,
        file,
        async () => parseFields(await readFields()),
      );
      return reply.code(outcome.duplicate ? 200 : 201).send(presentUpload(request, outcome));
    },
  );

  app.get(
    '/api/v1/units/:unitId/evidence',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'Thư viện tài liệu kiểm chứng của đơn vị (tìm theo số, trích yếu, cơ quan ban hành, tên tệp)',
        params: schemas.unitIdParam,
        querystring: schemas.listQuery,
        response: { 200: evidenceContract.documentList, ...commonErrors },
      },
    },
    async (request) =>
      service.listEvidence(deps, requireActor(request), request.params.unitId, request.query),
  );

  app.get(
    '/api/v1/evidence/:id',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Một tài liệu kiểm chứng với mọi phiên bản',
        params: idParam,
        response: { 200: evidenceContract.documentDetail, ...commonErrors },
      },
    },
    async (request) => service.getEvidence(deps, requireActor(request), request.params.id),
  );

  app.put(
    '/api/v1/evidence/:id',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Sửa thông tin tài liệu (số, loại, ngày ban hành, cơ quan ban hành, trích yếu)',
        params: idParam,
        body: evidenceContract.documentUpdateBody,
        response: { 200: evidenceContract.documentDetail, ...commonErrors },
      },
    },
    async (request) =>
      service.updateEvidence(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/evidence/:id/versions',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Tải lên phiên bản mới của tài liệu (multipart: file); các phiên bản cũ được giữ',
        consumes: ['multipart/form-data'],
        params: idParam,
        response: uploadResponses,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file, readFields } = await receiveMultipart(request, deps);
      const outcome = await service.addEvidenceVersion(
        deps,
        actor,
        request.params.id,
        file,
        async () => {
          parseVersionFields(await readFields());
        },
      );
      return reply.code(outcome.duplicate ? 200 : 201).send(presentUpload(request, outcome));
    },
  );

  app.get(
    '/api/v1/evidence/:id/download',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'Tải tệp về (phiên bản hiện hành hoặc ?version=); inline=1 để xem trước PDF và ảnh trong trình duyệt',
        params: idParam,
        querystring: schemas.downloadQuery,
        response: { 200: fileAnswer('Tệp', 'application/octet-stream'), ...commonErrors },
      },
    },
    async (request, reply) => {
      const opened = await service.openEvidenceFile(
        deps,
        requireActor(request),
        request.params.id,
        request.query.version,
      );
      const wantsInline = request.query.inline === '1' || request.query.inline === 'true';
      const inline = wantsInline && opened.previewable;
      return reply
        .code(200)
        .header('content-type', opened.mediaType)
        .header('content-length', String(opened.size))
        .header(
          'content-disposition',
          contentDisposition(inline ? 'inline' : 'attachment', opened.filename),
        )
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-security-policy',
          opened.mediaType === 'application/pdf' ? FILE_CSP : `${FILE_CSP}; sandbox`,
        )
        .header('cache-control', 'private, no-store')
        .send(opened.stream);
    },
  );

  app.get(
    '/api/v1/evidence/:id/check',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'Kết quả tự kiểm tra tệp: số, ký hiệu, loại, ngày, cơ quan ban hành, người ký đọc được; chữ ký số; các điểm cơ quan thẩm định sẽ thấy (theo yêu cầu của tiêu chí: kind, signed, deadline, year)',
        params: idParam,
        querystring: schemas.checkQuery,
        response: { 200: schemas.checkResult, ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const view = await checks.getEvidenceCheck(deps, requireActor(request), request.params.id, {
        versionNo: q.version,
        requirement: {
          ...(q.kind ? { kind: q.kind } : {}),
          ...(q.signed ? { mustBeSigned: q.signed === '1' || q.signed === 'true' } : {}),
          ...(q.deadline ? { deadline: q.deadline } : {}),
          ...(q.year ? { year: q.year } : {}),
        },
        node: q.campaign && q.node ? { campaignId: q.campaign, code: q.node } : undefined,
      });
      return {
        ...view,
        errorMessage: view.error ? translate(request.locale, `evidence_check_${view.error}`) : null,
        findings: view.findings.map((f) => ({
          code: f.code,
          severity: f.severity,
          message: translate(request.locale, `evidence_finding_${f.code}`, f.params),
        })),
      };
    },
  );

  app.get(
    '/api/v1/campaigns/:campaignId/units/:unitId/evidence-risks',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'Kiểm tra trước khi nộp: mọi rủi ro của tài liệu kiểm chứng trong bản tự chấm của đơn vị, theo yêu cầu cấu hình trên từng tiêu chí và năm của đợt đánh giá, sắp theo số điểm có thể bị trừ; cơ quan thẩm định xem cùng kết quả',
        params: schemas.riskParams,
        response: { 200: schemas.riskReport, ...commonErrors },
      },
    },
    async (request) => {
      const report = await checks.assessmentEvidenceRisks(
        deps,
        requireActor(request),
        request.params.campaignId,
        request.params.unitId,
      );
      return {
        ...report,
        risks: report.risks.map((r) => ({
          ...r,
          errorMessage: r.error ? translate(request.locale, `evidence_check_${r.error}`) : null,
          findings: r.findings.map((f) => ({
            code: f.code,
            severity: f.severity,
            message: translate(request.locale, `evidence_finding_${f.code}`, f.params),
          })),
        })),
      };
    },
  );

  app.post(
    '/api/v1/units/:unitId/evidence/rechecks',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'Đọc và kiểm tra lại toàn bộ tài liệu kiểm chứng của đơn vị ở chế độ nền: 202 và lượt kiểm tra mới; 200 và lượt đang chạy nếu đơn vị đã có một lượt chưa xong',
        params: schemas.unitIdParam,
        response: { 200: schemas.recheckProgress, 202: schemas.recheckProgress, ...commonErrors },
      },
    },
    async (request, reply) => {
      const outcome = await rechecks.startEvidenceRecheck(
        deps,
        requireActor(request),
        request.params.unitId,
      );
      return reply.code(outcome.started ? 202 : 200).send(outcome.batch);
    },
  );

  app.get(
    '/api/v1/evidence-rechecks/:id',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'Tiến độ của một lượt kiểm tra lại tài liệu: đã kiểm tra bao nhiêu trên tổng số tệp',
        params: idParam,
        response: { 200: schemas.recheckProgress, ...commonErrors },
      },
    },
    async (request) => rechecks.getEvidenceRecheck(deps, requireActor(request), request.params.id),
  );

  app.delete(
    '/api/v1/evidence/:id',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Xóa tài liệu cùng mọi phiên bản (khi không còn được dẫn chứng ở đâu)',
        params: idParam,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await service.deleteEvidence(deps, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

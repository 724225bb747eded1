/**
 * HTTP routes of official documents: draft one (a job), follow it, download the .docx and .pdf;
 * list, download, upload and reset the Word templates.
 */
import { z } from 'zod';
import { DOCUMENT_TYPES } from '../../../domain/documents/templates.ts';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, fileAnswer, errorBody, idParam, idText } from '../../http/schemas.ts';
import { localeFromHeader, translate, type MessageKey } from '../../i18n/messages.ts';
import { contentDisposition } from '../../http/download.ts';
import * as contract from '../../../shared/contract/documents.ts';
import * as service from './service.ts';
import { readUpload } from '../../http/upload.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const typeParam = z.object({ type: z.enum(DOCUMENT_TYPES) });
const unitQuery = z.object({ unitId: idText.optional() });
export function registerDocumentRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'Lập văn bản (Nghị định 30/2020) từ dữ liệu: chạy nền, trả về công việc',
        body: contract.draftBody,
        response: { 202: contract.documentJob, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { pdf, ...params } = request.body;
      const { job } = await service.startDocument(deps, actor, params, { pdf });
      return reply.code(202).send(job);
    },
  );

  app.get(
    '/api/v1/documents/jobs/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'Tiến độ lập một văn bản',
        params: idParam,
        response: { 200: contract.documentJobState, ...commonErrors },
      },
    },
    async (request) => {
      const job = await service.getJob(deps, requireActor(request), request.params.id);
      const locale = localeFromHeader(request.headers['accept-language']);
      return {
        ...job,
        errorMessage: job.error
          ? translate(locale, job.error.code as MessageKey, job.error.params)
          : null,
      };
    },
  );

  app.post(
    '/api/v1/documents/jobs/:id/retry',
    {
      schema: {
        tags: ['documents'],
        summary:
          'Lập lại văn bản của một việc bị gián đoạn (máy chủ dừng giữa chừng), cùng tham số: trả về việc mới',
        params: idParam,
        response: { 202: contract.documentJob, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { job } = await service.retryDocumentJob(
        deps,
        requireActor(request),
        request.params.id,
      );
      return reply.code(202).send(job);
    },
  );

  for (const kind of ['docx', 'pdf'] as const) {
    app.get(
      `/api/v1/documents/jobs/:id/${kind}`,
      {
        schema: {
          tags: ['documents'],
          summary: kind === 'docx' ? 'Tải văn bản Word' : 'Tải văn bản PDF',
          params: idParam,
          response: {
            200: fileAnswer(
              'Văn bản',
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
              'application/pdf',
            ),
          },
        },
      },
      async (request, reply) => {
        const file = await service.jobFile(deps, requireActor(request), request.params.id, kind);
        return reply
          .header('content-type', kind === 'docx' ? DOCX_TYPE : 'application/pdf')
          .header('content-length', file.size)
          .header('content-disposition', contentDisposition('attachment', file.fileName))
          .header('cache-control', 'private, no-store')
          .send(file.stream);
      },
    );
  }

  app.get(
    '/api/v1/documents/templates',
    {
      schema: {
        tags: ['documents'],
        summary: 'Các loại văn bản, trường dữ liệu và mẫu đang dùng của một đơn vị',
        querystring: unitQuery,
        response: { 200: contract.templatesView, ...commonErrors },
      },
    },
    async (request) =>
      service.listTemplates(deps, requireActor(request), request.query.unitId ?? null),
  );

  app.get(
    '/api/v1/documents/templates/:type/file',
    {
      schema: {
        tags: ['documents'],
        summary: 'Tải mẫu Word đang dùng (shipped=1: mẫu gốc của phần mềm)',
        params: typeParam,
        querystring: unitQuery.extend({ shipped: z.enum(['0', '1']).optional() }),
        response: {
          200: fileAnswer(
            'Mẫu Word',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          ),
        },
      },
    },
    async (request, reply) => {
      const file = await service.downloadTemplate(
        deps,
        requireActor(request),
        request.params.type,
        request.query.unitId ?? null,
        request.query.shipped === '1',
      );
      return reply
        .header('content-type', DOCX_TYPE)
        .header('content-disposition', contentDisposition('attachment', file.fileName))
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.put(
    '/api/v1/documents/templates/:type',
    {
      schema: {
        tags: ['documents'],
        summary: 'Tải lên mẫu Word đã sửa (multipart: file); bị từ chối nếu không dựng được',
        consumes: ['multipart/form-data'],
        params: typeParam,
        querystring: unitQuery,
        response: { 200: contract.templatesView, 413: errorBody, 415: errorBody, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { content, fileName } = await readUpload(request, 'document_template_empty');
      await service.uploadTemplate(deps, actor, request.params.type, request.query.unitId ?? null, {
        content,
        fileName,
      });
      return service.listTemplates(deps, actor, request.query.unitId ?? null);
    },
  );

  app.delete(
    '/api/v1/documents/templates/:type',
    {
      schema: {
        tags: ['documents'],
        summary: 'Bỏ mẫu đã tải lên, quay về mẫu cấp trên hoặc mẫu gốc',
        params: typeParam,
        querystring: unitQuery,
        response: { 200: contract.templatesView, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await service.resetTemplate(deps, actor, request.params.type, request.query.unitId ?? null);
      return service.listTemplates(deps, actor, request.query.unitId ?? null);
    },
  );
}

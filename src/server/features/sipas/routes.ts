/**
 * HTTP routes of SIPAS: staff routes under /api/v1/sipas (signed in) and the public form and
 * answer routes under /api/v1/public/sipas (no session: anyone with the link may answer).
 */
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { readDeps } from '../../http/read-routing.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, fileAnswer, errorBody, idParam } from '../../http/schemas.ts';
import { registerSipasChannelRoutes } from './channel-routes.ts';
import { importResponses, previewImport } from './import.ts';
import * as contract from '../../../shared/contract/sipas.ts';
import * as schemas from './schemas.ts';
import * as service from './service.ts';
import * as submissions from './submission.service.ts';
import { exportIndexesXlsx } from './xlsx.ts';
import { contentDisposition } from '../../http/download.ts';
import { readUpload } from '../../http/upload.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerSipasRoutes(app: App, deps: Deps): void {
  const tags = ['sipas'];
  registerSipasChannelRoutes(app, deps);

  // --- public -------------------------------------------------------------------------------
  app.get(
    '/api/v1/public/sipas/forms/:campaignId',
    {
      schema: {
        tags,
        summary: 'Phiếu khảo sát công khai của một đợt (không cần đăng nhập)',
        params: schemas.campaignIdParam,
        querystring: schemas.formQuery,
        response: { 200: contract.publicForm, 404: errorBody, 400: errorBody },
      },
    },
    async (request) =>
      submissions.getPublicForm(
        readDeps(deps, request),
        request.params.campaignId,
        request.query.unit,
        request.query.field,
      ),
  );

  app.get(
    '/api/v1/public/sipas/links/:token',
    {
      schema: {
        tags,
        summary: 'Phiếu khảo sát của một hồ sơ (đường dẫn dùng một lần)',
        params: schemas.tokenParam,
        response: { 200: contract.publicForm, 404: errorBody, 409: errorBody, 403: errorBody },
      },
    },
    async (request) => submissions.getLinkForm(deps, request.params.token),
  );

  app.post(
    '/api/v1/public/sipas/responses',
    {
      schema: {
        tags,
        summary:
          'Gửi phiếu khảo sát (không cần đăng nhập); gửi lại cùng clientId trả về cùng biên nhận, không tính hai lần',
        body: contract.publicSubmissionBody,
        response: {
          200: contract.acknowledgement,
          429: errorBody,
          ...commonErrors,
        },
      },
    },
    async (request) =>
      submissions.submitPublicResponse(deps, request.body, {
        ip: request.ip,
        locale: request.locale,
      }),
  );

  // --- questionnaires -----------------------------------------------------------------------
  app.get(
    '/api/v1/sipas/questionnaires',
    {
      schema: {
        tags,
        summary: 'Các mẫu phiếu khảo sát',
        response: {
          200: contract.questionnaireList,
          ...commonErrors,
        },
      },
    },
    async (request) => ({ items: await service.listQuestionnaires(deps, requireActor(request)) }),
  );

  app.get(
    '/api/v1/sipas/questionnaires/:id',
    {
      schema: {
        tags,
        summary: 'Một mẫu phiếu',
        params: idParam,
        response: { 200: contract.questionnaireView, ...commonErrors },
      },
    },
    async (request) => service.getQuestionnaire(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/sipas/questionnaires',
    {
      schema: {
        tags,
        summary: 'Thêm một mẫu phiếu (phiên bản mới)',
        body: contract.questionnaireBody,
        response: { 201: contract.questionnaireView, ...commonErrors },
      },
    },
    async (request, reply) => {
      const q = await service.createQuestionnaire(
        deps,
        requireActor(request),
        request.body.document,
      );
      return reply.code(201).send(q);
    },
  );

  app.put(
    '/api/v1/sipas/questionnaires/:id',
    {
      schema: {
        tags,
        summary: 'Sửa mẫu phiếu chưa được dùng',
        params: idParam,
        body: contract.questionnaireBody,
        response: { 200: contract.questionnaireView, ...commonErrors },
      },
    },
    async (request) =>
      service.updateQuestionnaire(
        deps,
        requireActor(request),
        request.params.id,
        request.body.document,
      ),
  );

  app.delete(
    '/api/v1/sipas/questionnaires/:id',
    {
      schema: {
        tags,
        summary: 'Xóa mẫu phiếu chưa được dùng',
        params: idParam,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await service.deleteQuestionnaire(deps, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/sipas/questionnaires/import',
    {
      schema: {
        tags,
        summary:
          'Nhập mẫu phiếu từ tệp Excel (.xlsx) hoặc JSON, nhận biết theo nội dung (multipart, trường "file"); tệp có lỗi thì không lưu gì',
        consumes: ['multipart/form-data'],
        response: {
          201: contract.questionnaireView,
          413: errorBody,
          415: errorBody,
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { content } = await readUpload(request);
      const q = await service.importQuestionnaireFile(deps, actor, content);
      return reply.code(201).send(q);
    },
  );

  app.get(
    '/api/v1/sipas/questionnaires/:id/export',
    {
      schema: {
        tags,
        summary: 'Xuất mẫu phiếu ra tệp JSON',
        params: idParam,
        response: { 200: fileAnswer('Tệp JSON của mẫu phiếu', 'application/json') },
      },
    },
    async (request, reply) => {
      const file = await service.exportQuestionnaireJson(
        deps,
        requireActor(request),
        request.params.id,
      );
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', file.filename))
        .send(file.json);
    },
  );

  app.get(
    '/api/v1/sipas/questionnaires/:id/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất mẫu phiếu ra tệp Excel (mỗi câu hỏi một dòng)',
        params: idParam,
        response: {
          200: fileAnswer(
            'Tệp Excel',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ),
        },
      },
    },
    async (request, reply) => {
      const file = await service.exportQuestionnaireXlsxFile(
        deps,
        requireActor(request),
        request.params.id,
      );
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', file.filename))
        .send(file.content);
    },
  );

  // --- campaigns ----------------------------------------------------------------------------
  app.get(
    '/api/v1/sipas/campaigns',
    {
      schema: {
        tags,
        summary: 'Các đợt khảo sát trong phạm vi',
        response: { 200: contract.campaignList, ...commonErrors },
      },
    },
    async (request) => service.listCampaigns(deps, requireActor(request)),
  );

  app.post(
    '/api/v1/sipas/campaigns',
    {
      schema: {
        tags,
        summary:
          'Tạo đợt khảo sát (đơn vị, lĩnh vực, số giao dịch → chỉ tiêu mẫu, hình thức, cách tính)',
        body: contract.campaignBody,
        response: { 201: contract.campaignView, ...commonErrors },
      },
    },
    async (request, reply) => {
      const c = await service.createCampaign(deps, requireActor(request), request.body);
      return reply.code(201).send(c);
    },
  );

  app.get(
    '/api/v1/sipas/campaigns/:campaignId',
    {
      schema: {
        tags,
        summary: 'Một đợt khảo sát',
        params: schemas.campaignIdParam,
        response: { 200: contract.campaignView, ...commonErrors },
      },
    },
    async (request) => service.getCampaign(deps, requireActor(request), request.params.campaignId),
  );

  app.put(
    '/api/v1/sipas/campaigns/:campaignId',
    {
      schema: {
        tags,
        summary: 'Sửa đợt khảo sát',
        params: schemas.campaignIdParam,
        body: contract.campaignUpdateBody,
        response: { 200: contract.campaignView, ...commonErrors },
      },
    },
    async (request) =>
      service.updateCampaign(deps, requireActor(request), request.params.campaignId, request.body),
  );

  app.delete(
    '/api/v1/sipas/campaigns/:campaignId',
    {
      schema: {
        tags,
        summary: 'Xóa đợt khảo sát chưa có phiếu',
        params: schemas.campaignIdParam,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await service.deleteCampaign(deps, requireActor(request), request.params.campaignId);
      return reply.code(204).send(null);
    },
  );

  // --- answers by staff ---------------------------------------------------------------------
  app.post(
    '/api/v1/sipas/campaigns/:campaignId/responses/paper',
    {
      schema: {
        tags,
        summary: 'Nhập một phiếu giấy (điều tra viên, công chức đơn vị); số sê-ri không được trùng',
        params: schemas.campaignIdParam,
        body: contract.paperBody,
        response: { 201: contract.paperAck, 200: contract.paperAck, ...commonErrors },
      },
    },
    async (request, reply) => {
      const ack = await submissions.enterPaperResponse(
        deps,
        requireActor(request),
        request.params.campaignId,
        request.body,
        request.locale,
      );
      return reply.code(ack.duplicate ? 200 : 201).send(ack);
    },
  );

  app.post(
    '/api/v1/sipas/responses/batch',
    {
      schema: {
        tags,
        summary:
          'Tải lên các phiếu thu ngoại tuyến; mỗi phiếu được ghi đúng một lần, kết quả từng phiếu',
        body: contract.batchBody,
        response: { 200: contract.batchResult, 413: errorBody, ...commonErrors },
      },
    },
    async (request) =>
      submissions.uploadBatch(deps, requireActor(request), request.body.items, request.locale),
  );

  app.post(
    '/api/v1/sipas/campaigns/:campaignId/links',
    {
      schema: {
        tags,
        summary: 'Tạo đường dẫn khảo sát dùng một lần cho các mã hồ sơ',
        params: schemas.campaignIdParam,
        body: contract.linksBody,
        response: { 200: contract.linksResult, ...commonErrors },
      },
    },
    async (request) =>
      submissions.createDossierLinks(
        deps,
        requireActor(request),
        request.params.campaignId,
        request.body,
      ),
  );

  app.post(
    '/api/v1/sipas/campaigns/:campaignId/import/preview',
    {
      schema: {
        tags,
        summary: 'Xem trước tệp phiếu (CSV/XLSX): các cột, cách ghép đề xuất, các dòng đầu và lỗi',
        consumes: ['multipart/form-data'],
        params: schemas.campaignIdParam,
        response: { 200: contract.importPreview, 413: errorBody, 415: errorBody, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { content } = await readUpload(request);
      return previewImport(deps, actor, request.params.campaignId, content);
    },
  );

  app.post(
    '/api/v1/sipas/campaigns/:campaignId/import',
    {
      schema: {
        tags,
        summary:
          'Nhập phiếu từ tệp với cách ghép cột (trường "mapping" JSON trước trường "file"); tất cả hoặc không',
        consumes: ['multipart/form-data'],
        params: schemas.campaignIdParam,
        response: { 200: contract.importResult, 413: errorBody, 415: errorBody, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { content, fields } = await readUpload(request);
      let mapping: Record<string, string | null>;
      try {
        const parsed = z
          .record(z.string(), z.string().nullable())
          .safeParse(JSON.parse(fields.mapping ?? ''));
        if (!parsed.success) throw new Error('shape');
        mapping = parsed.data;
      } catch {
        throw new AppError('invalid', 'sipas_import_mapping_invalid', {
          reason: 'trường «mapping» phải là JSON dạng {"mục": "tên cột"}',
        });
      }
      return importResponses(deps, actor, request.params.campaignId, content, mapping);
    },
  );

  // --- results ------------------------------------------------------------------------------
  app.get(
    '/api/v1/sipas/campaigns/:campaignId/indexes',
    {
      schema: {
        tags,
        summary:
          'Chỉ số hài lòng theo yếu tố, lĩnh vực, đơn vị và chung (hai cách tính), bảng theo mức, tiến độ so với chỉ tiêu',
        params: schemas.campaignIdParam,
        querystring: schemas.indexesQuery,
        response: { 200: contract.indexesView, ...commonErrors },
      },
    },
    async (request) =>
      service.campaignIndexes(
        readDeps(deps, request),
        requireActor(request),
        request.params.campaignId,
        { unitId: request.query.unit, fieldId: request.query.field },
      ),
  );

  app.get(
    '/api/v1/sipas/campaigns/:campaignId/indexes.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất chỉ số ra Excel',
        params: schemas.campaignIdParam,
        querystring: schemas.indexesQuery,
        response: {
          200: fileAnswer(
            'Tệp Excel',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const reading = readDeps(deps, request);
      const campaign = await service.getCampaign(reading, actor, request.params.campaignId);
      const view = await service.campaignIndexes(reading, actor, request.params.campaignId, {
        unitId: request.query.unit,
        fieldId: request.query.field,
      });
      const buffer = await exportIndexesXlsx(campaign.name, view);
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition('attachment', `sipas-${campaign.id}-chi-so.xlsx`),
        )
        .send(buffer);
    },
  );

  app.get(
    '/api/v1/sipas/campaigns/:campaignId/responses',
    {
      schema: {
        tags,
        summary: 'Các phiếu và ý kiến góp ý (tìm kiếm, phân trang)',
        params: schemas.campaignIdParam,
        querystring: schemas.responsesQuery,
        response: { 200: contract.responseList, ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      return service.listCampaignResponses(deps, requireActor(request), request.params.campaignId, {
        unitId: q.unit,
        fieldId: q.field,
        suggestionsOnly: q.suggestions === 'true',
        q: q.q,
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  app.get(
    '/api/v1/sipas/campaigns/:campaignId/survey-points',
    {
      schema: {
        tags,
        summary: 'Điểm điều tra xã hội học của từng đơn vị = điểm tối đa × chỉ số (hàng trăm điểm)',
        params: schemas.campaignIdParam,
        querystring: schemas.surveyPointsQuery,
        response: { 200: contract.surveyPointsView, ...commonErrors },
      },
    },
    async (request) =>
      service.surveyPoints(
        deps,
        requireActor(request),
        request.params.campaignId,
        request.query.surveyMax,
      ),
  );
}

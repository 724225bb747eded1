/** HTTP routes of the dossier-handling evaluation: import, dossiers, ratings, quarterly results. */
import { unlink } from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { readDeps } from '../../http/read-routing.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, fileAnswer, errorBody, idParam } from '../../http/schemas.ts';
import { formFieldId } from '../../http/validation.ts';
import {
  getImportJob,
  retryImportJob,
  previewDossierImport,
  startDossierImport,
} from './import.ts';
import { ALL_COLUMNS, REQUIRED_COLUMNS, cleanMapping, type ColumnMapping } from './mapping.ts';
import { DOSSIER_COLUMN_LABELS } from '../../../domain/dossiers/dossier.ts';
import * as officials from './officials.service.ts';
import * as postal from './postal-catalogue.service.ts';
import * as contract from '../../../shared/contract/dossiers.ts';
import * as schemas from './schemas.ts';
import * as service from './service.ts';
import { contentDisposition } from '../../http/download.ts';
import { receiveUploadToFile, type StagedUpload as Upload } from '../../http/upload.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streams the dossier file to a staging file under the data directory; collects the fields. */
const receiveUpload = (request: FastifyRequest, deps: Deps): Promise<Upload> =>
  receiveUploadToFile(request, deps, {
    missing: 'dossier_import_empty',
    prefix: 'dossiers',
    defaultName: 'tep-ho-so',
  });

function mappingField(fields: Record<string, string>): ColumnMapping | null {
  const text = fields.mapping;
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
    return cleanMapping(parsed as Record<string, unknown>);
  } catch {
    throw new AppError('invalid', 'validation_failed', {}, [
      { field: 'mapping', key: 'field_format', params: { field: 'mapping' } },
    ]);
  }
}

export function registerDossierRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/dossiers/import/preview',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Xem trước tệp hồ sơ (multipart: file, source, mapping JSON tùy chọn): cột của tệp, cách ghép cột đề xuất, các dòng đầu đã đọc',
        consumes: ['multipart/form-data'],
        response: { 200: contract.importPreview, 413: errorBody, 415: errorBody, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const upload = await receiveUpload(request, deps);
      try {
        return await previewDossierImport(
          deps,
          actor,
          {
            filePath: upload.filePath,
            sourceName: upload.fields.source?.trim() || null,
            mapping: mappingField(upload.fields),
          },
          request.locale,
        );
      } finally {
        await unlink(upload.filePath).catch(() => undefined);
      }
    },
  );

  app.post(
    '/api/v1/dossiers/import',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Nhập hồ sơ (multipart: file, source, mapping JSON tùy chọn — bỏ trống để dùng cách ghép đã lưu của nguồn). Chạy nền: trả 202 với mã lượt nhập',
        consumes: ['multipart/form-data'],
        response: {
          202: z.object({ jobId: z.number() }),
          413: errorBody,
          415: errorBody,
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const upload = await receiveUpload(request, deps);
      const sourceName = upload.fields.source?.trim();
      if (!sourceName) {
        await unlink(upload.filePath).catch(() => undefined);
        throw new AppError('invalid', 'validation_failed', {}, [
          { field: 'source', key: 'field_required', params: { field: 'source' } },
        ]);
      }
      const { jobId } = await startDossierImport(deps, actor, {
        filePath: upload.filePath,
        fileName: upload.fileName,
        sourceName,
        mapping: mappingField(upload.fields),
        ownsFile: true,
      });
      return reply.code(202).send({ jobId });
    },
  );

  app.get(
    '/api/v1/dossiers/jobs/:id',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Tiến độ và kết quả một lượt nhập hồ sơ (số dòng đã đọc/tổng, các dòng lỗi)',
        params: idParam,
        response: { 200: schemas.jobBody, ...commonErrors },
      },
    },
    async (request) => getImportJob(deps, requireActor(request), request.params.id, request.locale),
  );

  app.post(
    '/api/v1/dossiers/jobs/:id/retry',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Chạy lại một lượt nhập bị gián đoạn (máy chủ dừng giữa chừng) từ tệp đã giữ, cùng cách ghép cột. Trả 202 với mã lượt nhập mới',
        params: idParam,
        response: { 202: z.object({ jobId: z.number() }), ...commonErrors },
      },
    },
    async (request, reply) => {
      const { jobId } = await retryImportJob(deps, requireActor(request), request.params.id);
      return reply.code(202).send({ jobId });
    },
  );

  app.get(
    '/api/v1/dossiers/sources',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Các nguồn nhập hồ sơ và cách ghép cột đã lưu',
        response: { 200: contract.importSourceList, ...commonErrors },
      },
    },
    async (request) => ({ items: await service.listImportSources(deps, requireActor(request)) }),
  );

  app.get(
    '/api/v1/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Danh sách hồ sơ trong phạm vi của người dùng',
        querystring: schemas.dossierListQuery,
        response: { 200: schemas.dossierList, ...commonErrors },
      },
    },
    async (request) => service.listDossiers(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/dossiers/by-code/:code',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Một hồ sơ: dữ liệu, điểm từng chỉ số, phiếu đánh giá',
        params: schemas.codeParam,
        response: { 200: schemas.dossierBody, ...commonErrors },
      },
    },
    async (request) => service.getDossier(deps, requireActor(request), request.params.code),
  );

  app.post(
    '/api/v1/dossiers/by-code/:code/rating',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Nhập phiếu đánh giá giấy của người dân (mỗi hồ sơ một phiếu); điểm 9 chỉ số',
        params: schemas.codeParam,
        body: contract.counterRatingBody,
        response: { 201: schemas.dossierBody, ...commonErrors },
      },
    },
    async (request, reply) => {
      const view = await service.enterCounterRating(
        deps,
        requireActor(request),
        request.params.code,
        request.body,
      );
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/v1/dossiers/by-code/:code/rating-receipt',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Mã đánh giá của người dân, đường dẫn dùng một lần và mã QR để in trên giấy biên nhận',
        params: schemas.codeParam,
        response: { 200: schemas.ratingReceiptBody, ...commonErrors },
      },
    },
    async (request) => service.ratingReceipt(deps, requireActor(request), request.params.code),
  );

  app.post(
    '/api/v1/public/dossier-ratings',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Người dân đánh giá trực tuyến theo mã hồ sơ và mã đánh giá in trên giấy biên nhận (không cần đăng nhập; giới hạn số lần)',
        body: contract.onlineRatingBody,
        response: { 201: z.object({ code: z.string() }), 429: errorBody, ...commonErrors },
      },
    },
    async (request, reply) => {
      const result = await service.submitOnlineRating(deps, request.ip, request.body);
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/v1/dossiers/rates/:key/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Các hồ sơ đứng sau một tỷ lệ (tử số hoặc mẫu số) của một đơn vị (trong kết quả của khu vực within) hoặc một công chức trong quý: đúng các hồ sơ được đếm',
        params: schemas.rateParams,
        querystring: schemas.rateDossiersQuery,
        response: { 200: schemas.dossierList, ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      return service.listRateDossiers(deps, requireActor(request), {
        unitId: q.unitId,
        within: q.within,
        scope: q.scope,
        period: q.period,
        officialCode: q.officialCode,
        rate: { key: request.params.key, part: q.part },
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  app.get(
    '/api/v1/dossiers/rates/postal-procedures/procedures',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Các TTHC đứng sau tỷ lệ TTHC bưu chính công ích có phát sinh hồ sơ (mẫu số: danh mục; tử số: có hồ sơ qua bưu chính)',
        querystring: schemas.rateDossiersQuery,
        response: { 200: schemas.procedureList, ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      return service.listRateProcedures(deps, requireActor(request), {
        unitId: q.unitId,
        within: q.within,
        scope: q.scope,
        period: q.period,
        officialCode: q.officialCode,
        part: q.part,
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  app.get(
    '/api/v1/dossiers/quarter-view',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Kết quả quý của một huyện/tỉnh (không chọn đơn vị: toàn quốc): đơn vị theo mức xếp loại, bảng công chức, tỷ lệ, hồ sơ trễ hạn theo trang',
        querystring: schemas.quarterViewQuery,
        response: { 200: contract.quarterView, ...commonErrors },
      },
    },
    async (request) =>
      service.getQuarterView(readDeps(deps, request), requireActor(request), request.query),
  );

  app.get(
    '/api/v1/dossiers/quarter-view.xlsx',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Xuất kết quả quý ra Excel',
        querystring: schemas.quarterQuery,
        response: {
          200: fileAnswer(
            'Tệp Excel',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ),
        },
      },
    },
    async (request, reply) => {
      const { filename, buffer } = await service.exportQuarterViewXlsx(
        readDeps(deps, request),
        requireActor(request),
        request.query,
      );
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', filename))
        .send(buffer);
    },
  );

  app.get(
    '/api/v1/dossiers/unit-result',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Kết quả quý của một đơn vị và từng công chức tiếp nhận',
        querystring: schemas.quarterQuery,
        response: { 200: contract.unitResult, ...commonErrors },
      },
    },
    async (request) => service.getUnitResult(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/dossiers/dashboard-766',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Bảng theo dõi theo Quyết định 766/QĐ-TTg trên dữ liệu hồ sơ đã nhập',
        querystring: schemas.quarterQuery.omit({ bands: true }),
        response: { 200: contract.dashboard766, ...commonErrors },
      },
    },
    async (request) => service.getDashboard766(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/dossiers/columns',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Các cột hồ sơ mà một tệp nhập có thể ghép (tên tiếng Việt, cột bắt buộc)',
        response: {
          200: z.object({
            items: z.array(
              z.object({ column: z.string(), label: z.string(), required: z.boolean() }),
            ),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      requireActor(request);
      return {
        items: ALL_COLUMNS.map((column) => ({
          column,
          label: DOSSIER_COLUMN_LABELS[column],
          required: REQUIRED_COLUMNS.includes(column),
        })),
      };
    },
  );

  app.get(
    '/api/v1/dossiers/rates-history',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Tỷ lệ của một huyện/tỉnh qua các quý (đến quý đã chọn), cho biểu đồ',
        querystring: schemas.historyQuery,
        response: { 200: contract.ratesHistory, ...commonErrors },
      },
    },
    async (request) => service.getRatesHistory(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/dossiers/bands',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Bộ mức xếp loại áp dụng cho một đơn vị (chọn theo tỉnh/huyện) và các bộ có sẵn',
        querystring: schemas.bandsQuery,
        response: { 200: contract.bandSettings, ...commonErrors },
      },
    },
    async (request) => service.getBandSettings(deps, requireActor(request), request.query.unitId),
  );

  app.put(
    '/api/v1/dossiers/bands',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Chọn bộ mức xếp loại cho một tỉnh/huyện (áp dụng cho các đơn vị trực thuộc)',
        body: contract.bandsBody,
        response: { 200: contract.bandSettings, ...commonErrors },
      },
    },
    async (request) =>
      service.chooseBands(deps, requireActor(request), request.body.unitId, request.body.presetId),
  );

  app.get(
    '/api/v1/dossiers/method',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Cách hiểu Thông tư 01 áp dụng cho một đơn vị (mẫu số của chỉ số, xếp loại khi chấm dưới 9 chỉ số, ngày hẹn trả không ghi giờ)',
        querystring: schemas.bandsQuery,
        response: { 200: contract.methodSettings, ...commonErrors },
      },
    },
    async (request) => service.getMethodSettings(deps, requireActor(request), request.query.unitId),
  );

  app.put(
    '/api/v1/dossiers/method',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Thiết lập cách hiểu Thông tư 01 cho một tỉnh/huyện (có ghi nhật ký)',
        body: contract.methodBody,
        response: { 200: contract.methodSettings, ...commonErrors },
      },
    },
    async (request) => {
      const { unitId, ...method } = request.body;
      return service.saveMethodSettings(deps, requireActor(request), unitId, method);
    },
  );

  app.get(
    '/api/v1/dossiers/postal-catalogue',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Danh mục TTHC thực hiện qua dịch vụ bưu chính công ích áp dụng cho một đơn vị (của đơn vị hoặc của cấp trên gần nhất)',
        querystring: schemas.postalCatalogueQuery,
        response: { 200: schemas.postalCatalogueView, ...commonErrors },
      },
    },
    async (request) => postal.getPostalCatalogue(deps, requireActor(request), request.query.unitId),
  );

  app.put(
    '/api/v1/dossiers/postal-catalogue',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Thay danh mục TTHC bưu chính công ích của một đơn vị bằng danh sách dán vào (mỗi dòng một mã TTHC, tên tùy chọn); lỗi ở dòng nào thì không lưu gì',
        body: contract.postalCatalogueBody,
        response: { 200: schemas.postalCatalogueView, ...commonErrors },
      },
    },
    async (request) =>
      postal.replacePostalCatalogueFromText(
        deps,
        requireActor(request),
        request.body.unitId,
        request.body.text,
      ),
  );

  app.post(
    '/api/v1/dossiers/postal-catalogue/file',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Thay danh mục TTHC bưu chính công ích từ tệp CSV/XLSX (multipart: unitId, file; cột 1 mã TTHC, cột 2 tên)',
        consumes: ['multipart/form-data'],
        response: {
          200: schemas.postalCatalogueView,
          413: errorBody,
          415: errorBody,
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const upload = await receiveUpload(request, deps).catch((error: unknown) => {
        // No file at all: say so about the catalogue, not about dossiers.
        if (error instanceof AppError && error.code === 'dossier_import_empty') {
          throw new AppError('invalid', 'dossier_postal_catalogue_empty');
        }
        throw error;
      });
      try {
        const unitId = formFieldId(upload.fields.unitId, 'unitId');
        if (unitId === null) {
          throw new AppError('invalid', 'validation_failed', {}, [
            { field: 'unitId', key: 'field_required', params: { field: 'unitId' } },
          ]);
        }
        return await postal.replacePostalCatalogueFromFile(deps, actor, unitId, upload.filePath);
      } finally {
        await unlink(upload.filePath).catch(() => undefined);
      }
    },
  );

  app.delete(
    '/api/v1/dossiers/postal-catalogue',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Bỏ danh mục riêng của một đơn vị (các đơn vị trực thuộc dùng danh mục của cấp trên, nếu có)',
        querystring: schemas.postalCatalogueQuery,
        response: { 200: schemas.postalCatalogueView, ...commonErrors },
      },
    },
    async (request) =>
      postal.deletePostalCatalogue(deps, requireActor(request), request.query.unitId),
  );

  app.get(
    '/api/v1/dossiers/officials',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Cán bộ Bộ phận Một cửa của một đơn vị theo mã trên hệ thống một cửa, với họ tên đơn vị ghi; các mã trong hồ sơ chưa có tên',
        querystring: schemas.officialsQuery,
        response: { 200: contract.dossierOfficials, ...commonErrors },
      },
    },
    async (request) => officials.getOfficials(deps, requireActor(request), request.query.unitId),
  );

  app.post(
    '/api/v1/dossiers/officials',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Ghi họ tên một cán bộ theo mã (mã đã có tên: 409)',
        body: contract.officialBody,
        response: { 200: contract.dossierOfficials, ...commonErrors },
      },
    },
    async (request) => officials.addOfficial(deps, requireActor(request), request.body),
  );

  app.put(
    '/api/v1/dossiers/officials',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Sửa họ tên của một cán bộ đã ghi (mã chưa ghi: 404)',
        body: contract.officialBody,
        response: { 200: contract.dossierOfficials, ...commonErrors },
      },
    },
    async (request) => officials.renameOfficial(deps, requireActor(request), request.body),
  );

  app.delete(
    '/api/v1/dossiers/officials',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Bỏ họ tên của một cán bộ (báo cáo lại in mã)',
        querystring: schemas.officialDeleteQuery,
        response: { 200: contract.dossierOfficials, ...commonErrors },
      },
    },
    async (request) => officials.removeOfficial(deps, requireActor(request), request.query),
  );

  app.post(
    '/api/v1/dossiers/officials/file',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Ghi họ tên cán bộ từ tệp CSV/XLSX (multipart: unitId, file; cột 1 mã cán bộ, cột 2 họ và tên); lỗi ở dòng nào thì không lưu gì',
        consumes: ['multipart/form-data'],
        response: {
          200: contract.dossierOfficials.extend({ imported: z.number() }),
          413: errorBody,
          415: errorBody,
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const upload = await receiveUpload(request, deps).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'dossier_import_empty') {
          throw new AppError('invalid', 'dossier_officials_empty');
        }
        throw error;
      });
      try {
        const unitId = formFieldId(upload.fields.unitId, 'unitId');
        if (unitId === null) {
          throw new AppError('invalid', 'validation_failed', {}, [
            { field: 'unitId', key: 'field_required', params: { field: 'unitId' } },
          ]);
        }
        return await officials.importOfficials(deps, actor, unitId, upload.filePath);
      } finally {
        await unlink(upload.filePath).catch(() => undefined);
      }
    },
  );
}

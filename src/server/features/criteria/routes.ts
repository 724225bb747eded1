/** HTTP routes of criteria sets: list, read, create, edit, freeze, copy, mapping, Excel. */
import { z } from 'zod';
import { RULE_SYNTAX_HELP } from '../../../domain/scoring/rule-text.ts';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, fileAnswer, errorBody, idParam } from '../../http/schemas.ts';
import { formFieldId } from '../../http/validation.ts';
import * as contract from '../../../shared/contract/criteria.ts';
import * as schemas from './schemas.ts';
import * as service from './service.ts';
import { exportCriteriaXlsx, importCriteriaXlsx } from './xlsx.ts';
import { importCriteriaSetFromXlsx } from './import.ts';
import { contentDisposition } from '../../http/download.ts';
import { readUpload } from '../../http/upload.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerCriteriaRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/criteria-sets',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Danh sách bộ chỉ số',
        querystring: schemas.listQuery,
        response: { 200: contract.criteriaSetList, ...commonErrors },
      },
    },
    async (request) => {
      return service.listCriteriaSets(deps, requireActor(request), request.query);
    },
  );

  app.get(
    '/api/v1/criteria-sets/bundled',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Bộ chỉ số mẫu có sẵn và hướng dẫn cú pháp quy tắc chấm',
        response: {
          200: contract.bundledSetList,
          401: errorBody,
        },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: service.listBundledSets(), ruleSyntaxHelp: RULE_SYNTAX_HELP };
    },
  );

  app.get(
    '/api/v1/criteria-sets/:id',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Một bộ chỉ số: cây tiêu chí, tổng điểm, các lỗi cần sửa',
        params: idParam,
        response: { 200: contract.criteriaSetDetail, ...commonErrors },
      },
    },
    async (request) => service.getCriteriaSet(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/criteria-sets',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Tạo bộ chỉ số (trống hoặc từ bộ mẫu)',
        body: contract.createSetBody,
        response: { 201: contract.criteriaSetDetail, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await service.createCriteriaSet(deps, actor, request.body);
      return reply.code(201).send(await service.getCriteriaSet(deps, actor, id));
    },
  );

  app.put(
    '/api/v1/criteria-sets/:id',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Sửa thông tin bộ chỉ số (tên, năm, điểm điều tra XHH, xếp loại)',
        params: idParam,
        body: contract.updateSetBody,
        response: { 200: contract.criteriaSetDetail, ...commonErrors },
      },
    },
    async (request) =>
      service.updateCriteriaSetMeta(deps, requireActor(request), request.params.id, request.body),
  );

  app.put(
    '/api/v1/criteria-sets/:id/tree',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Lưu toàn bộ cây tiêu chí (kiểm tra phiên bản)',
        params: idParam,
        body: contract.saveTreeBody,
        response: { 200: contract.criteriaSetDetail, 413: errorBody, ...commonErrors },
      },
    },
    async (request) =>
      service.saveCriteriaTree(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/criteria-sets/:id/freeze',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Khóa bộ chỉ số (không còn lỗi)',
        params: idParam,
        response: { 200: contract.criteriaSetDetail, ...commonErrors },
      },
    },
    async (request) => service.freezeCriteriaSet(deps, requireActor(request), request.params.id),
  );

  app.delete(
    '/api/v1/criteria-sets/:id',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Xóa bộ chỉ số nháp',
        params: idParam,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await service.deleteCriteriaSet(deps, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/criteria-sets/:id/copy',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Tạo bộ chỉ số năm mới từ bộ này',
        params: idParam,
        body: contract.copyBody,
        response: { 201: contract.criteriaSetDetail, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await service.copyCriteriaSet(deps, actor, request.params.id, request.body);
      return reply.code(201).send(await service.getCriteriaSet(deps, actor, id));
    },
  );

  app.get(
    '/api/v1/criteria-sets/:id/mapping',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Đối chiếu tiêu chí với bộ năm trước (đã lưu, hoặc đề xuất để xem trước)',
        params: idParam,
        response: { 200: contract.mapping, ...commonErrors },
      },
    },
    async (request) => service.getCriteriaMapping(deps, requireActor(request), request.params.id),
  );

  app.put(
    '/api/v1/criteria-sets/:id/mapping',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Lưu đối chiếu tiêu chí với bộ năm trước',
        params: idParam,
        body: contract.mappingBody,
        response: { 200: contract.mapping, ...commonErrors },
      },
    },
    async (request) =>
      service.saveCriteriaMapping(
        deps,
        requireActor(request),
        request.params.id,
        request.body.entries,
      ),
  );

  app.get(
    '/api/v1/criteria-sets/:id/export.xlsx',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Tải bộ chỉ số dạng Excel',
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
      const detail = await service.getCriteriaSet(deps, requireActor(request), request.params.id);
      const buffer = await exportCriteriaXlsx(detail.set, detail.nodes);
      const filename = `bo-chi-so-${detail.set.year}-${detail.set.id}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', filename))
        .send(buffer);
    },
  );

  app.post(
    '/api/v1/criteria-sets/import',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Nhập bộ chỉ số từ Excel (multipart: file; trường tùy chọn ownerUnitId)',
        consumes: ['multipart/form-data'],
        response: {
          201: contract.criteriaSetDetail,
          413: errorBody,
          415: errorBody,
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const upload = await readUpload(request, 'xlsx_not_xlsx');
      const parsed = await importCriteriaXlsx(upload.content);
      const id = await importCriteriaSetFromXlsx(deps, actor, parsed, {
        filename: upload.fileName,
        ownerUnitId: formFieldId(upload.fields.ownerUnitId, 'ownerUnitId'),
      });
      return reply.code(201).send(await service.getCriteriaSet(deps, actor, id));
    },
  );
}

/** HTTP routes of the unit tree: browse, search, edit, lineage, import. */
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, errorBody, idParam } from '../../http/schemas.ts';
import { importUnitsCsv } from './import.ts';
import * as contract from '../../../shared/contract/units.ts';
import * as schemas from './schemas.ts';
import * as service from './service.ts';
import { readUpload } from '../../http/upload.ts';

export function registerUnitRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/units',
    {
      schema: {
        tags: ['units'],
        summary:
          'Tìm kiếm, duyệt cây đơn vị (không phân biệt dấu, hoa thường); gồm cả đơn vị đã hết hiệu lực (validTo)',
        querystring: schemas.unitListQuery,
        response: { 200: contract.unitList, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      const q = request.query;
      return service.searchUnits(deps, {
        q: q.q,
        parentId: q.parentId === 'root' ? null : q.parentId,
        kind: q.kind,
        current: q.current === 'true',
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  app.get(
    '/api/v1/unit-kinds',
    {
      schema: {
        tags: ['units'],
        summary: 'Các loại đơn vị',
        response: { 200: contract.unitKindsBody, 401: errorBody },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: await service.listUnitKinds(deps) };
    },
  );

  app.get(
    '/api/v1/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'Một đơn vị, các cấp trên và quyền của người dùng trên nó',
        params: idParam,
        response: { 200: contract.unitDetail, ...commonErrors },
      },
    },
    async (request) => service.getUnit(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/units/:id/lineage',
    {
      schema: {
        tags: ['units'],
        summary: 'Các đơn vị tiền thân và kế thừa (sáp nhập)',
        params: idParam,
        response: { 200: contract.lineageBody, ...commonErrors },
      },
    },
    async (request) => {
      requireActor(request);
      return service.getLineage(deps, request.params.id);
    },
  );

  app.post(
    '/api/v1/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Thêm đơn vị',
        body: contract.createUnitBody,
        response: { 201: contract.unitBody, ...commonErrors },
      },
    },
    async (request, reply) => {
      const unit = await service.createUnit(deps, requireActor(request), request.body);
      return reply.code(201).send(unit);
    },
  );

  app.put(
    '/api/v1/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'Sửa hoặc chuyển đơn vị',
        params: idParam,
        body: contract.updateUnitBody,
        response: { 200: contract.unitBody, ...commonErrors },
      },
    },
    async (request) =>
      service.updateUnit(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/unit-lineage',
    {
      schema: {
        tags: ['units'],
        summary: 'Ghi nhận sáp nhập: đơn vị tiền thân vào đơn vị kế thừa',
        body: contract.addLineageBody,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await service.addLineage(deps, requireActor(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/unit-lineage/:predecessorId/:successorId',
    {
      schema: {
        tags: ['units'],
        summary: 'Sửa quan hệ sáp nhập (toàn bộ hoặc một phần, ngày hiệu lực), có lý do',
        params: schemas.lineageParams,
        body: contract.updateLineageBody,
        response: { 200: contract.lineageLink, ...commonErrors },
      },
    },
    async (request) =>
      service.updateLineage(
        deps,
        requireActor(request),
        request.params.predecessorId,
        request.params.successorId,
        request.body,
      ),
  );

  app.delete(
    '/api/v1/unit-lineage/:predecessorId/:successorId',
    {
      schema: {
        tags: ['units'],
        summary: 'Xóa quan hệ sáp nhập ghi nhầm, có lý do',
        params: schemas.lineageParams,
        body: contract.removeLineageBody,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await service.removeLineage(
        deps,
        requireActor(request),
        request.params.predecessorId,
        request.params.successorId,
        request.body.reason,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/units/import',
    {
      schema: {
        tags: ['units'],
        summary: 'Nhập đơn vị từ tệp CSV (multipart, trường "file"); tất cả hoặc không dòng nào',
        consumes: ['multipart/form-data'],
        response: { 200: contract.importResult, 413: errorBody, 415: errorBody, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { content } = await readUpload(request);
      return importUnitsCsv(deps, actor, content);
    },
  );
}

/**
 * HTTP routes of remediation plans (from a unit's results: items, tasks, follow-up, what-if,
 * Excel) and People's Council supervisions (findings, recommendations, Excel).
 */
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, fileAnswer, idParam } from '../../http/schemas.ts';
import * as contract from '../../../shared/contract/remediation.ts';
import * as schemas from './schemas.ts';
import * as service from './service.ts';
import { planXlsx, supervisionXlsx } from './xlsx.ts';
import { contentDisposition } from '../../http/download.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['remediation'];
const ok = <T extends z.ZodType>(summary: string, schema: T) => ({
  tags,
  summary,
  response: { 200: schema, ...commonErrors },
});
const created = <T extends z.ZodType>(summary: string, schema: T) => ({
  tags,
  summary,
  response: { 201: schema, ...commonErrors },
});
const noContent = (summary: string) => ({
  tags,
  summary,
  response: { 204: z.null(), ...commonErrors },
});

export function registerRemediationRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/units/:id/result-sources',
    {
      schema: {
        ...ok('Các đợt đánh giá có kết quả của đơn vị (kể cả đơn vị cũ)', contract.resultSources),
        params: idParam,
      },
    },
    async (request) => service.resultSources(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/remediation-plans',
    {
      schema: {
        ...ok('Danh sách kế hoạch khắc phục', contract.planList),
        querystring: schemas.listQuery,
      },
    },
    async (request) => service.listPlans(deps, requireActor(request), request.query.unitId),
  );

  app.post(
    '/api/v1/units/:id/remediation-plans',
    {
      schema: {
        ...created('Lập kế hoạch khắc phục từ kết quả thẩm định', contract.plan),
        params: idParam,
        body: contract.createPlanBody,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await service.createPlan(deps, actor, request.params.id, request.body);
      return reply.code(201).send(await service.getPlan(deps, actor, id));
    },
  );

  app.get(
    '/api/v1/remediation-plans/:id',
    {
      schema: { ...ok('Kế hoạch khắc phục và theo dõi thực hiện', contract.plan), params: idParam },
    },
    async (request) => service.getPlan(deps, requireActor(request), request.params.id),
  );

  app.put(
    '/api/v1/remediation-plans/:id',
    {
      schema: {
        ...ok('Sửa kế hoạch khắc phục', contract.plan),
        params: idParam,
        body: contract.updatePlanBody,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await service.updatePlan(deps, actor, request.params.id, request.body);
      return service.getPlan(deps, actor, request.params.id);
    },
  );

  app.delete(
    '/api/v1/remediation-plans/:id',
    {
      schema: {
        ...noContent('Xóa kế hoạch khắc phục (tài liệu kiểm chứng vẫn giữ trong thư viện)'),
        params: idParam,
      },
    },
    async (request, reply) => {
      await service.deletePlan(deps, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/remediation-plans/:id/what-if',
    {
      schema: {
        ...ok('Dự kiến chỉ số, xếp loại, xếp hạng nếu khắc phục các mục đã chọn', contract.whatIf),
        params: idParam,
        body: contract.whatIfBody,
      },
    },
    async (request) =>
      service.whatIf(deps, requireActor(request), request.params.id, request.body.codes),
  );

  app.get(
    '/api/v1/remediation-plans/:id/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải kế hoạch khắc phục dạng Excel',
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
      const plan = await service.getPlan(deps, requireActor(request), request.params.id);
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition('attachment', `ke-hoach-khac-phuc-${plan.year}-${plan.id}.xlsx`),
        )
        .send(await planXlsx(plan));
    },
  );

  app.post(
    '/api/v1/remediation-plans/:id/tasks',
    {
      schema: {
        ...created('Thêm nhiệm vụ', contract.taskCreated),
        params: idParam,
        body: contract.createTaskBody,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await service.createTask(deps, actor, request.params.id, request.body);
      const plan = await service.getPlan(deps, actor, request.params.id);
      return reply.code(201).send({ id, plan });
    },
  );

  app.put(
    '/api/v1/remediation-tasks/:id',
    { schema: { ...noContent('Sửa nhiệm vụ'), params: idParam, body: contract.updateTaskBody } },
    async (request, reply) => {
      await service.updateTask(deps, requireActor(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/remediation-tasks/:id',
    { schema: { ...noContent('Xóa nhiệm vụ'), params: idParam } },
    async (request, reply) => {
      await service.deleteTask(deps, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/remediation-tasks/:id/progress',
    {
      schema: {
        ...noContent(
          'Cập nhật tiến độ nhiệm vụ của mình (tình trạng, ghi chú, tài liệu kiểm chứng)',
        ),
        params: idParam,
        body: contract.progressBody,
      },
    },
    async (request, reply) => {
      await service.reportProgress(deps, requireActor(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/remediation-tasks/overdue',
    { schema: ok('Nhiệm vụ quá hạn chưa hoàn thành', contract.overdueTasks) },
    async (request) => service.overdueTasks(deps, requireActor(request)),
  );

  // ---- supervisions

  app.get(
    '/api/v1/supervisions',
    {
      schema: {
        ...ok('Danh sách cuộc giám sát của HĐND', contract.supervisionList),
        querystring: schemas.listQuery,
      },
    },
    async (request) => service.listSupervisions(deps, requireActor(request), request.query.unitId),
  );

  app.post(
    '/api/v1/supervisions',
    {
      schema: {
        ...created('Ghi nhận cuộc giám sát', contract.supervision),
        body: contract.createSupervisionBody,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await service.createSupervision(deps, actor, request.body);
      return reply.code(201).send(await service.getSupervision(deps, actor, id));
    },
  );

  app.get(
    '/api/v1/supervisions/:id',
    {
      schema: {
        ...ok('Cuộc giám sát: kết luận, kết quả và kế hoạch của đơn vị', contract.supervision),
        params: idParam,
      },
    },
    async (request) => service.getSupervision(deps, requireActor(request), request.params.id),
  );

  app.put(
    '/api/v1/supervisions/:id',
    {
      schema: {
        ...ok('Sửa cuộc giám sát', contract.supervision),
        params: idParam,
        body: contract.updateSupervisionBody,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await service.updateSupervision(deps, actor, request.params.id, request.body);
      return service.getSupervision(deps, actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/supervisions/:id/findings',
    {
      schema: {
        ...created('Thêm nội dung kết luận', contract.created),
        params: idParam,
        body: contract.findingBody,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await service.addFinding(deps, actor, request.params.id, request.body);
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/api/v1/supervision-findings/:id',
    {
      schema: {
        ...noContent('Sửa nội dung kết luận'),
        params: idParam,
        body: contract.findingBody,
      },
    },
    async (request, reply) => {
      await service.updateFinding(deps, requireActor(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/supervision-findings/:id',
    { schema: { ...noContent('Xóa nội dung kết luận'), params: idParam } },
    async (request, reply) => {
      await service.deleteFinding(deps, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/supervisions/:id/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải kết luận giám sát dạng Excel',
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
      const s = await service.getSupervision(deps, requireActor(request), request.params.id);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', `giam-sat-${s.id}.xlsx`))
        .send(await supervisionXlsx(s));
    },
  );
}

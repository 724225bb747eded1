/**
 * HTTP routes of campaigns: set-up, a unit's sheet and its entries at each step, workflow actions,
 * the appraiser's queue, the chair's progress, results (ranking, scorecard, CSV and Excel) and the
 * public, unauthenticated page of published results.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, fileAnswer, errorBody, idParam } from '../../http/schemas.ts';
import * as assessment from './assessment.service.ts';
import * as bulk from './bulk.service.ts';
import * as coverage from './coverage.service.ts';
import * as results from './results.service.ts';
import * as schemas from './schemas.ts';
import * as service from './service.ts';
import * as contract from '../../../shared/contract/campaigns.ts';
import { contentDisposition } from '../../http/download.ts';
import { readDeps } from '../../http/read-routing.ts';

/** A route's summary and its typed answer. */
const answers = <T extends z.ZodType>(summary: string, schema: T) => ({
  tags: ['campaigns'],
  summary,
  response: { 200: schema, ...commonErrors },
});
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const UNIT_ACTIONS: Record<string, { action: assessment.UnitAction; summary: string }> = {
  submit: { action: 'submit', summary: 'Nộp bản tự chấm' },
  withdraw: { action: 'withdraw', summary: 'Rút lại bản tự chấm để sửa (trước hạn)' },
  reopen: { action: 'reopen', summary: 'Cơ quan thường trực mở lại tự chấm cho đơn vị (có lý do)' },
  'close-round1': {
    action: 'closeRound1',
    summary: 'Chủ tịch Hội đồng chốt thẩm định vòng 1 của đơn vị',
  },
  'lock-explanations': { action: 'lockExplanations', summary: 'Chốt giải trình' },
  approve: { action: 'approve', summary: 'Hội đồng phê duyệt kết quả của đơn vị' },
  'reopen-result': { action: 'reopenResult', summary: 'Mở lại kết quả đã phê duyệt (có lý do)' },
  publish: { action: 'publish', summary: 'Công bố kết quả của đơn vị' },
};

export function registerCampaignRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/campaigns',
    { schema: answers('Danh sách đợt đánh giá', contract.campaignList) },
    async (request) => {
      requireActor(request);
      return service.listCampaigns(deps);
    },
  );

  app.post(
    '/api/v1/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Tạo đợt đánh giá (bộ chỉ số được khóa khi dùng)',
        body: contract.campaignCreateBody,
        response: { 201: contract.campaignDetail, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await service.createCampaign(deps, actor, request.body);
      return reply
        .code(201)
        .send(await service.getCampaign(deps, actor, id, deps.db, request.locale));
    },
  );

  app.get(
    '/api/v1/campaigns/:id',
    {
      schema: {
        ...answers(
          'Một đợt đánh giá: thiết lập, đơn vị tham gia, phân công',
          contract.campaignDetail,
        ),
        params: idParam,
      },
    },
    async (request) =>
      service.getCampaign(deps, requireActor(request), request.params.id, deps.db, request.locale),
  );

  app.put(
    '/api/v1/campaigns/:id',
    {
      schema: {
        ...answers('Sửa đợt đánh giá (kiểm tra phiên bản)', contract.campaignDetail),
        params: idParam,
        body: contract.campaignUpdateBody,
      },
    },
    async (request) =>
      service.updateCampaign(
        deps,
        requireActor(request),
        request.params.id,
        request.body,
        request.locale,
      ),
  );

  app.post(
    '/api/v1/campaigns/:id/participants',
    {
      schema: {
        ...answers('Thêm đơn vị tham gia (theo id hoặc mã)', contract.participantsAdded),
        params: idParam,
        body: contract.participantsBody,
      },
    },
    async (request) =>
      service.addParticipants(deps, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/campaigns/:id/participants/:unitId',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Bỏ đơn vị chưa nhập điểm khỏi đợt đánh giá',
        params: schemas.campaignUnitParams,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await service.removeParticipant(
        deps,
        requireActor(request),
        request.params.id,
        request.params.unitId,
      );
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/campaigns/:id/assignments',
    {
      schema: {
        ...answers('Phân công thẩm định (thay toàn bộ)', contract.campaignDetail),
        params: idParam,
        body: contract.assignmentsBody,
      },
    },
    async (request) =>
      service.assignAppraisers(
        deps,
        requireActor(request),
        request.params.id,
        request.body.assignments,
        request.locale,
      ),
  );

  app.get(
    '/api/v1/campaigns/:id/appraisers',
    {
      schema: {
        ...answers(
          'Tài khoản thẩm định có thể phân công trong đợt đánh giá',
          contract.appraiserAccounts,
        ),
        params: idParam,
      },
    },
    async (request) =>
      service.listAppraiserAccounts(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/campaigns/:id/coverage',
    {
      schema: {
        ...answers(
          'Tiêu chí thành phần chưa có người thẩm định và điểm tự chấm đã được chấp nhận',
          contract.coverage,
        ),
        params: idParam,
      },
    },
    async (request) => coverage.getCoverage(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/campaigns/:id/self-score-acceptances',
    {
      schema: {
        ...answers(
          'Chủ tịch Hội đồng chấp nhận điểm tự chấm của tiêu chí chưa có người thẩm định (có lý do)',
          contract.coverage,
        ),
        params: idParam,
        body: contract.acceptSelfScoresBody,
      },
    },
    async (request) =>
      coverage.acceptSelfScores(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/campaigns/:id/open',
    {
      schema: {
        ...answers('Mở đợt đánh giá sau khi kiểm tra thiết lập', contract.campaignDetail),
        params: idParam,
      },
    },
    async (request) =>
      service.openCampaign(deps, requireActor(request), request.params.id, request.locale),
  );

  app.post(
    '/api/v1/campaigns/:id/close',
    { schema: { ...answers('Kết thúc đợt đánh giá', contract.campaignDetail), params: idParam } },
    async (request) =>
      service.closeCampaign(deps, requireActor(request), request.params.id, request.locale),
  );

  // A unit's sheet and its entries at each step.
  app.get(
    '/api/v1/campaigns/:id/units/:unitId/sheet',
    {
      schema: {
        ...answers('Phiếu tự đánh giá của đơn vị: cây tiêu chí, điểm, tiến độ', contract.sheet),
        params: schemas.campaignUnitParams,
      },
    },
    async (request) =>
      assessment.getSheet(
        deps,
        requireActor(request),
        request.params.id,
        request.params.unitId,
        request.locale,
      ),
  );

  app.put(
    '/api/v1/campaigns/:id/units/:unitId/entries/:code/self',
    {
      schema: {
        ...answers(
          'Lưu tự chấm một tiêu chí (tự động lưu, kiểm tra phiên bản)',
          contract.selfSaved,
        ),
        params: schemas.entryParams,
        body: contract.selfEntryBody,
      },
    },
    async (request) =>
      assessment.saveSelfEntry(
        deps,
        requireActor(request),
        request.params.id,
        request.params.unitId,
        request.params.code,
        request.body,
      ),
  );

  app.put(
    '/api/v1/campaigns/:id/units/:unitId/entries/:code/round1',
    {
      schema: {
        ...answers('Chấm thẩm định vòng 1 một tiêu chí', contract.entrySaved),
        params: schemas.entryParams,
        body: contract.round1Body,
      },
    },
    async (request) =>
      assessment.saveRound1Entry(
        deps,
        requireActor(request),
        request.params.id,
        request.params.unitId,
        request.params.code,
        request.body,
      ),
  );

  app.put(
    '/api/v1/campaigns/:id/units/:unitId/entries/:code/explanation',
    {
      schema: {
        ...answers('Giải trình một kết luận thẩm định vòng 1', contract.entrySaved),
        params: schemas.entryParams,
        body: contract.explanationBody,
      },
    },
    async (request) =>
      assessment.saveExplanation(
        deps,
        requireActor(request),
        request.params.id,
        request.params.unitId,
        request.params.code,
        request.body,
      ),
  );

  app.put(
    '/api/v1/campaigns/:id/units/:unitId/entries/:code/round2',
    {
      schema: {
        ...answers('Kết luận thẩm định vòng 2 một tiêu chí', contract.entrySaved),
        params: schemas.entryParams,
        body: contract.round2Body,
      },
    },
    async (request) =>
      assessment.saveRound2Decision(
        deps,
        requireActor(request),
        request.params.id,
        request.params.unitId,
        request.params.code,
        request.body,
      ),
  );

  for (const [path, { action, summary }] of Object.entries(UNIT_ACTIONS)) {
    app.post(
      `/api/v1/campaigns/:id/units/:unitId/${path}`,
      {
        schema: {
          ...answers(summary, contract.unitActionOutcome),
          params: schemas.campaignUnitParams,
          body: contract.actionBody,
        },
      },
      async (request) =>
        assessment.actOnUnit(
          deps,
          requireActor(request),
          request.params.id,
          request.params.unitId,
          action,
          request.body ?? {},
        ),
    );
  }

  app.post(
    '/api/v1/campaigns/:id/participants/bulk',
    {
      schema: {
        ...answers(
          'Duyệt, công bố, mở lại tự chấm hoặc nhắc việc nhiều đơn vị một lần; trả lời việc đã làm và việc bị từ chối (lý do theo từng đơn vị)',
          contract.bulkOutcome,
        ),
        params: idParam,
        body: contract.bulkBody,
      },
    },
    async (request) =>
      bulk.actOnUnits(deps, requireActor(request), request.params.id, request.body, request.locale),
  );

  app.post(
    '/api/v1/campaigns/:id/round1/close',
    {
      schema: {
        ...answers('Chốt thẩm định vòng 1 mọi đơn vị đang thẩm định', contract.allUnitsOutcome),
        params: idParam,
      },
    },
    async (request) =>
      assessment.actOnAll(
        deps,
        requireActor(request),
        request.params.id,
        'closeRound1',
        request.locale,
      ),
  );

  app.post(
    '/api/v1/campaigns/:id/publish',
    {
      schema: {
        ...answers(
          'Công bố kết quả mọi đơn vị đã được phê duyệt (theo một quyết định công bố)',
          contract.allUnitsOutcome,
        ),
        params: idParam,
        body: contract.publishAllBody,
      },
    },
    async (request) =>
      assessment.actOnAll(
        deps,
        requireActor(request),
        request.params.id,
        'publish',
        request.locale,
        request.body ?? {},
      ),
  );

  app.put(
    '/api/v1/campaigns/:id/units/:unitId/survey',
    {
      schema: {
        ...answers('Nhập điểm điều tra xã hội học của đơn vị', contract.surveyPointsSaved),
        params: schemas.campaignUnitParams,
        body: contract.surveyPointsBody,
      },
    },
    async (request) =>
      service.setSurveyPoints(
        deps,
        requireActor(request),
        request.params.id,
        request.params.unitId,
        request.body.pointsHundredths,
      ),
  );

  app.get(
    '/api/v1/campaigns/:id/queue',
    {
      schema: {
        ...answers(
          'Việc thẩm định của tài khoản: các tiêu chí được phân công ở mọi đơn vị, phân trang',
          contract.queuePage,
        ),
        params: idParam,
        querystring: schemas.queueQuery,
      },
    },
    async (request) => {
      const q = request.query;
      return assessment.appraiserQueue(deps, requireActor(request), request.params.id, {
        round: q.round === 2 ? 2 : 1,
        limit: q.limit,
        offset: q.offset,
        unitId: q.unitId,
        onlyOpen: q.onlyOpen === 'true',
      });
    },
  );

  app.get(
    '/api/v1/campaigns/:id/round1/progress',
    {
      schema: {
        ...answers('Tiến độ thẩm định vòng 1 theo người thẩm định', contract.round1Progress),
        params: idParam,
      },
    },
    async (request) => assessment.round1Progress(deps, requireActor(request), request.params.id),
  );

  // Results.
  app.get(
    '/api/v1/campaigns/:id/results',
    {
      schema: {
        ...answers('Xếp hạng theo loại đơn vị, so sánh với năm trước', contract.results),
        params: idParam,
        querystring: schemas.resultsQuery,
      },
    },
    async (request) =>
      results.getResults(
        readDeps(deps, request),
        requireActor(request),
        request.params.id,
        request.query,
      ),
  );

  app.get(
    '/api/v1/campaigns/:id/units/:unitId/scorecard',
    {
      schema: {
        ...answers(
          'Kết quả của đơn vị: tự chấm, vòng 1, vòng 2 và lý do mất điểm',
          contract.scorecard,
        ),
        params: schemas.campaignUnitParams,
      },
    },
    async (request) =>
      results.getScorecard(deps, requireActor(request), request.params.id, request.params.unitId),
  );

  app.get(
    '/api/v1/campaigns/:id/results.csv',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Tải kết quả dạng CSV',
        params: idParam,
        response: { 200: fileAnswer('Tệp CSV', 'text/csv') },
      },
    },
    async (request, reply) => {
      const table = await results.resultsTable(
        readDeps(deps, request),
        requireActor(request),
        request.params.id,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          contentDisposition(
            'attachment',
            `ket-qua-${table.campaign.year}-${table.campaign.id}.csv`,
          ),
        )
        .send(results.resultsCsv(table));
    },
  );

  app.get(
    '/api/v1/campaigns/:id/results.xlsx',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Tải kết quả dạng Excel',
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
      const table = await results.resultsTable(
        readDeps(deps, request),
        requireActor(request),
        request.params.id,
      );
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition(
            'attachment',
            `ket-qua-${table.campaign.year}-${table.campaign.id}.xlsx`,
          ),
        )
        .send(await results.resultsXlsx(table));
    },
  );

  app.get(
    '/api/v1/public/campaigns/:id/results',
    {
      schema: {
        tags: ['public'],
        summary:
          'Kết quả đã công bố (không cần đăng nhập): chỉ số, xếp loại, xếp hạng, điểm từng tiêu chí',
        params: idParam,
        response: { 200: contract.publicResults, 404: errorBody },
      },
    },
    async (request) => results.getPublicResults(readDeps(deps, request), request.params.id),
  );

  // The public results page itself: a light page of its own in the web build (ket-qua/), which
  // reads the endpoint above. Never cached, so a release is seen at once.
  app.get('/public/campaigns/:id', { schema: { hide: true } }, async (_request, reply) => {
    let html: string;
    try {
      html = await readFile(path.join(deps.config.webDist, 'ket-qua', 'index.html'), 'utf8');
    } catch {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
}

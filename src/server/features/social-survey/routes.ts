/**
 * HTTP routes of a campaign's sociological survey: the survey and its questionnaires (JSON and
 * Excel), opening and closing, respondents, personal links, paper entry and file import of answers,
 * progress, results (JSON and Excel); and, without a session, the questionnaire a personal link
 * opens and its answer.
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { contentDisposition, fileNameWords } from '../../http/download.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, fileAnswer, errorBody } from '../../http/schemas.ts';
import { listKinds } from '../units/service.ts';
import { listFieldSurveys, submitFieldResponse } from './field.ts';
import { readAnswersTable } from './import.ts';
import { registerSocialSurveyPage } from './page.ts';
import * as contract from '../../../shared/contract/social-survey.ts';
import * as schemas from './schemas.ts';
import * as service from './service.ts';
import { readUpload } from '../../http/upload.ts';
import {
  exportQuestionnaireXlsx,
  exportResultsXlsx,
  locateDesignField,
  readQuestionnaireXlsx,
} from './xlsx.ts';

const tags = ['social-survey'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerSocialSurveyRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/campaigns/:id/social-survey';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Cuộc điều tra xã hội học của đợt đánh giá: trạng thái, bảng hỏi theo loại đơn vị',
        params: schemas.campaignParam,
        response: { 200: contract.surveyResponse, ...commonErrors },
      },
    },
    async (request) => service.getSurvey(deps, requireActor(request), request.params.id),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Lập cuộc điều tra xã hội học của đợt đánh giá (một cuộc mỗi đợt)',
        params: schemas.campaignParam,
        body: contract.createBody,
        response: { 201: contract.surveyResponse, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.createSurvey(deps, requireActor(request), request.params.id, request.body),
        ),
  );

  app.put(
    `${base}/questionnaires/:unitKind`,
    {
      schema: {
        tags,
        summary:
          'Lưu bảng hỏi của một loại đơn vị: nút điều tra, thang đo, nhóm đối tượng và trọng số, câu hỏi, quy tắc ai đánh giá ai',
        params: schemas.kindParam,
        body: contract.questionnaireBody,
        response: {
          200: contract.questionnaireSaved,
          ...commonErrors,
        },
      },
    },
    async (request) =>
      service.saveQuestionnaire(
        deps,
        requireActor(request),
        request.params.id,
        request.params.unitKind,
        request.body,
      ),
  );

  app.get(
    `${base}/questionnaires/:unitKind/export.xlsx`,
    {
      schema: {
        tags,
        summary: 'Xuất bảng hỏi của một loại đơn vị ra Excel (kèm phiên bản)',
        params: schemas.kindParam,
        response: {
          200: fileAnswer(
            'Tệp Excel',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ),
        },
      },
    },
    async (request, reply) => {
      const survey = await service.getSurvey(deps, requireActor(request), request.params.id);
      const kind = survey.unitKinds.find((k) => k.unitKind === request.params.unitKind);
      if (!kind?.questionnaire)
        throw new AppError('not_found', 'not_found', { what: '@entity_survey_questionnaire' });
      const body = await exportQuestionnaireXlsx(kind.questionnaire.design, {
        unitKind: kind.unitKind,
        criteriaSetName: kind.criteriaSetName,
        version: kind.questionnaire.version,
        locale: request.locale,
      });
      // The unit kind by its name, not its code: "bang-hoi-xa-v1.xlsx".
      const kindName = (await listKinds(deps.db)).find((k) => k.code === kind.unitKind)?.name_vi;
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          contentDisposition(
            'attachment',
            `bang-hoi-${fileNameWords(kindName ?? kind.unitKind)}-v${kind.questionnaire.version}.xlsx`,
          ),
        )
        .send(body);
    },
  );

  app.post(
    `${base}/questionnaires/:unitKind/import`,
    {
      schema: {
        tags,
        summary:
          'Nhập bảng hỏi của một loại đơn vị từ Excel (định dạng của tệp xuất); lỗi theo trang, dòng, cột; không ghi gì khi có lỗi',
        consumes: ['multipart/form-data'],
        params: schemas.kindParam,
        response: {
          200: contract.questionnaireSaved,
          413: errorBody,
          415: errorBody,
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const current = await service.getSurvey(deps, actor, request.params.id);
      const content = (await readUpload(request)).content;
      const { design, version } = await readQuestionnaireXlsx(content);
      const kind = current.unitKinds.find((k) => k.unitKind === request.params.unitKind);
      const saved = kind?.questionnaire?.version ?? null;
      if (saved !== null && version !== null && version !== saved)
        throw new AppError('conflict', 'survey_questionnaire_version', {
          file: version,
          current: saved,
        });
      try {
        return await service.saveQuestionnaire(
          deps,
          actor,
          request.params.id,
          request.params.unitKind,
          { design, version: saved },
        );
      } catch (error) {
        // The design's problems, named by the sheet, row and column of the file.
        if (!(error instanceof AppError) || error.code !== 'survey_design_invalid') throw error;
        throw new AppError(
          'invalid',
          'xlsx_invalid',
          { count: error.details.length },
          error.details.map((d) => ({ ...d, ...(d.field ? locateDesignField(d.field) : {}) })),
        );
      }
    },
  );

  for (const [action, to] of [
    ['open', 'open'],
    ['close', 'closed'],
  ] as const)
    app.post(
      `${base}/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'open'
              ? 'Mở cuộc điều tra: nhận trả lời; điểm đưa vào đợt đánh giá là điểm tạm tính'
              : 'Đóng cuộc điều tra: điểm điều tra của từng đơn vị trở thành chính thức',
          params: schemas.campaignParam,
          response: {
            200: contract.statusChanged,
            ...commonErrors,
          },
        },
      },
      async (request) =>
        service.changeSurveyStatus(deps, requireActor(request), request.params.id, to),
    );

  app.post(
    `${base}/respondents`,
    {
      schema: {
        tags,
        summary:
          'Thêm người trả lời (danh sách: nhóm đối tượng, đơn vị công tác); tất cả hoặc không',
        params: schemas.campaignParam,
        body: contract.respondentsBody,
        response: { 200: contract.respondentsAdded, ...commonErrors },
      },
    },
    async (request) =>
      service.addRespondents(
        deps,
        requireActor(request),
        request.params.id,
        request.body.respondents,
      ),
  );

  app.get(
    `${base}/respondents`,
    {
      schema: {
        tags,
        summary:
          'Danh sách người trả lời đã lưu (theo trang; lọc theo nhóm đối tượng và đơn vị công tác): đã trả lời chưa, số đường dẫn đã tạo và đã dùng (không có mã đường dẫn)',
        params: schemas.campaignParam,
        querystring: schemas.respondentListQuery,
        response: { 200: contract.surveyRespondentList, ...commonErrors },
      },
    },
    async (request) =>
      service.listSurveyRespondents(deps, requireActor(request), request.params.id, request.query),
  );

  app.delete(
    `${base}/respondents/:respondentId`,
    {
      schema: {
        tags,
        summary:
          'Bỏ một người trả lời chưa trả lời phiếu nào (các đường dẫn của người đó hết hiệu lực); ghi nhật ký',
        params: schemas.respondentParam,
        response: { 200: contract.surveyRespondentRemoved, ...commonErrors },
      },
    },
    async (request) =>
      service.removeSurveyRespondent(
        deps,
        requireActor(request),
        request.params.id,
        request.params.respondentId,
      ),
  );

  app.post(
    `${base}/respondents/from-accounts`,
    {
      schema: {
        tags,
        summary:
          'Thêm người trả lời từ tài khoản của hệ thống: tài khoản đang hoạt động giữ một trong các vai trò trên đơn vị tham gia đợt đánh giá, hoặc trên đơn vị thuộc loại đã chọn trong tỉnh của đợt; tất cả hoặc không',
        params: schemas.campaignParam,
        body: contract.fromAccountsBody,
        response: { 200: contract.respondentsAdded, ...commonErrors },
      },
    },
    async (request) =>
      service.addRespondentsFromAccounts(
        deps,
        requireActor(request),
        request.params.id,
        request.body,
      ),
  );

  app.post(
    `${base}/respondents/import`,
    {
      schema: {
        tags,
        summary:
          'Nhập người trả lời từ tệp CSV/XLSX (cột ma, ho_ten, nhom, don_vi, email); tất cả hoặc không, lỗi theo dòng và cột',
        consumes: ['multipart/form-data'],
        params: schemas.campaignParam,
        response: {
          200: contract.respondentsAdded,
          413: errorBody,
          415: errorBody,
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await service.getSurvey(deps, actor, request.params.id);
      const table = await readAnswersTable((await readUpload(request)).content);
      return service.importRespondents(deps, actor, request.params.id, table);
    },
  );

  app.post(
    `${base}/invitations`,
    {
      schema: {
        tags,
        summary:
          'Tạo đường dẫn cá nhân dùng một lần theo quy tắc ai đánh giá đơn vị nào (không tự đánh giá đơn vị mình); mã chỉ trả về một lần; có thể gửi thư điện tử cho người trả lời',
        params: schemas.campaignParam,
        body: contract.invitationsBody,
        response: { 200: contract.invitationsResponse, ...commonErrors },
      },
    },
    async (request) =>
      service.createInvitations(deps, requireActor(request), request.params.id, request.body ?? {}),
  );

  app.post(
    `${base}/invitations/remind`,
    {
      schema: {
        tags,
        summary:
          'Nhắc người chưa trả lời: mỗi đường dẫn chưa dùng của người có địa chỉ thư được thay bằng đường dẫn mới (đường dẫn cũ hết hiệu lực) và gửi thư',
        params: schemas.campaignParam,
        body: contract.remindBody,
        response: { 200: contract.remindResponse, ...commonErrors },
      },
    },
    async (request) =>
      service.remindInvitations(deps, requireActor(request), request.params.id, request.body ?? {}),
  );

  app.post(
    `${base}/responses`,
    {
      schema: {
        tags,
        summary: 'Nhập phiếu giấy (tất cả hoặc không; lỗi theo phiếu và trường)',
        params: schemas.campaignParam,
        body: contract.responsesBody,
        response: { 200: contract.responsesSaved, ...commonErrors },
      },
    },
    async (request) =>
      service.enterResponses(
        deps,
        requireActor(request),
        request.params.id,
        request.body.responses,
      ),
  );

  app.post(
    `${base}/responses/import`,
    {
      schema: {
        tags,
        summary:
          'Nhập phiếu từ tệp CSV/XLSX (cột nhom, don_vi_duoc_danh_gia, don_vi_nguoi_tra_loi, ma_nguoi_tra_loi và một cột mỗi câu hỏi); tất cả hoặc không, lỗi theo dòng và cột',
        consumes: ['multipart/form-data'],
        params: schemas.campaignParam,
        response: {
          200: contract.responsesSaved,
          413: errorBody,
          415: errorBody,
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await service.getSurvey(deps, actor, request.params.id);
      const table = await readAnswersTable((await readUpload(request)).content);
      return service.importResponses(deps, actor, request.params.id, table);
    },
  );

  app.get(
    `${base}/progress`,
    {
      schema: {
        tags,
        summary:
          'Tiến độ: số phiếu theo đơn vị và nhóm đối tượng, đường dẫn đã gửi và đã dùng, cỡ mẫu',
        params: schemas.campaignParam,
        response: { 200: contract.progressResponse, ...commonErrors },
      },
    },
    async (request) => service.surveyProgress(deps, requireActor(request), request.params.id),
  );

  app.get(
    `${base}/results`,
    {
      schema: {
        tags,
        summary:
          'Kết quả: điểm điều tra của từng đơn vị theo nút, câu hỏi và nhóm đối tượng, kèm số phiếu và công thức',
        params: schemas.campaignParam,
        response: { 200: contract.resultsResponse, ...commonErrors },
      },
    },
    async (request) => service.surveyResults(deps, requireActor(request), request.params.id),
  );

  app.get(
    `${base}/results.xlsx`,
    {
      schema: {
        tags,
        summary:
          'Kết quả điều tra xã hội học ra Excel: theo đơn vị, theo câu hỏi và nhóm đối tượng',
        params: schemas.campaignParam,
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
      const [survey, results] = await Promise.all([
        service.getSurvey(deps, actor, request.params.id),
        service.surveyResults(deps, actor, request.params.id),
      ]);
      const body = await exportResultsXlsx(survey, results, request.locale);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          contentDisposition('attachment', `dieu-tra-xhh-${survey.campaignId}.xlsx`),
        )
        .send(body);
    },
  );

  // --- without a session: the personal link ---------------------------------------------------
  app.get(
    '/api/v1/public/social-survey/:token',
    {
      schema: {
        tags,
        summary: 'Bảng hỏi mà một đường dẫn cá nhân mở ra (không cần đăng nhập)',
        params: schemas.tokenParam,
        response: {
          200: contract.linkFormResponse,
          404: errorBody,
          409: errorBody,
          400: errorBody,
        },
      },
    },
    async (request) => service.getLinkForm(deps, request.params.token),
  );

  app.post(
    '/api/v1/public/social-survey/:token',
    {
      schema: {
        tags,
        summary: 'Gửi trả lời qua đường dẫn cá nhân (một lần; sau đó đường dẫn hết hiệu lực)',
        params: schemas.tokenParam,
        body: contract.linkAnswerBody,
        response: {
          200: contract.linkAnswered,
          404: errorBody,
          409: errorBody,
          400: errorBody,
        },
      },
    },
    async (request) => service.answerByLink(deps, request.params.token, request.body.answers),
  );

  // --- the offline field app (ADR 46) ---------------------------------------------------------
  app.get(
    '/api/v1/social-survey/collection-forms',
    {
      schema: {
        tags,
        summary:
          'Các cuộc điều tra xã hội học đang mở để thu thập ngoại tuyến: bảng hỏi theo loại đơn vị, nhóm đối tượng, đơn vị được nhập (điều tra viên)',
        response: { 200: contract.fieldSurveyForms, ...commonErrors },
      },
    },
    async (request) => ({ items: await listFieldSurveys(deps, requireActor(request)) }),
  );

  app.post(
    '/api/v1/social-survey/field-responses',
    {
      schema: {
        tags,
        summary:
          'Gửi một phiếu điều tra xã hội học thu ngoại tuyến (đơn vị, nhóm đối tượng, câu trả lời) kèm mã phiếu của máy; gửi lại cùng mã nhận lại cùng biên nhận, không tính hai lần',
        body: contract.fieldResponseBody,
        response: { 200: contract.fieldSurveyReceipt, ...commonErrors },
      },
    },
    async (request) => submitFieldResponse(deps, requireActor(request), request.body),
  );

  registerSocialSurveyPage(app, deps);
}

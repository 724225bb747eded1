/**
 * HTTP routes of a campaign's data set-up beyond its form: importing scores and survey points from
 * a file (CSV or Excel; a preview that writes nothing, then the import, all or nothing) — used for
 * the results of earlier years and for survey points — the survey points of every unit, and
 * taking them from a SIPAS campaign; the use-cases are in setup.service.ts and import.ts.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, presentError } from '../../errors.ts';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, errorBody, idParam } from '../../http/schemas.ts';
import * as contract from '../../../shared/contract/campaigns.ts';
import { importScores, readScoresCsv, readScoresXlsx, type ScoreRow } from './import.ts';
import {
  campaignSurveyPoints,
  manageableCampaign,
  surveyPointsFromSipas,
} from './setup.service.ts';

const PREVIEW_ROWS = 20;
const XLSX_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');

/** The rows of an uploaded score file, read as Excel when it is a zip, else as CSV. */
async function readUpload(request: FastifyRequest): Promise<ScoreRow[]> {
  if (!request.isMultipart()) throw new AppError('unsupported', 'unsupported_media_type');
  const file = await request.file();
  if (!file) throw new AppError('invalid', 'import_empty');
  const content = await file.toBuffer();
  if (content.length === 0) throw new AppError('invalid', 'import_empty');
  return content.subarray(0, 4).equals(XLSX_MAGIC)
    ? readScoresXlsx(content)
    : readScoresCsv(content);
}

/** `enrol=1`: units of the file not taking part are added to the campaign instead of refused. */
const enrolQuery = z.object({ enrol: z.enum(['0', '1']).optional() });

export function registerCampaignSetupRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/campaigns/:id/scores/preview',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Xem trước tệp điểm (CSV/XLSX: unit_code, node_code, self, round1, round2, reason; dòng survey): các dòng đầu và mọi lỗi theo dòng, cột; không ghi gì',
        consumes: ['multipart/form-data'],
        params: idParam,
        querystring: enrolQuery,
        response: { 200: contract.scorePreview, 413: errorBody, 415: errorBody, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await manageableCampaign(deps, actor, request.params.id, true);
      const rows = await readUpload(request);
      const first = rows.slice(0, PREVIEW_ROWS);
      try {
        const result = await importScores(deps, actor, request.params.id, rows, {
          dryRun: true,
          enrol: request.query.enrol === '1',
        });
        return { totalRows: rows.length, rows: first, problems: [], summary: result };
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'campaign_import_invalid') throw error;
        const body = presentError(error, request.locale);
        return {
          totalRows: rows.length,
          rows: first,
          problems: body.error.details ?? [],
          summary: null,
        };
      }
    },
  );

  app.post(
    '/api/v1/campaigns/:id/scores/import',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Nhập tệp điểm vào đợt đánh giá (tất cả hoặc không dòng nào), rồi tính lại kết quả',
        consumes: ['multipart/form-data'],
        params: idParam,
        querystring: enrolQuery,
        response: { 200: contract.importSummary, 413: errorBody, 415: errorBody, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await manageableCampaign(deps, actor, request.params.id, true);
      const rows = await readUpload(request);
      return importScores(deps, actor, request.params.id, rows, {
        enrol: request.query.enrol === '1',
      });
    },
  );

  app.get(
    '/api/v1/campaigns/:id/survey',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Điểm điều tra xã hội học của từng đơn vị tham gia và điểm tối đa theo bộ chỉ số',
        params: idParam,
        response: { 200: contract.surveyPoints, ...commonErrors },
      },
    },
    async (request) => {
      return campaignSurveyPoints(deps, requireActor(request), request.params.id);
    },
  );

  app.post(
    '/api/v1/campaigns/:id/survey/from-sipas',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Lấy điểm điều tra xã hội học từ một đợt khảo sát SIPAS: điểm = điểm tối đa × chỉ số hài lòng của đơn vị (một giao dịch)',
        params: idParam,
        body: contract.surveyFromSipasBody,
        response: {
          200: contract.surveyFromSipas,
          ...commonErrors,
        },
      },
    },
    async (request) => {
      return surveyPointsFromSipas(
        deps,
        requireActor(request),
        request.params.id,
        request.body.sipasCampaignId,
      );
    },
  );
}

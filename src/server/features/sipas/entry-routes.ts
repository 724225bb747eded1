/**
 * HTTP routes of the staff entry screens: the form of a campaign (questionnaire, fields, and the
 * units the user may enter answers for), readable by whoever may type in paper forms there, so an
 * enumerator or a unit officer, who may not read the questionnaire library, can still enter them;
 * and the import wizard's check of a file with the mapping the user chose.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { entryForm, importPreview } from '../../../shared/contract/sipas.ts';
import { can } from '../../../domain/access.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, errorBody } from '../../http/schemas.ts';
import { previewImport } from './import.ts';
import { campaignIdParam } from './schemas.ts';
import { loadCampaignContext } from './service.ts';

export function registerSipasEntryRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/sipas/campaigns/:campaignId/entry-form',
    {
      schema: {
        tags: ['sipas'],
        summary:
          'Phiếu của đợt khảo sát để nhập phiếu giấy: mẫu phiếu, lĩnh vực, các đơn vị được nhập',
        params: campaignIdParam,
        response: { 200: entryForm, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const ctx = await loadCampaignContext(deps.db, request.params.campaignId);
      if (!ctx) throw notFound('entity_sipas_campaign');
      const units = ctx.units.filter(
        (u) => can(actor, 'sipas.enter', u.path) || can(actor, 'sipas.manage', u.path),
      );
      if (units.length === 0) throw new AppError('forbidden', 'forbidden');
      return {
        campaignId: ctx.row.id,
        campaignName: ctx.row.name,
        status: ctx.row.status,
        channels: ctx.row.channels,
        questionnaire: ctx.questionnaire,
        fields: ctx.row.fields,
        units: units.map((u) => ({ id: u.unit_id, name: u.name })),
      };
    },
  );

  app.post(
    '/api/v1/sipas/campaigns/:campaignId/import/check',
    {
      schema: {
        tags: ['sipas'],
        summary:
          'Kiểm tra tệp phiếu với cách ghép cột đã chọn (trường "mapping" JSON trước trường "file"): các dòng đầu và lỗi',
        consumes: ['multipart/form-data'],
        params: campaignIdParam,
        response: { 200: importPreview, 413: errorBody, 415: errorBody, ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { content, mapping } = await readMappedUpload(request);
      return previewImport(deps, actor, request.params.campaignId, content, mapping);
    },
  );
}

/** Reads the multipart body of a mapped import: "mapping" (JSON) and the file. */
async function readMappedUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError('unsupported', 'unsupported_media_type');
  let content: Buffer | null = null;
  let mappingText = '';
  for await (const part of request.parts()) {
    if (part.type === 'file') content = await part.toBuffer();
    else if (part.fieldname === 'mapping') mappingText = String(part.value);
  }
  if (!content || content.length === 0) throw new AppError('invalid', 'import_empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(mappingText);
  } catch {
    parsed = null;
  }
  const mapping = z.record(z.string(), z.string().nullable()).safeParse(parsed);
  if (!mapping.success) {
    throw new AppError('invalid', 'sipas_import_mapping_invalid', {
      reason: 'trường «mapping» phải là JSON dạng {"mục": "tên cột"}',
    });
  }
  return { content, mapping: mapping.data };
}

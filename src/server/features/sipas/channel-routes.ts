/**
 * HTTP routes of the SIPAS collection channels for staff: the forms the offline field app
 * downloads, and the printable QR posters of the public form.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { questionnaire } from '../../../shared/contract/sipas.ts';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/session.ts';
import type { App } from '../../http/types.ts';
import { commonErrors, fileAnswer, idText } from '../../http/schemas.ts';
import { listCollectionForms } from './collection.service.ts';
import { campaignPosters } from './posters.ts';
import { campaignIdParam } from './schemas.ts';
import { getPublicForm } from './submission.service.ts';
import { contentDisposition } from '../../http/download.ts';

const collectionForm = z.object({
  campaignId: z.number(),
  campaignName: z.string(),
  periodEnd: z.string(),
  questionnaire: questionnaire,
  units: z.array(z.object({ id: z.number(), name: z.string() })),
  fields: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** The stable public addresses of the survey form and the field app (QR codes print them). */
export const SURVEY_PAGE = '/khao-sat/';
export const FIELD_APP_PAGE = '/thu-thap/';

const positiveId = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  return n > 0 ? n : undefined;
};

/** The page's policy with its inline module scripts allowed by their SHA-256 hashes. */
function allowInlineScripts(policy: string, html: string): string {
  const hashes = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`,
  );
  if (hashes.length === 0) return policy;
  return policy.replace(/(^|;)\s*script-src ([^;]*)/, `$1script-src $2 ${hashes.join(' ')}`);
}

export function registerSipasChannelRoutes(app: App, deps: Deps): void {
  const tags = ['sipas'];

  // The survey page is one request: the build writes its script and style sheet into it (ADR 11),
  // and here it gets its campaign's form as a JSON block (data, not a script). The inline script
  // is allowed by its hash, the page goes out compressed.
  app.get(SURVEY_PAGE, { schema: { hide: true } }, async (request, reply) => {
    let html: string;
    try {
      html = await readFile(path.join(deps.config.webDist, 'khao-sat', 'index.html'), 'utf8');
    } catch {
      return reply.callNotFound();
    }
    const query = request.query as Record<string, unknown>;
    const campaignId = positiveId(query.c);
    const unit = query.u === undefined ? undefined : positiveId(query.u);
    const field = typeof query.f === 'string' && query.f.length <= 64 ? query.f : undefined;
    if (campaignId && query.link === undefined && (query.u === undefined || unit)) {
      const form = await getPublicForm(deps, campaignId, unit, field).catch(() => null);
      if (form) {
        const data = JSON.stringify(form).replace(/</g, '\\u003c');
        html = html.replace(
          '</main>',
          `</main><script type="application/json" id="form-data">${data}</script>`,
        );
      }
    }
    const policy = reply.getHeader('content-security-policy');
    if (typeof policy === 'string') {
      reply.header('content-security-policy', allowInlineScripts(policy, html));
    }
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    const body = Buffer.from(html, 'utf8');
    const accepted = String(request.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accepted)) {
      reply.header('vary', 'accept-encoding').header('content-encoding', 'br');
      return reply.send(
        brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }),
      );
    }
    if (/\bgzip\b/.test(accepted)) {
      reply.header('vary', 'accept-encoding').header('content-encoding', 'gzip');
      return reply.send(gzipSync(body, { level: 6 }));
    }
    return reply.send(body);
  });

  // The pages are folders of the web build; their address without the final slash leads there too.
  for (const page of [SURVEY_PAGE, FIELD_APP_PAGE]) {
    app.get(page.slice(0, -1), { schema: { hide: true } }, async (request, reply) => {
      const query = request.url.indexOf('?');
      return reply.redirect(`${page}${query >= 0 ? request.url.slice(query) : ''}`);
    });
  }

  app.get(
    '/api/v1/sipas/collection-forms',
    {
      schema: {
        tags,
        summary:
          'Các phiếu để thu thập ngoại tuyến: đợt đang mở nhận phiếu ngoại tuyến, mẫu phiếu, lĩnh vực, đơn vị được nhập',
        response: { 200: z.object({ items: z.array(collectionForm) }), ...commonErrors },
      },
    },
    async (request) => ({ items: await listCollectionForms(deps, requireActor(request)) }),
  );

  app.get(
    '/api/v1/sipas/campaigns/:campaignId/posters.pdf',
    {
      schema: {
        tags,
        summary:
          'Áp phích mã QR của phiếu công khai (PDF, một trang cho mỗi đơn vị và lĩnh vực; lọc theo unit, field)',
        params: campaignIdParam,
        querystring: z.object({
          unit: idText.optional(),
          field: z.string().max(64).optional(),
        }),
        response: { 200: fileAnswer('Tệp PDF', 'application/pdf') },
      },
    },
    async (request, reply) => {
      // The QR codes lead to the address the staff reached the server at (behind a proxy with
      // PARINDEX_TRUST_PROXY, the address the proxy was asked for).
      const baseUrl = `${request.protocol}://${request.host}`;
      const { pdf } = await campaignPosters(
        deps,
        requireActor(request),
        request.params.campaignId,
        { unitId: request.query.unit, fieldId: request.query.field },
        baseUrl,
      );
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          contentDisposition('attachment', `sipas-${request.params.campaignId}-ma-qr.pdf`),
        )
        .send(pdf);
    },
  );
}

/**
 * Staff routes of the collection channels: the forms the offline field app downloads (only the
 * units one may enter answers for), the QR posters (a PDF with the Vietnamese texts and the form's
 * address, refused to those without SIPAS rights on the unit), the public pages' addresses, and
 * public answers arriving together (stored in one group, each exactly once).
 */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { DEFAULT_QUESTIONNAIRE, scaleQuestions } from '../../../domain/sipas/questionnaire.ts';
import { SIPAS_DEMO_NAME } from '../../demo/sipas-demo.ts';
import { createHarness, type Client, type Harness } from '../../test-support/harness.ts';
import { findPosterFonts } from './posters.ts';

let h: Harness;
let admin: Client;
let enumerator: Client;
let officerKimPhuong: Client;
let demoId: number;
let quyKy: number;
// CI installs fonts-croscore; elsewhere a machine without any font skips the drawing tests.
const noFont = findPosterFonts(tmpdir()) === null;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  enumerator = await h.login('dieutra.dailanh');
  officerKimPhuong = await h.login('canbo.kimphuong');
  const [demo] = await h.deps.db.query<{ id: number }>(
    'SELECT id FROM sipas_campaigns WHERE name = $1',
    [SIPAS_DEMO_NAME],
  );
  demoId = demo!.id;
  quyKy = (await h.deps.db.query<{ id: number }>("SELECT id FROM units WHERE code = '05545'"))[0]!
    .id;
});

afterAll(async () => {
  await h.close();
});

async function pdfText(raw: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(raw));
  const { text } = await extractText(doc, { mergePages: true });
  return text;
}

describe('collection forms for the offline app', () => {
  it('gives the administrator the open demo campaign with its questionnaire and unit', async () => {
    const res = await admin.get('/api/v1/sipas/collection-forms');
    expect(res.status).toBe(200);
    const demo = res.body.items.find((f: { campaignId: number }) => f.campaignId === demoId);
    expect(demo.campaignName).toBe(SIPAS_DEMO_NAME);
    expect(demo.units).toEqual([{ id: quyKy, name: expect.stringContaining('Quy Kỳ') }]);
    expect(demo.questionnaire.id).toBe('sipas-bnv-2023');
    expect(demo.fields.map((f: { id: string }) => f.id)).toContain('dat-dai');
  });

  it('leaves out campaigns of units the enumerator does not collect for', async () => {
    const res = await enumerator.get('/api/v1/sipas/collection-forms');
    expect(res.status).toBe(200);
    expect(res.body.items.map((f: { campaignId: number }) => f.campaignId)).not.toContain(demoId);
  });

  it('is refused to an appraiser (no SIPAS rights) and to no one signed in', async () => {
    const appraiser = await h.login('thamdinh.thainguyen');
    expect((await appraiser.get('/api/v1/sipas/collection-forms')).status).toBe(403);
    expect((await h.anonymous().get('/api/v1/sipas/collection-forms')).status).toBe(401);
    const officer = await officerKimPhuong.get('/api/v1/sipas/collection-forms');
    expect(officer.status).toBe(200);
    expect(officer.body.items.map((f: { campaignId: number }) => f.campaignId)).not.toContain(
      demoId,
    );
  });
});

describe('QR posters', () => {
  it.skipIf(noFont)(
    'prints one page per field with the unit, the field and the form address',
    async () => {
      const res = await admin.get(`/api/v1/sipas/campaigns/${demoId}/posters.pdf?unit=${quyKy}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const doc = await getDocumentProxy(new Uint8Array(res.raw));
      expect(doc.numPages).toBe(4);
      const text = await pdfText(res.raw);
      expect(text).toContain('KHẢO SÁT SỰ HÀI LÒNG');
      expect(text).toContain('Quy Kỳ');
      expect(text).toContain('Lĩnh vực: Đất đai');
      expect(text).toContain(`/khao-sat/?c=${demoId}&u=${quyKy}&f=dat-dai&src=qr`);
    },
  );

  it.skipIf(noFont)('prints one field when asked', async () => {
    const res = await admin.get(
      `/api/v1/sipas/campaigns/${demoId}/posters.pdf?unit=${quyKy}&field=cong-an`,
    );
    expect(res.status).toBe(200);
    const doc = await getDocumentProxy(new Uint8Array(res.raw));
    expect(doc.numPages).toBe(1);
    expect(await pdfText(res.raw)).toContain('Lĩnh vực: Công an');
  });

  it('is refused to staff without SIPAS rights on the unit', async () => {
    const officer = await officerKimPhuong.get(`/api/v1/sipas/campaigns/${demoId}/posters.pdf`);
    expect(officer.status).toBe(403);
    const other = await enumerator.get(
      `/api/v1/sipas/campaigns/${demoId}/posters.pdf?unit=${quyKy}`,
    );
    expect(other.status).toBe(403);
    expect((await h.anonymous().get(`/api/v1/sipas/campaigns/${demoId}/posters.pdf`)).status).toBe(
      401,
    );
  });

  it('names an unknown field', async () => {
    const res = await admin.get(`/api/v1/sipas/campaigns/${demoId}/posters.pdf?field=khong-co`);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('field');
  });
});

describe('public page addresses', () => {
  it('leads the address without the final slash to the form, keeping the query', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/khao-sat?c=${demoId}&src=qr` });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/khao-sat/?c=${demoId}&src=qr`);
  });
});

describe('public answers arriving together', () => {
  it('stores each once, acknowledges every one, and counts a repeated client id once', async () => {
    const form = (await h.anonymous().get<any>(`/api/v1/public/sipas/forms/${demoId}`)).body;
    h.clock.advance(5000);
    const before = await storedCount(demoId);
    const answers = Object.fromEntries(
      scaleQuestions(DEFAULT_QUESTIONNAIRE).map((q) => [q.question.id, 4]),
    );
    const ids = Array.from({ length: 12 }, () => randomUUID());
    // Three answers repeat an earlier client id (a phone that sent twice).
    const sent = [...ids, ids[0]!, ids[1]!, ids[2]!];
    const responses = await Promise.all(
      sent.map((clientId, i) =>
        h.app.inject({
          method: 'POST',
          url: '/api/v1/public/sipas/responses',
          remoteAddress: `10.9.0.${i + 1}`,
          payload: {
            campaignId: demoId,
            formToken: form.formToken,
            channel: 'qr',
            clientId,
            unitId: quyKy,
            fieldId: 'dat-dai',
            questionnaireId: DEFAULT_QUESTIONNAIRE.id,
            questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
            answers,
            profile: { respondentType: 'individual', channel: 'counter' },
            website: '',
          },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(sent.map(() => 200));
    expect(responses.map((r) => JSON.parse(r.body).receipt)).toEqual(sent);
    expect(await storedCount(demoId)).toBe(before + ids.length);
  });
});

async function storedCount(campaignId: number): Promise<number> {
  const rows = await h.deps.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM sipas_responses WHERE campaign_id = $1',
    [campaignId],
  );
  return rows[0]!.n;
}

/**
 * Scans made by tools this product did not write: a Decree 30 plan laid out by LibreOffice,
 * printed to PDF, rendered to a page image by poppler's pdftoppm at 200 dpi, then fed askew and
 * grainy, sideways or upside down by ImageMagick, uploaded to a unit's library and read back
 * through the check endpoint as the officer sees it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { drainEvidenceChecks } from './check.service.ts';
import { libreOfficeDocument, libreOfficeMissing } from './libreoffice-documents.ts';
import { detectOcrTools, straighteningMissing } from './ocr.ts';
import { imagePdf, pdftoppm, rasterise } from '../../test-support/test-pdfs.ts';
import { multipart } from '../../test-support/test-files.ts';

const tools = await detectOcrTools();
const missing =
  libreOfficeMissing ??
  (!tools.tesseract || !tools.pdftoppm || !pdftoppm
    ? 'tesseract with the Vietnamese model and pdftoppm are needed'
    : straighteningMissing(tools));
if (missing) console.warn(`Scanned evidence tests skipped: ${missing}`);

/** ImageMagick run on a page image: what a scanner or a photocopier would have made of it. */
async function imageMagick(png: Buffer, args: string[], out: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parindex-scan-test-'));
  try {
    await writeFile(path.join(dir, 'page.png'), png);
    const target = path.join(dir, out);
    await new Promise<void>((resolve, reject) =>
      execFile(tools.imagemagick!, [path.join(dir, 'page.png'), ...args, target], (error) =>
        error ? reject(error) : resolve(),
      ),
    );
    return await readFile(target);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What the plan of xã Bảo Cường prints in its header and signing block. */
const PRINTED = {
  number: '87/KH-UBND',
  kind: 'plan',
  issuedOn: '2023-05-10',
  parentBody: 'UBND HUYỆN ĐỊNH HÓA',
  issuer: 'ỦY BAN NHÂN DÂN XÃ BẢO CƯỜNG',
};

let h: Harness;
let officer: Client;
let unitId: number;
let page: Buffer;

beforeAll(async () => {
  if (missing) return;
  h = await createHarness();
  officer = await h.login('canbo.kimphuong');
  unitId = await unitIdByCode(officer, '05551');
  page = rasterise(await libreOfficeDocument('pdf'), 200);
}, 180_000);
afterAll(async () => h?.close());

/** Uploads a file, waits for its background check and returns what the check endpoint says. */
async function uploadAndCheck(name: string, content: Buffer) {
  const { body, headers } = multipart({ name, content });
  const res = await officer.request<any>('POST', `/api/v1/units/${unitId}/evidence`, body, headers);
  expect(res.status).toBe(201);
  await drainEvidenceChecks(h.deps);
  const check = await officer.get(`/api/v1/evidence/${res.body.id}/check`);
  expect(check.status).toBe(200);
  return check.body as any;
}

describe.skipIf(missing !== null)('scans straightened before they are read', () => {
  it('reads a grainy scan fed 3° askew: number, date, issuer beside its parent, TM.', async () => {
    const scan = await imageMagick(
      page,
      ['-background', 'white', '-rotate', '3', '-seed', '30'],
      'askew.png',
    ).then((askew) =>
      imageMagick(
        askew,
        ['-seed', '30', '-attenuate', '0.3', '+noise', 'Gaussian', '-colorspace', 'Gray'],
        'grainy.png',
      ),
    );
    const check = await uploadAndCheck('ke-hoach-quet-lech.png', scan);
    expect(check).toMatchObject({ status: 'done', error: null, readBy: 'ocr' });
    expect(check.metadata).toMatchObject(PRINTED);
    expect(check.metadata.signing).toMatchObject({ capacity: 'TM' });
    expect(check.metadata.signing.lines[0]).toBe('TM. ỦY BAN NHÂN DÂN');
  }, 240_000);

  it('turns a page photographed sideways (JPEG, 90°) upright before reading it', async () => {
    const scan = await imageMagick(page, ['-rotate', '90', '-quality', '85'], 'sideways.jpg');
    const check = await uploadAndCheck('ke-hoach-chup-ngang.jpg', scan);
    expect(check).toMatchObject({ status: 'done', error: null, readBy: 'ocr' });
    expect(check.metadata).toMatchObject({
      ...PRINTED,
      signing: { capacity: 'TM', title: 'CHỦ TỊCH', name: 'Luân Đức Quỳnh' },
    });
    expect(check.metadata.signing.lines[0]).toBe('TM. ỦY BAN NHÂN DÂN');
  }, 240_000);

  it('turns a page scanned upside down (PDF, 180°) upright before reading it', async () => {
    const scan = await imagePdf([await imageMagick(page, ['-rotate', '180'], 'upside.png')]);
    const check = await uploadAndCheck('ke-hoach-quet-nguoc.pdf', scan);
    expect(check).toMatchObject({ status: 'done', error: null, readBy: 'ocr' });
    expect(check.metadata).toMatchObject({
      ...PRINTED,
      signing: { capacity: 'TM', title: 'CHỦ TỊCH', name: 'Luân Đức Quỳnh' },
    });
  }, 240_000);
});

describe('without the tools to straighten scans', () => {
  const installed = {
    tesseract: '/usr/bin/tesseract',
    pdftoppm: '/usr/bin/pdftoppm',
    prlimit: null,
    imagemagick: '/usr/bin/convert',
    osd: true,
  };

  it('says which one is missing, and nothing when OCR itself is off', () => {
    expect(straighteningMissing(installed)).toBeNull();
    expect(straighteningMissing({ ...installed, imagemagick: null })).toBe(
      'ImageMagick (Debian: imagemagick) is not installed',
    );
    expect(straighteningMissing({ ...installed, osd: false })).toBe(
      "Tesseract's orientation model (Debian: tesseract-ocr-osd) is not installed",
    );
    expect(straighteningMissing({ ...installed, tesseract: null, imagemagick: null })).toBeNull();
  });
});

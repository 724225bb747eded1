/**
 * Printable QR posters of the public survey form: one A4 page per unit and field, with the QR code
 * of the form's address (the `qrcode` package gives the modules, drawn here as vector squares so
 * they print sharp), the unit, the field and a short invitation, in an embedded TrueType font with
 * the Vietnamese letters (PDF's standard fonts have none).
 *
 * The font is found, in this order (see docs/adr/0011-sipas-public-channels.md): `poster.ttf` and
 * `poster-bold.ttf` in `<dataDir>/fonts/` (an operator's choice), then Debian's fonts-croscore
 * (Arimo), fonts-liberation2 (Liberation Sans) and fonts-dejavu-core (DejaVu Sans).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { can, type Actor } from '../../../domain/access.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { loadCampaignContext } from './service.ts';

// pdf-lib needs fontkit to embed a TrueType font (the 1.x package, compatible with pdf-lib).
const fontkit = createRequire(import.meta.url)('fontkit') as Parameters<
  PDFDocument['registerFontkit']
>[0];

/** Most pages in one file (a province's communes times a few fields). */
export const MAX_POSTERS = 2000;

const SYSTEM_FONTS: [regular: string, bold: string][] = [
  [
    '/usr/share/fonts/truetype/croscore/Arimo-Regular.ttf',
    '/usr/share/fonts/truetype/croscore/Arimo-Bold.ttf',
  ],
  [
    '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
  ],
  [
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  ],
];

/** The regular and bold font files of the posters, or null when the machine has none. */
export function findPosterFonts(dataDir: string): { regular: string; bold: string } | null {
  const own = path.join(dataDir, 'fonts', 'poster.ttf');
  if (existsSync(own)) {
    const bold = path.join(dataDir, 'fonts', 'poster-bold.ttf');
    return { regular: own, bold: existsSync(bold) ? bold : own };
  }
  for (const [regular, bold] of SYSTEM_FONTS) {
    if (existsSync(regular)) return { regular, bold: existsSync(bold) ? bold : regular };
  }
  return null;
}

/** The printed texts of a poster (Vietnamese: the posters hang in Vietnamese offices). */
const POSTER_TEXT = {
  title: 'KHẢO SÁT SỰ HÀI LÒNG',
  subtitle: 'của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước',
  field: 'Lĩnh vực',
  scan: 'Mời Ông/Bà quét mã QR bằng điện thoại để đánh giá (khoảng 3 phút)',
  address: 'Hoặc mở địa chỉ:',
  privacy:
    'Phiếu không hỏi họ tên, số điện thoại hay địa chỉ. Ý kiến của Ông/Bà giúp cơ quan phục vụ tốt hơn.',
  campaign: 'Đợt khảo sát',
};

/** The address of the public form of a unit and field, as a QR poster prints it. */
export function posterLink(
  baseUrl: string,
  campaignId: number,
  unitId: number,
  fieldId: string,
): string {
  const query = new URLSearchParams({
    c: String(campaignId),
    u: String(unitId),
    f: fieldId,
    src: 'qr',
  });
  return `${baseUrl.replace(/\/+$/, '')}/khao-sat/?${query.toString()}`;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws lines centred on the page from `y` downwards; returns the y below them. */
function centred(
  page: PDFPage,
  text: string,
  font: PDFFont,
  size: number,
  y: number,
  width = 480,
): number {
  const pageWidth = page.getWidth();
  for (const line of wrap(text, font, size, width)) {
    page.drawText(line, {
      x: (pageWidth - font.widthOfTextAtSize(line, size)) / 2,
      y,
      size,
      font,
      color: rgb(0.04, 0.16, 0.37),
    });
    y -= size * 1.3;
  }
  return y;
}

/** Draws the QR code of `text` as a square of `side` points with its top-left corner at (x, top). */
function drawQr(page: PDFPage, text: string, x: number, top: number, side: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const cell = side / (size + 2 * quiet);
  let d = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (qr.modules.get(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  // SVG coordinates grow downwards from the given origin; one unit is one module.
  page.drawSvgPath(d, { x, y: top, scale: cell, color: rgb(0, 0, 0) });
}

/** Which posters to print: some units and fields of a campaign (all when not given). */
export interface PosterRequest {
  unitId?: number | undefined;
  fieldId?: string | undefined;
}

/**
 * The posters of a campaign as one PDF: one page per unit the actor may collect for (or manage)
 * and per field. The QR codes point to `baseUrl`/khao-sat/.
 */
export async function campaignPosters(
  deps: Deps,
  actor: Actor,
  campaignId: number,
  request: PosterRequest,
  baseUrl: string,
): Promise<{ pdf: Buffer; pages: number }> {
  const ctx = await loadCampaignContext(deps.db, campaignId);
  if (!ctx) throw notFound('entity_sipas_campaign');
  const owner = can(actor, 'sipas.manage', ctx.row.owner_path);
  let units = ctx.units.filter(
    (u) => owner || can(actor, 'sipas.manage', u.path) || can(actor, 'sipas.enter', u.path),
  );
  if (units.length === 0) throw new AppError('forbidden', 'forbidden');
  if (request.unitId !== undefined) {
    const unit = ctx.units.find((u) => u.unit_id === request.unitId);
    if (!unit)
      throw new AppError('invalid', 'sipas_unit_not_in_campaign', { unit: String(request.unitId) });
    if (!units.includes(unit))
      throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
    units = [unit];
  }
  const fields = ctx.row.fields.filter(
    (f) => request.fieldId === undefined || f.id === request.fieldId,
  );
  if (fields.length === 0) {
    throw new AppError('invalid', 'validation_failed', {}, [
      { field: 'field', key: 'field_invalid', params: { field: 'field' } },
    ]);
  }
  if (!ctx.row.channels.includes('qr'))
    throw new AppError('conflict', 'sipas_channel_disabled', { channel: 'qr' });
  const pages = units.length * fields.length;
  if (pages > MAX_POSTERS)
    throw new AppError('too_large', 'sipas_posters_too_many', { count: pages, max: MAX_POSTERS });
  const fonts = findPosterFonts(deps.config.dataDir);
  if (!fonts) throw new AppError('unsupported', 'pdf_font_missing');

  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${POSTER_TEXT.title} – ${ctx.row.name}`);
  doc.setLanguage('vi-VN');
  const regular = await doc.embedFont(readFileSync(fonts.regular), { subset: true });
  const bold = await doc.embedFont(readFileSync(fonts.bold), { subset: true });
  for (const unit of units) {
    for (const field of fields) {
      const page = doc.addPage([595.28, 841.89]);
      const link = posterLink(baseUrl, ctx.row.id, unit.unit_id, field.id);
      let y = centred(page, POSTER_TEXT.title, bold, 30, 770);
      y = centred(page, POSTER_TEXT.subtitle, regular, 14, y - 2);
      y = centred(page, unit.name, bold, 24, y - 18);
      y = centred(page, `${POSTER_TEXT.field}: ${field.name}`, regular, 18, y - 4);
      const side = 300;
      drawQr(page, link, (page.getWidth() - side) / 2, y - 10, side);
      y = y - 10 - side - 28;
      y = centred(page, POSTER_TEXT.scan, bold, 16, y);
      y = centred(page, POSTER_TEXT.address, regular, 12, y - 8);
      y = centred(page, link, regular, 11, y, 500);
      y = centred(page, POSTER_TEXT.privacy, regular, 12, y - 16);
      centred(page, `${POSTER_TEXT.campaign}: ${ctx.row.name}`, regular, 10, Math.min(y - 16, 60));
    }
  }
  return { pdf: Buffer.from(await doc.save()), pages };
}

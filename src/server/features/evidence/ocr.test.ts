import { afterEach, describe, expect, it } from 'vitest';
import { checkFile } from './check.service.ts';
import { detectOcrTools, layoutOcrWords, pagesToRead, resetOcrDetection } from './ocr.ts';
import {
  decree30Lines,
  imagePdf,
  pdftoppm,
  rasterise,
  scannedPdf,
  textPdf,
  vietnameseFont,
} from './pdf-fixtures.ts';

const tools = await detectOcrTools();
const canScan = vietnameseFont !== null && pdftoppm !== null;
const ocrReason = !tools.tesseract
  ? 'tesseract with the Vietnamese model (tesseract-ocr-vie) is not installed'
  : !tools.pdftoppm
    ? 'pdftoppm (poppler-utils) is not installed'
    : null;
if (ocrReason) console.warn(`OCR tests skipped: ${ocrReason}`);

const PDF = 'application/pdf';

/** A TSV row of Tesseract for one word. */
const word = (text: string, left: number, top: number, width: number, height = 40) =>
  ['5', '1', '1', '1', '1', '1', left, top, width, height, '95', text].join('\t');

describe('putting OCR words back into lines', () => {
  it('joins words of one row, separates columns by a tab and gaps by a blank line', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      word('Số:', 250, 300, 60),
      word('87/KH-UBND', 325, 302, 200),
      // The right column, on the same row, far to the right.
      word('Quy', 1300, 298, 70),
      word('Kỳ,', 1385, 300, 60),
      // The next line after a gap of two line heights.
      word('KẾ', 1000, 450, 60),
      word('HOẠCH', 1075, 452, 150),
      '4\t1\t1\t1\t1\t0\t0\t0\t10\t10\t-1\t',
    ].join('\n');
    expect(layoutOcrWords(tsv)).toBe('Số: 87/KH-UBND\tQuy Kỳ,\n\nKẾ HOẠCH');
  });

  it('reads the first pages of a long scan and its last one', () => {
    expect(pagesToRead(3, 4)).toEqual([1, 2, 3]);
    expect(pagesToRead(12, 4)).toEqual([1, 2, 3, 12]);
  });
});

describe.skipIf(!canScan || ocrReason !== null)('reading scans with OCR', () => {
  it('reads the number, type and date of a scanned Decree 30 plan (PDF of page images)', async () => {
    const scan = await imagePdf([rasterise(await textPdf())]);
    const outcome = await checkFile(scan, PDF);
    expect(outcome).toMatchObject({ status: 'done', error: null, readBy: 'ocr', signatures: [] });
    expect(outcome.metadata).toMatchObject({
      number: '87/KH-UBND',
      kind: 'plan',
      issuer: 'UỶ BAN NHÂN DÂN XÃ QUY KỲ',
      place: 'Quy Kỳ',
      issuedOn: '2023-05-10',
      signing: { title: 'CHỦ TỊCH', name: 'Luân Đức Quỳnh' },
    });
  });

  it('reads a photographed report (PNG) with a blank number and another date', async () => {
    const lines = decree30Lines('Quy Kỳ, ngày 28 tháng 11 năm 2024');
    lines[2] = ['Số:      /BC-UBND', 'Quy Kỳ, ngày 28 tháng 11 năm 2024'];
    lines[4] = ['BÁO CÁO'];
    const outcome = await checkFile(rasterise(await textPdf(lines), 150), 'image/png');
    expect(outcome).toMatchObject({ status: 'done', readBy: 'ocr' });
    expect(outcome.metadata).toMatchObject({
      number: null,
      numberBlank: true,
      kind: 'report',
      issuedOn: '2024-11-28',
    });
  });

  it('says a scan without any legible text was read but nothing was found', async () => {
    expect(await checkFile(await scannedPdf(), PDF)).toMatchObject({
      status: 'done',
      error: 'scan_no_text',
      metadata: null,
      readBy: null,
    });
  });

  it('stops a page that takes longer than the time limit', async () => {
    const { ocrPdf } = await import('./ocr.ts');
    const scan = await imagePdf([rasterise(await textPdf())]);
    expect(
      await ocrPdf(scan, 1, { timeoutMs: 50, maxMemoryMb: 1024, maxPages: 1, pagePixels: 3508 }),
    ).toEqual({ status: 'timeout' });
  });
});

describe.skipIf(!canScan)('without OCR', () => {
  afterEach(() => {
    delete process.env.PARINDEX_OCR;
    resetOcrDetection();
  });

  it('marks a scan as not read', async () => {
    process.env.PARINDEX_OCR = 'off';
    resetOcrDetection();
    const scan = await imagePdf([rasterise(await textPdf())]);
    expect(await checkFile(scan, PDF)).toMatchObject({
      status: 'done',
      error: 'scan',
      metadata: null,
      readBy: null,
    });
    expect(await checkFile(rasterise(await textPdf()), 'image/png')).toMatchObject({
      status: 'done',
      error: 'scan',
    });
  });
});

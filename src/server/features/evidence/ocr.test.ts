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
} from '../../test-support/test-pdfs.ts';

const tools = await detectOcrTools();
const canScan = vietnameseFont !== null && pdftoppm !== null;
const ocrReason = !tools.tesseract
  ? 'tesseract with the Vietnamese model (tesseract-ocr-vie) is not installed'
  : !tools.pdftoppm
    ? 'pdftoppm (poppler-utils) is not installed'
    : null;
if (ocrReason) console.warn(`OCR tests skipped: ${ocrReason}`);

const PDF = 'application/pdf';

/** A TSV row of Tesseract for one word of its block and line. */
const word = (
  text: string,
  left: number,
  top: number,
  width: number,
  height = 40,
  [block, line] = [1, 1],
) => ['5', '1', block, '1', line, '1', left, top, width, height, '95', text].join('\t');

const TSV_HEADER =
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';

describe('putting OCR words back into lines', () => {
  it('joins words of one row, separates columns by a tab and gaps by a blank line', () => {
    const tsv = [
      TSV_HEADER,
      word('Số:', 250, 300, 60),
      word('87/KH-UBND', 325, 302, 200),
      // The right column, on the same row, far to the right.
      word('Quy', 1300, 298, 70, 40, [2, 1]),
      word('Kỳ,', 1385, 300, 60, 40, [2, 1]),
      // The next line after a gap of two line heights.
      word('KẾ', 1000, 450, 60, 40, [3, 1]),
      word('HOẠCH', 1075, 452, 150, 40, [3, 1]),
      '4\t1\t1\t1\t1\t0\t0\t0\t10\t10\t-1\t',
    ].join('\n');
    expect(layoutOcrWords(tsv)).toBe('Số: 87/KH-UBND\tQuy Kỳ,\n\nKẾ HOẠCH');
  });

  it('reads the header columns apart when their lines fall between each other', () => {
    // The issuing body wraps in its narrow column; the motto sits halfway between its two lines,
    // and Tesseract gives the parent body and the national name as one line.
    const tsv = [
      TSV_HEADER,
      word('UBND', 200, 100, 110, 30, [1, 1]),
      word('HUYỆN', 320, 100, 130, 30, [1, 1]),
      word('CỘNG', 800, 102, 110, 30, [1, 1]),
      word('HÒA', 920, 102, 90, 30, [1, 1]),
      word('ỦY', 180, 140, 50, 30, [2, 1]),
      word('BAN', 240, 140, 80, 30, [2, 1]),
      word('XÃ', 330, 140, 50, 30, [2, 1]),
      word('Độc', 820, 158, 60, 30, [2, 2]),
      word('lập', 890, 158, 50, 30, [2, 2]),
      word('CƯỜNG', 250, 176, 130, 30, [2, 3]),
      word('Số:', 230, 230, 50, 30, [2, 4]),
      word('87/KH-UBND', 290, 230, 200, 30, [2, 4]),
      word('ngày', 850, 230, 80, 30, [2, 4]),
      // A speck in the gutter that Tesseract itself does not believe.
      word('^-IA', 600, 150, 60, 8, [2, 2]).replace('\t95\t', '\t0\t'),
      // The type name centred under the header, then a summary line across both columns.
      word('KẾ', 700, 265, 50, 30, [3, 1]),
      word('HOẠCH', 760, 265, 110, 30, [3, 1]),
      word('Cải', 450, 300, 50, 30, [4, 1]),
      word('cách', 510, 300, 80, 30, [4, 1]),
      word('năm', 600, 300, 70, 30, [4, 1]),
      word('2023', 680, 300, 80, 30, [4, 1]),
    ].join('\n');
    expect(layoutOcrWords(tsv).split('\n')).toEqual([
      'UBND HUYỆN\tCỘNG HÒA',
      'ỦY BAN XÃ\tĐộc lập',
      'CƯỜNG\tngày',
      'Số: 87/KH-UBND\tKẾ HOẠCH',
      'Cải cách năm 2023',
    ]);
  });

  it('puts the words of a page fed askew back on their lines', () => {
    // A page turned by 3°: each word 5 px lower per 100 px across, so the end of a long line
    // comes down to the height of the start of the next one.
    const askew = (text: string, left: number, top: number, width: number, line: number) =>
      word(text, left, top + Math.round(0.0524 * left), width, 30, [1, line]);
    const long = 'Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2023 của Ủy ban nhân dân huyện'.split(
      ' ',
    );
    const tsv = [
      TSV_HEADER,
      ...long.map((w, i) => askew(w, 200 + i * 85, 300, 75, 1)),
      askew('hành', 200, 345, 75, 2),
      askew('chính.', 285, 345, 90, 2),
    ].join('\n');
    expect(layoutOcrWords(tsv).split('\n')).toEqual([long.join(' '), 'hành chính.']);
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

/**
 * Evidence checks (issue "evidence that checks itself", speed and safety):
 * - a 20-page signed text PDF read and checked (signature, text, Decree 30 metadata): target < 1 s;
 * - OCR of one scanned A4 page (300 dpi image in a PDF): target < 10 s (skipped without
 *   Tesseract's Vietnamese model or pdftoppm);
 * - a batch of files re-checked one after the other, as the background queue does, with a
 *   progress bar on stderr: files per second and the time for 1.000 files.
 *
 * Each check runs the production path (`checkFile`: signature inspection in process, text in a
 * worker thread with its limits, OCR as child processes). Environment: PARINDEX_BENCH_EVIDENCE_N
 * (batch size, default 1000). Run alone: `node --import tsx bench/evidence-check.bench.ts`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { createProgressBar } from '../src/cli/progress.ts';
import { checkFile } from '../src/server/features/evidence/check.service.ts';
import { detectOcrTools } from '../src/server/features/evidence/ocr.ts';
import {
  createTestSigner,
  decree30Lines,
  imagePdf,
  pdftoppm,
  rasterise,
  signPdf,
  textPdf,
  vietnameseFont,
} from '../src/server/features/evidence/pdf-fixtures.ts';
import type { BenchModule, BenchResult } from './run.ts';

const N = Number(process.env.PARINDEX_BENCH_EVIDENCE_N ?? 1000);
const PDF = 'application/pdf';
const fontkit = createRequire(import.meta.url)('fontkit') as Parameters<
  PDFDocument['registerFontkit']
>[0];

const ms = (n: number) => `${Math.round(n).toLocaleString('vi-VN')} ms`;

/** A 20-page plan: the Decree 30 header on page 1, body text, the signing block on page 20. */
async function twentyPages(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(vietnameseFont!), { subset: true });
  const header = decree30Lines();
  const body =
    'Tiếp tục đẩy mạnh cải cách thủ tục hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp.';
  for (let p = 1; p <= 20; p++) {
    const page = doc.addPage([595, 842]);
    let y = 790;
    const lines = p === 1 ? header.slice(0, 9) : p === 20 ? header.slice(9) : [];
    for (const [left, right] of lines) {
      if (left) page.drawText(left, { x: 60, y, size: 11, font });
      if (right) page.drawText(right, { x: 320, y, size: 11, font });
      y -= 16;
    }
    while (y > 80) {
      page.drawText(`${p}.${Math.round((790 - y) / 16)}. ${body}`.slice(0, 95), {
        x: 60,
        y,
        size: 10,
        font,
      });
      y -= 14;
    }
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function run(): Promise<BenchResult> {
  if (!vietnameseFont)
    return { figures: [{ label: 'skipped', value: 'no serif font with Vietnamese letters' }] };
  const figures: BenchResult['figures'] = [];
  let pass = true;
  const signer = createTestSigner();

  // 1. A 20-page signed PDF.
  const signed = await signPdf(await twentyPages(), signer);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [outcome, t] = await timed(() => checkFile(signed, PDF));
    if (outcome.signatures?.[0]?.status !== 'valid' || outcome.metadata?.number !== '87/KH-UBND')
      throw new Error('the 20-page PDF was not read as expected');
    times.push(t);
  }
  const twenty = median(times);
  figures.push({
    label: '20-page signed PDF (median of 5)',
    value: `${ms(twenty)} (target < 1.000 ms)`,
  });
  pass &&= twenty < 1000;

  // 2. OCR of one scanned page.
  const ocr = await detectOcrTools();
  if (ocr.tesseract && ocr.pdftoppm && pdftoppm) {
    const scan = await imagePdf([rasterise(await textPdf(), 300)]);
    const [outcome, t] = await timed(() => checkFile(scan, PDF));
    if (outcome.readBy !== 'ocr' || outcome.metadata?.number !== '87/KH-UBND')
      throw new Error('the scanned page was not read by OCR as expected');
    figures.push({
      label: 'OCR of one scanned A4 page (300 dpi)',
      value: `${ms(t)} (target < 10.000 ms)`,
    });
    pass &&= t < 10_000;
  } else
    figures.push({
      label: 'OCR of one scanned page',
      value: 'skipped: tesseract (vie) or pdftoppm missing',
    });

  // 3. A batch, one file after the other, with progress.
  const variants: Buffer[] = [];
  for (let i = 0; i < 10; i++) {
    const lines = decree30Lines(`Quy Kỳ, ngày ${10 + i} tháng 5 năm 2023`);
    lines[2] = [`Số: ${100 + i}/KH-UBND`, lines[2]![1]!];
    variants.push(await signPdf(await textPdf(lines), signer));
  }
  const bar = createProgressBar('tệp đã kiểm tra');
  const [, batch] = await timed(async () => {
    for (let i = 0; i < N; i++) {
      const outcome = await checkFile(variants[i % variants.length]!, PDF);
      if (outcome.status !== 'done') throw new Error(`file ${i} was not read`);
      bar.update(i + 1, N);
    }
  });
  figures.push({
    label: `batch of ${N.toLocaleString('vi-VN')} signed one-page PDFs`,
    value: ms(batch),
  });
  figures.push({
    label: 'batch rate',
    value: `${((N / batch) * 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} tệp/giây`,
  });
  return { figures, target: '20-page signed PDF < 1 s; OCR of a page < 10 s', pass };
}

export const bench: BenchModule = { name: 'evidence checks', run };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printResult } = await import('./run.ts');
  printResult(bench.name, await bench.run());
}

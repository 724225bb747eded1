/**
 * Evidence checks (issue "evidence that checks itself", speed and safety):
 * - a 20-page signed text PDF read and checked (signature, text, Decree 30 metadata): target < 1 s;
 * - OCR of one scanned A4 page (300 dpi image in a PDF): target < 10 s (skipped without
 *   Tesseract's Vietnamese model or pdftoppm);
 * - a batch of files re-checked one after the other, as the background queue does, with a
 *   progress bar on stderr: files per second and the time for 1.000 files;
 * - the same number of files of one unit's library re-checked through the product's batch
 *   (`startEvidenceRecheck` on an embedded database, the background worker, the progress polled
 *   as the web app's progress bar does): the time until the batch says it is done.
 *
 * Each check runs the production path (`checkFile`: signature inspection in process, text in a
 * worker thread with its limits, OCR as child processes). Environment: PARINDEX_BENCH_EVIDENCE_N
 * (batch size, default 1000). Run alone: `node --import tsx bench/evidence-check.bench.ts`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Actor } from '../src/domain/access.ts';
import { createProgressBar } from '../src/cli/progress.ts';
import { startDeps } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { checkFile, drainEvidenceChecks } from '../src/server/features/evidence/check.service.ts';
import {
  getEvidenceRecheck,
  startEvidenceRecheck,
} from '../src/server/features/evidence/recheck.service.ts';
import { uploadEvidence } from '../src/server/features/evidence/service.ts';
import { samplePdf } from '../src/server/test-support/test-files.ts';
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
} from '../src/server/test-support/test-pdfs.ts';
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
  figures.push(...(await libraryBatch(variants.length)));
  return { figures, target: '20-page signed PDF < 1 s; OCR of a page < 10 s', pass };
}

/**
 * N files of one unit's library (one in ten a signed Decree 30 plan, the others small text PDFs;
 * every file different, as the library stores a content once) re-checked as the product's batch.
 */
async function libraryBatch(signedEvery: number): Promise<BenchResult['figures']> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parindex-bench-evidence-'));
  const { deps } = await startDeps(
    loadConfig({
      PARINDEX_DATA_DIR: dataDir,
      PARINDEX_DEMO: '0',
      PARINDEX_ADMIN_PASSWORD: 'bench-evidence-password',
      LOG_LEVEL: 'silent',
    }),
  );
  try {
    const [unit] = await deps.db.query<{ id: number }>(
      "SELECT id FROM units WHERE code = '19' AND valid_to IS NULL",
    );
    const [admin] = await deps.db.query<{ id: number }>(
      "SELECT id FROM users WHERE username = 'admin'",
    );
    const actor: Actor = {
      userId: admin!.id,
      username: 'admin',
      fullName: 'Quản trị hệ thống',
      grants: [{ role: 'system_admin', unitId: null, unitPath: null }],
    };
    const signer = createTestSigner();
    const uploadBar = createProgressBar('tệp đã tải lên thư viện');
    for (let i = 0; i < N; i++) {
      let file: Buffer;
      if (i % signedEvery === 0) {
        const lines = decree30Lines('Quy Kỳ, ngày 10 tháng 5 năm 2023');
        lines[2] = [`Số: ${1000 + i}/KH-UBND`, lines[2]![1]!];
        file = await signPdf(await textPdf(lines), signer);
      } else file = samplePdf(`Tai lieu kiem chung so ${i}`);
      await uploadEvidence(
        deps,
        actor,
        unit!.id,
        { filename: `tai-lieu-${i}.pdf`, stream: Readable.from([file]) },
        async () => ({ number: null, type: 'other', issuedOn: null, issuer: null, summary: '' }),
      );
      uploadBar.update(i + 1, N);
    }
    await drainEvidenceChecks(deps);

    const bar = createProgressBar('tệp đã đọc lại (lượt kiểm tra lại)');
    const [last, elapsed] = await timed(async () => {
      const { batch } = await startEvidenceRecheck(deps, actor, unit!.id);
      let progress = batch;
      while (!progress.done) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        progress = await getEvidenceRecheck(deps, actor, batch.id);
        bar.update(progress.checked, progress.total);
      }
      return progress;
    });
    if (last.total !== N || last.unreadable !== 0)
      throw new Error(
        `the batch read ${last.checked}/${last.total}, ${last.unreadable} unreadable`,
      );
    return [
      {
        label: `library batch of ${N.toLocaleString('vi-VN')} files (queue, worker, polled)`,
        value: ms(elapsed),
      },
    ];
  } finally {
    await drainEvidenceChecks(deps);
    await deps.db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const bench: BenchModule = { name: 'evidence checks', run };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printResult } = await import('./run.ts');
  printResult(bench.name, await bench.run());
}

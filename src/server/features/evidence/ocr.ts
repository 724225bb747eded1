/**
 * Reading scans: a PDF page or image without a text layer goes through Tesseract OCR with its
 * Vietnamese model (`tesseract-ocr-vie`), PDF pages being rendered to images first by poppler's
 * `pdftoppm`. Both are separate programs, found at run time; without them a scan stays "not read".
 *
 * Each program runs as a child process with a wall-clock limit (killed when exceeded), an
 * address-space limit (through util-linux `prlimit` where present) and one thread, in a private
 * temporary directory that is removed afterwards: a hostile file costs at most those limits.
 * Rendered pages are scaled to a fixed size whatever the page box says, so a PDF announcing a
 * page of kilometres renders like an A4 page.
 *
 * Tesseract's word boxes are put back into lines the way the PDF text extraction does (columns on
 * one line separated by a tab, a blank line where the page leaves a gap), so the Decree 30 reader
 * sees the same text for a scan as for the original.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toolsConfig } from '../../config.ts';

export interface OcrLimits {
  /** Wall-clock limit for each program run (one page rendered, one page read). */
  timeoutMs: number;
  /** Address-space limit for each program, in MiB. */
  maxMemoryMb: number;
  /** Pages of a scanned PDF read at most: the first ones (header) and the last (signing block). */
  maxPages: number;
  /** The longest side of a rendered page, in pixels (3,508 = A4 at 300 dpi). */
  pagePixels: number;
}

export const DEFAULT_OCR_LIMITS: OcrLimits = {
  timeoutMs: 60_000,
  maxMemoryMb: 1024,
  maxPages: 4,
  pagePixels: 3508,
};

export type OcrResult =
  | { status: 'ok'; text: string; pages: number }
  | { status: 'unavailable' }
  | { status: 'timeout' }
  | { status: 'failed'; reason: string };

export interface OcrTools {
  /** `tesseract` with the Vietnamese model: images can be read. */
  tesseract: string | null;
  /** `pdftoppm`: scanned PDF pages can be rendered for OCR. */
  pdftoppm: string | null;
  prlimit: string | null;
}

const SEARCH_PATH = ['/usr/local/bin', '/usr/bin', '/bin'];

async function findProgram(name: string): Promise<string | null> {
  const dirs = [...toolsConfig().searchPath, ...SEARCH_PATH];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      await access(candidate);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

interface RunResult {
  ok: boolean;
  stdout: string;
  timedOut: boolean;
  reason: string;
}

function run(
  tools: OcrTools,
  program: string,
  args: string[],
  limits: Pick<OcrLimits, 'timeoutMs' | 'maxMemoryMb'>,
): Promise<RunResult> {
  const [file, argv] = tools.prlimit
    ? [tools.prlimit, [`--as=${limits.maxMemoryMb * 1024 * 1024}`, '--', program, ...args]]
    : [program, args];
  return new Promise((resolve) => {
    execFile(
      file,
      argv,
      {
        timeout: limits.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        encoding: 'utf8',
        env: {
          PATH: toolsConfig().searchPath.join(':') || '/usr/bin:/bin',
          OMP_THREAD_LIMIT: '1',
          LC_ALL: 'C.UTF-8',
        },
      },
      (error, stdout) => {
        if (!error) return resolve({ ok: true, stdout, timedOut: false, reason: '' });
        const timedOut = (error as { killed?: boolean }).killed === true;
        resolve({ ok: false, stdout, timedOut, reason: timedOut ? 'timeout' : error.message });
      },
    );
  });
}

let detected: Promise<OcrTools> | null = null;

/**
 * The OCR programs on this machine, looked up once: `tesseract` counts only when it has the
 * Vietnamese model. `PARINDEX_OCR=off` turns OCR off whatever is installed.
 */
export function detectOcrTools(): Promise<OcrTools> {
  detected ??= (async (): Promise<OcrTools> => {
    const none: OcrTools = { tesseract: null, pdftoppm: null, prlimit: null };
    if (!toolsConfig().ocr) return none;
    const [tesseract, pdftoppm, prlimit] = await Promise.all(
      ['tesseract', 'pdftoppm', 'prlimit'].map(findProgram),
    );
    let withVietnamese: string | null = null;
    if (tesseract) {
      const langs = await run(none, tesseract, ['--list-langs'], {
        timeoutMs: 10_000,
        maxMemoryMb: 512,
      });
      if (langs.ok && /^vie$/m.test(langs.stdout)) withVietnamese = tesseract;
    }
    return { tesseract: withVietnamese, pdftoppm: pdftoppm ?? null, prlimit: prlimit ?? null };
  })();
  return detected;
}

/** Forgets what was detected, so that the next check looks again (tests, `PARINDEX_OCR`). */
export function resetOcrDetection(): void {
  detected = null;
}

interface Word {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Row {
  top: number;
  bottom: number;
  height: number;
  words: Word[];
}

/**
 * Tesseract's TSV output (one row per word with its box) as text lines: words whose boxes share a
 * row form one line, a wide gap between them becomes a tab (two columns), and a blank line marks a
 * vertical gap of more than about one line.
 */
export function layoutOcrWords(tsv: string): string {
  const words: Word[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const f = line.split('\t');
    if (f[0] !== '5' || f.length < 12) continue;
    const text = f.slice(11).join('\t').trim();
    if (text === '') continue;
    words.push({
      text,
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
    });
  }
  // Tesseract's own lines: the words of one block, paragraph and line.
  const rows: Row[] = [];
  for (const w of [...words].sort((a, b) => a.top - b.top || a.left - b.left)) {
    const centre = w.top + w.height / 2;
    const row = rows.find((r) => centre >= r.top && centre <= r.bottom);
    if (row) {
      row.words.push(w);
      row.top = Math.min(row.top, w.top);
      row.bottom = Math.max(row.bottom, w.top + w.height);
      row.height = Math.max(row.height, w.height);
    } else rows.push({ top: w.top, bottom: w.top + w.height, height: w.height, words: [w] });
  }
  rows.sort((a, b) => a.top - b.top);
  const out: string[] = [];
  let previous: Row | null = null;
  for (const row of rows) {
    if (previous && row.top - previous.bottom > 1.2 * Math.max(previous.height, row.height))
      out.push('');
    row.words.sort((a, b) => a.left - b.left);
    let text = '';
    let end: number | null = null;
    for (const w of row.words) {
      if (end !== null) text += w.left - end > 3 * row.height ? '\t' : ' ';
      text += w.text;
      end = w.left + w.width;
    }
    out.push(text);
    previous = row;
  }
  return out.join('\n');
}

async function readImage(
  tools: OcrTools,
  tesseract: string,
  image: string,
  limits: OcrLimits,
): Promise<RunResult> {
  // --psm 3: automatic page segmentation (the header's two columns are separate blocks).
  return run(tools, tesseract, [image, 'stdout', '-l', 'vie', '--psm', '3', 'tsv'], limits);
}

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parindex-ocr-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Reads the text of a scanned image (PNG or JPEG). */
export async function ocrImage(
  bytes: Uint8Array,
  format: 'png' | 'jpg',
  limits: OcrLimits = DEFAULT_OCR_LIMITS,
): Promise<OcrResult> {
  const tools = await detectOcrTools();
  const tesseract = tools.tesseract;
  if (!tesseract) return { status: 'unavailable' };
  return withTempDir(async (dir) => {
    const image = path.join(dir, `scan.${format}`);
    await writeFile(image, bytes);
    const result = await readImage(tools, tesseract, image, limits);
    if (result.timedOut) return { status: 'timeout' };
    if (!result.ok) return { status: 'failed', reason: 'tesseract' };
    return { status: 'ok', text: layoutOcrWords(result.stdout), pages: 1 };
  });
}

/** The pages of a long scan worth reading: the first ones and the last one. */
export function pagesToRead(count: number, maxPages: number): number[] {
  if (count <= maxPages) return Array.from({ length: count }, (_, i) => i + 1);
  const head = Array.from({ length: Math.max(1, maxPages - 1) }, (_, i) => i + 1);
  return [...head, count];
}

/** Reads the text of a scanned PDF of `pageCount` pages, page by page. */
export async function ocrPdf(
  bytes: Uint8Array,
  pageCount: number,
  limits: OcrLimits = DEFAULT_OCR_LIMITS,
): Promise<OcrResult> {
  const tools = await detectOcrTools();
  const { tesseract, pdftoppm } = tools;
  if (!tesseract || !pdftoppm) return { status: 'unavailable' };
  return withTempDir(async (dir) => {
    const pdf = path.join(dir, 'scan.pdf');
    await writeFile(pdf, bytes);
    const texts: string[] = [];
    for (const page of pagesToRead(pageCount, limits.maxPages)) {
      const prefix = path.join(dir, `page-${page}`);
      const args = ['-f', String(page), '-l', String(page), '-gray', '-png', '-singlefile'];
      const render = await run(
        tools,
        pdftoppm,
        [...args, '-scale-to', String(limits.pagePixels), pdf, prefix],
        limits,
      );
      if (render.timedOut) return { status: 'timeout' };
      if (!render.ok) return { status: 'failed', reason: 'pdftoppm' };
      const image = (await readdir(dir)).find((f) => f.startsWith(`page-${page}.`));
      if (!image) return { status: 'failed', reason: 'pdftoppm' };
      const result = await readImage(tools, tesseract, path.join(dir, image), limits);
      if (result.timedOut) return { status: 'timeout' };
      if (!result.ok) return { status: 'failed', reason: 'tesseract' };
      texts.push(layoutOcrWords(result.stdout));
      await rm(path.join(dir, image), { force: true });
    }
    return { status: 'ok', text: texts.join('\n\n'), pages: pageCount };
  });
}

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
 * Before it is read, a page is straightened when ImageMagick and Tesseract's orientation model are
 * installed: turned upright, deskewed and cleaned of speckle (see `straighten`). Tesseract's word
 * boxes are then put back into lines the way the PDF text extraction does (columns read apart and
 * put side by side, separated by a tab, a blank line where the page leaves a gap), so the Decree
 * 30 reader sees the same text for a scan as for the original.
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
  /**
   * ImageMagick (`magick` or `convert`): scans are turned upright, deskewed and cleaned of
   * speckle before OCR. Without it they are read as they come.
   */
  imagemagick: string | null;
  /** Tesseract's orientation model (`osd`): a page scanned sideways or upside down is found. */
  osd: boolean;
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
          MAGICK_THREAD_LIMIT: '1',
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

/** What is missing for scans to be straightened before OCR, said once in the server's log. */
let warned = false;

const NO_TOOLS: OcrTools = {
  tesseract: null,
  pdftoppm: null,
  prlimit: null,
  imagemagick: null,
  osd: false,
};

/**
 * The OCR programs on this machine, looked up once: `tesseract` counts only when it has the
 * Vietnamese model, ImageMagick only when it answers as ImageMagick. `PARINDEX_OCR=off` turns
 * OCR off whatever is installed.
 */
export function detectOcrTools(): Promise<OcrTools> {
  detected ??= (async (): Promise<OcrTools> => {
    if (!toolsConfig().ocr) return NO_TOOLS;
    const [tesseract, pdftoppm, prlimit, magick, convert] = await Promise.all(
      ['tesseract', 'pdftoppm', 'prlimit', 'magick', 'convert'].map(findProgram),
    );
    const probe = { timeoutMs: 10_000, maxMemoryMb: 512 };
    let withVietnamese: string | null = null;
    let osd = false;
    if (tesseract) {
      const langs = await run(NO_TOOLS, tesseract, ['--list-langs'], probe);
      if (langs.ok && /^vie$/m.test(langs.stdout)) withVietnamese = tesseract;
      osd = langs.ok && /^osd$/m.test(langs.stdout);
    }
    let imagemagick: string | null = null;
    for (const candidate of [magick, convert]) {
      if (!candidate || imagemagick) continue;
      const version = await run(NO_TOOLS, candidate, ['-version'], probe);
      if (version.ok && /^Version: ImageMagick/m.test(version.stdout)) imagemagick = candidate;
    }
    const tools = {
      tesseract: withVietnamese,
      pdftoppm: pdftoppm ?? null,
      prlimit: prlimit ?? null,
      imagemagick,
      osd,
    };
    const missing = straighteningMissing(tools);
    if (missing && !warned) {
      warned = true;
      process.emitWarning(
        `Scans are read by OCR as they come, without being straightened: ${missing}. ` +
          'A rotated or skewed scan may lose its header and signing block.',
        { code: 'PARINDEX_OCR_STRAIGHTENING' },
      );
    }
    return tools;
  })();
  return detected;
}

/**
 * Why scans cannot be turned upright and deskewed before OCR on this machine, or null when they
 * can (or when there is no OCR at all, which is told otherwise).
 */
export function straighteningMissing(tools: OcrTools): string | null {
  if (!tools.tesseract) return null;
  if (!tools.imagemagick) return 'ImageMagick (Debian: imagemagick) is not installed';
  if (!tools.osd)
    return "Tesseract's orientation model (Debian: tesseract-ocr-osd) is not installed";
  return null;
}

/** Forgets what was detected, so that the next check looks again (tests, `PARINDEX_OCR`). */
export function resetOcrDetection(): void {
  detected = null;
  warned = false;
}

interface Word {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Tesseract's line of the word: block, paragraph and line numbers. */
  line: string;
}

interface Row {
  top: number;
  bottom: number;
  words: Word[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** One row's text: a wide gap between words is a tab (cells of one row), a narrow one a space. */
function rowText(words: Word[]): string {
  const height = median(words.map((w) => w.height));
  let text = '';
  let end: number | null = null;
  for (const w of [...words].sort((a, b) => a.left - b.left)) {
    if (end !== null) text += w.left - end > 3 * height ? '\t' : ' ';
    text += w.text;
    end = w.left + w.width;
  }
  return text;
}

/**
 * Words into rows: Tesseract's own lines, and lines side by side at the same height (a line
 * whose middle lies within the first line of a row) joined into one row.
 */
function rowsOf(words: Word[]): Row[] {
  const lines = new Map<string, Word[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  const rows: (Row & { band: [number, number] })[] = [];
  const byTop = [...lines.values()]
    .map((ws) => ({
      top: Math.min(...ws.map((w) => w.top)),
      bottom: Math.max(...ws.map((w) => w.top + w.height)),
      words: ws,
    }))
    .sort((a, b) => a.top - b.top);
  for (const line of byTop) {
    const middle = (line.top + line.bottom) / 2;
    const row = rows.find((r) => middle >= r.band[0] && middle <= r.band[1]);
    if (row) {
      row.words.push(...line.words);
      row.top = Math.min(row.top, line.top);
      row.bottom = Math.max(row.bottom, line.bottom);
    } else rows.push({ ...line, words: [...line.words], band: [line.top, line.bottom] });
  }
  return rows.sort((a, b) => a.top - b.top);
}

/**
 * The x positions where a group of words splits into columns: gaps of at least `minGap` in the
 * union of the words' extents, i.e. strips of the page that no word of the group crosses.
 */
function gutters(words: Word[], minGap: number): number[] {
  const spans = words.map((w) => [w.left, w.left + w.width] as const).sort((a, b) => a[0] - b[0]);
  const cuts: number[] = [];
  let end = spans[0]![1];
  for (const [from, to] of spans.slice(1)) {
    if (from - end >= minGap) cuts.push((from + end) / 2);
    end = Math.max(end, to);
  }
  return cuts;
}

/** Rows as text: their columns read apart (each on its own), side by side, or row by row. */
function runText(rows: Row[], cuts: number[]): string[] {
  if (cuts.length === 0) return rows.map((r) => rowText(r.words));
  const columns: Word[][] = Array.from({ length: cuts.length + 1 }, () => []);
  for (const w of rows.flatMap((r) => r.words)) {
    const centre = w.left + w.width / 2;
    let c = 0;
    while (c < cuts.length && centre > cuts[c]!) c++;
    columns[c]!.push(w);
  }
  const texts = columns.map((column) => rowsOf(column).map((r) => rowText(r.words)));
  const count = Math.max(...texts.map((t) => t.length));
  return Array.from({ length: count }, (_, r) => texts.map((t) => t[r] ?? '').join('\t'));
}

/**
 * A group of rows between two vertical gaps, as text. A scan leaves no gap between the header
 * table and the centred type name under it, so the group is cut where a row would cross the
 * columns of the rows above it: the header's columns are read apart, and the summary line that
 * spans them is read as a row of its own.
 */
function groupText(rows: Row[]): string[] {
  const height = median(rows.flatMap((r) => r.words.map((w) => w.height)));
  const cutsOf = (run: Row[]) =>
    run.length > 1
      ? gutters(
          run.flatMap((r) => r.words),
          1.2 * height,
        )
      : [];
  const out: string[] = [];
  let run: Row[] = [];
  let cuts: number[] = [];
  for (const row of rows) {
    const next = cutsOf([...run, row]);
    if (cuts.length > 0 && next.length === 0) {
      out.push(...runText(run, cuts));
      run = [row];
      cuts = [];
    } else {
      run.push(row);
      cuts = next;
    }
  }
  out.push(...runText(run, cuts));
  return out;
}

/**
 * The slope of the page's lines (down per pixel across; positive when they fall to the right),
 * from Tesseract's own lines of three words or more: each line's slope by least squares over its
 * words' bottoms, and the median of them, so a few words off their line do not count.
 */
export function skewOf(words: Word[]): number {
  const lines = new Map<string, Word[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  const slopes: number[] = [];
  for (const line of lines.values()) {
    if (line.length < 3) continue;
    const xs = line.map((w) => w.left + w.width / 2);
    const ys = line.map((w) => w.top + w.height);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let sxy = 0;
    let sxx = 0;
    xs.forEach((x, i) => {
      sxy += (x - mx) * (ys[i]! - my);
      sxx += (x - mx) ** 2;
    });
    if (sxx > 0) slopes.push(sxy / sxx);
  }
  return slopes.length === 0 ? 0 : median(slopes);
}

/**
 * Puts the word boxes of a slightly rotated scan back on level lines (a shear by the page's
 * skew, exact enough for the few degrees of a sheet fed askew), so that the rows and columns are
 * found as on a straight page. Tesseract reads the words of a skewed line well; it is only their
 * boxes that drift from one row to the next across the page.
 */
function unskew(words: Word[]): void {
  const slope = skewOf(words);
  if (Math.abs(slope) < 0.002) return;
  for (const w of words) {
    const x = w.left + w.width / 2;
    const y = w.top + w.height / 2;
    w.top = Math.round(w.top - slope * x);
    w.left = Math.round(w.left + slope * y);
  }
}

/** Tesseract's confidence (0–100) under which a word is taken for a speck of the scan. */
const MIN_WORD_CONFIDENCE = 10;

/**
 * Tesseract's TSV output (one row per word with its box and line) as text lines, laid out as the
 * PDF text extraction lays out a text page: rows are Tesseract's lines (those side by side at one
 * height joined), a blank line marks a vertical gap of more than about one line, and within each
 * group of rows between two gaps, columns that no word crosses (the header's issuing body on the
 * left, the national name and motto on the right; the recipients and the signing block) are read
 * on their own and put side by side, separated by a tab. So the left header block is read as the
 * issuing body however the two columns' lines fall against each other.
 */
export function layoutOcrWords(tsv: string): string {
  const words: Word[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const f = line.split('\t');
    if (f[0] !== '5' || f.length < 12) continue;
    const text = f.slice(11).join('\t').trim();
    // Specks read as punctuation alone, or as letters Tesseract itself does not believe, are
    // noise (they would bridge the gap between two columns).
    if (!/[\p{L}\p{N}]/u.test(text) || Number(f[10]) < MIN_WORD_CONFIDENCE) continue;
    words.push({
      text,
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
      line: `${f[2]}.${f[3]}.${f[4]}`,
    });
  }
  if (words.length === 0) return '';
  unskew(words);
  const groups: Row[][] = [];
  let previous: Row | null = null;
  for (const row of rowsOf(words)) {
    const height = (r: Row) => median(r.words.map((w) => w.height));
    if (!previous || row.top - previous.bottom > 1.2 * Math.max(height(previous), height(row)))
      groups.push([]);
    groups.at(-1)!.push(row);
    previous = previous && previous.bottom > row.bottom ? previous : row;
  }
  return groups.map((group) => groupText(group).join('\n')).join('\n\n');
}

/** The quarter turn Tesseract's orientation detection says turns the page upright (0 if unsure). */
async function uprightTurn(
  tools: OcrTools,
  tesseract: string,
  image: string,
  limits: OcrLimits,
): Promise<number> {
  if (!tools.osd) return 0;
  // --psm 0: orientation and script detection only. A page with too few letters fails: upright.
  const osd = await run(tools, tesseract, [image, 'stdout', '--psm', '0'], limits);
  const turn = /^Rotate: (90|180|270)$/m.exec(osd.stdout);
  const confidence = Number(/^Orientation confidence: ([\d.]+)$/m.exec(osd.stdout)?.[1] ?? 0);
  return osd.ok && turn && confidence >= MIN_ORIENTATION_CONFIDENCE ? Number(turn[1]) : 0;
}

/** Orientation confidence under which a page is left as it is (an upright page scores 10–15). */
const MIN_ORIENTATION_CONFIDENCE = 2;
/**
 * The longest side of a page as it is read once straightened, in pixels: A4 at 200 dpi. A scan
 * of any resolution is brought to it, so that the speckle filter fits the letters' strokes.
 */
const READ_PIXELS = 2339;
/** Skew under which a page is not rotated, in degrees. */
const MIN_SKEW_DEGREES = 0.2;

/**
 * The scan made ready for OCR with ImageMagick: in grey at A4 200 dpi, turned upright (the
 * quarter turn Tesseract's orientation model finds), deskewed (by the angle ImageMagick's
 * `-deskew` finds on a half-size copy), and cleaned of speckle by a 3×3 median, which keeps the
 * letters and their diacritics and removes the grain a scanner or a photocopy leaves (a grainy
 * page rotated by 5° loses its header without it). Without ImageMagick, the scan as it came.
 * The input is named with its format, so ImageMagick reads it only as that format, whatever the
 * bytes claim.
 */
async function straighten(
  tools: OcrTools,
  tesseract: string,
  image: string,
  format: 'png' | 'jpg',
  limits: OcrLimits,
): Promise<{ image: string } | { failed: RunResult }> {
  const magick = tools.imagemagick;
  if (!magick) return { image };
  const input = `${format}:${image}`;
  const turn = await uprightTurn(tools, tesseract, image, limits);
  const measure = await run(
    tools,
    magick,
    [
      input,
      '-rotate',
      String(turn),
      '-resize',
      '50%',
      '-deskew',
      '40%',
      '-format',
      '%[deskew:angle]',
      'info:',
    ],
    limits,
  );
  if (!measure.ok) return { failed: measure };
  const skew = Number(measure.stdout.trim());
  // ImageMagick's angle is the one to rotate by (clockwise) to level the lines.
  const rotate = Number.isFinite(skew) && Math.abs(skew) >= MIN_SKEW_DEGREES ? skew : 0;
  const output = `${image}.ready.png`;
  const size = `${READ_PIXELS}x${READ_PIXELS}`;
  const args = [input, '-colorspace', 'Gray', '-resize', size];
  if (turn !== 0) args.push('-rotate', String(turn));
  // The corners a rotation uncovers take the edge's pixels, not white: a white wedge against a
  // grainy page would be read as a picture's border, and the header line beside it lost.
  if (rotate !== 0)
    args.push('-virtual-pixel', 'Edge', '-filter', 'Point', '-distort', 'SRT', rotate.toFixed(2));
  args.push('-statistic', 'median', '3x3', '-depth', '8', `png:${output}`);
  const ready = await run(tools, magick, args, limits);
  return ready.ok ? { image: output } : { failed: ready };
}

async function readImage(
  tools: OcrTools,
  tesseract: string,
  image: string,
  format: 'png' | 'jpg',
  limits: OcrLimits,
): Promise<RunResult> {
  const straightened = await straighten(tools, tesseract, image, format, limits);
  if ('failed' in straightened && straightened.failed.timedOut)
    return { ...straightened.failed, reason: 'timeout' };
  // A page ImageMagick refuses (its own resource policy, a format quirk) is read as it came.
  const ready = 'failed' in straightened ? { image } : straightened;
  // --psm 3: automatic page segmentation (the header's two columns are separate blocks).
  const args = [ready.image, 'stdout', '-l', 'vie', '--psm', '3', 'tsv'];
  const result = await run(tools, tesseract, args, limits);
  if (ready.image !== image) await rm(ready.image, { force: true });
  return { ...result, reason: 'tesseract' };
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
    const result = await readImage(tools, tesseract, image, format, limits);
    if (result.timedOut) return { status: 'timeout' };
    if (!result.ok) return { status: 'failed', reason: result.reason };
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
      const result = await readImage(tools, tesseract, path.join(dir, image), 'png', limits);
      if (result.timedOut) return { status: 'timeout' };
      if (!result.ok) return { status: 'failed', reason: result.reason };
      texts.push(layoutOcrWords(result.stdout));
      await rm(path.join(dir, image), { force: true });
    }
    return { status: 'ok', text: texts.join('\n\n'), pages: pageCount };
  });
}

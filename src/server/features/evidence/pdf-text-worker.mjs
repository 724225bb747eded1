// Extracts PDFs' text in a worker thread, one file at a time, so that the caller can stop a hostile file (endless
// loops, huge content streams) with a timeout and a memory limit. Lines are rebuilt from the text
// items' positions, the way the Decree 30 reader (src/domain/documents/) expects them: a blank line
// marks a vertical gap, and columns side by side are separated by a tab. Columns are found per
// group of lines between two gaps, as vertical strips that no text crosses (the header's issuing
// body on the left, the national name and motto on the right): each column's lines are read on
// their own and put side by side row by row, so a left cell is never run into the right one, even
// when the two are printed close together or at slightly different heights.
import { parentPort } from 'node:worker_threads';
import { getDocumentProxy } from 'unpdf';

/** Text items into lines: items whose baselines are within a fraction of their height. */
function linesOf(glyphs) {
  const lines = [];
  for (const g of [...glyphs].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - g.y) <= Math.max(2, g.h * 0.4)) {
      line.items.push(g);
      line.h = Math.max(line.h, g.h);
    } else lines.push({ y: g.y, h: g.h, items: [g] });
  }
  return lines;
}

/** One line's text: a wide gap is a tab (cells of one row), a narrow one a space. */
function lineText(items) {
  let text = '';
  let end = null;
  for (const g of [...items].sort((a, b) => a.x - b.x)) {
    if (end !== null) {
      const gap = g.x - end;
      if (gap > 3 * g.h) text += '\t';
      else if (gap > 0.15 * g.h && !text.endsWith(' ') && !g.str.startsWith(' ')) text += ' ';
    }
    text += g.str;
    end = g.x + g.w;
  }
  return text;
}

/**
 * The x positions where a group of lines splits into columns: gaps of at least `minGap` in the
 * union of the items' extents, i.e. strips of the page that no text of the group crosses.
 */
function gutters(items, minGap) {
  const spans = items.map((g) => [g.x, g.x + g.w]).sort((a, b) => a[0] - b[0]);
  const cuts = [];
  let end = spans[0][1];
  for (const [from, to] of spans.slice(1)) {
    if (from - end >= minGap) cuts.push((from + end) / 2);
    end = Math.max(end, to);
  }
  return cuts;
}

function groupText(lines) {
  const items = lines.flatMap((l) => l.items);
  const heights = items.map((g) => g.h).sort((a, b) => a - b);
  const h = heights[Math.floor(heights.length / 2)];
  const cuts = lines.length > 1 ? gutters(items, 1.2 * h) : [];
  if (cuts.length === 0) return lines.map((l) => lineText(l.items));
  const columns = Array.from({ length: cuts.length + 1 }, () => []);
  for (const g of items) {
    const centre = g.x + g.w / 2;
    let c = 0;
    while (c < cuts.length && centre > cuts[c]) c++;
    columns[c].push(g);
  }
  const texts = columns.map((col) => linesOf(col).map((l) => lineText(l.items)));
  const rows = Math.max(...texts.map((t) => t.length));
  return Array.from({ length: rows }, (_, r) => texts.map((t) => t[r] ?? '').join('\t'));
}

function layout(items) {
  const glyphs = items
    .filter((i) => typeof i.str === 'string' && i.str.trim() !== '')
    .map((i) => ({
      str: i.str,
      x: i.transform[4],
      y: i.transform[5],
      w: i.width,
      h: i.height || 10,
    }));
  // Groups of lines between vertical gaps (a gap is more than about one empty line).
  const groups = [];
  let previous = null;
  for (const line of linesOf(glyphs)) {
    if (!previous || previous.y - line.y > 1.9 * Math.max(previous.h, line.h)) groups.push([]);
    groups.at(-1).push(line);
    previous = line;
  }
  return groups.map((group) => groupText(group).join('\n')).join('\n\n');
}

async function extract(bytes, maxPages) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const count = pdf.numPages;
    // A long document: its header is on the first pages, its signing block on the last.
    const pages =
      count <= maxPages
        ? Array.from({ length: count }, (_, i) => i + 1)
        : [1, 2, 3, count - 1, count];
    const texts = [];
    for (const n of pages) {
      const page = await pdf.getPage(n);
      texts.push(layout((await page.getTextContent()).items));
    }
    return { text: texts.join('\n\n'), pages: count };
  } finally {
    await pdf.destroy();
  }
}

// The worker stays up between files (loading pdf.js is the slow part); the caller replaces it
// when a file takes too long or exhausts its memory.
parentPort.on('message', async ({ id, bytes, maxPages }) => {
  try {
    const { text, pages } = await extract(bytes, maxPages);
    parentPort.postMessage({ id, ok: true, text, pages });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: (error && error.name) || 'Error' });
  }
});

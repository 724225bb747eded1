// Extracts PDFs' text in a worker thread, one file at a time, so that the caller can stop a hostile file (endless
// loops, huge content streams) with a timeout and a memory limit. Lines are rebuilt from the text
// items' positions: columns side by side are separated by a tab, and a blank line marks a gap,
// which is how the Decree 30 reader (src/domain/documents/) expects them.
import { parentPort } from 'node:worker_threads';
import { getDocumentProxy } from 'unpdf';

function layout(items) {
  const glyphs = items
    .filter((i) => typeof i.str === 'string' && i.str.trim() !== '')
    .map((i) => ({
      str: i.str,
      x: i.transform[4],
      y: i.transform[5],
      w: i.width,
      h: i.height || 10,
    }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines = [];
  for (const g of glyphs) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - g.y) <= Math.max(2, g.h * 0.4)) line.items.push(g);
    else lines.push({ y: g.y, h: g.h, items: [g] });
  }
  const out = [];
  let previous = null;
  for (const line of lines) {
    if (previous && previous.y - line.y > 1.9 * Math.max(previous.h, line.h)) out.push('');
    line.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = null;
    for (const g of line.items) {
      if (end !== null) {
        const gap = g.x - end;
        if (gap > 3 * g.h) text += '\t';
        else if (gap > 0.15 * g.h && !text.endsWith(' ') && !g.str.startsWith(' ')) text += ' ';
      }
      text += g.str;
      end = g.x + g.w;
    }
    out.push(text);
    previous = line;
  }
  return out.join('\n');
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

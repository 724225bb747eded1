import { describe, expect, it } from 'vitest';
import { CopyTextBuffer } from './copy-text.ts';

/** Hands every line to the buffer and returns the UTF-8 text of all the chunks it gave back. */
function collect(lines: string[], chunkBytes: number): { text: string; chunks: number[] } {
  const out = new CopyTextBuffer(chunkBytes);
  const parts: Buffer[] = [];
  for (const line of lines) {
    const full = out.add(line);
    if (full !== null) parts.push(Buffer.from(full));
  }
  const rest = out.take();
  if (rest !== null) parts.push(Buffer.from(rest));
  return { text: Buffer.concat(parts).toString('utf8'), chunks: parts.map((p) => p.length) };
}

describe('CopyTextBuffer', () => {
  it('gives back every line, in order, in chunks no larger than asked', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `HS${i}\tThủ tục cấp lại ${i}\t\\N\n`);
    const { text, chunks } = collect(lines, 256);
    expect(text).toBe(lines.join(''));
    expect(chunks.length).toBeGreaterThan(10);
    for (const size of chunks) expect(size).toBeLessThanOrEqual(256);
  });

  it('keeps a line longer than a chunk whole, after the lines before it', () => {
    const long = `${'Đ'.repeat(400)}\n`;
    const { text } = collect(['a\n', long, 'b\n'], 128);
    expect(text).toBe(`a\n${long}b\n`);
  });

  it('gives nothing back when no line was added', () => {
    expect(new CopyTextBuffer(64).take()).toBeNull();
  });
});

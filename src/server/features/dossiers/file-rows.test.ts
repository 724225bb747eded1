/** The CSV splitter: records as RFC 4180 writes them, whatever the chunks the file arrives in. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSplitter, type FileRow } from './file-rows.ts';

function split(chunks: readonly string[], delimiter = ',', crOnly = false): FileRow[] {
  const splitter = new CsvSplitter(delimiter, crOnly);
  const out: FileRow[] = [];
  for (const c of chunks) splitter.push(c, false, out);
  splitter.push('', true, out);
  return out;
}

function toCsv(records: readonly string[][], eol: string): string {
  const field = (v: string) =>
    /[",\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v;
  return records.map((r) => r.map(field).join(',')).join(eol);
}

describe('CsvSplitter', () => {
  it('reads quoted delimiters, doubled quotes, line breaks, BOM, CRLF and skips empty lines', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","he said ""hi"""\r\n\r\n2,"two\nlines",\r\n3,ab"c,d';
    expect(split([text]).map((r) => [r.rowNumber, r.cells])).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', 'x, y', 'he said "hi"']],
      [3, ['2', 'two\nlines', '']],
      [4, ['3', 'ab"c', 'd']],
    ]);
  });

  it('reads files with old Mac line endings and semicolons', () => {
    expect(split(['a;b\r1;2\r'], ';', true).map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ệ', ',', '"', '\n', '\r', ' ', '1') });
    const record = fc.array(cell, { minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 5 }),
        (records, eol, cuts) => {
          const text = toCsv(records, eol);
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks: string[] = [];
          let last = 0;
          for (const p of points) {
            chunks.push(text.slice(last, p));
            last = p;
          }
          chunks.push(text.slice(last));
          expect(split(chunks).map((r) => r.cells)).toEqual(records);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('names the row of a quote that is never closed', () => {
    expect(() => split(['a,b\n1,"open\n2,3\n'])).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ row: 2 }) }),
    );
  });
});

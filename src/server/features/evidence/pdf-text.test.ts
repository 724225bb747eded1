import { describe, expect, it } from 'vitest';
import { textPdf, vietnameseFont } from '../../test-support/test-pdfs.ts';
import { DEFAULT_TEXT_LIMITS, extractPdfText } from './pdf-text.ts';

describe.skipIf(!vietnameseFont)('PDF text in the long-lived worker', () => {
  it('gives each of several files queued at once its own text', async () => {
    const files = await Promise.all(
      ['Một', 'Hai', 'Ba'].map((word) => textPdf([[`Số thứ tự: ${word}`]])),
    );
    const results = await Promise.all(files.map((f) => extractPdfText(f)));
    expect(results.map((r) => (r.status === 'ok' ? r.text : r.status))).toEqual([
      'Số thứ tự: Một',
      'Số thứ tự: Hai',
      'Số thứ tự: Ba',
    ]);
  });

  it('stops a file past its time limit and reads the next one with a fresh worker', async () => {
    const file = await textPdf([['Tệp chậm']]);
    expect(await extractPdfText(file, { ...DEFAULT_TEXT_LIMITS, timeoutMs: 1 })).toEqual({
      status: 'timeout',
    });
    expect(await extractPdfText(file)).toMatchObject({ status: 'ok', text: 'Tệp chậm' });
  });

  it('reports a file that is not a PDF as unreadable and keeps working', async () => {
    expect(await extractPdfText(Buffer.from('không phải PDF'))).toMatchObject({
      status: 'unreadable',
    });
    expect(await extractPdfText(await textPdf([['Vẫn đọc được']]))).toMatchObject({
      status: 'ok',
      text: 'Vẫn đọc được',
    });
  });
});

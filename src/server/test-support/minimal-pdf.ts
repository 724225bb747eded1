/**
 * The one PDF the tests write by hand: a single page, blank or with a line of text in Helvetica,
 * and optionally a comment after the header so that two files differ by content (the evidence
 * library de-duplicates by content). Tests only; used by the server's tests, the benchmarks and
 * the end-to-end suite.
 */
export interface MinimalPdfOptions {
  /** A line of text drawn on the page; omitted: a blank page. */
  text?: string;
  /** A comment line after the header (line breaks become spaces). */
  comment?: string;
  /** The page's size in points; A4 (595 × 842) by default. */
  width?: number;
  height?: number;
}

export function minimalPdf(options: MinimalPdfOptions = {}): Buffer {
  const { text, comment, width = 595, height = 842 } = options;
  const mediaBox = `/MediaBox [0 0 ${width} ${height}]`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  ];
  if (text === undefined) {
    objects.push(`<< /Type /Page /Parent 2 0 R ${mediaBox} >>`);
  } else {
    const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R ${mediaBox} /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    );
  }
  let body =
    comment === undefined ? '%PDF-1.4\n' : `%PDF-1.4\n%${comment.replace(/[\r\n]/g, ' ')}\n`;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

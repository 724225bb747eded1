/** What download routes share: the `Content-Disposition` header of a file sent with its name. */

/** `Content-Disposition` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Words for a file name in plain ASCII: "Cấp xã, phường" → "cap-xa-phuong". */
export function fileNameWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A quarter in a file name's words: "2026-Q4" → "quy-4-2026"; any other text as its words. */
export function quarterFileName(period: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  return m ? `quy-${m[2]}-${m[1]}` : fileNameWords(period);
}

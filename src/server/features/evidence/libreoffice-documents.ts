/**
 * Evidence documents written by LibreOffice, for the tests: a Decree 30 page laid out as offices
 * lay it out (the header a borderless table, the issuing body centred in a narrow left column, the
 * national name and motto centred in the wide right one, the signing block in a table at the end),
 * opened in Writer and converted headless to PDF, Word (.docx) or OpenDocument (.odt), each
 * conversion with a profile of its own in a temporary directory. Tests only.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) =>
  existsSync(p),
);

/** Why LibreOffice documents cannot be made here, or null when they can. */
export const libreOfficeMissing: string | null = soffice
  ? null
  : 'LibreOffice (soffice) is not installed';

export interface Decree30Page {
  parentBody: string;
  issuer: string;
  number: string;
  dateLine: string;
  typeName: string;
  summary: string;
  capacity: string;
  title: string;
  signer: string;
}

/** A plan of xã Bảo Cường, huyện Định Hóa, whose issuing body wraps in its column. */
export const BAO_CUONG_PLAN: Decree30Page = {
  parentBody: 'UBND HUYỆN ĐỊNH HÓA',
  issuer: 'ỦY BAN NHÂN DÂN XÃ BẢO CƯỜNG',
  number: 'Số: 87/KH-UBND',
  dateLine: 'Bảo Cường, ngày 10 tháng 5 năm 2023',
  typeName: 'KẾ HOẠCH',
  summary: 'Cải cách hành chính năm 2023',
  capacity: 'TM. ỦY BAN NHÂN DÂN',
  title: 'CHỦ TỊCH',
  signer: 'Luân Đức Quỳnh',
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function html(p: Decree30Page): string {
  const e = (s: string) => escape(s);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head>
<body style="font-family: 'Liberation Serif', 'Tinos', serif; font-size: 13pt">
<table width="100%" cellspacing="0" cellpadding="0">
<tr><td width="38%" align="center">${e(p.parentBody)}<br><b>${e(p.issuer)}</b></td>
<td width="62%" align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b></td></tr>
<tr><td align="center">${e(p.number)}</td><td align="center"><i>${e(p.dateLine)}</i></td></tr></table>
<p align="center"><b>${e(p.typeName)}</b><br><b>${e(p.summary)}</b></p>
<p>Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2023 của Ủy ban nhân dân huyện về cải cách hành chính năm 2023.</p>
<p>Ủy ban nhân dân xã ban hành Kế hoạch cải cách hành chính năm 2023 như sau.</p>
<table width="100%" cellspacing="0" cellpadding="0">
<tr><td width="50%" valign="top"><b><i>Nơi nhận:</i></b><br>- UBND huyện;<br>- Lưu: VT.</td>
<td width="50%" align="center" valign="top"><b>${e(p.capacity)}<br>${e(p.title)}</b><br><br><br><br><b>${e(p.signer)}</b></td></tr></table>
</body></html>`;
}

function run(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 120_000, killSignal: 'SIGKILL' }, (error, _out, stderr) =>
      error ? reject(new Error(`soffice: ${stderr || error.message}`)) : resolve(),
    );
  });
}

const FILTERS = { pdf: 'pdf:writer_pdf_Export', docx: 'docx:MS Word 2007 XML', odt: 'odt:writer8' };

/** The page opened in Writer and saved as `format` by LibreOffice. */
export async function libreOfficeDocument(
  format: 'pdf' | 'docx' | 'odt',
  page: Decree30Page = BAO_CUONG_PLAN,
): Promise<Buffer> {
  if (!soffice) throw new Error(libreOfficeMissing ?? 'unavailable');
  const dir = await mkdtemp(path.join(tmpdir(), 'parindex-lo-doc-'));
  try {
    await writeFile(path.join(dir, 'page.html'), html(page));
    await run(soffice, [
      '--headless',
      '--norestore',
      `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--infilter=HTML (StarWriter)',
      '--convert-to',
      FILTERS[format],
      '--outdir',
      path.join(dir, 'out'),
      path.join(dir, 'page.html'),
    ]);
    const [made] = await readdir(path.join(dir, 'out'));
    if (!made) throw new Error(`LibreOffice made no ${format}`);
    return await readFile(path.join(dir, 'out', made));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

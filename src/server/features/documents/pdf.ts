/**
 * PDF from the drafted .docx through LibreOffice (Debian's `libreoffice-writer-nogui`), so Word and
 * PDF show the same document. Conversions run one at a time in this process, each with its own
 * LibreOffice profile directory (a shared profile hands work to another running instance), and are
 * killed after a time limit. Without LibreOffice the PDF is reported as unavailable.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { toolsConfig } from '../../config.ts';

const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/usr/bin/libreoffice',
];
/** The LibreOffice binary (PARINDEX_SOFFICE, else the usual Debian places), or null. */
export function sofficePath(): string | null {
  const configured = toolsConfig().soffice;
  if (configured) return existsSync(configured) ? configured : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

let queue: Promise<unknown> = Promise.resolve();

/** Converts a .docx to PDF; null when LibreOffice is not installed. Throws when it fails. */
export function docxToPdf(docx: Buffer): Promise<Buffer | null> {
  const run = async (): Promise<Buffer | null> => {
    const soffice = sofficePath();
    if (!soffice) return null;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parindex-pdf-'));
    try {
      const input = path.join(dir, 'document.docx');
      await writeFile(input, docx);
      const profile = pathToFileURL(path.join(dir, 'profile')).href;
      await new Promise<void>((resolve, reject) => {
        execFile(
          soffice,
          [
            `-env:UserInstallation=${profile}`,
            '--headless',
            '--norestore',
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            input,
          ],
          // A 60-page annex takes LibreOffice a minute or more on a small, busy server.
          { timeout: toolsConfig().pdfTimeoutMs, killSignal: 'SIGKILL' },
          (error) => (error ? reject(error) : resolve()),
        );
      });
      const output = path.join(dir, 'document.pdf');
      if (!existsSync(output)) throw new Error('LibreOffice produced no PDF');
      return await readFile(output);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

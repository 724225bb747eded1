/**
 * The public form must stay light for an old phone on a weak network: the page and everything it
 * loads (scripts, including every chunk they import, and style sheets) under 60 KB gzipped, in one
 * request (the build writes the script and the style sheet into the page, ADR 11). The test builds
 * the web app with its real configuration into a temporary folder and measures
 * khao-sat/index.html and whatever it still names, following the chunks' own imports.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const LIMIT_BYTES = 60 * 1024;
const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
let outDir = '';

/** Every script and style sheet the page loads, with the chunks they import in turn. */
function loadedAssets(dir: string, page: string): string[] {
  const html = readFileSync(path.join(dir, page), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1]!,
  );
  const seen = new Set<string>();
  while (queue.length > 0) {
    const asset = queue.pop()!;
    if (seen.has(asset)) continue;
    seen.add(asset);
    if (!asset.endsWith('.js')) continue;
    const code = readFileSync(path.join(dir, asset), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'`]\.\/([^"'`]+\.(?:js|css))["'`]/g))
      queue.push(`/assets/${m[1]!}`);
  }
  return [...seen];
}

describe('public survey form weight', () => {
  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'parindex-form-size-'));
    const previous = process.env.PARINDEX_WEB_DIST;
    // The configuration reads its output folder from this variable, as the server does.
    process.env.PARINDEX_WEB_DIST = outDir;
    try {
      await build({ configFile, logLevel: 'silent' });
    } finally {
      if (previous === undefined) delete process.env.PARINDEX_WEB_DIST;
      else process.env.PARINDEX_WEB_DIST = previous;
    }
  }, 180_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('is one page under 60 KB gzipped, its script and style inside, no part of the staff app', () => {
    const page = readFileSync(path.join(outDir, 'khao-sat/index.html'), 'utf8');
    // One request: nothing else to fetch before the first question can be answered.
    expect(loadedAssets(outDir, 'khao-sat/index.html')).toEqual([]);
    expect(page).toMatch(/<script type="module">[\s\S]{1000,}<\/script>/);
    expect(page).toMatch(/<style>[\s\S]{100,}<\/style>/);
    expect(page).toContain('Đang tải phiếu khảo sát');
    expect(gzipSync(page, { level: 9 }).length).toBeLessThan(LIMIT_BYTES);
    const staffEntry = loadedAssets(outDir, 'index.html').find((a) => /\/main-[^/]+\.js$/.test(a));
    expect(staffEntry).toBeDefined();
    expect(page).not.toContain(path.basename(staffEntry!));
    // The staff app's React is not in the page either.
    expect(page).not.toContain('react.element');
  });

  it('puts the field app service worker at its stable address', () => {
    const worker = readFileSync(path.join(outDir, 'thu-thap/sw.js'), 'utf8');
    // A classic worker script: no module syntax left in it.
    expect(worker).not.toMatch(/^\s*(import|export)\s/m);
    expect(worker).toContain('/thu-thap/');
  });
});

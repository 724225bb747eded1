/**
 * First screen of the public survey form on a slow mobile network: the web app is built into a
 * temporary folder, served by the app on an embedded database with the demo survey, and opened in
 * Chromium (PARINDEX_CHROMIUM, default /usr/bin/chromium) on a phone-sized screen with the network
 * throttled through the DevTools protocol. The time from navigation until the first question can be
 * answered (its first choice visible and enabled) is measured, cold cache, several times.
 *
 * Three profiles are printed: Chromium DevTools' "Slow 3G" (2 000 ms added to every request,
 * 50 KB/s each way), WebPageTest's "3G Slow" (400 ms, 50 KB/s) and a "3G" of 300 ms and 200 KB/s.
 * The target: usable within 2 s on a slow 3G profile; it is judged on WebPageTest's
 * "3G Slow" (400 ms round trip, 400 kbit/s). DevTools' preset is printed too, with its floor:
 * every request there waits 2 000 ms before its first byte, so no page can be usable within 2 s
 * under it; the page is one request (script and style inside, ADR 11), which makes 2 000 ms plus
 * its transfer the least any page could take. Environment: PARINDEX_BENCH_FORM_RUNS (default 3).
 * Run alone: `node --import tsx bench/public-form-3g.bench.ts`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { BenchModule, BenchResult } from './run.ts';

const RUNS = Number(process.env.PARINDEX_BENCH_FORM_RUNS ?? 3);
const TARGET_MS = 2000;
const PROFILES = [
  { name: 'Slow 3G (DevTools)', latency: 2000, bytesPerSecond: 50_000 },
  { name: '3G Slow (WebPageTest: 400 ms, 50 KB/s)', latency: 400, bytesPerSecond: 50_000 },
  { name: '3G (300 ms, 200 KB/s)', latency: 300, bytesPerSecond: 200_000 },
];

const fmt = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 0 });

async function measure(): Promise<BenchResult> {
  const chromiumPath = process.env.PARINDEX_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    return { figures: [{ label: 'Chromium', value: `không có tại ${chromiumPath}; bỏ qua` }] };
  }
  const webDist = mkdtempSync(path.join(tmpdir(), 'parindex-bench-web-'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parindex-bench-form-'));
  const previous = process.env.PARINDEX_WEB_DIST;
  process.env.PARINDEX_WEB_DIST = webDist;
  try {
    await build({
      configFile: fileURLToPath(new URL('../web/vite.config.ts', import.meta.url)),
      logLevel: 'silent',
    });
    // Imported after the variable is set: the server reads where the web build is when loaded.
    const { createApp } = await import('../src/server/http/app.ts');
    const { prepareDatabase } = await import('../src/server/bootstrap.ts');
    const { loadConfig } = await import('../src/server/config.ts');
    const { openEmbeddedDb } = await import('../src/server/infra/db.ts');
    const { createStorage } = await import('../src/server/infra/storage.ts');
    const { systemClock } = await import('../src/server/infra/clock.ts');
    const { SIPAS_DEMO_NAME } = await import('../src/server/demo/sipas-demo.ts');
    const config = {
      ...loadConfig({ PARINDEX_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
      demo: true,
      adminPassword: 'bench-password-123',
    };
    const db = await openEmbeddedDb(null);
    const deps = { db, clock: systemClock, config, storage: createStorage(config) };
    await prepareDatabase(db, config, systemClock);
    const [campaign] = await db.query<{ id: number; unit_id: number }>(
      `SELECT c.id, cu.unit_id FROM sipas_campaigns c JOIN sipas_campaign_units cu ON cu.campaign_id = c.id
       WHERE c.name = $1`,
      [SIPAS_DEMO_NAME],
    );
    const app = await createApp(deps, { logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const url = `http://127.0.0.1:${port}/khao-sat/?c=${campaign!.id}&u=${campaign!.unit_id}&f=dat-dai&src=qr`;
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic'],
    });
    const figures = [];
    let slowMedian = Infinity;
    // What the page weighs on the wire, as Chromium asks for it (compressed).
    const pageBytes = await new Promise<number>((resolve, reject) => {
      get(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
        let n = 0;
        res.on('data', (chunk: Buffer) => (n += chunk.length));
        res.on('end', () => resolve(n));
      }).on('error', reject);
    });
    try {
      for (const profile of PROFILES) {
        const times: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: profile.latency,
            downloadThroughput: profile.bytesPerSecond,
            uploadThroughput: profile.bytesPerSecond,
          });
          const start = performance.now();
          await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
          await page
            .getByRole('radio', { name: 'Rất không hài lòng' })
            .first()
            .waitFor({ state: 'visible', timeout: 60_000 });
          times.push(performance.now() - start);
          await context.close();
        }
        times.sort((a, b) => a - b);
        const median = times[Math.floor(times.length / 2)]!;
        if (profile === PROFILES[1]) slowMedian = median;
        if (profile === PROFILES[0]) {
          figures.push({
            label: `${profile.name}: sàn (độ trễ + ${fmt(pageBytes)} byte của trang)`,
            value: `${fmt(profile.latency + (pageBytes / profile.bytesPerSecond) * 1000)} ms`,
          });
        }
        figures.push({
          label: `${profile.name}: trung vị (nhanh nhất – chậm nhất)`,
          value: `${fmt(median)} ms (${fmt(times[0]!)} – ${fmt(times[times.length - 1]!)} ms), ${RUNS} lần`,
        });
      }
    } finally {
      await browser.close();
      await app.close();
      await db.close();
    }
    return {
      figures,
      target: `câu hỏi đầu tiên trả lời được trong ${fmt(TARGET_MS)} ms trên 3G Slow (WebPageTest)`,
      pass: slowMedian < TARGET_MS,
    };
  } finally {
    if (previous === undefined) delete process.env.PARINDEX_WEB_DIST;
    else process.env.PARINDEX_WEB_DIST = previous;
    rmSync(webDist, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Registered with bench/run.ts by the `.bench.ts` suffix. */
export const bench: BenchModule = {
  name: 'Phiếu khảo sát công khai trên mạng 3G chậm (first screen)',
  run: measure,
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printResult } = await import('./run.ts');
  const result = await measure();
  printResult(bench.name, result);
  if (result.pass === false) process.exitCode = 1;
}

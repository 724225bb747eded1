/**
 * What a page costs to load: the bytes that came over the network (headers and bodies as sent,
 * compressed when the server compressed them), counted through Chromium's network events with
 * the cache off, as a first visit would be. The browser asks for gzip only, so the figure is the
 * gzipped size (brotli would be smaller).
 */
import type { Page } from '@playwright/test';

export interface Transfer {
  total: number;
  /** Bytes per address, largest first. */
  byUrl: { url: string; bytes: number }[];
}

/** Opens the address, waits until the network is quiet, and adds up what was transferred. */
export async function measureTransfer(
  page: Page,
  address: string,
  ready: () => Promise<void>,
): Promise<Transfer> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'gzip' } });
  const urls = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  await page.goto(address);
  await ready();
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  const byUrl = [...bytes].map(([id, n]) => ({ url: urls.get(id) ?? id, bytes: n }));
  byUrl.sort((a, b) => b.bytes - a.bytes);
  return { total: byUrl.reduce((s, x) => s + x.bytes, 0), byUrl };
}

/** "main-abc.js 98,1 KB" lines, for a failure message. */
export function describeTransfer(t: Transfer): string {
  return t.byUrl
    .map((x) => `${new URL(x.url).pathname} ${(x.bytes / 1024).toFixed(1)} KB`)
    .join('\n');
}

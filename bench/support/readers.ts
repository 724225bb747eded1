/**
 * Concurrent readers of one address, run as a process of its own so the load does not share an
 * event loop with the server it measures: autocannon keeps `connections` keep-alive connections
 * busy for `seconds` and every answer's time is kept, for exact percentiles.
 *
 * `node --import tsx bench/support/readers.ts <url> <connections> <seconds> [headers as JSON]
 * [timeout seconds, default 10]`
 * prints one line of JSON: requests, non2xx, rate per second, p50, p95, p99 in ms.
 */
import { createRequire } from 'node:module';

/** The part of autocannon's API used here (the package ships no types). */
interface Instance {
  on(
    event: 'response',
    listener: (client: unknown, status: number, bytes: number, ms: number) => void,
  ): void;
  on(event: 'done', listener: () => void): void;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  timeout?: number;
}) => Instance;

export interface ReadersResult {
  requests: number;
  non2xx: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<void> {
  const [url, connections, seconds, headers, timeout] = process.argv.slice(2);
  if (!url || !connections || !seconds)
    throw new Error('usage: readers.ts <url> <connections> <seconds> [headers]');
  const times: number[] = [];
  let non2xx = 0;
  const started = performance.now();
  const instance = autocannon({
    url,
    connections: Number(connections),
    duration: Number(seconds),
    headers: headers ? (JSON.parse(headers) as Record<string, string>) : {},
    ...(timeout ? { timeout: Number(timeout) } : {}),
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    times.push(ms);
    if (status < 200 || status >= 300) non2xx += 1;
  });
  await new Promise<void>((resolve) => instance.on('done', () => resolve()));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const result: ReadersResult = {
    requests: times.length,
    non2xx,
    perSecond: times.length / elapsed,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();

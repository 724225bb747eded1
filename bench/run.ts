/**
 * Entry of `npm run bench`: runs every bench module in this folder in sequence and prints its
 * figures; the exit code is 1 when any module reports FAIL against its target.
 *
 * To add a bench, create `bench/<name>.bench.ts` exporting `bench: BenchModule` (import the type
 * with `import type { BenchModule } from './run.ts'`; a static value import from this file would
 * deadlock on its top-level await). Files are picked up by that suffix and run in name order. `npm run bench -- national` runs only the files whose name contains "national".
 * A bench file can also guard a `main` of its own to run alone with `node --import tsx`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One printed measurement, already formatted ("412 ms", "9.760 đơn vị/giây"). */
export interface BenchFigure {
  label: string;
  value: string;
}

/** What a bench reports: its figures and, when it has a target, whether it met it. */
export interface BenchResult {
  figures: BenchFigure[];
  /** Human description of the target, e.g. "under 1 second". */
  target?: string;
  pass?: boolean;
}

/** A bench module: `export const bench: BenchModule = { name, run }`. */
export interface BenchModule {
  name: string;
  run(): BenchResult | Promise<BenchResult>;
}

/** Prints a bench result as aligned lines. */
export function printResult(name: string, result: BenchResult): void {
  const width = Math.max(0, ...result.figures.map((f) => f.label.length));
  console.log(`\n▶ ${name}`);
  for (const f of result.figures) console.log(`  ${f.label.padEnd(width)}  ${f.value}`);
  if (result.pass !== undefined) {
    console.log(
      `  ${result.pass ? 'PASS' : 'FAIL'}${result.target ? ` (target: ${result.target})` : ''}`,
    );
  }
}

function isBenchModule(value: unknown): value is BenchModule {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; run?: unknown };
  return typeof candidate.name === 'string' && typeof candidate.run === 'function';
}

async function main(filters: string[]): Promise<number> {
  const folder = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) {
    console.error('No bench modules found (bench/*.bench.ts).');
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    const mod: { bench?: unknown } = await import(pathToFileURL(join(folder, file)).href);
    if (!isBenchModule(mod.bench)) {
      console.error(`${file}: does not export \`bench: BenchModule\``);
      failed += 1;
      continue;
    }
    const result = await mod.bench.run();
    printResult(mod.bench.name, result);
    if (result.pass === false) failed += 1;
  }
  console.log(failed === 0 ? '\nAll benches passed.' : `\n${failed} bench(es) failed.`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}

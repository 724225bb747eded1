/**
 * CSV uploads read into records through the same containment as workbooks: a file of more than a
 * megabyte is parsed by csv-parse in a contained worker (memory and time limits, see
 * contained.ts), so a large or pathological CSV never holds the event loop; a small one is parsed
 * in place, where a worker would cost more than the parsing. Dossier files have their own
 * streaming splitter (features/dossiers/file-rows.ts) and do not come here.
 */
import { parse } from 'csv-parse/sync';
import { runContained } from './contained.ts';

/** The csv-parse options the uploads use (plain data, so they cross into the worker). */
export interface CsvOptions {
  delimiter: string | string[];
  trim?: boolean;
  bom?: boolean;
}

/** Records, or the line where the text stopped being CSV (null when unknown). */
export type CsvOutcome = { ok: true; records: string[][] } | { ok: false; line: number | null };

const IN_PLACE_BYTES = 1024 * 1024;

/** Parses CSV text (the task the worker runs; also used in place for small files). */
export function parseCsvText(text: string, options: CsvOptions): CsvOutcome {
  try {
    const records = parse(text, {
      ...options,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    return { ok: true, records };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, line: typeof line === 'number' ? line : null };
  }
}

/** Parses CSV text, in a contained worker when it is large. */
export async function readCsvRecords(text: string, options: CsvOptions): Promise<CsvOutcome> {
  if (text.length <= IN_PLACE_BYTES) return parseCsvText(text, options);
  return runContained<CsvOutcome>(
    {
      module: new URL('./csv-read.ts', import.meta.url),
      fn: 'parseCsvText',
      args: [text, options],
    },
    { heapMb: 384, timeoutMs: 60_000 },
  );
}

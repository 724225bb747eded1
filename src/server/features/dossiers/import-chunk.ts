/**
 * One piece of a dossier file, checked, scored and encoded for COPY: the work an import spreads
 * over the machine's cores (import-pool.ts runs it in worker threads; a small file runs it in the
 * job's own thread). A piece is either CSV text cut at a record boundary, with the number of
 * records before it, or rows already read (a workbook, or CSV text with quotes, see CsvCutter).
 * Everything here is plain data in and out, so that a worker can be handed it.
 */
import type { DossierEvaluationConfig } from '../../../domain/dossiers/config.ts';
import type { Dossier } from '../../../domain/dossiers/dossier.ts';
import { CopyBinaryBuffer } from '../../infra/copy-binary.ts';
import { CsvSplitter, type FilePiece, type FileRow } from './file-rows.ts';
import {
  type DerivedDossier,
  MAX_LISTED_PROBLEMS,
  type RowProblem,
  UnitResolver,
  createRowProcessor,
} from './import-rows.ts';
import type { ColumnMapping } from './mapping.ts';
import type * as repo from './repository.ts';

/** What every piece of one job shares: how rows are read, checked, scored and encoded. */
export interface ChunkSetup {
  header: string[];
  mapping: ColumnMapping;
  units: repo.UnitRef[];
  scope: string[] | null;
  config: DossierEvaluationConfig;
  successors: [number, string[]][];
  delimiter: string;
  /** `dossiers`: DOSSIER_COPY_COLUMNS with the job's stamp; `staging`: STAGING_COPY_COLUMNS. */
  target: 'dossiers' | 'staging';
  fields: number;
  stamp: { version: string; jobId: number; at: number };
}

/** A piece of the file: CSV text of whole records, or rows already read. */
export type ChunkInput = FilePiece;

/** What a piece gave: its data rows, its refused rows, dossiers per quarter, the COPY bytes. */
export interface ChunkResult {
  rows: number;
  problemRows: number;
  /** At most MAX_LISTED_PROBLEMS, in row order. */
  problems: RowProblem[];
  periods: Record<string, number>;
  /** The accepted rows in binary COPY format; empty once a row of the piece was refused. */
  copy: Uint8Array | null;
}

// Encoded bytes kept per buffer: a piece of about a megabyte of text fits in one or two.
const ENCODE_CHUNK_BYTES = 4 * 1024 * 1024;

/** The processor of one job's pieces (what a worker builds once from the setup). */
export function createChunkProcessor(setup: ChunkSetup): (input: ChunkInput) => ChunkResult {
  const process = createRowProcessor(
    setup.header,
    setup.mapping,
    new UnitResolver(setup.units),
    setup.scope,
    setup.config,
    new Map(setup.successors),
  );
  const { stamp, fields } = setup;
  const staged = setup.target === 'staging';
  // One buffer for all the pieces: each piece's rows are copied out of it.
  const out = new CopyBinaryBuffer(ENCODE_CHUNK_BYTES);
  return (input) => {
    let rows: FileRow[];
    if (input.kind === 'text') {
      rows = [];
      const splitter = new CsvSplitter(setup.delimiter, false, false);
      splitter.startAfter(input.recordsBefore);
      splitter.push(input.text, input.final, rows);
      // The file's first record is its header.
      if (rows[0]?.rowNumber === 1) rows.shift();
    } else {
      rows = input.rows;
    }
    const parts: Uint8Array[] = [];
    const result: ChunkResult = { rows: 0, problemRows: 0, problems: [], periods: {}, copy: null };
    const { problems, periods } = result;
    for (const row of rows) {
      result.rows++;
      const r = process(row);
      if (!r.ok) {
        result.problemRows++;
        for (const p of r.problems) if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
        continue;
      }
      periods[r.derived.period] = (periods[r.derived.period] ?? 0) + 1;
      // Once a row is refused the import will be refused: no need to encode the others.
      if (result.problemRows > 0) continue;
      out.row(fields);
      if (staged) out.int4(row.rowNumber);
      encodeShared(out, r.dossier, r.unit, r.derived, !staged);
      if (!staged) {
        out.text(stamp.version);
        out.int4(stamp.jobId);
        out.timestamptz(stamp.at);
      }
      const full = out.endRow();
      if (full !== null) parts.push(full);
    }
    const rest = out.copyOut();
    if (result.problemRows === 0) {
      if (rest !== null) parts.push(rest);
      result.copy = parts.length === 1 && rest !== null ? rest : joined(parts);
    }
    return result;
  };
}

/** The buffers as one array of its own (a worker hands its memory over rather than copying it). */
function joined(parts: Uint8Array[]): Uint8Array | null {
  let length = 0;
  for (const p of parts) length += p.length;
  if (length === 0) return null;
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/**
 * The columns staging and `dossiers` share, from the code to the derived points; the four
 * timestamps as epoch milliseconds (staging) or as timestamptz (`dossiers`).
 */
function encodeShared(
  out: CopyBinaryBuffer,
  d: Dossier,
  unit: repo.UnitRef,
  x: DerivedDossier,
  timestamps: boolean,
): void {
  out.text(d.code);
  out.int4(unit.id);
  out.text(unit.code);
  out.text(d.officialCode);
  out.text(d.procedureCode);
  out.text(d.procedureName);
  out.text(d.field);
  for (const ms of [d.receivedAt, d.dueAt, d.finishedAt, d.returnedAt]) {
    if (timestamps) out.timestamptz(ms);
    else out.int8(ms);
  }
  out.int4(d.completionRequests);
  out.int4(d.agenciesInvolved);
  out.text(d.channel);
  out.bool(d.onlinePayment);
  out.bool(d.returnedByPost);
  out.text(d.status);
  out.jsonb(d.citizenRatings === null ? null : JSON.stringify(d.citizenRatings));
  out.jsonb(d.selfRatings === null ? null : JSON.stringify(d.selfRatings));
  out.text(x.period);
  out.text(x.timeliness);
  out.int8(x.handlingSeconds);
  out.int4(x.citizenPoints);
  out.int2(x.citizenCount);
  const p = x.points;
  for (let i = 0; i < 9; i++) out.int2(p[i] ?? null);
}

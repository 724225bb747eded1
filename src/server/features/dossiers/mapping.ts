/**
 * Matching a file's own column names to the dossier columns: from the mapping saved for its source
 * when the file still has those columns, otherwise by name (Vietnamese or English, diacritics and
 * punctuation ignored). Pure functions over header lists.
 */
import { INDICATOR_IDS } from '../../../domain/dossiers/config.ts';
import {
  DOSSIER_COLUMN_LABELS,
  foldLabel,
  type DossierColumn,
} from '../../../domain/dossiers/dossier.ts';

/** Domain column → the file's header text. */
export type ColumnMapping = Partial<Record<DossierColumn, string>>;

/** Columns every file must map (the row parser refuses rows without them). */
export const REQUIRED_COLUMNS: readonly DossierColumn[] = [
  'code',
  'procedureCode',
  'unitCode',
  'receivedAt',
  'channel',
];

export const ALL_COLUMNS = Object.keys(DOSSIER_COLUMN_LABELS) as DossierColumn[];

const EXTRA_ALIASES: Partial<Record<DossierColumn, string[]>> = {
  code: ['ma ho so', 'so ho so', 'ma hs', 'dossier code', 'code', 'ma bien nhan', 'so bien nhan'],
  procedureCode: ['ma thu tuc', 'ma tthc', 'procedure code', 'ma thu tuc hanh chinh'],
  procedureName: ['ten thu tuc', 'ten tthc', 'procedure name', 'thu tuc', 'ten thu tuc hanh chinh'],
  field: ['linh vuc', 'field'],
  unitCode: ['ma don vi', 'ma don vi tiep nhan', 'ma co quan', 'unit code', 'don vi', 'ma dv'],
  officialCode: [
    'can bo tiep nhan',
    'ma can bo',
    'nguoi tiep nhan',
    'official',
    'cong chuc tiep nhan',
  ],
  receivedAt: ['ngay tiep nhan', 'ngay nhan', 'thoi gian tiep nhan', 'received at', 'received'],
  dueAt: ['ngay hen tra', 'han giai quyet', 'ngay hen', 'due at', 'due'],
  finishedAt: ['ngay co ket qua', 'ngay hoan thanh', 'ngay xu ly xong', 'finished at', 'finished'],
  returnedAt: ['ngay tra ket qua', 'ngay tra', 'returned at', 'returned'],
  completionRequests: ['so lan yeu cau bo sung', 'so lan bo sung', 'completion requests'],
  agenciesInvolved: ['so co quan tham gia giai quyet', 'so co quan', 'agencies involved'],
  channel: ['hinh thuc nop', 'kenh nop', 'hinh thuc', 'channel'],
  onlinePayment: ['thanh toan truc tuyen', 'online payment'],
  returnedByPost: ['tra ket qua qua buu chinh', 'tra qua buu chinh', 'returned by post'],
  status: ['trang thai', 'status'],
};

const ALIASES = new Map<string, DossierColumn>();
for (const column of ALL_COLUMNS) {
  ALIASES.set(foldLabel(DOSSIER_COLUMN_LABELS[column]), column);
  ALIASES.set(foldLabel(column), column);
  for (const alias of EXTRA_ALIASES[column] ?? []) ALIASES.set(foldLabel(alias), column);
}
for (const id of INDICATOR_IDS) {
  ALIASES.set(`nguoi dan danh gia ${id}`, `citizenRating${id}`);
  ALIASES.set(`danh gia chi so ${id}`, `citizenRating${id}`);
  ALIASES.set(`tu danh gia ${id}`, `selfRating${id}`);
  ALIASES.set(`diem chi so ${id}`, `selfRating${id}`);
}

/** Proposes a mapping by the headers' names; the first header naming a column wins. */
export function mappingByName(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const column = ALIASES.get(foldLabel(header));
    if (column !== undefined && mapping[column] === undefined) mapping[column] = header;
  }
  return mapping;
}

/** The headers a mapping names that the file does not have. */
export function missingHeaders(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const present = new Set(headers.map(foldLabel));
  return Object.values(mapping).filter((h) => h !== undefined && !present.has(foldLabel(h)));
}

/** Required columns the mapping leaves out. */
export function unmappedRequired(mapping: ColumnMapping): DossierColumn[] {
  return REQUIRED_COLUMNS.filter((c) => !mapping[c]);
}

/** Positions of the mapped columns in the file's header. */
export function resolveMapping(
  mapping: ColumnMapping,
  headers: readonly string[],
): { columns: DossierColumn[]; indexes: number[] } {
  const folded = headers.map(foldLabel);
  const columns: DossierColumn[] = [];
  const indexes: number[] = [];
  for (const column of ALL_COLUMNS) {
    const header = mapping[column];
    if (!header) continue;
    const index = folded.indexOf(foldLabel(header));
    if (index < 0) continue;
    columns.push(column);
    indexes.push(index);
  }
  return { columns, indexes };
}

/** Keeps only known columns with non-empty header names. */
export function cleanMapping(input: Record<string, unknown>): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const column of ALL_COLUMNS) {
    const v = input[column];
    if (typeof v === 'string' && v.trim() !== '') mapping[column] = v.trim();
  }
  return mapping;
}

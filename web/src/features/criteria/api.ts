/** Calls of the criteria-set screens: list, read, create, edit, freeze, copy, mapping, Excel. */
import { OFFICIAL_DOCUMENT_KINDS } from '@domain/documents/official-document.ts';
import { api, apiUpload } from '../../lib/api-client.ts';

// The answers' and bodies' shapes are the server's own (src/shared/contract/criteria.ts).
import type {
  BundledSet,
  CopySetInput,
  CreateSetInput,
  CriteriaSet,
  CriteriaSetDetail,
  CriteriaSetSummary,
  EvidenceRequirementValue,
  Mapping,
  MappingEntry,
  MappingInput,
  MappingKind,
  NodeInput,
  NodeKindValue,
  NodeView,
  NotApplicableValue,
  SetMetaInput,
  SetStatus,
  TreeInput,
  UpdateSetInput,
} from '@shared/contract/criteria.ts';

export type {
  BundledSet,
  CriteriaSet,
  CriteriaSetDetail,
  CriteriaSetSummary,
  EvidenceRequirementValue,
  Mapping,
  MappingEntry,
  MappingKind,
  NodeInput,
  NodeKindValue,
  NodeView,
  NotApplicableValue,
  SetMetaInput,
  SetStatus,
};

/** Types of documents a node may require of its evidence (Decree 30). */
export const REQUIRED_KINDS = OFFICIAL_DOCUMENT_KINDS;
export type RequiredKind = (typeof REQUIRED_KINDS)[number];

/** Every criteria set (readable by every signed-in user). */
export function fetchCriteriaSets(signal?: AbortSignal): Promise<{ items: CriteriaSetSummary[] }> {
  return api.get('/criteria-sets', undefined, signal);
}

/** The bundled templates and the rule syntax help. */
export function fetchBundledSets(
  signal?: AbortSignal,
): Promise<{ items: BundledSet[]; ruleSyntaxHelp: string }> {
  return api.get('/criteria-sets/bundled', undefined, signal);
}

/** One set with its tree. */
export function fetchCriteriaSet(id: number, signal?: AbortSignal): Promise<CriteriaSetDetail> {
  return api.get(`/criteria-sets/${id}`, undefined, signal);
}

/** Creates a draft set, empty or from a bundled template. */
export function createCriteriaSet(input: CreateSetInput): Promise<CriteriaSetDetail> {
  return api.post('/criteria-sets', input);
}

/** Saves a draft set's own fields. */
export function updateCriteriaSetMeta(
  id: number,
  input: UpdateSetInput,
): Promise<CriteriaSetDetail> {
  return api.put(`/criteria-sets/${id}`, input);
}

/** Saves the whole tree; refused with 409 when someone saved in between. */
export function saveCriteriaTree(id: number, input: TreeInput): Promise<CriteriaSetDetail> {
  return api.put(`/criteria-sets/${id}/tree`, input);
}

/** Freezes a set without problems. */
export function freezeCriteriaSet(id: number): Promise<CriteriaSetDetail> {
  return api.post(`/criteria-sets/${id}/freeze`);
}

/** Deletes a draft set. */
export function deleteCriteriaSet(id: number): Promise<void> {
  return api.delete(`/criteria-sets/${id}`);
}

/** Starts next year's set as a copy. */
export function copyCriteriaSet(id: number, input: CopySetInput): Promise<CriteriaSetDetail> {
  return api.post(`/criteria-sets/${id}/copy`, input);
}

/** The saved mapping to the set this one was copied from, or a proposal. */
export function fetchMapping(id: number, signal?: AbortSignal): Promise<Mapping> {
  return api.get(`/criteria-sets/${id}/mapping`, undefined, signal);
}

/** Saves the mapping. */
export function saveMapping(id: number, entries: MappingEntry[]): Promise<Mapping> {
  return api.put(`/criteria-sets/${id}/mapping`, { entries } satisfies MappingInput);
}

/** Where the Excel export of a set is downloaded from (a plain link: the cookie suffices). */
export function exportUrl(id: number): string {
  return `/api/v1/criteria-sets/${id}/export.xlsx`;
}

/** Uploads a workbook; a refused file comes back with its problems located by sheet, row, column. */
export function importCriteriaSet(file: File): Promise<CriteriaSetDetail> {
  const form = new FormData();
  form.append('file', file);
  return apiUpload<CriteriaSetDetail>('/criteria-sets/import', form);
}

/** Calls that read lineage and change the unit tree. */
import { api, apiRequest } from '../../lib/api-client.ts';
import type {
  Lineage,
  LineageStep,
  MergerCorrection,
  MergerInput,
  MergerLink,
  MergerRemoval,
  Unit,
  UnitInput,
  UnitUpdateInput,
} from '@shared/contract/units.ts';

export type { Lineage, LineageStep, MergerInput, MergerLink, UnitInput };

/** Predecessors and successors of a unit, through every merger. */
export function fetchLineage(id: number, signal?: AbortSignal): Promise<Lineage> {
  return api.get<Lineage>(`/units/${id}/lineage`, undefined, signal);
}

/** Adds a unit. */
export function createUnit(input: UnitInput): Promise<Unit> {
  return api.post<Unit>('/units', input);
}

/** Edits or moves a unit; `version` is the one read, so concurrent edits are detected. */
export function updateUnit(id: number, input: UnitUpdateInput): Promise<Unit> {
  return api.put<Unit>(`/units/${id}`, input);
}

/** Records that one unit went, wholly or partly, into another. */
export function addMerger(input: MergerInput): Promise<void> {
  return api.post<void>('/unit-lineage', input);
}

const linkPath = (predecessorId: number, successorId: number) =>
  `/unit-lineage/${predecessorId}/${successorId}`;

/** Corrects a merger link (kind, date) with the reason, kept in the audit log. */
export function correctMerger(
  input: Pick<MergerInput, 'predecessorId' | 'successorId'> & MergerCorrection,
): Promise<MergerLink> {
  const { predecessorId, successorId, ...body } = input;
  return api.put<MergerLink>(linkPath(predecessorId, successorId), body satisfies MergerCorrection);
}

/** Removes a merger link recorded in error, with the reason, kept in the audit log. */
export function removeMerger(
  input: Pick<MergerInput, 'predecessorId' | 'successorId'> & MergerRemoval,
): Promise<void> {
  return apiRequest<void>('DELETE', linkPath(input.predecessorId, input.successorId), {
    body: { reason: input.reason } satisfies MergerRemoval,
  });
}

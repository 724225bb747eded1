/** Calls that read lineage and change the unit tree. */
import { api, apiRequest } from '../../lib/api-client.ts';
import type { Unit } from '../../lib/units.ts';

export interface LineageStep extends Unit {
  mergeType: 'full' | 'partial';
  effectiveDate: string | null;
  /** 1: merged directly; more: through earlier mergers. */
  generation: number;
  viaId: number;
}

export interface Lineage {
  unit: Unit;
  predecessors: LineageStep[];
  successors: LineageStep[];
}

export interface UnitInput {
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface MergerInput {
  predecessorId: number;
  successorId: number;
  mergeType: 'full' | 'partial';
  effectiveDate: string | null;
}

/** Predecessors and successors of a unit, through every merger. */
export function fetchLineage(id: number, signal?: AbortSignal): Promise<Lineage> {
  return api.get<Lineage>(`/units/${id}/lineage`, undefined, signal);
}

/** Adds a unit. */
export function createUnit(input: UnitInput): Promise<Unit> {
  return api.post<Unit>('/units', input);
}

/** Edits or moves a unit; `version` is the one read, so concurrent edits are detected. */
export function updateUnit(id: number, input: UnitInput & { version: number }): Promise<Unit> {
  return api.put<Unit>(`/units/${id}`, input);
}

/** Records that one unit went, wholly or partly, into another. */
export function addMerger(input: MergerInput): Promise<void> {
  return api.post<void>('/unit-lineage', input);
}

/** A merger link as the server keeps it. */
export interface MergerLink {
  predecessorId: number;
  successorId: number;
  mergeType: 'full' | 'partial';
  effectiveDate: string | null;
}

const linkPath = (predecessorId: number, successorId: number) =>
  `/unit-lineage/${predecessorId}/${successorId}`;

/** Corrects a merger link (kind, date) with the reason, kept in the audit log. */
export function correctMerger(input: MergerInput & { reason: string }): Promise<MergerLink> {
  const { predecessorId, successorId, ...body } = input;
  return api.put<MergerLink>(linkPath(predecessorId, successorId), body);
}

/** Removes a merger link recorded in error, with the reason, kept in the audit log. */
export function removeMerger(input: {
  predecessorId: number;
  successorId: number;
  reason: string;
}): Promise<void> {
  return apiRequest<void>('DELETE', linkPath(input.predecessorId, input.successorId), {
    body: { reason: input.reason },
  });
}

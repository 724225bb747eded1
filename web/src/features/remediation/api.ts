/** Calls of remediation plans and People's Council supervisions. */
import type { FindingGroup } from '@domain/remediation/supervision.ts';
import type { MeasuredMetric, TaskStatus } from '@domain/remediation/plan.ts';
import { api } from '../../lib/api-client.ts';
// The answers' shapes are the server's own (src/shared/contract/remediation.ts).
import type {
  Baseline,
  PlanSummary,
  PlanItem,
  PlanTask,
  ProgressCount,
  Plan,
  WhatIf,
  Standing,
  ResultSource,
  SupervisionSummary,
  Finding,
  Member,
  Recommendation,
  Supervision,
} from '@shared/contract/remediation.ts';

export type {
  Baseline,
  PlanSummary,
  PlanItem,
  PlanTask,
  ProgressCount,
  Plan,
  WhatIf,
  Standing,
  ResultSource,
  SupervisionSummary,
  Finding,
  Member,
  Recommendation,
  Supervision,
};

export interface TaskInput {
  itemId?: number | null;
  findingId?: number | null;
  content: string;
  output: string;
  responsibleUserId: number | null;
  responsibleLabel: string;
  deadline: string | null;
  targetMetric: MeasuredMetric | null;
  targetPercent: number | null;
}

export interface SupervisionInput {
  planNumber: string;
  planDate: string | null;
  periodFrom: string;
  periodTo: string;
  periodLabel: string;
  members: Member[];
  campaignId: number | null;
  sourceUnitId: number | null;
  recommendations: Recommendation[];
  document?: Record<string, unknown>;
}

export interface FindingInput {
  group: FindingGroup;
  code: string;
  title: string;
  maxHundredths: number | null;
  selfHundredths: number | null;
  appraisedHundredths: number | null;
  reason: string;
  reference: string;
}

export const remediationApi = {
  plans: () => api.get<{ items: PlanSummary[] }>('/remediation-plans'),
  plan: (id: number) => api.get<Plan>(`/remediation-plans/${id}`),
  sources: (unitId: number) =>
    api.get<{ sources: ResultSource[] }>(`/units/${unitId}/result-sources`),
  createPlan: (unitId: number, body: { year: number; campaignId: number; sourceUnitId: number }) =>
    api.post<Plan>(`/units/${unitId}/remediation-plans`, body),
  updatePlan: (
    id: number,
    body: { version: number; title: string; document: Record<string, unknown> },
  ) => api.put<Plan>(`/remediation-plans/${id}`, body),
  deletePlan: (id: number) => api.delete<void>(`/remediation-plans/${id}`),
  addTask: (planId: number, body: TaskInput) =>
    api.post<{ id: number; plan: Plan }>(`/remediation-plans/${planId}/tasks`, body),
  updateTask: (id: number, body: Omit<TaskInput, 'itemId' | 'findingId'> & { version: number }) =>
    api.put<void>(`/remediation-tasks/${id}`, body),
  deleteTask: (id: number) => api.delete<void>(`/remediation-tasks/${id}`),
  report: (
    id: number,
    body: {
      version: number;
      status: TaskStatus;
      progressNote: string;
      currentPercent: number | null;
      evidence: number[];
    },
  ) => api.put<void>(`/remediation-tasks/${id}/progress`, body),
  whatIf: (planId: number, codes: string[]) =>
    api.post<WhatIf>(`/remediation-plans/${planId}/what-if`, { codes }),
  supervisions: () => api.get<{ items: SupervisionSummary[] }>('/supervisions'),
  supervision: (id: number) => api.get<Supervision>(`/supervisions/${id}`),
  createSupervision: (body: SupervisionInput & { unitId: number }) =>
    api.post<Supervision>('/supervisions', body),
  updateSupervision: (id: number, body: SupervisionInput & { version: number }) =>
    api.put<Supervision>(`/supervisions/${id}`, body),
  addFinding: (supervisionId: number, body: FindingInput) =>
    api.post<{ id: number }>(`/supervisions/${supervisionId}/findings`, body),
  deleteFinding: (id: number) => api.delete<void>(`/supervision-findings/${id}`),
};

export const remediationKeys = {
  plans: ['remediation', 'plans'] as const,
  plan: (id: number) => ['remediation', 'plan', id] as const,
  supervisions: ['remediation', 'supervisions'] as const,
  supervision: (id: number) => ['remediation', 'supervision', id] as const,
};

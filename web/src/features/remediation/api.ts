/** Calls of remediation plans and People's Council supervisions. */
import { api } from '../../lib/api-client.ts';
// The answers' and bodies' shapes are the server's own (src/shared/contract/remediation.ts).
import type {
  Baseline,
  PlanSummary,
  PlanItem,
  PlanTask,
  ProgressCount,
  Plan,
  PlanInput,
  PlanUpdateInput,
  ProgressInput,
  WhatIf,
  WhatIfInput,
  Standing,
  ResultSource,
  SupervisionSummary,
  Finding,
  Member,
  Recommendation,
  Supervision,
  TaskInput,
  TaskUpdateInput,
  SupervisionInput,
  SupervisionUpdateInput,
  FindingInput,
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
  TaskInput,
  TaskUpdateInput,
  SupervisionInput,
  SupervisionUpdateInput,
  FindingInput,
};

export const remediationApi = {
  plans: () => api.get<{ items: PlanSummary[] }>('/remediation-plans'),
  plan: (id: number) => api.get<Plan>(`/remediation-plans/${id}`),
  sources: (unitId: number) =>
    api.get<{ sources: ResultSource[] }>(`/units/${unitId}/result-sources`),
  createPlan: (unitId: number, body: PlanInput) =>
    api.post<Plan>(`/units/${unitId}/remediation-plans`, body),
  updatePlan: (id: number, body: PlanUpdateInput) =>
    api.put<Plan>(`/remediation-plans/${id}`, body),
  deletePlan: (id: number) => api.delete<void>(`/remediation-plans/${id}`),
  addTask: (planId: number, body: TaskInput) =>
    api.post<{ id: number; plan: Plan }>(`/remediation-plans/${planId}/tasks`, body),
  updateTask: (id: number, body: TaskUpdateInput) =>
    api.put<void>(`/remediation-tasks/${id}`, body),
  deleteTask: (id: number) => api.delete<void>(`/remediation-tasks/${id}`),
  report: (id: number, body: ProgressInput) =>
    api.put<void>(`/remediation-tasks/${id}/progress`, body),
  whatIf: (planId: number, codes: string[]) =>
    api.post<WhatIf>(`/remediation-plans/${planId}/what-if`, { codes } satisfies WhatIfInput),
  supervisions: () => api.get<{ items: SupervisionSummary[] }>('/supervisions'),
  supervision: (id: number) => api.get<Supervision>(`/supervisions/${id}`),
  createSupervision: (body: SupervisionInput) => api.post<Supervision>('/supervisions', body),
  updateSupervision: (id: number, body: SupervisionUpdateInput) =>
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

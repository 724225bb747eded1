/** Calls of remediation plans and People's Council supervisions. */
import type { FindingGroup } from '@domain/remediation/supervision.ts';
import type { MeasuredMetric, TaskStatus } from '@domain/remediation/plan.ts';
import { api } from '../../lib/api-client.ts';

export interface Baseline {
  campaignName: string;
  campaignYear: number;
  sourceUnitName: string;
  appraisedHundredths: number;
  maxAppraisedHundredths: number;
  indexHundredths: number | null;
  classLabel: string | null;
  rank: number | null;
  unitsRanked: number;
}

export interface PlanSummary {
  id: number;
  unitId: number;
  unitName: string;
  year: number;
  title: string;
  tasks: number;
  done: number;
  baseline: Baseline | null;
}

export interface PlanItem {
  id: number;
  code: string;
  title: string;
  maxHundredths: number;
  selfHundredths: number | null;
  appraisedHundredths: number;
  lostHundredths: number;
  reason: string | null;
  pointsText: string | null;
}

export interface PlanTask {
  id: number;
  itemId: number | null;
  findingId: number | null;
  content: string;
  output: string;
  responsibleUserId: number | null;
  responsibleName: string | null;
  responsibleLabel: string;
  deadline: string | null;
  status: TaskStatus;
  overdue: boolean;
  progressNote: string;
  evidence: number[];
  target: {
    metric: MeasuredMetric | null;
    targetPercent: number;
    currentPercent: number | null;
    measuredFrom: string | null;
    progressTenths: number | null;
    met: boolean | null;
  } | null;
  version: number;
  mine: boolean;
  canReport: boolean;
}

export interface ProgressCount {
  key: string;
  total: number;
  done: number;
  inProgress: number;
  overdue: number;
  doneTenths: number | null;
}

export interface Plan {
  id: number;
  unit: { id: number; code: string; name: string };
  year: number;
  title: string;
  baseline: Baseline | null;
  /** The source unit's result now (null when the reader does not see an appraised result). */
  current?: {
    indexHundredths: number | null;
    classLabel: string | null;
    rank: number | null;
    unitsRanked: number | null;
    provisional: boolean;
    totalHundredths: number;
    maxTotalHundredths: number;
  } | null;
  document: Record<string, unknown>;
  version: number;
  items: PlanItem[];
  tasks: PlanTask[];
  progress: {
    overall: ProgressCount;
    byCriterion: (ProgressCount & { title: string | null })[];
    byOfficial: (ProgressCount & { name: string | null })[];
  };
  officials: { id: number; fullName: string; role: string }[];
  permissions: { manage: boolean; report: boolean; userId: number };
}

export interface Standing {
  appraised: number;
  indexHundredths: number;
  classLabel: string | null;
  rank: number;
  unitsRanked: number;
}

export interface WhatIf {
  current: Standing;
  projected: Standing;
  gained: number;
  indexGained: number;
  perItem: { code: string; gained: number; indexGained: number }[];
}

export interface ResultSource {
  campaignId: number;
  campaignName: string;
  year: number;
  unitId: number;
  unitName: string;
}

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

export interface SupervisionSummary {
  id: number;
  unitId: number;
  unitName: string;
  planNumber: string;
  planDate: string | null;
  periodFrom: string;
  periodTo: string;
  periodLabel: string;
  findings: number;
}

export interface Finding {
  id: number;
  group: FindingGroup;
  code: string;
  title: string;
  maxHundredths: number | null;
  selfHundredths: number | null;
  appraisedHundredths: number | null;
  missingHundredths: number | null;
  reason: string;
  reference: string;
  pointsText: string | null;
  text: string;
  tasks: { id: number; planId: number; status: string }[];
}

export interface Member {
  name: string;
  position: string;
  role: string;
}

export interface Recommendation {
  audience: 'leadership' | 'officers';
  text: string;
}

export interface Supervision {
  id: number;
  unit: { id: number; code: string; name: string };
  planNumber: string;
  planDate: string | null;
  periodFrom: string;
  periodTo: string;
  periodLabel: string;
  members: Member[];
  campaignId: number | null;
  sourceUnitId: number | null;
  recommendations: Recommendation[];
  document: Record<string, unknown>;
  version: number;
  findings: Finding[];
  results: {
    baseline: Baseline;
    lost: {
      code: string;
      title: string;
      max: number;
      self: number | null;
      appraised: number;
      lost: number;
      reason: string | null;
    }[];
  } | null;
  plan: Plan | null;
  permissions: { manage: boolean };
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

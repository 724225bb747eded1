/**
 * Remediation plans and People's Council supervisions: use-cases, each in one transaction with its
 * audit entry. A plan belongs to a unit and starts from a campaign's results for that unit or one
 * of its predecessors (lineage); its items are the sub-criteria that lost points, its tasks are
 * assigned to the unit's officials, who report their own progress. A supervision belongs to the
 * supervised unit; its findings quote the results and can become tasks of the unit's plan.
 *
 * This module is what the routes and the other features import; the use-cases live by concern in
 * sources.service.ts (what a plan or supervision starts from), plans.service.ts and
 * supervisions.service.ts, with what they share in shared.ts.
 */
export { vnToday } from './shared.ts';
export { resultSources } from './sources.service.ts';
export {
  listPlans,
  createPlan,
  updatePlan,
  deletePlan,
  getPlan,
  createTask,
  updateTask,
  deleteTask,
  reportProgress,
  whatIf,
  overdueTasks,
  overdueTaskNotices,
  markOverdueNotified,
} from './plans.service.ts';
export {
  listSupervisions,
  createSupervision,
  updateSupervision,
  addFinding,
  updateFinding,
  deleteFinding,
  getSupervision,
} from './supervisions.service.ts';

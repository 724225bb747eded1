/**
 * What the home route answers: the signed-in person's to-do list, computed by the server from the
 * data and their grants, each item with the page to do it on. Served through this schema, read by
 * the web app as types.
 */
import { z } from 'zod';
import { ROLES } from '../../domain/access.ts';

/** The kinds of items, one sentence each in the web catalogues (`home.task.<kind>`). */
export const TASK_KINDS = [
  'self_assessment',
  'submit',
  'explain',
  'appraise_round1',
  'appraise_round2',
  'close_round1',
  'approve',
  'publish',
  'campaign_progress',
  'late_units',
  'campaign_setup',
  'social_survey',
  'plan_task',
  'plan_tasks_due',
  'supervision',
  'sipas_collect',
  'accounts',
  'health',
  'outbox',
] as const;

export const taskItem = z.object({
  kind: z.enum(TASK_KINDS),
  role: z.enum(ROLES),
  /** A page of this app. */
  link: z.string(),
  /** A campaign, plan, task or survey, by its own name. */
  subject: z.string(),
  unitName: z.string().nullable(),
  /** ISO date or instant; null: no deadline. */
  due: z.string().nullable(),
  overdue: z.boolean(),
  figures: z.record(z.string(), z.number()),
});

export const tasksBody = z.object({
  roles: z.array(z.enum(ROLES)),
  items: z.array(taskItem),
  fieldApp: z.object({ url: z.string(), qrSvg: z.string() }).nullable(),
});

export type TaskKind = (typeof TASK_KINDS)[number];
export type TaskItem = z.infer<typeof taskItem>;
export type MyTasks = z.infer<typeof tasksBody>;

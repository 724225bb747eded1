/**
 * What sign-in, sign-out and the current session take and answer: the signed-in user, their grants
 * and permissions, the anti-forgery token. Served through these schemas, read by the web app as
 * types.
 */
import { z } from 'zod';
import { ROLES } from '../../domain/access.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const sessionBody = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    fullName: z.string(),
    mustChangePassword: z.boolean(),
    locale: z.enum(['vi', 'en']),
  }),
  grants: z.array(
    z.object({
      id: z.number(),
      role: z.enum(ROLES),
      unitId: z.number().nullable(),
      unitName: z.string().nullable(),
      unitCode: z.string().nullable(),
    }),
  ),
  permissions: z.object({
    manageUnits: z.boolean(),
    importUnits: z.boolean(),
    manageUsers: z.boolean(),
    readAudit: z.boolean(),
    manageCriteria: z.boolean(),
  }),
  csrfToken: z.string(),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export type Session = z.infer<typeof sessionBody>;
export type SessionGrant = Session['grants'][number];
export type LoginInput = z.input<typeof loginBody>;
export type ChangePasswordInput = z.input<typeof changePasswordBody>;

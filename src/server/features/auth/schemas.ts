/** Request and response shapes of sign-in, sign-out and the current session. */
import { z } from 'zod';
import { ROLES } from '../../../domain/access.ts';

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

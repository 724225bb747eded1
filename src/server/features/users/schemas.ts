/** Request and response shapes of user administration. */
import { z } from 'zod';
import { ROLES } from '../../../domain/access.ts';
import { idNumber, idText, paging } from '../../http/schemas.ts';

const grant = z.object({ role: z.enum(ROLES), unitId: idNumber.nullable() }).strict();

export const userBody = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  grants: z.array(
    z.object({
      id: z.number(),
      role: z.enum(ROLES),
      unitId: z.number().nullable(),
      unitName: z.string().nullable(),
      unitCode: z.string().nullable(),
    }),
  ),
});

export const userListQuery = z.object({ q: z.string().trim().max(100).optional(), ...paging });
export const userList = z.object({ items: z.array(userBody), total: z.number() });

export const createUserBody = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-zA-Z0-9._-]{3,60}$/, 'field_format'),
    fullName: z.string().trim().min(1).max(200),
    email: z.email().max(200).nullable().optional(),
    password: z.string().max(200).optional(),
    grants: z.array(grant).max(50).default([]),
  })
  .strict();

export const createUserResult = z.object({
  user: userBody,
  temporaryPassword: z.string().nullable(),
});

export const updateUserBody = z
  .object({
    fullName: z.string().trim().min(1).max(200),
    email: z.email().max(200).nullable(),
    disabled: z.boolean(),
    version: idNumber,
  })
  .strict();

export const resetPasswordBody = z.object({ password: z.string().max(200).optional() }).strict();
export const resetPasswordResult = z.object({ temporaryPassword: z.string().nullable() });

export const grantBody = grant;
export const grantParams = z.object({
  id: idText,
  grantId: idText,
});

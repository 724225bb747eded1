/**
 * What the user-administration routes answer and the bodies they take: an account with its grants,
 * a page of accounts, a new account's one-time password. Served through these schemas, read by the
 * web app as types.
 */
import { z } from 'zod';
import { ROLES } from '../../domain/access.ts';
import { idNumber } from './fields.ts';

const grant = z.object({ role: z.enum(ROLES), unitId: idNumber.nullable() }).strict();

export const userGrant = z.object({
  id: z.number(),
  role: z.enum(ROLES),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  unitCode: z.string().nullable(),
});

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
  grants: z.array(userGrant),
});

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

export type UserGrant = z.infer<typeof userGrant>;
export type User = z.infer<typeof userBody>;
export type UserPage = z.infer<typeof userList>;
export type CreateUserResult = z.infer<typeof createUserResult>;
export type ResetPasswordResult = z.infer<typeof resetPasswordResult>;
export type CreateUserInput = z.input<typeof createUserBody>;
export type UpdateUserInput = z.input<typeof updateUserBody>;
export type GrantInput = z.input<typeof grantBody>;

import { z } from 'zod';
import { PERMISSIONS } from '../../core/auth/permissions.js';
import { ROLES } from '../../core/auth/roles.js';
import { PASSWORD_MAX_LENGTH } from './password.rules.js';

export const ZLoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const ZChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  // The rule (length, block list…) is password.rules.ts, checked by the service: it answers PASSWORD_TOO_WEAK.
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const ZRoleBinding = z.object({
  role: z.enum(ROLES),
  scopeOrgId: z.string().nullable(),
  scopeOrgName: z.string().nullable(),
  scopeGridId: z.string().nullable(),
  scopeGridName: z.string().nullable(),
});

export const ZMeResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    personId: z.string().nullable(),
    locale: z.string(),
  }),
  roles: z.array(ZRoleBinding),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type MeResponse = z.infer<typeof ZMeResponse>;

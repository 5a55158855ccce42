import type { Role } from './roles.js';
import { PERMISSIONS, type Permission, ROLE_PERMISSIONS } from './permissions.rules.js';
import type { Actor } from './actor.js';

/** The table itself is permissions.rules.ts (shared with the web); these answer it for an actor. */
export { PERMISSIONS, type Permission };

export function permissionsOf(actor: Actor): Permission[] {
  const set = new Set<Permission>();
  for (const b of actor.bindings) for (const p of ROLE_PERMISSIONS[b.role]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.bindings.some((b) => grants(b.role, permission));
}

/** Whether one role carries the permission: for a policy whose scope depends on which binding grants it. */
export function grants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

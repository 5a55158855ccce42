import type { Role } from './roles.js';

export interface RoleBindingView {
  role: Role;
  scopeOrgId: string | null;
  scopeGridId: string | null;
}

/** The logged-in user as services see it: who, with which roles and scopes, from where. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  personId: string | null;
  locale: string;
  bindings: RoleBindingView[];
  ip: string | null;
  requestId: string | null;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.bindings.some((b) => roles.includes(b.role));
}

export function isCountyAdmin(actor: Actor): boolean {
  return hasRole(actor, 'county_admin');
}

/** Org scopes of the bindings with one of these roles (e.g. the communities a community admin runs). */
export function scopeOrgIds(actor: Actor, ...roles: Role[]): string[] {
  return actor.bindings.filter((b) => roles.includes(b.role) && b.scopeOrgId).map((b) => b.scopeOrgId as string);
}

export function scopeGridIds(actor: Actor, ...roles: Role[]): string[] {
  return actor.bindings.filter((b) => roles.includes(b.role) && b.scopeGridId).map((b) => b.scopeGridId as string);
}

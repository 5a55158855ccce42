/**
 * What the signed-in user may see and do, decided from GET /api/auth/me. Pages ask here and nowhere else:
 * `can(me, permission)` (or `useSession().can`) for what the server's permission table grants, the `…Of` helpers for
 * the organisations the user's role bindings are scoped to. The server decides every request again; this only
 * chooses what to show.
 *
 * The last block holds the few rules that no permission expresses: they follow a role's data scope (the county sees
 * every community, a unit admin works for its units). This file is the only place in the web app that reads role
 * names; a permission or a scope field in /api/auth/me would replace each of them.
 */
import type { MeResponse, Permission, Role } from '../api/contracts';

/** May this user do this at all (the server's role → permission table, as sent in `permissions`). */
export function can(me: MeResponse, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

type ScopedRole = Extract<Role, 'community_admin' | 'unit_admin'>;

/** The organisations the user holds `role` for: a community admin's communities, a unit admin's units. */
export function scopeOrgsOf(me: MeResponse, role: ScopedRole): string[] {
  return me.roles.flatMap((r) => (r.role === role && r.scopeOrgId ? [r.scopeOrgId] : []));
}

/** The first organisation the user holds `role` for (the one its pages open on), if any. */
export function ownOrgOf(me: MeResponse, role: ScopedRole): string | undefined {
  return me.roles.find((r) => r.role === role)?.scopeOrgId ?? undefined;
}

const holds = (me: MeResponse, ...roles: Role[]) => me.roles.some((r) => roles.includes(r.role));

/** Sees every community (the county): pages offer a community filter. */
export const seesWholeCounty = (me: MeResponse) => holds(me, 'county_admin');

/** Sees several communities' service days (the county, and a unit with each community it is paired with). */
export const seesSeveralCommunities = (me: MeResponse) => holds(me, 'county_admin', 'unit_admin');

/** Runs a community's business (the county or a community admin): its annual project plan. */
export const runsCommunities = (me: MeResponse) => holds(me, 'county_admin', 'community_admin');

/** Has a unit inbox (吹哨报到): unit administrators, and the county who oversees them. */
export const hasUnitInbox = (me: MeResponse) => can(me, 'cases.read') && holds(me, 'unit_admin', 'county_admin');

/** A login that is only a resident uses the phone page. */
/**
 * A Party member on their own pages (我的服务 on the desktop home and the phone): they work their own service and read
 * no one else's. The county holds every permission, memberservice.self too, but is no member: it reads others'.
 */
export const servesAsMember = (me: MeResponse) => can(me, 'memberservice.self') && !can(me, 'memberservice.read');

export const isResidentOnly = (me: MeResponse) => me.roles.length > 0 && me.roles.every((r) => r.role === 'resident');

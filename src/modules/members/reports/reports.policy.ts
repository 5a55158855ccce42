import { eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { type DataScope, resolveScope } from '../../grid/grid.scope.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { memberReports } from './reports.schema.js';

/**
 * Who may do what with 双报到 and the 报到证:
 * - a Party member (memberservice.self): applies to their own residence community, withdraws their own pending
 *   application, sees their own applications and certificate;
 * - the county: everything;
 * - a community admin (memberservice.manage): the applications addressed to their communities (decides them, revokes
 *   the certificates) and the registration of the members living there (the unreported list);
 * - a grid worker (memberservice.read, .checkin): reads the applications and residents of the communities their
 *   grids lie in (a grid worker works with the whole community's members on duty), and scans their certificates;
 * - a unit admin (memberservice.read): reads the registration of its own members wherever they live (the unit
 *   supervises them, 双重管理), never decides.
 */

/** The communities whose members' registration the actor reads (as community admin or grid worker). */
function readCommunities(scope: DataScope): string[] {
  return [...new Set([...scope.communityIds, ...scope.gridCommunityIds])];
}

/** List filter over member_reports joined with party_members. */
export async function reportsVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  const communities = readCommunities(scope);
  const parts = [
    communities.length ? inArray(memberReports.communityId, communities) : undefined,
    scope.unitIds.length ? inArray(partyMembers.unitId, scope.unitIds) : undefined,
  ].filter((p): p is SQL => !!p);
  return parts.length ? or(...parts) : sql`false`;
}

/** Filter over party_members: whose registration status (the unreported list) the actor reads. */
export async function membersVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  const communities = readCommunities(scope);
  const parts = [
    communities.length ? inArray(partyMembers.residenceCommunityId, communities) : undefined,
    scope.unitIds.length ? inArray(partyMembers.unitId, scope.unitIds) : undefined,
  ].filter((p): p is SQL => !!p);
  return parts.length ? or(...parts) : sql`false`;
}

/** Deciding applications and revoking certificates of a community: the county, or that community's admin. */
export async function assertMayDecide(db: Db, actor: Actor, communityId: string): Promise<void> {
  if (!can(actor, 'memberservice.manage')) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (!scope.all && !scope.communityIds.includes(communityId)) throw new AppError('FORBIDDEN');
}

/** Scanning a certificate: staff with memberservice.checkin in the certificate's community. */
export async function assertMayScan(db: Db, actor: Actor, communityId: string): Promise<void> {
  if (!can(actor, 'memberservice.checkin')) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (!scope.all && !readCommunities(scope).includes(communityId)) throw new AppError('FORBIDDEN');
}

/** Whether the actor is the member themself (memberservice.self and the member's person). */
export function isOwnMember(actor: Actor, member: { personId: string }): boolean {
  return can(actor, 'memberservice.self') && !!actor.personId && actor.personId === member.personId;
}

/**
 * Reading one certificate (its card): the member themself, or a reader whose scope holds the certificate's community
 * or the member's unit. Anyone else is told it does not exist.
 */
export async function assertMayViewCertificate(
  db: Db,
  actor: Actor,
  cert: { communityId: string; personId: string; unitId: string | null },
): Promise<void> {
  if (isOwnMember(actor, cert)) return;
  if (can(actor, 'memberservice.read')) {
    const scope = await resolveScope(db, actor);
    if (scope.all || readCommunities(scope).includes(cert.communityId)) return;
    if (cert.unitId && scope.unitIds.includes(cert.unitId)) return;
  }
  throw new AppError('NOT_FOUND', { entity: 'member_certificate' });
}

/** Withdrawing: only the member's own application; another's is reported absent. */
export function assertOwnReport(actor: Actor, member: { personId: string }): void {
  if (!isOwnMember(actor, member)) throw new AppError('NOT_FOUND', { entity: 'member_report' });
}

/** A member reads their own registration only: the filter for "mine". */
export function ownMemberFilter(actor: Actor): SQL {
  return actor.personId ? eq(partyMembers.personId, actor.personId) : sql`false`;
}

import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { hasRole, isCountyAdmin } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import { resolveScope } from '../../grid/grid.scope.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { serviceDayCheckins, serviceDays } from './servicedays.schema.js';

/**
 * Who may do what with service days (集中报到服务日):
 * - the county: everything;
 * - a community admin: the days of their communities (schedule, edit, cancel, outcome, staff check-in, sign-ups on
 *   a unit's behalf);
 * - a grid worker: reads the days of the communities their grids lie in;
 * - a unit admin: reads every day (a day is a public call for service), signs up only their own unit, sees and
 *   checks in only their own unit's members;
 * - a Party member: lists the days where they live and those their unit signed up for, and checks in only
 *   themself, through the day's QR code.
 */
export async function daysVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all || hasRole(actor, 'unit_admin')) return undefined;
  const ids = [...new Set([...scope.communityIds, ...(hasRole(actor, 'grid_worker') ? scope.gridCommunityIds : [])])];
  return ids.length ? inArray(serviceDays.communityId, ids) : sql`false`;
}

export function assertMayRead(actor: Actor): void {
  if (!can(actor, 'cobuild.read')) throw new AppError('FORBIDDEN');
}

/** Whether the actor runs this community's service days (county, or its community admin). */
export async function managesCommunity(db: Db, actor: Actor, communityId: string): Promise<boolean> {
  if (!can(actor, 'servicedays.write')) return false;
  const scope = await resolveScope(db, actor);
  return scope.all || scope.communityIds.includes(communityId);
}

export async function assertMayManage(db: Db, actor: Actor, communityId: string): Promise<void> {
  if (!(await managesCommunity(db, actor, communityId))) throw new AppError('FORBIDDEN');
}

/**
 * Signing a unit up: the county or the day's community admin for any unit (the community may invite a unit in);
 * a unit admin only for their own unit. Returns whether the actor acts as the unit itself (the pairing rule applies).
 */
export async function assertMaySignup(
  db: Db,
  actor: Actor,
  communityId: string,
  unitId: string,
): Promise<'staff' | 'unit'> {
  if (!can(actor, 'servicedays.signup')) throw new AppError('FORBIDDEN');
  if (await managesCommunity(db, actor, communityId)) return 'staff';
  const scope = await resolveScope(db, actor);
  if (scope.unitIds.includes(unitId)) return 'unit';
  throw new AppError('FORBIDDEN');
}

/** Checking oneself in by the day's QR code (and opening that page): servicedays.checkin. */
export function assertMayCheckIn(actor: Actor): void {
  if (!can(actor, 'servicedays.checkin')) throw new AppError('FORBIDDEN');
}

/** A Party member's own list of days (where they live, or their unit's): memberservice.self. */
export function assertMayListOwnDays(actor: Actor): void {
  if (!can(actor, 'memberservice.self')) throw new AppError('FORBIDDEN');
}

export interface CheckinAuthority {
  all: boolean;
  unitIds: string[];
}

/** The units whose members the actor may check in at this day: all, or their own units (none: 403). */
export async function assertCheckinAuthority(db: Db, actor: Actor, communityId: string): Promise<CheckinAuthority> {
  const authority = await checkinAuthority(db, actor, communityId);
  if (!authority.all && !authority.unitIds.length) throw new AppError('FORBIDDEN');
  return authority;
}

/** A unit admin checks in only members of its own units. */
export function assertMayCheckInMembers(authority: CheckinAuthority, members: { unitId: string | null }[]): void {
  if (!authority.all && members.some((m) => !m.unitId || !authority.unitIds.includes(m.unitId)))
    throw new AppError('FORBIDDEN');
}

/** The units whose members the actor may check in at this day: all, or their own units. */
export async function checkinAuthority(db: Db, actor: Actor, communityId: string): Promise<CheckinAuthority> {
  if (await managesCommunity(db, actor, communityId)) return { all: true, unitIds: [] };
  if (!can(actor, 'servicedays.checkin') || !hasRole(actor, 'unit_admin')) return { all: false, unitIds: [] };
  return { all: false, unitIds: (await resolveScope(db, actor)).unitIds };
}

/** Check-ins a reader sees: all of a day they may manage or read as county/community/grid; a unit admin its own. */
export async function checkinsVisibleTo(db: Db, actor: Actor, communityId: string): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all || scope.communityIds.includes(communityId) || scope.gridCommunityIds.includes(communityId))
    return undefined;
  return scope.unitIds.length ? inArray(serviceDayCheckins.unitId, scope.unitIds) : sql`false`;
}

export function assertMayEditKinds(actor: Actor): void {
  if (!isCountyAdmin(actor)) throw new AppError('FORBIDDEN');
}

/** The units an actor's unit summaries are narrowed to: a reader who is only a unit admin sees its own; undefined = all. */
export async function summaryUnitsVisibleTo(db: Db, actor: Actor): Promise<string[] | undefined> {
  const scope = await resolveScope(db, actor);
  const ownUnitsOnly = !scope.all && !scope.communityIds.length && !scope.gridCommunityIds.length;
  return ownUnitsOnly ? scope.unitIds : undefined;
}

/** The units an actor administers (a unit admin signing up without naming its unit). */
export async function ownUnitIds(db: Db, actor: Actor): Promise<string[]> {
  return (await resolveScope(db, actor)).unitIds;
}

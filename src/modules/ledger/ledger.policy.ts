import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { can } from '../../core/auth/permissions.js';
import { anyOf } from '../../core/auth/scope.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { resolveScope } from '../grid/grid.scope.js';
import { membersVisibleTo } from '../people/members/members.policy.js';
import { partyMembers } from '../people/members/members.schema.js';
import { serviceRecords } from './ledger.schema.js';

/**
 * Who reads and corrects the service ledger. Staff (memberservice.read) see the records of the members they see in
 * the members registry (双重管理: the community and grids where a member lives, the unit a member works for, wherever
 * they served) and the records served in their own communities; a Party member (memberservice.self) only their own.
 * Only staff with memberservice.manage correct or void, and only for the community where the service took place
 * or where the member lives. Nobody writes a record by hand: records come from their source modules.
 */
export function assertMayReadLedger(actor: Actor): void {
  if (!can(actor, 'memberservice.read') && !can(actor, 'memberservice.self')) throw new AppError('FORBIDDEN');
}

/** The Party member ids this actor may read the records of, as a where-clause on party_members (undefined: all). */
export async function ledgerMembersVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  assertMayReadLedger(actor);
  if (can(actor, 'memberservice.read')) return membersVisibleTo(db, actor);
  return actor.personId ? eq(partyMembers.personId, actor.personId) : sql`false`;
}

/** The ledger rows this actor may read (undefined: every row). */
export async function recordsVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const members = await ledgerMembersVisibleTo(db, actor);
  if (!members) return undefined;
  const byMember = inArray(
    serviceRecords.memberId,
    db.select({ id: partyMembers.id }).from(partyMembers).where(members),
  );
  if (!can(actor, 'memberservice.read')) return byMember;
  const scope = await resolveScope(db, actor);
  return (
    anyOf(byMember, scope.communityIds.length ? inArray(serviceRecords.communityId, scope.communityIds) : undefined) ??
    sql`false`
  );
}

/** Correcting or voiding a record: the county, or the admin of the community where it was served or the member lives. */
export async function assertMayCorrectRecord(
  db: Db,
  actor: Actor,
  record: { communityId: string | null; residenceCommunityId: string | null },
): Promise<void> {
  if (!can(actor, 'memberservice.manage')) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (scope.all) return;
  const mine = (id: string | null) => id !== null && scope.communityIds.includes(id);
  if (!mine(record.communityId) && !mine(record.residenceCommunityId)) throw new AppError('FORBIDDEN');
}

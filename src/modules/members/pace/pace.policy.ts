import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { membersVisibleTo } from '../../people/members/members.policy.js';

/**
 * The pace list is staff's (memberservice.read): the members they see in the members registry — a community its
 * residents, a grid worker those living in their grids, a unit its own members wherever they live. Reminders are
 * sent by those who manage members' service (memberservice.manage: the county, a community), to the same scope.
 */
export async function paceMembersVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  if (!can(actor, 'memberservice.read')) throw new AppError('FORBIDDEN');
  return membersVisibleTo(db, actor);
}

export async function assertMayRemind(db: Db, actor: Actor): Promise<SQL | undefined> {
  if (!can(actor, 'memberservice.manage')) throw new AppError('FORBIDDEN');
  return membersVisibleTo(db, actor);
}

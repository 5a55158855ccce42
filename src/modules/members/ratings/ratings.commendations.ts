import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { type Page, readPage } from '../../../core/list.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { people } from '../../people/people.schema.js';
import type { CommendationQuery, CreateCommendation } from './ratings.contracts.js';
import { assertMayCommend, commendedMembersVisibleTo } from './ratings.policy.js';
import { memberCommendations } from './ratings.schema.js';
import { quarterFirstDay, quarterLastDay } from './quarters.js';

/** Commendations (表扬): points a community gives a member living there, counted in the quarter of their day. */
export async function createCommendation(opts: { db: Db; actor: Actor; input: CreateCommendation }) {
  const { db, actor, input } = opts;
  const day = input.day ?? clock.today();
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ kind: partyMembers.kind, communityId: partyMembers.residenceCommunityId })
      .from(partyMembers)
      .where(eq(partyMembers.id, input.memberId));
    if (!member) throw new AppError('NOT_FOUND', { entity: 'party_member' });
    await assertMayCommend(tx, actor, member.communityId);
    if (member.kind !== 'in_service') throw new AppError('MEMBER_NOT_IN_SERVICE');
    const [row] = await tx
      .insert(memberCommendations)
      .values({
        memberId: input.memberId,
        communityId: member.communityId as string,
        day,
        reason: input.reason,
        points: input.points,
        createdByUserId: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'member_commendation.create',
      entityType: 'member_commendation',
      entityId: row.id,
      after: row,
    });
    const [withName] = await selectViews(tx).where(eq(memberCommendations.id, row.id));
    return present(withName);
  });
}

function selectViews(db: Db) {
  return db
    .select({ c: memberCommendations, memberName: people.name })
    .from(memberCommendations)
    .innerJoin(partyMembers, eq(partyMembers.id, memberCommendations.memberId))
    .innerJoin(people, eq(people.id, partyMembers.personId));
}

function present(r: Awaited<ReturnType<ReturnType<typeof selectViews>['execute']>>[number]) {
  const { c } = r;
  return {
    id: c.id,
    memberId: c.memberId,
    memberName: r.memberName,
    communityId: c.communityId,
    day: c.day,
    reason: c.reason,
    points: c.points,
    createdAt: c.createdAt.toISOString(),
  };
}

export async function listCommendations(opts: {
  db: Db;
  actor: Actor;
  query: CommendationQuery;
}): Promise<Page<ReturnType<typeof present>>> {
  const { db, query: q } = opts;
  const parts: (SQL | undefined)[] = [await commendedMembersVisibleTo(db, opts.actor)];
  if (q.memberId) parts.push(eq(memberCommendations.memberId, q.memberId));
  if (q.year) {
    const range = q.quarter
      ? {
          from: quarterFirstDay({ year: q.year, quarter: q.quarter }),
          to: quarterLastDay({ year: q.year, quarter: q.quarter }),
        }
      : { from: `${q.year}-01-01`, to: `${q.year}-12-31` };
    parts.push(gte(memberCommendations.day, range.from), lte(memberCommendations.day, range.to));
  }
  const where = and(...parts);
  return readPage(q, {
    rows: selectViews(db)
      .where(where)
      .orderBy(desc(memberCommendations.day), desc(memberCommendations.createdAt))
      .$dynamic(),
    total: db
      .select({ total: count() })
      .from(memberCommendations)
      .innerJoin(partyMembers, eq(partyMembers.id, memberCommendations.memberId))
      .where(where),
    present,
  });
}

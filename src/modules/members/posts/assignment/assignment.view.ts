import { aliasedTable, and, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../../core/db.js';
import { orderBy, type Page, readPage } from '../../../../core/list.js';
import { escapeLike } from '../../../../core/strings.js';
import { grids } from '../../../grid/grid.schema.js';
import { organisations } from '../../../org/org.schema.js';
import { partyMembers } from '../../../people/members/members.schema.js';
import { people } from '../../../people/people.schema.js';
import { memberReports } from '../../reports/reports.schema.js';
import type { PostAssignmentListQuery, PostAssignmentView } from '../posts.openings.contracts.js';
import { postAssignments, postOpenings, postTypes } from '../posts.schema.js';

/** How assignments are read and presented: one select shared by the lists, the member's own posts and single reads. */
const unit = aliasedTable(organisations, 'assignment_unit');

export function selectAssignments(db: Db) {
  return db
    .select({
      a: postAssignments,
      openingTitle: postOpenings.title,
      communityId: postOpenings.communityId,
      communityName: organisations.name,
      gridName: grids.name,
      typeKey: postTypes.key,
      typeName: postTypes.name,
      typeNameEn: postTypes.nameEn,
      memberName: people.name,
      unitName: unit.name,
      skillMatch: sql<boolean>`exists (select 1 from ${memberReports} where ${memberReports.memberId} = ${postAssignments.memberId}
        and ${memberReports.state} = 'approved' and ${postTypes.key} = any(${memberReports.skills}))`,
    })
    .from(postAssignments)
    .innerJoin(postOpenings, eq(postOpenings.id, postAssignments.openingId))
    .innerJoin(postTypes, eq(postTypes.id, postOpenings.postTypeId))
    .innerJoin(organisations, eq(organisations.id, postOpenings.communityId))
    .leftJoin(grids, eq(grids.id, postOpenings.gridId))
    .innerJoin(partyMembers, eq(partyMembers.id, postAssignments.memberId))
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(unit, eq(unit.id, partyMembers.unitId));
}
/** A row of `selectAssignments` (spelt out: Drizzle infers never for a select joining an aliased table). */
interface AssignmentRow {
  a: typeof postAssignments.$inferSelect;
  openingTitle: string;
  communityId: string;
  communityName: string;
  gridName: string | null;
  typeKey: string;
  typeName: string;
  typeNameEn: string;
  memberName: string;
  unitName: string | null;
  skillMatch: boolean;
}

export function presentAssignment(r: AssignmentRow): PostAssignmentView {
  const a = r.a;
  return {
    id: a.id,
    openingId: a.openingId,
    openingTitle: r.openingTitle,
    communityId: r.communityId,
    communityName: r.communityName,
    gridName: r.gridName,
    postTypeKey: r.typeKey,
    postTypeName: r.typeName,
    postTypeNameEn: r.typeNameEn,
    memberId: a.memberId,
    memberName: r.memberName,
    unitName: r.unitName,
    year: a.year,
    state: a.state,
    score: a.score,
    distanceKm: a.distanceKm,
    skillMatch: Boolean(r.skillMatch),
    confirmedAt: a.confirmedAt?.toISOString() ?? null,
    endedAt: a.endedAt?.toISOString() ?? null,
    version: a.version,
  };
}

const ASSIGNMENT_SORT = {
  score: postAssignments.score,
  state: postAssignments.state,
  distanceKm: postAssignments.distanceKm,
  memberName: people.name,
  openingTitle: postOpenings.title,
};

export async function readAssignmentPage(
  db: Db,
  scope: SQL | undefined,
  q: PostAssignmentListQuery,
): Promise<Page<PostAssignmentView>> {
  const like = q.q ? `%${escapeLike(q.q)}%` : undefined;
  const where = and(
    scope,
    q.communityId ? eq(postOpenings.communityId, q.communityId) : undefined,
    q.openingId ? eq(postAssignments.openingId, q.openingId) : undefined,
    q.memberId ? eq(postAssignments.memberId, q.memberId) : undefined,
    q.year ? eq(postAssignments.year, q.year) : undefined,
    q.state ? eq(postAssignments.state, q.state) : undefined,
    like ? or(ilike(people.name, like), ilike(postOpenings.title, like)) : undefined,
  );
  return readPage(q, {
    rows: selectAssignments(db)
      .where(where)
      .orderBy(
        ...orderBy(q.sort, ASSIGNMENT_SORT, [sql`${postOpenings.title}`, sql`${people.name}`], postAssignments.id),
      )
      .$dynamic(),
    total: db
      .select({ total: count() })
      .from(postAssignments)
      .innerJoin(postOpenings, eq(postOpenings.id, postAssignments.openingId))
      .innerJoin(partyMembers, eq(partyMembers.id, postAssignments.memberId))
      .innerJoin(people, eq(people.id, partyMembers.personId))
      .where(where),
    present: presentAssignment,
  });
}

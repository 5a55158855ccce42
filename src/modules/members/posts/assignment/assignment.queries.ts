import { and, count, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../../../../core/db.js';
import { cases } from '../../../cases/cases.schema.js';
import { grids } from '../../../grid/grid.schema.js';
import { partyMembers } from '../../../people/members/members.schema.js';
import { people } from '../../../people/people.schema.js';
import { memberReports } from '../../reports/reports.schema.js';
import { type CandidateMember, postTypeOfCategory } from './assignment.model.js';
import { postAssignments } from '../posts.schema.js';

/**
 * The reads the assignment needs from other parts: who reports where (双报到, member_reports), where members and
 * grids are, and the community's cases by grid and category (the need). Kept here as named queries.
 */

/**
 * In-service members whose latest decided report is approved, at these communities (all: undefined), with their
 * skills and home point: the reported grid's centre, else their home grid's. Members already confirmed in a post
 * this year are left out.
 */
export async function reportingMembers(
  db: Db,
  communityIds: string[] | undefined,
  year: number,
): Promise<CandidateMember[]> {
  const latest = await db
    .selectDistinctOn([memberReports.memberId], {
      memberId: memberReports.memberId,
      communityId: memberReports.communityId,
      state: memberReports.state,
      skills: memberReports.skills,
      gridId: memberReports.gridId,
      homeGridId: people.homeGridId,
    })
    .from(memberReports)
    .innerJoin(partyMembers, eq(partyMembers.id, memberReports.memberId))
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .where(
      and(
        eq(partyMembers.kind, 'in_service'),
        inArray(memberReports.state, ['approved', 'declined']),
        communityIds ? inArray(memberReports.communityId, communityIds) : undefined,
      ),
    )
    .orderBy(memberReports.memberId, desc(memberReports.appliedAt));
  const posted = new Set(
    (
      await db
        .select({ memberId: postAssignments.memberId })
        .from(postAssignments)
        .where(and(eq(postAssignments.year, year), eq(postAssignments.state, 'confirmed')))
    ).map((r) => r.memberId),
  );
  const approved = latest.filter((r) => r.state === 'approved' && !posted.has(r.memberId));
  const centres = await gridCentres(
    db,
    approved.flatMap((r) => [r.gridId, r.homeGridId]),
  );
  return approved.map((r) => {
    const at = centres.get(r.gridId ?? '') ?? centres.get(r.homeGridId ?? '');
    return { id: r.memberId, communityId: r.communityId, skills: r.skills, lng: at?.lng ?? null, lat: at?.lat ?? null };
  });
}

/** Bounding-box centres of grids (a fair point for a building, alley or neighbourhood grid). */
export async function gridCentres(
  db: Db,
  ids: readonly (string | null)[],
): Promise<Map<string, { lng: number; lat: number; code: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const out = new Map<string, { lng: number; lat: number; code: string }>();
  for (let i = 0; i < wanted.length; i += 5000) {
    const rows = await db
      .select({ id: grids.id, code: grids.code, a: grids.minLng, b: grids.minLat, c: grids.maxLng, d: grids.maxLat })
      .from(grids)
      .where(inArray(grids.id, wanted.slice(i, i + 5000)));
    for (const g of rows)
      if (g.a !== null && g.b !== null && g.c !== null && g.d !== null)
        out.set(g.id, { lng: (g.a + g.c) / 2, lat: (g.b + g.d) / 2, code: g.code });
  }
  return out;
}

/** Cases since `since` at these communities, counted by community, grid code and the post type they speak for. */
export interface NeedCount {
  communityId: string;
  gridCode: string | null;
  typeKey: string;
  n: number;
}

export async function caseNeeds(db: Db, communityIds: string[] | undefined, since: Date): Promise<NeedCount[]> {
  const rows = await db
    .select({
      communityId: cases.communityId,
      gridCode: grids.code,
      category: cases.categoryCode,
      n: count(),
    })
    .from(cases)
    .leftJoin(grids, eq(grids.id, cases.gridId))
    .where(and(gte(cases.reportedAt, since), communityIds ? inArray(cases.communityId, communityIds) : undefined))
    .groupBy(cases.communityId, grids.code, cases.categoryCode);
  const out: NeedCount[] = [];
  for (const r of rows) {
    const typeKey = r.category ? postTypeOfCategory(r.category) : undefined;
    if (typeKey && r.communityId) out.push({ communityId: r.communityId, gridCode: r.gridCode, typeKey, n: r.n });
  }
  return out;
}

/** The need of each opening (0 … 1 within its community): matching cases in its grid's subtree (or community). */
export function needOf(
  openings: readonly { communityId: string; gridCode: string | null; typeKey: string }[],
  counts: readonly NeedCount[],
): number[] {
  const raw = openings.map((o) =>
    counts
      .filter(
        (c) =>
          c.communityId === o.communityId &&
          c.typeKey === o.typeKey &&
          (o.gridCode === null || (c.gridCode ?? '').startsWith(o.gridCode)),
      )
      .reduce((s, c) => s + c.n, 0),
  );
  const maxBy = new Map<string, number>();
  openings.forEach((o, i) => maxBy.set(o.communityId, Math.max(maxBy.get(o.communityId) ?? 0, raw[i])));
  return openings.map((o, i) => {
    const max = maxBy.get(o.communityId) ?? 0;
    return max > 0 ? raw[i] / max : 0;
  });
}

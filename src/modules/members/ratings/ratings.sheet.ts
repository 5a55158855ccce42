import { and, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../core/auth/actor.js';
import { addDays, localInstant } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { organisations } from '../../org/org.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { people } from '../../people/people.schema.js';
import { isAtRisk } from '../pace/pace.rules.js';
import { postAssignments, postOpenings } from '../posts/posts.schema.js';
import { memberReports } from '../reports/reports.schema.js';
import { currentServiceRules } from '../rules.js';
import type {
  Coverage,
  CoverageQuery,
  CoverageRow,
  GradeCounts,
  SheetQuery,
  SheetRow,
  UnitSheet,
} from './ratings.contracts.js';
import { quarterFigures } from './ratings.figures.js';
import { coverageCommunitiesFor, sheetUnitFor } from './ratings.policy.js';
import { memberRatings } from './ratings.schema.js';
import { type QuarterKey, quarterAsOf, quarterHasEnded } from './quarters.js';

/**
 * Feedback to units (issue 13 item 5): the unit's quarterly sheet — every in-service member of the unit wherever they
 * live, with registration, post, hours, points, grade and the pace flag — and the county's coverage by unit. A rated
 * member shows the rating's stored figures (what the community confirmed); a member not rated yet shows the figures
 * computed now, with the suggestion.
 */
const communities = alias(organisations, 'sheet_community');
const unitOrgs = alias(organisations, 'sheet_unit');
const inService = (filter: SQL | undefined) => and(eq(partyMembers.kind, 'in_service'), filter);
/** One collator for every comparison: localeCompare(…, 'zh') builds one per call (a second per county sheet). */
const zh = new Intl.Collator('zh');

async function memberNames(db: Db, filter: SQL | undefined) {
  return db
    .select({
      id: partyMembers.id,
      name: people.name,
      unitId: partyMembers.unitId,
      unitName: unitOrgs.name,
      communityId: partyMembers.residenceCommunityId,
      communityName: communities.name,
    })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(communities, eq(communities.id, partyMembers.residenceCommunityId))
    .leftJoin(unitOrgs, eq(unitOrgs.id, partyMembers.unitId))
    .where(inService(filter));
}

async function quarterRatings(db: Db, filter: SQL | undefined, q: QuarterKey) {
  const rows = await db
    .select({
      memberId: memberRatings.memberId,
      points: memberRatings.points,
      minutes: memberRatings.minutes,
      yearMinutes: memberRatings.yearMinutes,
      noShows: memberRatings.noShows,
      reported: memberRatings.reported,
      grade: memberRatings.grade,
      suggestedGrade: memberRatings.suggestedGrade,
      state: memberRatings.state,
    })
    .from(memberRatings)
    .innerJoin(partyMembers, eq(partyMembers.id, memberRatings.memberId))
    .where(and(inService(filter), eq(memberRatings.year, q.year), eq(memberRatings.quarter, q.quarter)));
  return new Map(rows.map((r) => [r.memberId, r]));
}

/** The confirmed post of each member in the year (one at most: a partial unique index). */
async function postsOf(db: Db, filter: SQL | undefined, year: number): Promise<Map<string, string>> {
  const rows = await db
    .select({ memberId: postAssignments.memberId, title: postOpenings.title })
    .from(postAssignments)
    .innerJoin(postOpenings, eq(postOpenings.id, postAssignments.openingId))
    .innerJoin(partyMembers, eq(partyMembers.id, postAssignments.memberId))
    .where(and(inService(filter), eq(postAssignments.year, year), eq(postAssignments.state, 'confirmed')));
  return new Map(rows.map((r) => [r.memberId, r.title]));
}

/**
 * The sheet: a rated member's figures are the rating's (what the community confirmed, read from one row), so a rated
 * quarter reads no ledger rows at all; only members without a rating have their figures computed from the ledger.
 */
export async function buildSheet(
  db: Db,
  opts: { unitId: string | null; quarter: QuarterKey; today: string },
): Promise<UnitSheet> {
  const { quarter: q, today } = opts;
  const asOf = quarterAsOf(q, today);
  const filter = opts.unitId ? eq(partyMembers.unitId, opts.unitId) : undefined;
  // Independent reads, sent together (PostgreSQL answers them side by side; PGlite in turn).
  const [rules, names, ratings, posts] = await Promise.all([
    currentServiceRules(db),
    memberNames(db, filter),
    quarterRatings(db, filter, q),
    postsOf(db, filter, q.year),
  ]);
  const unrated = names.filter((m) => !ratings.has(m.id)).map((m) => m.id);
  const live = !unrated.length
    ? []
    : await quarterFigures(db, {
        members: unrated.length === names.length ? filter : and(filter, inArray(partyMembers.id, unrated)),
        quarter: q,
        today,
        rules,
      });
  const figures = new Map(live.map((f) => [f.memberId, f]));
  const items = names.map((m): SheetRow => {
    const r = ratings.get(m.id);
    const f = figures.get(m.id);
    const stored = r ?? {
      points: f?.points ?? 0,
      minutes: f?.minutes ?? 0,
      yearMinutes: f?.yearMinutes ?? 0,
      noShows: f?.noShows ?? 0,
      reported: f?.reported ?? false,
    };
    return {
      memberId: m.id,
      name: m.name,
      unitId: m.unitId,
      unitName: m.unitName,
      communityId: m.communityId,
      communityName: m.communityName,
      reported: stored.reported,
      post: posts.get(m.id) ?? null,
      yearMinutes: stored.yearMinutes,
      quarterMinutes: stored.minutes,
      points: stored.points,
      grade: r?.grade ?? null,
      suggestedGrade: r?.suggestedGrade ?? f?.suggestion.grade ?? 'unqualified',
      state: r?.state ?? null,
      atRisk: isAtRisk(stored.yearMinutes, asOf, rules.requiredHoursPerYear),
      noShows: stored.noShows,
    };
  });
  items.sort((a, b) => zh.compare(a.communityName ?? '', b.communityName ?? '') || zh.compare(a.name, b.name));
  const unitName = opts.unitId ? (names[0]?.unitName ?? (await unitNameOf(db, opts.unitId))) : null;
  return {
    unitId: opts.unitId,
    unitName,
    ...q,
    asOf,
    ended: quarterHasEnded(q, today),
    requiredHoursPerYear: rules.requiredHoursPerYear,
    items,
  };
}

async function unitNameOf(db: Db, unitId: string): Promise<string | null> {
  const [u] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, unitId));
  return u?.name ?? null;
}

/** GET /api/member-ratings/unit-sheet: a unit admin its own unit, the county any unit or the whole county. */
export async function unitSheet(opts: { db: Db; actor: Actor; query: SheetQuery }): Promise<UnitSheet> {
  const unitId = await sheetUnitFor(opts.db, opts.actor, opts.query.unitId);
  const quarter = { year: opts.query.year, quarter: opts.query.quarter };
  return buildSheet(opts.db, { unitId, quarter, today: clock.today() });
}

/** Members registered by `asOf`: an approved 双报到 decided by then (renewal aside: the coverage of registration). */
async function registeredIds(db: Db, filter: SQL | undefined, asOf: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ memberId: memberReports.memberId })
    .from(memberReports)
    .innerJoin(partyMembers, eq(partyMembers.id, memberReports.memberId))
    .where(
      and(
        inService(filter),
        eq(memberReports.state, 'approved'),
        lt(memberReports.decidedAt, localInstant(addDays(asOf, 1))),
      ),
    );
  return new Set(rows.map((r) => r.memberId));
}

const noGrades = (): GradeCounts => ({ excellent: 0, qualified: 0, basic: 0, unqualified: 0, unrated: 0 });

function emptyRow(unitId: string | null, unitName: string | null): CoverageRow {
  return {
    unitId,
    unitName,
    members: 0,
    registered: 0,
    share: 0,
    hoursTotal: 0,
    hoursAverage: 0,
    atRisk: 0,
    grades: noGrades(),
  };
}

function finish<T extends Omit<CoverageRow, 'unitId' | 'unitName'>>(row: T): T {
  row.share = row.members ? row.registered / row.members : 0;
  row.hoursTotal = Math.round(row.hoursTotal * 10) / 10;
  row.hoursAverage = row.members ? Math.round((row.hoursTotal / row.members) * 10) / 10 : 0;
  return row;
}

/** GET /api/member-ratings/coverage: by unit, every in-service member (the county) or a community's residents. */
export async function coverage(opts: { db: Db; actor: Actor; query: CoverageQuery }): Promise<Coverage> {
  const { db } = opts;
  const scope = await coverageCommunitiesFor(db, opts.actor);
  const filter = scope ? inArray(partyMembers.residenceCommunityId, scope) : undefined;
  const q = { year: opts.query.year, quarter: opts.query.quarter };
  const today = clock.today();
  const asOf = quarterAsOf(q, today);
  const rules = await currentServiceRules(db);
  const figures = await quarterFigures(db, { members: filter, quarter: q, today, rules });
  const names = new Map((await memberNames(db, filter)).map((m) => [m.id, m.unitName]));
  const registered = await registeredIds(db, filter, asOf);
  const ratings = await quarterRatings(db, filter, q);
  const byUnit = new Map<string | null, CoverageRow>();
  const totals = emptyRow(null, null);
  for (const f of figures) {
    let row = byUnit.get(f.unitId);
    if (!row) byUnit.set(f.unitId, (row = emptyRow(f.unitId, names.get(f.memberId) ?? null)));
    const grade =
      ratings.get(f.memberId)?.state === 'confirmed' ? (ratings.get(f.memberId)?.grade ?? 'unrated') : 'unrated';
    for (const r of [row, totals]) {
      r.members += 1;
      if (registered.has(f.memberId)) r.registered += 1;
      r.hoursTotal += f.yearMinutes / 60;
      if (f.belowPace) r.atRisk += 1;
      r.grades[grade] += 1;
    }
  }
  const units = [...byUnit.values()]
    .map(finish)
    .sort((a, b) => b.members - a.members || zh.compare(a.unitName ?? '', b.unitName ?? ''));
  const { unitId: _u, unitName: _n, ...total } = finish(totals);
  return { ...q, asOf, units, totals: total };
}

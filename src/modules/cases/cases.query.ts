import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  lte,
  or,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../core/auth/actor.js';
import { escapeLike } from '../../core/strings.js';
import type { Db } from '../../core/db.js';
import { orderBy, type Page, pageWindow } from '../../core/list.js';
import { maskPhone } from '../../core/pii.js';
import { grids } from '../grid/grid.schema.js';
import { organisations } from '../org/org.schema.js';
import { people } from '../people/people.schema.js';
import type { CaseDetail, CaseListQuery, CaseSummary } from './cases.contracts.js';
import { availableActions, type CaseRelation, type CaseStatus } from './cases.machine.js';
import { canProxyAcknowledge, casesVisibleTo, inHeldAlleys, mayAcknowledgeCase } from './cases.policy.js';
import { mergeUnitSteps } from './dispatch/timeline.js';
import { caseCategories, caseDispatches, caseEvents, casePhotos, cases } from './cases.schema.js';
import { loadCaseFor } from './cases.load.js';
import { countedSql, whistleSql } from './stats/counted.js';
import { clock } from '../../core/clock.js';
import { ratingsOf, withRatingRules } from './resident/rating.js';

const owner = alias(people, 'owner');
const unit = alias(organisations, 'unit');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function selectSummaries(db: Db) {
  return db
    .select({
      c: cases,
      categoryName: caseCategories.name,
      gridName: grids.name,
      gridCode: grids.code,
      communityName: organisations.name,
      ownerName: owner.name,
    })
    .from(cases)
    .innerJoin(caseCategories, eq(caseCategories.code, cases.categoryCode))
    .innerJoin(grids, eq(grids.id, cases.gridId))
    .innerJoin(organisations, eq(organisations.id, cases.communityId))
    .leftJoin(owner, eq(owner.id, cases.ownerPersonId));
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummaries>['execute']>>[number];

function present(r: SummaryRow): CaseSummary {
  const c = r.c;
  return {
    id: c.id,
    number: c.number,
    channel: c.channel,
    title: c.title,
    categoryCode: c.categoryCode,
    categoryName: r.categoryName,
    priority: c.priority,
    status: c.status,
    whistle: c.whistle,
    gridId: c.gridId,
    gridName: r.gridName,
    communityId: c.communityId,
    communityName: r.communityName,
    ownerName: r.ownerName,
    reporterName: c.reporterName,
    reportedAt: c.reportedAt.toISOString(),
    responseDueAt: c.responseDueAt.toISOString(),
    resolutionDueAt: c.resolutionDueAt.toISOString(),
    acknowledgedAt: iso(c.acknowledgedAt),
    resolvedAt: iso(c.resolvedAt),
    supervised: c.supervisedAt !== null,
    mergedIntoId: c.mergedIntoId,
    satisfaction: c.satisfaction,
    version: c.version,
  };
}

async function filters(db: Db, actor: Actor, q: CaseListQuery): Promise<SQL | undefined> {
  let gridFilter: SQL | undefined;
  if (q.gridId) {
    const [g] = await db.select({ code: grids.code }).from(grids).where(eq(grids.id, q.gridId));
    gridFilter = g ? like(grids.code, `${escapeLike(g.code)}%`) : eq(cases.gridId, q.gridId);
  }
  const mine = q.mine
    ? or(
        eq(cases.reporterUserId, actor.userId),
        actor.personId ? eq(cases.reporterPersonId, actor.personId) : undefined,
        actor.personId ? eq(cases.ownerPersonId, actor.personId) : undefined,
        await inHeldAlleys(db, actor),
      )
    : undefined;
  return and(
    await casesVisibleTo(db, actor),
    gridFilter,
    mine,
    q.status?.length ? inArray(cases.status, q.status) : undefined,
    q.channel?.length ? inArray(cases.channel, q.channel) : undefined,
    q.category
      ? or(eq(cases.categoryCode, q.category), like(cases.categoryCode, `${escapeLike(q.category)}.%`))
      : undefined,
    q.priority ? eq(cases.priority, q.priority) : undefined,
    q.communityId ? eq(cases.communityId, q.communityId) : undefined,
    q.unitId
      ? inArray(
          cases.id,
          db.select({ id: caseDispatches.caseId }).from(caseDispatches).where(eq(caseDispatches.unitId, q.unitId)),
        )
      : undefined,
    q.supervised === true
      ? isNotNull(cases.supervisedAt)
      : q.supervised === false
        ? isNull(cases.supervisedAt)
        : undefined,
    whistleSql(q.whistle),
    q.counted
      ? await countedSql({
          db,
          actor,
          event: q.counted,
          from: q.countedFrom,
          to: q.countedTo,
          unitId: q.unitId,
          now: clock.now(),
        })
      : undefined,
    q.from ? gte(cases.reportedAt, new Date(q.from)) : undefined,
    q.to ? lte(cases.reportedAt, new Date(q.to)) : undefined,
    q.q
      ? or(
          ilike(cases.title, `%${escapeLike(q.q)}%`),
          ilike(cases.number, `%${escapeLike(q.q)}%`),
          ilike(cases.description, `%${escapeLike(q.q)}%`),
        )
      : undefined,
  );
}

/** The list's order: its `sort`, else the newest first; the id keeps pages stable. */
function listOrder(q: CaseListQuery) {
  return orderBy(
    q.sort,
    {
      reportedAt: cases.reportedAt,
      resolutionDueAt: cases.resolutionDueAt,
      responseDueAt: cases.responseDueAt,
      number: cases.number,
      priority: cases.priority,
    },
    [desc(cases.reportedAt)],
    cases.id,
  );
}

export async function listCases(opts: { db: Db; actor: Actor; query: CaseListQuery }): Promise<Page<CaseSummary>> {
  const q = opts.query;
  const where = await filters(opts.db, opts.actor, q);
  const sort = listOrder(q);
  const { limit, offset } = pageWindow(q);
  const [rows, [{ total }]] = await Promise.all([
    selectSummaries(opts.db)
      .where(where)
      .orderBy(...sort)
      .limit(limit)
      .offset(offset),
    opts.db.select({ total: count() }).from(cases).innerJoin(grids, eq(grids.id, cases.gridId)).where(where),
  ]);
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}

/** The ids of the list's cases (its filters, scope and order), at most `limit`: what an export streams. */
export async function listCaseIds(opts: {
  db: Db;
  actor: Actor;
  query: CaseListQuery;
  limit: number;
}): Promise<{ id: string }[]> {
  const where = await filters(opts.db, opts.actor, opts.query);
  return opts.db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(grids, eq(grids.id, cases.gridId))
    .where(where)
    .orderBy(...listOrder(opts.query))
    .limit(opts.limit);
}

/** The summary rows of these cases (no scope check: the ids come from listCaseIds). */
export async function caseSummariesByIds(db: Db, ids: string[]): Promise<CaseSummary[]> {
  return (await selectSummaries(db).where(inArray(cases.id, ids))).map(present);
}

/** One case's summary row, without the scope check (for answering the write that just made it). */
export async function getCaseSummary(opts: { db: Db; id: string }): Promise<CaseSummary> {
  const [row] = await selectSummaries(opts.db).where(eq(cases.id, opts.id));
  return present(row);
}

export async function getCaseDetail(opts: { db: Db; actor: Actor; id: string }): Promise<CaseDetail> {
  const { row, relations } = await loadCaseFor(opts.db, opts.actor, opts.id);
  const [summary] = await selectSummaries(opts.db).where(eq(cases.id, row.id));
  const [events, dispatches, photos, merged] = await loadHistory(opts.db, row.id);
  const ratings = await ratingsOf(opts.db, row.id);
  const statuses = dispatches.map((d) => d.d.status);
  // 报到 of units still waiting is theirs (or the community's 代报到 on their row), not a button on the case.
  const actions = row.mergedIntoId
    ? []
    : availableActions(row.status as CaseStatus, relations).filter(
        (a) => a !== 'acknowledge' || mayAcknowledgeCase(relations, statuses),
      );
  return {
    ...present(summary),
    description: row.description,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    gridCode: summary.gridCode,
    suggestedCategoryCode: row.suggestedCategoryCode,
    suggestedConfidence: row.suggestedConfidence,
    reporterPhone: maskPhone(row.reporterPhone),
    ratingComment: row.ratingComment,
    ratedByPhoneVisit: row.ratedByPhoneVisit,
    closedAt: iso(row.closedAt),
    isNeed: row.isNeed,
    escalationLevel: row.escalationLevel,
    events: mergeUnitSteps(events).map(presentEvent),
    dispatches: dispatches.map((d) => presentDispatch(d, relations)),
    photos: photos.map(presentPhoto),
    mergedCaseIds: merged.map((m) => m.id),
    ratings,
    actions: await withRatingRules(opts.db, row, actions, ratings.at(-1)?.satisfaction ?? null),
  };
}

/** What a case's detail lists beside it: events, dispatches (with unit names), photos, the cases merged into it. */
function loadHistory(db: Db, caseId: string) {
  return Promise.all([
    db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.at), asc(caseEvents.id)),
    db
      .select({ d: caseDispatches, unitName: unit.name })
      .from(caseDispatches)
      .innerJoin(unit, eq(unit.id, caseDispatches.unitId))
      .where(eq(caseDispatches.caseId, caseId))
      .orderBy(asc(caseDispatches.dispatchedAt)),
    db.select().from(casePhotos).where(eq(casePhotos.caseId, caseId)).orderBy(asc(casePhotos.createdAt)),
    db.select({ id: cases.id }).from(cases).where(eq(cases.mergedIntoId, caseId)),
  ]);
}

type HistoryRows = Awaited<ReturnType<typeof loadHistory>>;

function presentEvent(e: HistoryRows[0][number]): CaseDetail['events'][number] {
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    actorName: e.actorName,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    data: e.data,
  };
}

function presentDispatch(
  { d, unitName }: HistoryRows[1][number],
  relations: readonly CaseRelation[],
): CaseDetail['dispatches'][number] {
  return {
    id: d.id,
    unitId: d.unitId,
    unitName,
    status: d.status,
    dispatchedAt: d.dispatchedAt.toISOString(),
    responseDueAt: d.responseDueAt.toISOString(),
    acknowledgedAt: iso(d.acknowledgedAt),
    arrivedAt: iso(d.arrivedAt),
    doneAt: iso(d.doneAt),
    reportNote: d.reportNote,
    instructions: d.instructions,
    crossCommunity: d.crossCommunity,
    crossCommunityReason: d.crossCommunityReason,
    declinedAt: iso(d.declinedAt),
    proxyAcknowledged: d.proxyAcknowledgedByUserId !== null,
    proxyReason: d.proxyReason,
    mayProxyAcknowledge: d.status === 'pending' && canProxyAcknowledge(relations),
    version: d.version,
  };
}

function presentPhoto(p: HistoryRows[2][number]): CaseDetail['photos'][number] {
  return {
    id: p.id,
    kind: p.kind,
    url: `/api/cases/photos/${p.id}`,
    thumbUrl: `/api/cases/photos/${p.id}/thumb`,
    width: p.width,
    height: p.height,
  };
}

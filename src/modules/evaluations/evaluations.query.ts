import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { orderBy, type Page, pageWindow } from '../../core/list.js';
import { alias } from 'drizzle-orm/pg-core';
import { caseCategories, cases } from '../cases/cases.schema.js';
import { organisations } from '../org/org.schema.js';
import type {
  EvaluationItem,
  SessionDetail,
  SessionListQuery,
  SessionView,
  VerdictCounts,
} from './evaluations.contracts.js';
import { followUpsOf } from './evaluations.followups.js';
import { assertMayReadSessions, sessionsVisibleTo } from './evaluations.policy.js';
import { evaluationItems, evaluationSessions } from './evaluations.schema.js';

/**
 * The read side of the evaluation sessions: the list with each session's verdict counts, one session with its agenda,
 * and the county name for the record's title. The writes are in evaluations.service.ts and
 * evaluations.hold.ts, the follow-ups' reads and writes in evaluations.followups.ts.
 */
type SessionRow = typeof evaluationSessions.$inferSelect;

const verdictCount = (v: string) =>
  sql<number>`count(*) filter (where ${evaluationItems.verdict} = ${v})`.mapWith(Number);

/** Per session: how many items, and how many of each verdict. */
function countsQuery(db: Db) {
  return db
    .select({
      sessionId: evaluationItems.sessionId,
      total: count().as('total'),
      satisfied: verdictCount('satisfied').as('satisfied'),
      basically: verdictCount('basically_satisfied').as('basically'),
      unsatisfied: verdictCount('unsatisfied').as('unsatisfied'),
      pending: verdictCount('pending').as('pending'),
      carried: verdictCount('carried_over').as('carried'),
    })
    .from(evaluationItems)
    .groupBy(evaluationItems.sessionId)
    .as('counts');
}

function selectViews(db: Db) {
  const counts = countsQuery(db);
  return db
    .select({
      s: evaluationSessions,
      communityName: organisations.name,
      total: counts.total,
      satisfied: counts.satisfied,
      basically: counts.basically,
      unsatisfied: counts.unsatisfied,
      pending: counts.pending,
      carried: counts.carried,
    })
    .from(evaluationSessions)
    .innerJoin(organisations, eq(organisations.id, evaluationSessions.communityId))
    .leftJoin(counts, eq(counts.sessionId, evaluationSessions.id));
}
type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['execute']>>[number];

function present(r: ViewRow): SessionView {
  const s = r.s;
  const counts: VerdictCounts = {
    satisfied: Number(r.satisfied ?? 0),
    basically_satisfied: Number(r.basically ?? 0),
    unsatisfied: Number(r.unsatisfied ?? 0),
    pending: Number(r.pending ?? 0),
    carried_over: Number(r.carried ?? 0),
  };
  return {
    id: s.id,
    communityId: s.communityId,
    communityName: r.communityName,
    heldOn: s.heldOn,
    periodFrom: s.periodFrom.toISOString(),
    periodTo: s.periodTo.toISOString(),
    status: s.status === 'held' ? 'held' : 'draft',
    representatives: s.representatives,
    minutes: s.minutes,
    itemCount: Number(r.total ?? 0),
    counts,
    dayReached: clock.today() >= s.heldOn,
    heldAt: s.status === 'held' ? s.updatedAt.toISOString() : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
  };
}

export async function listSessions(opts: {
  db: Db;
  actor: Actor;
  query: SessionListQuery;
}): Promise<Page<SessionView>> {
  assertMayReadSessions(opts.actor);
  const q = opts.query;
  const where: SQL | undefined = and(
    await sessionsVisibleTo(opts.db, opts.actor),
    q.communityId ? eq(evaluationSessions.communityId, q.communityId) : undefined,
    q.status ? eq(evaluationSessions.status, q.status) : undefined,
    q.from ? gte(evaluationSessions.heldOn, q.from) : undefined,
    q.to ? lte(evaluationSessions.heldOn, q.to) : undefined,
  );
  const sort = orderBy(
    q.sort,
    { heldOn: evaluationSessions.heldOn, createdAt: evaluationSessions.createdAt },
    [desc(evaluationSessions.heldOn)],
    evaluationSessions.id,
  );
  const { limit, offset } = pageWindow(q);
  const [rows, [{ total }]] = await Promise.all([
    selectViews(opts.db)
      .where(where)
      .orderBy(...sort)
      .limit(limit)
      .offset(offset),
    opts.db.select({ total: count() }).from(evaluationSessions).where(where),
  ]);
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}

const fromItems = alias(evaluationItems, 'from_items');
const fromSessions = alias(evaluationSessions, 'from_sessions');

async function itemsOf(db: Db, session: SessionRow): Promise<EvaluationItem[]> {
  const rows = await db
    .select({ i: evaluationItems, c: cases, categoryName: caseCategories.name, from: fromSessions })
    .from(evaluationItems)
    .innerJoin(cases, eq(cases.id, evaluationItems.caseId))
    .innerJoin(caseCategories, eq(caseCategories.code, cases.categoryCode))
    .leftJoin(fromItems, eq(fromItems.id, evaluationItems.carriedFromItemId))
    .leftJoin(fromSessions, eq(fromSessions.id, fromItems.sessionId))
    .where(eq(evaluationItems.sessionId, session.id))
    .orderBy(asc(cases.reportedAt), asc(cases.number));
  return rows.map(({ i, c, categoryName, from }) => ({
    id: i.id,
    caseId: c.id,
    caseNumber: c.number,
    caseTitle: c.title,
    categoryCode: c.categoryCode,
    categoryName,
    caseStatus: c.status,
    kind: c.reportedAt >= session.periodFrom ? 'raised' : 'handled',
    reportedAt: c.reportedAt.toISOString(),
    resolvedAt: c.resolvedAt ? c.resolvedAt.toISOString() : null,
    satisfaction: c.satisfaction,
    verdict: i.verdict,
    comment: i.comment,
    carriedFrom: from ? { sessionId: from.id, heldOn: from.heldOn } : null,
    consequence: i.consequence,
  }));
}

/** A session this actor may read, with its agenda; out of scope is NOT_FOUND. */
export async function getSession(opts: { db: Db; actor: Actor; id: string }): Promise<SessionDetail> {
  assertMayReadSessions(opts.actor);
  const [row] = await selectViews(opts.db).where(
    and(eq(evaluationSessions.id, opts.id), await sessionsVisibleTo(opts.db, opts.actor)),
  );
  if (!row) throw new AppError('NOT_FOUND', { entity: 'evaluation_session' });
  const [items, followUps] = await Promise.all([itemsOf(opts.db, row.s), followUpsOf(opts.db, row.s)]);
  return { ...present(row), items, ...followUps };
}

/** The county the community belongs to, for the record's title (光泽县…社区). */
export async function countyNameOf(db: Db, communityId: string): Promise<string> {
  let id: string | null = communityId;
  for (let depth = 0; id && depth < 6; depth++) {
    const [org]: { kind: string; name: string; parentId: string | null }[] = await db
      .select({ kind: organisations.kind, name: organisations.name, parentId: organisations.parentId })
      .from(organisations)
      .where(eq(organisations.id, id));
    if (!org) break;
    if (org.kind === 'county') return org.name;
    id = org.parentId;
  }
  return '';
}

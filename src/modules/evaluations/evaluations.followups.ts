import { and, asc, count, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { orderBy, type Page, pageWindow } from '../../core/list.js';
import { cases } from '../cases/cases.schema.js';
import { organisations } from '../org/org.schema.js';
import { people } from '../people/people.schema.js';
import type { FollowUp, FollowUpListQuery, FollowUpUpdate } from './evaluations.contracts.js';
import { followUpsVisibleTo } from './evaluations.policy.js';
import { evaluationFollowUps, evaluationItems, evaluationSessions } from './evaluations.schema.js';

/**
 * The follow-up tasks of unsatisfied verdicts (evaluations.consequences.ts creates them): read with their session and
 * case, shown on the session that created them and on the community's next one, listed for the community and the
 * units they are for, and marked done (or open again) by either, with a note (evaluations.policy.ts
 * followUpsVisibleTo).
 */
const communityOrgs = alias(organisations, 'follow_up_communities');

function selectFollowUps(db: Db) {
  return db
    .select({
      f: evaluationFollowUps,
      sessionId: evaluationSessions.id,
      communityId: evaluationSessions.communityId,
      communityName: communityOrgs.name,
      heldOn: evaluationSessions.heldOn,
      verdict: evaluationItems.verdict,
      consequence: evaluationItems.consequence,
      caseNumber: cases.number,
      caseTitle: cases.title,
      caseStatus: cases.status,
      personName: people.name,
      unitName: organisations.name,
    })
    .from(evaluationFollowUps)
    .innerJoin(evaluationItems, eq(evaluationItems.id, evaluationFollowUps.itemId))
    .innerJoin(evaluationSessions, eq(evaluationSessions.id, evaluationItems.sessionId))
    .innerJoin(communityOrgs, eq(communityOrgs.id, evaluationSessions.communityId))
    .innerJoin(cases, eq(cases.id, evaluationFollowUps.caseId))
    .leftJoin(people, eq(people.id, evaluationFollowUps.assigneePersonId))
    .leftJoin(organisations, eq(organisations.id, evaluationFollowUps.assigneeUnitId));
}
type FollowUpRow = Awaited<ReturnType<ReturnType<typeof selectFollowUps>['execute']>>[number];

/** The first day of a month (YYYY-MM) and of the month after it. */
function monthDays(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${month}-01`, `${next}-01`];
}

/** A task is due by the community's next session, the 20th of the month after its own (which reviews it). */
function nextSessionDay(heldOn: string): string {
  return `${monthDays(heldOn.slice(0, 7))[1].slice(0, 7)}-20`;
}

function present(r: FollowUpRow): FollowUp {
  return {
    id: r.f.id,
    sessionId: r.sessionId,
    heldOn: r.heldOn,
    communityId: r.communityId,
    communityName: r.communityName,
    caseId: r.f.caseId,
    caseNumber: r.caseNumber,
    caseTitle: r.caseTitle,
    caseStatus: r.caseStatus,
    verdict: r.verdict,
    consequence: r.consequence,
    assigneeKind: r.f.assigneeUnitId ? 'unit' : 'owner',
    assigneeName: r.unitName ?? r.personName ?? '',
    status: r.f.status,
    dueOn: nextSessionDay(r.heldOn),
    note: r.f.note,
    doneAt: r.f.doneAt ? r.f.doneAt.toISOString() : null,
    version: r.f.version,
  };
}

async function followUpsWhere(db: Db, where: SQL | undefined): Promise<FollowUp[]> {
  const rows = await selectFollowUps(db)
    .where(where)
    .orderBy(asc(evaluationSessions.heldOn), asc(cases.number), asc(evaluationFollowUps.assigneeUnitId));
  return rows.map(present);
}

/**
 * A session's own follow-ups, and the earlier ones it shows: those of the community's previous session, and any older
 * one still open.
 */
export async function followUpsOf(
  db: Db,
  session: { id: string; communityId: string; heldOn: string },
): Promise<{ followUps: FollowUp[]; earlierFollowUps: FollowUp[] }> {
  const [previous] = await db
    .select({ heldOn: evaluationSessions.heldOn })
    .from(evaluationSessions)
    .where(and(eq(evaluationSessions.communityId, session.communityId), lt(evaluationSessions.heldOn, session.heldOn)))
    .orderBy(desc(evaluationSessions.heldOn))
    .limit(1);
  const earlier = and(
    eq(evaluationSessions.communityId, session.communityId),
    lt(evaluationSessions.heldOn, session.heldOn),
    or(eq(evaluationFollowUps.status, 'open'), previous ? eq(evaluationSessions.heldOn, previous.heldOn) : undefined),
  );
  const [followUps, earlierFollowUps] = await Promise.all([
    followUpsWhere(db, eq(evaluationSessions.id, session.id)),
    previous ? followUpsWhere(db, earlier) : [],
  ]);
  return { followUps, earlierFollowUps };
}

/**
 * The follow-ups an actor may work on (the county all, a community its own, a unit the tasks given to it), by status,
 * community and the month of the session that created them; the latest sessions first, then by case number.
 */
export async function listFollowUps(opts: { db: Db; actor: Actor; query: FollowUpListQuery }): Promise<Page<FollowUp>> {
  const q = opts.query;
  const month = q.month ? monthDays(q.month) : undefined;
  const where = and(
    await followUpsVisibleTo(opts.db, opts.actor),
    q.status ? eq(evaluationFollowUps.status, q.status) : undefined,
    q.communityId ? eq(evaluationSessions.communityId, q.communityId) : undefined,
    month ? and(gte(evaluationSessions.heldOn, month[0]), lt(evaluationSessions.heldOn, month[1])) : undefined,
  );
  const sort = orderBy(
    q.sort,
    { heldOn: evaluationSessions.heldOn, caseNumber: cases.number, status: evaluationFollowUps.status },
    [desc(evaluationSessions.heldOn), asc(cases.number), asc(evaluationFollowUps.assigneeUnitId)],
    evaluationFollowUps.id,
  );
  const { limit, offset } = pageWindow(q);
  const [rows, [{ total }]] = await Promise.all([
    selectFollowUps(opts.db)
      .where(where)
      .orderBy(...sort)
      .limit(limit)
      .offset(offset),
    opts.db
      .select({ total: count() })
      .from(evaluationFollowUps)
      .innerJoin(evaluationItems, eq(evaluationItems.id, evaluationFollowUps.itemId))
      .innerJoin(evaluationSessions, eq(evaluationSessions.id, evaluationItems.sessionId))
      .where(where),
  ]);
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}

/** Marks a follow-up done (or open again) with a note: whoever may list it (404 out of sight, 403 without the right). */
export async function updateFollowUp(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: FollowUpUpdate;
}): Promise<FollowUp> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const [row] = await selectFollowUps(tx)
      .where(and(eq(evaluationFollowUps.id, opts.id), await followUpsVisibleTo(tx, actor)))
      .for('update', { of: evaluationFollowUps });
    if (!row) throw new AppError('NOT_FOUND', { entity: 'evaluation_follow_up' });
    if (row.f.version !== input.version) throw new AppError('STALE_UPDATE');
    const now = clock.now();
    const done = input.status === 'done';
    const changes = {
      status: input.status,
      note: input.note === undefined ? row.f.note : input.note || null,
      doneAt: done ? (row.f.doneAt ?? now) : null,
      doneByUserId: done ? (row.f.doneByUserId ?? actor.userId) : null,
    };
    await tx
      .update(evaluationFollowUps)
      .set({ ...changes, updatedAt: now, version: sql`${evaluationFollowUps.version} + 1` })
      .where(eq(evaluationFollowUps.id, row.f.id));
    await recordAudit(tx, {
      actor,
      action: 'evaluation_follow_up.update',
      entityType: 'evaluation_follow_up',
      entityId: row.f.id,
      before: { status: row.f.status, note: row.f.note, caseId: row.f.caseId, caseNumber: row.caseNumber },
      after: changes,
    });
  });
  const [row] = await selectFollowUps(opts.db).where(eq(evaluationFollowUps.id, opts.id));
  return present(row);
}

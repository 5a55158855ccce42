import { and, asc, desc, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { localInstant } from '../../core/calendar.js';
import { clock } from '../../core/clock.js';
import { isUniqueViolation } from '../../core/crud.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { cases } from '../cases/cases.schema.js';
import { assertIsCommunity } from '../org/org.service.js';
import type {
  CreateSession,
  EvaluationItem,
  SessionDetail,
  UpdateSession,
  VerdictRequest,
} from './evaluations.contracts.js';
import { assertMayManageSessions, assertMayReadSessions, sessionsVisibleTo } from './evaluations.policy.js';
import { takeCarried } from './evaluations.carry.js';
import { getSession } from './evaluations.query.js';
import { evaluationItems, evaluationSessions } from './evaluations.schema.js';

/**
 * 每月20日定期评事: on the 20th each community goes through what was raised and done since its last session; the
 * residents' representatives give a verdict on each case, staff record them, and once the session is held its record
 * is final. Every write is audited in its own transaction. The reads (list, one session, the county's name) are in
 * evaluations.query.ts, holding and its consequences in evaluations.hold.ts.
 */
type SessionRow = typeof evaluationSessions.$inferSelect;

/** The first day of the month before the one `day` falls in, e.g. 2026-01-20 → 2025-12-01. */
export function startOfPreviousMonth(day: string): string {
  const [y, m] = day.split('-').map(Number);
  const prev = new Date(Date.UTC(y, m - 2, 1));
  return prev.toISOString().slice(0, 10);
}

/** The agenda window: from the previous session's day (or the start of last month for the first one) to this day. */
async function periodFor(tx: Db, communityId: string, heldOn: string): Promise<{ from: Date; to: Date }> {
  const [prev] = await tx
    .select({ heldOn: evaluationSessions.heldOn })
    .from(evaluationSessions)
    .where(and(eq(evaluationSessions.communityId, communityId), lt(evaluationSessions.heldOn, heldOn)))
    .orderBy(desc(evaluationSessions.heldOn))
    .limit(1);
  return { from: localInstant(prev?.heldOn ?? startOfPreviousMonth(heldOn)), to: localInstant(heldOn) };
}

/** The community's cases (not merged into another) reported, resolved or closed in [from, to). */
async function agendaCaseIds(tx: Db, communityId: string, from: Date, to: Date): Promise<string[]> {
  const within = (column: typeof cases.reportedAt | typeof cases.resolvedAt | typeof cases.closedAt) =>
    and(gte(column, from), lt(column, to));
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        eq(cases.communityId, communityId),
        isNull(cases.mergedIntoId),
        or(within(cases.reportedAt), within(cases.resolvedAt), within(cases.closedAt)),
      ),
    )
    .orderBy(asc(cases.reportedAt), asc(cases.id));
  return rows.map((r) => r.id);
}

/** Creates the session with its agenda; one session per community and day (409 EVALUATION_SESSION_EXISTS). */
export async function createSession(opts: { db: Db; actor: Actor; input: CreateSession }): Promise<SessionDetail> {
  const { actor, input } = opts;
  await assertMayManageSessions(opts.db, actor, input.communityId);
  try {
    const id = await opts.db.transaction(async (tx) => {
      await assertIsCommunity(tx, input.communityId);
      const [dup] = await tx
        .select({ id: evaluationSessions.id })
        .from(evaluationSessions)
        .where(and(eq(evaluationSessions.communityId, input.communityId), eq(evaluationSessions.heldOn, input.heldOn)));
      if (dup) throw new AppError('EVALUATION_SESSION_EXISTS', { heldOn: input.heldOn });
      const period = await periodFor(tx, input.communityId, input.heldOn);
      const [row] = await tx
        .insert(evaluationSessions)
        .values({
          communityId: input.communityId,
          heldOn: input.heldOn,
          periodFrom: period.from,
          periodTo: period.to,
          createdByUserId: actor.userId,
        })
        .returning();
      const caseIds = await agendaCaseIds(tx, input.communityId, period.from, period.to);
      for (let i = 0; i < caseIds.length; i += 1000) {
        await tx
          .insert(evaluationItems)
          .values(caseIds.slice(i, i + 1000).map((caseId) => ({ sessionId: row.id, caseId })));
      }
      const carried = await takeCarried(tx, row);
      await recordAudit(tx, {
        actor,
        action: 'evaluation_session.create',
        entityType: 'evaluation_session',
        entityId: row.id,
        after: {
          communityId: input.communityId,
          heldOn: input.heldOn,
          periodFrom: period.from,
          periodTo: period.to,
          items: caseIds.length,
          carried,
        },
      });
      return row.id;
    });
    return await getSession({ db: opts.db, actor, id });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('EVALUATION_SESSION_EXISTS', { heldOn: input.heldOn });
    throw e;
  }
}

/**
 * The session locked for a write: visible (else 404), managed by this actor (else 403) and not held yet (else 409).
 */
export async function lockForWrite(tx: Db, actor: Actor, id: string): Promise<SessionRow> {
  assertMayReadSessions(actor);
  const [row] = await tx
    .select()
    .from(evaluationSessions)
    .where(and(eq(evaluationSessions.id, id), await sessionsVisibleTo(tx, actor)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', { entity: 'evaluation_session' });
  await assertMayManageSessions(tx, actor, row.communityId);
  if (row.status === 'held') throw new AppError('EVALUATION_SESSION_HELD');
  return row;
}

/** Items are judged, and the session held, on its day or later (the county's today), never ahead of it. */
export function assertDayReached(row: SessionRow): void {
  if (clock.today() < row.heldOn) throw new AppError('EVALUATION_SESSION_NOT_YET', { heldOn: row.heldOn });
}

export function assertVersion(row: SessionRow, version: number | undefined): void {
  if (version !== undefined && row.version !== version) throw new AppError('STALE_UPDATE');
}

/** Representatives present and the minutes, with optimistic locking. */
export async function updateSession(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateSession;
}): Promise<SessionDetail> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockForWrite(tx, actor, opts.id);
    assertVersion(before, input.version);
    const changes = sessionChanges(input);
    await tx
      .update(evaluationSessions)
      .set({ ...changes, version: sql`${evaluationSessions.version} + 1`, updatedAt: clock.now() })
      .where(eq(evaluationSessions.id, before.id));
    await recordAudit(tx, {
      actor,
      action: 'evaluation_session.update',
      entityType: 'evaluation_session',
      entityId: before.id,
      before: { representatives: before.representatives, minutes: before.minutes },
      after: changes,
    });
  });
  return getSession({ db: opts.db, actor, id: opts.id });
}

/** The representatives' verdict on one case of the agenda, as recorded by staff. */
export async function setVerdict(opts: {
  db: Db;
  actor: Actor;
  id: string;
  itemId: string;
  input: VerdictRequest;
}): Promise<EvaluationItem> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const session = await lockForWrite(tx, actor, opts.id);
    assertDayReached(session);
    const [before] = await tx
      .select()
      .from(evaluationItems)
      .where(and(eq(evaluationItems.id, opts.itemId), eq(evaluationItems.sessionId, session.id)));
    if (!before) throw new AppError('NOT_FOUND', { entity: 'evaluation_item' });
    const comment = input.comment === undefined ? before.comment : input.comment || null;
    await tx
      .update(evaluationItems)
      .set({ verdict: input.verdict, comment, updatedAt: clock.now() })
      .where(eq(evaluationItems.id, before.id));
    await recordAudit(tx, {
      actor,
      action: 'evaluation_item.verdict',
      entityType: 'evaluation_session',
      entityId: session.id,
      before: { itemId: before.id, caseId: before.caseId, verdict: before.verdict, comment: before.comment },
      after: { itemId: before.id, caseId: before.caseId, verdict: input.verdict, comment },
    });
  });
  const detail = await getSession({ db: opts.db, actor, id: opts.id });
  return detail.items.find((i) => i.id === opts.itemId) as EvaluationItem;
}

/** The fields of an update or a hold that were sent, ready for the session row. */
export function sessionChanges(input: {
  representatives?: string[];
  minutes?: string | null;
}): Partial<typeof evaluationSessions.$inferInsert> {
  const changes: Partial<typeof evaluationSessions.$inferInsert> = {};
  if (input.representatives !== undefined) changes.representatives = input.representatives;
  if (input.minutes !== undefined) changes.minutes = input.minutes || null;
  return changes;
}

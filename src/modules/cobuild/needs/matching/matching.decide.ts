import { addDays } from '../../../../core/calendar.js';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../../core/audit.js';
import type { Actor } from '../../../../core/auth/actor.js';
import type { Db } from '../../../../core/db.js';
import { AppError } from '../../../../core/errors.js';
import type { AcceptMatch } from './matching.contracts.js';
import { assertMayMatch, needsVisibleTo } from '../needs.policy.js';
import { needMatches, needs, needTasks, resources } from '../needs.schema.js';
import { clock } from '../../../../core/clock.js';

/**
 * Accepting and rejecting proposed matches. Accepting reserves the amount on the resource and commits it to the
 * need with conditional updates (`reserved + amount <= capacity`), so two accepts racing for the last hours of a
 * resource cannot both succeed; the need moves to matched and a follow-up task is created for the resource's unit.
 * Rejecting an accepted match gives the amount back. Each decision is one transaction with its audit row.
 */
const EPS = 1e-9;
type MatchRow = typeof needMatches.$inferSelect;
type NeedRow = typeof needs.$inferSelect;

/** The match locked for a decision, with its need: visible (else 404), in this actor's matching scope (else 403). */
async function lockMatch(tx: Db, actor: Actor, id: string, year: number): Promise<{ match: MatchRow; need: NeedRow }> {
  const [match] = await tx.select().from(needMatches).where(eq(needMatches.id, id)).for('update');
  if (!match) throw new AppError('NOT_FOUND', { entity: 'need_match' });
  const [need] = await tx
    .select()
    .from(needs)
    .where(and(eq(needs.id, match.needId), await needsVisibleTo(tx, actor, year)));
  if (!need) throw new AppError('NOT_FOUND', { entity: 'need_match' });
  await assertMayMatch(tx, actor, need.communityId);
  return { match, need };
}

/** Reserves `amount` on the resource unless that would pass its capacity (409 MATCH_CAPACITY_EXCEEDED). */
async function reserveOnResource(tx: Db, resourceId: string, amount: number): Promise<typeof resources.$inferSelect> {
  const [res] = await tx
    .update(resources)
    .set({ reserved: sql`${resources.reserved} + ${amount}`, updatedAt: clock.now() })
    .where(and(eq(resources.id, resourceId), sql`${resources.reserved} + ${amount} <= ${resources.capacity} + ${EPS}`))
    .returning();
  if (!res) {
    const [r] = await tx.select().from(resources).where(eq(resources.id, resourceId));
    throw new AppError('MATCH_CAPACITY_EXCEEDED', {
      resource: r.title,
      left: Math.max(0, r.capacity - r.reserved),
      amount,
    });
  }
  return res;
}

/** Commits `amount` to the need (open → matched) unless that would pass its quantity (409 MATCH_DEMAND_EXCEEDED). */
async function commitToNeed(tx: Db, need: NeedRow, amount: number): Promise<NeedRow> {
  const [after] = await tx
    .update(needs)
    .set({
      served: sql`${needs.served} + ${amount}`,
      updatedAt: clock.now(),
      version: sql`${needs.version} + 1`,
      status: sql`case when ${needs.status} = 'open' then 'matched'::need_status else ${needs.status} end`,
    })
    .where(and(eq(needs.id, need.id), sql`${needs.served} + ${amount} <= ${needs.quantity} + ${EPS}`))
    .returning();
  if (!after)
    throw new AppError('MATCH_DEMAND_EXCEEDED', {
      need: need.title,
      left: Math.max(0, need.quantity - need.served),
      amount,
    });
  return after;
}

export async function acceptMatch(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: AcceptMatch;
  today: string;
  year: number;
}): Promise<void> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const { match, need } = await lockMatch(tx, actor, opts.id, opts.year);
    if (match.status !== 'proposed') throw new AppError('MATCH_DECIDED', { status: `match_${match.status}` });
    if (need.status === 'closed' || need.status === 'met')
      throw new AppError('CONFLICT', { reason: `need_${need.status}` });
    const amount = input.amount ?? match.amount;
    if (amount > match.amount + EPS)
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: '/amount', message: `at most the proposed ${match.amount}` },
      ]);
    const res = await reserveOnResource(tx, match.resourceId, amount);
    const after = await commitToNeed(tx, need, amount);
    await tx
      .update(needMatches)
      .set({ status: 'accepted', amount, decidedBy: actor.userId, decidedAt: clock.now() })
      .where(eq(needMatches.id, match.id));
    const [task] = await tx
      .insert(needTasks)
      .values({
        matchId: match.id,
        needId: need.id,
        ownerUnitId: res.unitId,
        title: `${need.title}（${res.title}）`,
        amount,
        dueOn: input.dueOn ?? addDays(opts.today, 30),
      })
      .returning({ id: needTasks.id, dueOn: needTasks.dueOn });
    await recordAudit(tx, {
      actor,
      action: 'need_match.accept',
      entityType: 'need_match',
      entityId: match.id,
      before: { status: 'proposed', needServed: need.served, resourceReserved: res.reserved - amount },
      after: {
        status: 'accepted',
        amount,
        needId: need.id,
        resourceId: res.id,
        needServed: after.served,
        resourceReserved: res.reserved,
        taskId: task.id,
        dueOn: task.dueOn,
      },
    });
  });
}

/** Rejects a proposal, or takes back an accepted match whose task is not done yet (the amount is freed again). */
export async function rejectMatch(opts: {
  db: Db;
  actor: Actor;
  id: string;
  reason?: string;
  year: number;
}): Promise<void> {
  const { actor } = opts;
  await opts.db.transaction(async (tx) => {
    const { match, need } = await lockMatch(tx, actor, opts.id, opts.year);
    if (match.status === 'rejected') throw new AppError('MATCH_DECIDED', { status: 'match_rejected' });
    const [task] = await tx.select().from(needTasks).where(eq(needTasks.matchId, match.id)).for('update');
    if (task?.status === 'done') throw new AppError('MATCH_DECIDED', { status: 'match_accepted' });
    if (match.status === 'accepted') {
      await tx
        .update(resources)
        .set({ reserved: sql`greatest(0, ${resources.reserved} - ${match.amount})`, updatedAt: clock.now() })
        .where(eq(resources.id, match.resourceId));
      await tx
        .update(needs)
        .set({
          served: sql`greatest(0, ${needs.served} - ${match.amount})`,
          updatedAt: clock.now(),
          version: sql`${needs.version} + 1`,
          status: sql`case when ${needs.served} - ${match.amount} <= ${EPS} and ${needs.status} in ('matched', 'in_progress') then 'open'::need_status else ${needs.status} end`,
        })
        .where(eq(needs.id, need.id));
      if (task)
        await tx
          .update(needTasks)
          .set({ status: 'cancelled', updatedAt: clock.now(), version: sql`${needTasks.version} + 1` })
          .where(eq(needTasks.id, task.id));
    }
    await tx
      .update(needMatches)
      .set({ status: 'rejected', decidedBy: actor.userId, decidedAt: clock.now() })
      .where(eq(needMatches.id, match.id));
    await recordAudit(tx, {
      actor,
      action: 'need_match.reject',
      entityType: 'need_match',
      entityId: match.id,
      before: { status: match.status, amount: match.amount },
      after: {
        status: 'rejected',
        reason: opts.reason ?? null,
        released: match.status === 'accepted' ? match.amount : 0,
      },
    });
  });
}

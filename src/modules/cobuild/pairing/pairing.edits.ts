import { and, count, eq, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import type { AdoptRequest, EditPairs, PairChange, PlanDetail, ResolvedSettings } from './pairing.contracts.js';
import { getPlan, lockDraft, type PlanRow } from './pairing.plans.js';
import { assertMayManagePairings } from './pairing.policy.js';
import { pairingPlans, pairings } from './pairing.schema.js';
import { type PairKey, score, type StoredObjective } from './pairing.score.js';
import { loadWorld, resolveSettings, type World } from './pairing.world.js';
import { clock } from '../../../core/clock.js';

/**
 * Hand edits and adoption. An edit may break a constraint (a community left with six units): the plan is saved
 * with the broken constraints listed as warnings, and adopting it then needs an explicit confirmation.
 */
const keyOf = (unitId: string, communityId: string) => `${unitId}|${communityId}`;

function applyChanges(world: World, pairs: Map<string, PairKey>, changes: readonly PairChange[]): void {
  const units = new Set(world.units.map((u) => u.id));
  const communities = new Set(world.communities.map((c) => c.id));
  const problems: { path: string; message: string }[] = [];
  const remove = (i: number, unitId: string, communityId: string) => {
    if (!pairs.delete(keyOf(unitId, communityId)))
      problems.push({ path: `/changes/${i}`, message: 'this pair is not in the plan' });
  };
  const add = (i: number, unitId: string, communityId: string) => {
    if (!units.has(unitId)) problems.push({ path: `/changes/${i}/unitId`, message: 'not a unit' });
    else if (!communities.has(communityId)) problems.push({ path: `/changes/${i}`, message: 'not a community' });
    else if (pairs.has(keyOf(unitId, communityId)))
      problems.push({ path: `/changes/${i}`, message: 'this pair is already in the plan' });
    else pairs.set(keyOf(unitId, communityId), { unitId, communityId, source: 'manual' });
  };
  changes.forEach((ch, i) => {
    if (ch.op === 'add') add(i, ch.unitId, ch.communityId);
    else if (ch.op === 'remove') remove(i, ch.unitId, ch.communityId);
    else {
      remove(i, ch.unitId, ch.fromCommunityId);
      add(i, ch.unitId, ch.toCommunityId);
    }
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', {}, problems);
}

function settingsOf(world: World, plan: PlanRow): ResolvedSettings {
  return (plan.settings as ResolvedSettings | null) ?? resolveSettings(world);
}

export async function editPairs(opts: { db: Db; actor: Actor; id: string; input: EditPairs }): Promise<PlanDetail> {
  assertMayManagePairings(opts.actor);
  await opts.db.transaction(async (tx) => {
    const plan = await lockDraft(tx, opts.id, opts.input.version);
    const world = await loadWorld(tx, plan.year);
    const current = await tx
      .select({ unitId: pairings.unitId, communityId: pairings.communityId, source: pairings.source })
      .from(pairings)
      .where(eq(pairings.planId, plan.id));
    const pairs = new Map(current.map((p) => [keyOf(p.unitId, p.communityId), p as PairKey]));
    applyChanges(world, pairs, opts.input.changes);
    const before = (plan.objective as StoredObjective | null) ?? null;
    const scored = score(world, settingsOf(world, plan), [...pairs.values()], before?.solve ?? null);
    await tx.delete(pairings).where(eq(pairings.planId, plan.id));
    if (scored.rows.length)
      await tx.insert(pairings).values(scored.rows.map((r) => ({ ...r, planId: plan.id, year: plan.year })));
    await tx
      .update(pairingPlans)
      .set({ objective: scored.stored, version: sql`${pairingPlans.version} + 1`, updatedAt: clock.now() })
      .where(eq(pairingPlans.id, plan.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'pairing_plan.edit',
      entityType: 'pairing_plan',
      entityId: plan.id,
      before: { objective: before?.breakdown ?? null, violations: before?.violations.length ?? 0 },
      after: {
        changes: opts.input.changes,
        objective: scored.stored.breakdown,
        violations: scored.stored.violations.length,
      },
    });
  });
  return getPlan({ db: opts.db, actor: opts.actor, id: opts.id });
}

/** Serialises adoptions of one year across processes (a second adopter waits, then finds its own state). */
const ADOPT_LOCK_BASE = 7_150_020_262_0000;

/**
 * Adopts a draft: in one transaction the year's adopted plan becomes superseded and this one adopted, with an
 * audit row. Other years are untouched; the partial unique index keeps one adopted plan per year whatever happens.
 */
export async function adoptPlan(opts: { db: Db; actor: Actor; id: string; input: AdoptRequest }): Promise<PlanDetail> {
  assertMayManagePairings(opts.actor);
  await opts.db.transaction(async (tx) => {
    const [peek] = await tx.select({ year: pairingPlans.year }).from(pairingPlans).where(eq(pairingPlans.id, opts.id));
    if (!peek) throw new AppError('NOT_FOUND', { entity: 'pairing_plan' });
    await tx.execute(sql`select pg_advisory_xact_lock(${ADOPT_LOCK_BASE + peek.year})`);
    const plan = await lockDraft(tx, opts.id, opts.input.version);
    const [{ n }] = await tx.select({ n: count() }).from(pairings).where(eq(pairings.planId, plan.id));
    if (n === 0) throw new AppError('PAIRING_PLAN_EMPTY');
    const broken = ((plan.objective as StoredObjective | null)?.violations ?? []).length;
    if (broken && !opts.input.acceptViolations) throw new AppError('PAIRING_PLAN_HAS_VIOLATIONS', { count: broken });
    const superseded = await tx
      .update(pairingPlans)
      .set({ status: 'superseded', version: sql`${pairingPlans.version} + 1`, updatedAt: clock.now() })
      .where(and(eq(pairingPlans.year, plan.year), eq(pairingPlans.status, 'adopted'), ne(pairingPlans.id, plan.id)))
      .returning({ id: pairingPlans.id });
    const now = clock.now();
    await tx
      .update(pairingPlans)
      .set({
        status: 'adopted',
        adoptedBy: opts.actor.userId,
        adoptedAt: now,
        version: sql`${pairingPlans.version} + 1`,
        updatedAt: now,
      })
      .where(eq(pairingPlans.id, plan.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'pairing_plan.adopt',
      entityType: 'pairing_plan',
      entityId: plan.id,
      before: { status: plan.status, supersededPlanIds: superseded.map((s) => s.id) },
      after: { status: 'adopted', year: plan.year, pairs: n, acceptedViolations: broken },
    });
  });
  return getPlan({ db: opts.db, actor: opts.actor, id: opts.id });
}

export async function deletePlan(opts: { db: Db; actor: Actor; id: string }): Promise<void> {
  assertMayManagePairings(opts.actor);
  await opts.db.transaction(async (tx) => {
    const plan = await lockDraft(tx, opts.id);
    await tx.delete(pairingPlans).where(eq(pairingPlans.id, plan.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'pairing_plan.delete',
      entityType: 'pairing_plan',
      entityId: plan.id,
      before: { year: plan.year, name: plan.name },
    });
  });
}

import { and, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import type {
  Comparison,
  CreatePlan,
  Defaults,
  PlanDetail,
  PlanListQuery,
  PlanView,
  RerunRequest,
  ResolvedSettings,
  RunRequest,
} from './pairing.contracts.js';
import { assertFeasibleBounds } from './pairing.feasibility.js';
import { pairOrder, presentPair, selectPairs } from './pairing.pairs.js';
import { assertMayManagePairings } from './pairing.policy.js';
import { solveInWorker, warmSolver } from './pairing.runner.js';
import { pairingPlans, pairings } from './pairing.schema.js';
import { keysOf, type PairKey, score, type StoredObjective } from './pairing.score.js';
import { compiledOf, loadWorld, resolveSettings, type World } from './pairing.world.js';
import { clock } from '../../../core/clock.js';

/**
 * Pairing plans (结对方案): the optimiser proposes a draft, the county edits it by hand and adopts it. Every write is
 * one transaction with its audit row; a draft is edited with its version (409 STALE_UPDATE otherwise).
 */
export type PlanRow = typeof pairingPlans.$inferSelect;

const storedOf = (plan: PlanRow): StoredObjective =>
  (plan.objective as StoredObjective | null) ?? { breakdown: null, violations: [], solve: null };

export function presentPlan(plan: PlanRow, pairCount: number): PlanView {
  const o = storedOf(plan);
  return {
    id: plan.id,
    year: plan.year,
    name: plan.name,
    status: plan.status,
    objective: o.breakdown,
    violations: o.violations,
    solve: o.solve,
    pairCount,
    createdAt: plan.createdAt.toISOString(),
    adoptedAt: plan.adoptedAt?.toISOString() ?? null,
    version: plan.version,
  };
}

export async function pairingDefaults(opts: { db: Db; actor: Actor; year: number }): Promise<Defaults> {
  assertMayManagePairings(opts.actor);
  warmSolver();
  const world = await loadWorld(opts.db, opts.year);
  return {
    year: opts.year,
    settings: resolveSettings(world),
    communities: world.communities,
    units: world.units.map(({ leader: _, ...u }) => u),
    casesCounted: world.casesCounted,
  };
}

/** Checks the settings, then solves in the worker thread; throws the constraint that cannot be met. */
async function optimise(
  world: World,
  settings: ResolvedSettings,
): Promise<{ keys: PairKey[]; solve: NonNullable<StoredObjective['solve']> }> {
  const cp = compiledOf(world, settings);
  assertFeasibleBounds(cp);
  const result = await solveInWorker(cp.problem, { timeLimitSec: 20 });
  const { assignment, ...solve } = result;
  return { keys: keysOf(cp, assignment), solve: { ...solve, ms: Math.round(solve.ms) } };
}

async function writePairs(
  tx: Db,
  plan: { id: string; year: number },
  rows: ReturnType<typeof score>['rows'],
): Promise<void> {
  await tx.delete(pairings).where(eq(pairings.planId, plan.id));
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.insert(pairings).values(rows.slice(i, i + 1000).map((r) => ({ ...r, planId: plan.id, year: plan.year })));
  }
}

export async function runPlan(opts: { db: Db; actor: Actor; input: RunRequest }): Promise<PlanDetail> {
  assertMayManagePairings(opts.actor);
  const { year } = opts.input;
  const world = await loadWorld(opts.db, year);
  const settings = resolveSettings(world, opts.input.settings);
  const { keys, solve } = await optimise(world, settings);
  const scored = score(world, settings, keys, solve);
  const id = await opts.db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(pairingPlans)
      .values({
        year,
        name: opts.input.name ?? `${year} 年结对方案（优化）`,
        status: 'draft',
        settings,
        objective: scored.stored,
        createdBy: opts.actor.userId,
      })
      .returning();
    await writePairs(tx, plan, scored.rows);
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'pairing_plan.run',
      entityType: 'pairing_plan',
      entityId: plan.id,
      after: { year, settings, objective: scored.stored.breakdown, solve },
    });
    return plan.id;
  });
  return getPlan({ db: opts.db, actor: opts.actor, id });
}

/** The plan locked for a write: a draft (409 otherwise) at the given version. */
export async function lockDraft(tx: Db, id: string, version?: number): Promise<PlanRow> {
  const [plan] = await tx.select().from(pairingPlans).where(eq(pairingPlans.id, id)).for('update');
  if (!plan) throw new AppError('NOT_FOUND', { entity: 'pairing_plan' });
  if (plan.status !== 'draft') throw new AppError('PAIRING_PLAN_NOT_DRAFT');
  if (version !== undefined && plan.version !== version) throw new AppError('STALE_UPDATE');
  return plan;
}

export async function rerunPlan(opts: { db: Db; actor: Actor; id: string; input: RerunRequest }): Promise<PlanDetail> {
  assertMayManagePairings(opts.actor);
  const current = await lockDraft(opts.db, opts.id, opts.input.version);
  const world = await loadWorld(opts.db, current.year);
  const settings = resolveSettings(
    world,
    opts.input.settings ?? (current.settings as ResolvedSettings | null) ?? undefined,
  );
  const { keys, solve } = await optimise(world, settings);
  const scored = score(world, settings, keys, solve);
  await opts.db.transaction(async (tx) => {
    const plan = await lockDraft(tx, opts.id, opts.input.version);
    await writePairs(tx, plan, scored.rows);
    await tx
      .update(pairingPlans)
      .set({ settings, objective: scored.stored, version: sql`${pairingPlans.version} + 1`, updatedAt: clock.now() })
      .where(eq(pairingPlans.id, plan.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'pairing_plan.run',
      entityType: 'pairing_plan',
      entityId: plan.id,
      before: { settings: plan.settings, objective: storedOf(plan).breakdown },
      after: { settings, objective: scored.stored.breakdown, solve },
    });
  });
  return getPlan({ db: opts.db, actor: opts.actor, id: opts.id });
}

async function planPairs(db: Db, planId: string): Promise<PairKey[]> {
  return db
    .select({ unitId: pairings.unitId, communityId: pairings.communityId, source: pairings.source })
    .from(pairings)
    .where(eq(pairings.planId, planId));
}

/** A hand-made draft, empty or copied from another plan (typically the adopted one) to be edited. */
export async function createPlan(opts: { db: Db; actor: Actor; input: CreatePlan }): Promise<PlanDetail> {
  assertMayManagePairings(opts.actor);
  const { year, name, copyFromPlanId } = opts.input;
  const world = await loadWorld(opts.db, year);
  let settings = resolveSettings(world);
  let keys: PairKey[] = [];
  if (copyFromPlanId) {
    const [source] = await opts.db.select().from(pairingPlans).where(eq(pairingPlans.id, copyFromPlanId));
    if (!source) throw new AppError('NOT_FOUND', { entity: 'pairing_plan' });
    settings = (source.settings as ResolvedSettings | null) ?? settings;
    keys = await planPairs(opts.db, source.id);
  }
  const scored = score(world, settings, keys);
  const id = await opts.db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(pairingPlans)
      .values({ year, name, status: 'draft', settings, objective: scored.stored, createdBy: opts.actor.userId })
      .returning();
    await writePairs(tx, plan, scored.rows);
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'pairing_plan.create',
      entityType: 'pairing_plan',
      entityId: plan.id,
      after: { year, name, copyFromPlanId: copyFromPlanId ?? null, pairs: keys.length },
    });
    return plan.id;
  });
  return getPlan({ db: opts.db, actor: opts.actor, id });
}

export async function getPlan(opts: { db: Db; actor: Actor; id: string }): Promise<PlanDetail> {
  assertMayManagePairings(opts.actor);
  const [plan] = await opts.db.select().from(pairingPlans).where(eq(pairingPlans.id, opts.id));
  if (!plan) throw new AppError('NOT_FOUND', { entity: 'pairing_plan' });
  const [rows, world] = await Promise.all([
    selectPairs(opts.db)
      .where(eq(pairings.planId, plan.id))
      .orderBy(...pairOrder),
    loadWorld(opts.db, plan.year),
  ]);
  const settings = (plan.settings as ResolvedSettings | null) ?? null;
  const communities = world.communities.map((c) => ({ ...c, needs: settings?.needs[c.id] ?? c.needs }));
  return {
    ...presentPlan(plan, rows.length),
    settings,
    pairs: rows.map(presentPair),
    communities,
    units: world.units.map(({ leader: _, ...u }) => u),
  };
}

export async function listPlans(opts: { db: Db; actor: Actor; query: PlanListQuery }): Promise<Page<PlanView>> {
  assertMayManagePairings(opts.actor);
  const q = opts.query;
  const where: SQL | undefined = and(
    q.year ? eq(pairingPlans.year, q.year) : undefined,
    q.status ? eq(pairingPlans.status, q.status) : undefined,
  );
  const counts = opts.db
    .select({ planId: pairings.planId, n: count().as('n') })
    .from(pairings)
    .groupBy(pairings.planId)
    .as('counts');
  const sort = orderBy(
    q.sort,
    { year: pairingPlans.year, createdAt: pairingPlans.createdAt, name: pairingPlans.name },
    [desc(pairingPlans.year), desc(pairingPlans.createdAt)],
    pairingPlans.id,
  );
  return readPage(q, {
    rows: opts.db
      .select({ plan: pairingPlans, n: counts.n })
      .from(pairingPlans)
      .leftJoin(counts, eq(counts.planId, pairingPlans.id))
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: opts.db.select({ total: count() }).from(pairingPlans).where(where),
    present: (r) => presentPlan(r.plan, Number(r.n ?? 0)),
  });
}

/**
 * What a plan is compared with: the plan asked for; else the adopted plan of its year; for the adopted plan itself,
 * the adopted plan of the year before (how this year's pairing changed from last year's).
 */
async function comparisonTarget(db: Db, plan: PlanRow, withId?: string): Promise<PlanRow | undefined> {
  if (withId) {
    const [row] = await db.select().from(pairingPlans).where(eq(pairingPlans.id, withId));
    if (!row) throw new AppError('NOT_FOUND', { entity: 'pairing_plan' });
    return row;
  }
  const adoptedOf = async (year: number) =>
    (
      await db
        .select()
        .from(pairingPlans)
        .where(and(eq(pairingPlans.year, year), eq(pairingPlans.status, 'adopted'), ne(pairingPlans.id, plan.id)))
    )[0];
  return (await adoptedOf(plan.year)) ?? (plan.status === 'adopted' ? await adoptedOf(plan.year - 1) : undefined);
}

/** This plan against another (by default the adopted plan of its year): units moved, objectives side by side. */
export async function comparePlans(opts: { db: Db; actor: Actor; id: string; withId?: string }): Promise<Comparison> {
  assertMayManagePairings(opts.actor);
  const [plan] = await opts.db.select().from(pairingPlans).where(eq(pairingPlans.id, opts.id));
  if (!plan) throw new AppError('NOT_FOUND', { entity: 'pairing_plan' });
  const other = await comparisonTarget(opts.db, plan, opts.withId);
  const mine = await selectPairs(opts.db).where(eq(pairings.planId, plan.id));
  const theirs = other ? await selectPairs(opts.db).where(eq(pairings.planId, other.id)) : [];
  const byUnit = (rows: typeof mine) => {
    const m = new Map<string, { name: string; communities: string[] }>();
    for (const r of rows)
      m.set(r.p.unitId, {
        name: r.unitName,
        communities: [...(m.get(r.p.unitId)?.communities ?? []), r.communityName].sort(),
      });
    return m;
  };
  const a = byUnit(mine);
  const b = byUnit(theirs);
  const moved: Comparison['moved'] = [];
  let unchanged = 0;
  for (const unitId of new Set([...a.keys(), ...b.keys()])) {
    const to = a.get(unitId)?.communities ?? [];
    const from = b.get(unitId)?.communities ?? [];
    if (to.join('|') === from.join('|')) unchanged++;
    else moved.push({ unitId, unitName: a.get(unitId)?.name ?? b.get(unitId)?.name ?? '', from, to });
  }
  moved.sort((x, y) => x.unitName.localeCompare(y.unitName, 'zh-CN'));
  return {
    plan: { id: plan.id, name: plan.name, objective: storedOf(plan).breakdown },
    other: other
      ? { id: other.id, name: other.name, status: other.status, objective: storedOf(other).breakdown }
      : null,
    moved,
    unchanged,
  };
}

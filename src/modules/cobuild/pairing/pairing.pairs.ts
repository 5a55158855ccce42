import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../core/auth/actor.js';
import { escapeLike } from '../../../core/strings.js';
import type { Db } from '../../../core/db.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { organisations } from '../../org/org.schema.js';
import type { Explanation, PairListQuery, PairView } from './pairing.contracts.js';
import { assertMayReadPairings, pairsVisibleTo } from './pairing.policy.js';
import { pairingPlans, pairings } from './pairing.schema.js';

/** Pairs with the names people read (community, unit, the unit's Party leader) and their plan's status. */
const community = alias(organisations, 'community');
const unit = alias(organisations, 'unit');

export function selectPairs(db: Db) {
  return db
    .select({
      p: pairings,
      planStatus: pairingPlans.status,
      communityName: community.name,
      unitName: unit.name,
      leaderName: unit.leaderName,
      leaderTitle: unit.leaderTitle,
    })
    .from(pairings)
    .innerJoin(pairingPlans, eq(pairingPlans.id, pairings.planId))
    .innerJoin(community, eq(community.id, pairings.communityId))
    .innerJoin(unit, eq(unit.id, pairings.unitId));
}
type PairRow = Awaited<ReturnType<ReturnType<typeof selectPairs>['execute']>>[number];

export function presentPair(r: PairRow): PairView {
  const p = r.p;
  return {
    id: p.id,
    planId: p.planId,
    planStatus: r.planStatus,
    year: p.year,
    communityId: p.communityId,
    communityName: r.communityName,
    unitId: p.unitId,
    unitName: r.unitName,
    unitLeader: r.leaderName ? `${r.leaderName}${r.leaderTitle ? `（${r.leaderTitle}）` : ''}` : null,
    source: p.source,
    distanceKm: p.distanceKm,
    explanation: (p.explanation as Explanation | null) ?? null,
  };
}

export const pairOrder = [asc(community.code), asc(unit.code)];

/** GET /api/pairings: without planId, the adopted pairs (of `year` if given); drafts only for the county. */
export async function listPairs(opts: { db: Db; actor: Actor; query: PairListQuery }): Promise<Page<PairView>> {
  assertMayReadPairings(opts.actor);
  const q = opts.query;
  const text = q.q ? `%${escapeLike(q.q)}%` : undefined;
  const where: SQL | undefined = and(
    await pairsVisibleTo(opts.db, opts.actor),
    q.planId ? eq(pairings.planId, q.planId) : eq(pairingPlans.status, 'adopted'),
    q.year ? eq(pairings.year, q.year) : undefined,
    q.communityId ? eq(pairings.communityId, q.communityId) : undefined,
    q.unitId ? eq(pairings.unitId, q.unitId) : undefined,
    q.source ? eq(pairings.source, q.source) : undefined,
    text ? or(ilike(community.name, text), ilike(unit.name, text)) : undefined,
  );
  const sort = orderBy(
    q.sort,
    { year: pairings.year, distanceKm: pairings.distanceKm, communityName: community.name, unitName: unit.name },
    [desc(pairings.year), ...pairOrder],
    pairings.id,
  );
  return readPage(q, {
    rows: selectPairs(opts.db)
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: opts.db
      .select({ total: count() })
      .from(pairings)
      .innerJoin(pairingPlans, eq(pairingPlans.id, pairings.planId))
      .innerJoin(community, eq(community.id, pairings.communityId))
      .innerJoin(unit, eq(unit.id, pairings.unitId))
      .where(where),
    present: presentPair,
  });
}

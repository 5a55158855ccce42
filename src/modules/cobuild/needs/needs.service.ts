import { and, count, desc, eq, gte, ilike, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { escapeLike } from '../../../core/strings.js';
import { assertNotReferenced } from '../../../core/crud.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { insideCounty } from '../../../core/geo.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { cases } from '../../cases/cases.schema.js';
import { casesVisibleTo } from '../../cases/cases.policy.js';
import { organisations } from '../../org/org.schema.js';
import { assertIsCommunity } from '../../org/org.service.js';
import type { CreateNeed, NeedFromCase, NeedListQuery, NeedPoint, NeedView, UpdateNeed } from './needs.contracts.js';
import { assertMayManageNeeds, needsVisibleTo } from './needs.policy.js';
import { needClaims, needMatches, needs } from './needs.schema.js';
import { markCaseAsNeed } from '../../cases/cases.service.js';
import { clock } from '../../../core/clock.js';

/**
 * The needs list (需求清单): entered by the community, from surveys, or raised from a resident's case. Every write
 * checks role and community scope and is audited in its transaction.
 */
type NeedRow = typeof needs.$inferSelect;
const EPS = 1e-6;

function selectNeeds(db: Db) {
  return db
    .select({ n: needs, communityName: organisations.name, caseNumber: cases.number })
    .from(needs)
    .innerJoin(organisations, eq(organisations.id, needs.communityId))
    .leftJoin(cases, eq(cases.id, needs.caseId));
}
type NeedJoin = Awaited<ReturnType<ReturnType<typeof selectNeeds>['execute']>>[number];

export function presentNeed(r: NeedJoin): NeedView {
  const n = r.n;
  return {
    id: n.id,
    communityId: n.communityId,
    communityName: r.communityName,
    title: n.title,
    description: n.description,
    domain: n.domain,
    priority: n.priority,
    lng: n.lng,
    lat: n.lat,
    quantity: n.quantity,
    unit: n.unit,
    served: n.served,
    remaining: Math.max(0, n.quantity - n.served),
    source: n.source,
    status: n.status,
    caseId: n.caseId,
    caseNumber: r.caseNumber ?? null,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
    version: n.version,
  };
}

export function assertInCounty(lng: number | undefined, lat: number | undefined): void {
  if (lng !== undefined && lat !== undefined && !insideCounty(lng, lat)) throw new AppError('OUTSIDE_COUNTY');
}

async function needFilters(db: Db, actor: Actor, q: NeedListQuery, year: number): Promise<SQL | undefined> {
  const text = q.q ? `%${escapeLike(q.q)}%` : undefined;
  return and(
    await needsVisibleTo(db, actor, year),
    q.communityId ? eq(needs.communityId, q.communityId) : undefined,
    q.status ? eq(needs.status, q.status) : undefined,
    q.priority ? eq(needs.priority, q.priority) : undefined,
    q.minPriority ? gte(needs.priority, q.minPriority) : undefined,
    q.domain ? eq(needs.domain, q.domain) : undefined,
    q.source ? eq(needs.source, q.source) : undefined,
    q.unit ? eq(needs.unit, q.unit) : undefined,
    text ? or(ilike(needs.title, text), ilike(needs.description, text)) : undefined,
  );
}

const SORTS = {
  priority: needs.priority,
  createdAt: needs.createdAt,
  quantity: needs.quantity,
  status: needs.status,
  title: needs.title,
  updatedAt: needs.updatedAt,
};

export async function listNeeds(opts: {
  db: Db;
  actor: Actor;
  query: NeedListQuery;
  year: number;
}): Promise<Page<NeedView>> {
  const { db, query: q } = opts;
  const where = await needFilters(db, opts.actor, q, opts.year);
  return readPage(q, {
    rows: selectNeeds(db)
      .where(where)
      .orderBy(...orderBy(q.sort, SORTS, [desc(needs.priority), desc(needs.createdAt)], needs.id))
      .$dynamic(),
    total: db.select({ total: count() }).from(needs).where(where),
    present: presentNeed,
  });
}

/** Every need of the list's filters for the map and the export (up to `cap`). */
export async function allNeeds(opts: {
  db: Db;
  actor: Actor;
  query: NeedListQuery;
  year: number;
  cap: number;
}): Promise<{ items: NeedView[]; truncated: boolean }> {
  const where = await needFilters(opts.db, opts.actor, opts.query, opts.year);
  const rows = await selectNeeds(opts.db)
    .where(where)
    .orderBy(...orderBy(opts.query.sort, SORTS, [desc(needs.priority), desc(needs.createdAt)], needs.id))
    .limit(opts.cap + 1);
  return { items: rows.slice(0, opts.cap).map(presentNeed), truncated: rows.length > opts.cap };
}

export function toPoint(v: NeedView): NeedPoint {
  return {
    id: v.id,
    title: v.title,
    priority: v.priority,
    lng: v.lng,
    lat: v.lat,
    status: v.status,
    communityName: v.communityName,
  };
}

export async function getNeed(opts: { db: Db; actor: Actor; id: string; year: number }): Promise<NeedView> {
  const [row] = await selectNeeds(opts.db).where(
    and(eq(needs.id, opts.id), await needsVisibleTo(opts.db, opts.actor, opts.year)),
  );
  if (!row) throw new AppError('NOT_FOUND', { entity: 'need' });
  return presentNeed(row);
}

export async function createNeed(opts: { db: Db; actor: Actor; input: CreateNeed }): Promise<string> {
  const { actor, input } = opts;
  await assertMayManageNeeds(opts.db, actor, input.communityId);
  assertInCounty(input.lng, input.lat);
  return opts.db.transaction(async (tx) => {
    await assertIsCommunity(tx, input.communityId);
    const [row] = await tx
      .insert(needs)
      .values({ ...input, description: input.description ?? null, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, { actor, action: 'need.create', entityType: 'need', entityId: row.id, after: input });
    return row.id;
  });
}

/** The need locked for a write: visible (else 404) and managed by this actor (else 403). */
async function lockNeed(tx: Db, actor: Actor, id: string, year: number): Promise<NeedRow> {
  const [row] = await tx
    .select()
    .from(needs)
    .where(and(eq(needs.id, id), await needsVisibleTo(tx, actor, year)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', { entity: 'need' });
  await assertMayManageNeeds(tx, actor, row.communityId);
  return row;
}

export async function updateNeed(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateNeed;
  year: number;
}): Promise<void> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockNeed(tx, actor, opts.id, opts.year);
    if (before.version !== input.version) throw new AppError('STALE_UPDATE');
    const { version: _v, ...changes } = input;
    assertInCounty(changes.lng ?? before.lng, changes.lat ?? before.lat);
    if (changes.quantity !== undefined && changes.quantity + EPS < before.served)
      throw new AppError('NEED_BELOW_SERVED', { served: before.served });
    if (changes.unit && changes.unit !== before.unit && before.served > 0)
      throw new AppError('NEED_BELOW_SERVED', { served: before.served });
    await tx
      .update(needs)
      .set({ ...changes, version: sql`${needs.version} + 1`, updatedAt: clock.now() })
      .where(eq(needs.id, before.id));
    await recordAudit(tx, {
      actor,
      action: 'need.update',
      entityType: 'need',
      entityId: before.id,
      before: pick(before, changes),
      after: changes,
    });
  });
}

function pick(row: NeedRow, changes: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof NeedRow]]));
}

/** Deleting is for needs entered by mistake: one that any match refers to is closed instead (409 REFERENCED). */
export async function deleteNeed(opts: { db: Db; actor: Actor; id: string; year: number }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const before = await lockNeed(tx, opts.actor, opts.id, opts.year);
    await assertNotReferenced(tx, before.id, [
      { referrer: 'need_match', table: needMatches, column: needMatches.needId },
      { referrer: 'need_claim', table: needClaims, column: needClaims.needId },
    ]);
    await tx.delete(needs).where(eq(needs.id, before.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'need.delete',
      entityType: 'need',
      entityId: before.id,
      before,
    });
  });
}

/**
 * "Mark a case as a need": one need per case, created from its title, place and community. Asking again returns
 * the need already made (created: false), so a double click or a retry does no harm.
 */
export async function needFromCase(opts: {
  db: Db;
  actor: Actor;
  caseId: string;
  input: NeedFromCase;
}): Promise<{ id: string; created: boolean }> {
  const { db, actor, input } = opts;
  const visible = await casesVisibleTo(db, actor);
  const [c] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, opts.caseId), visible));
  if (!c) throw new AppError('NOT_FOUND', { entity: 'case' });
  await assertMayManageNeeds(db, actor, c.communityId);
  const [community] = await db
    .select({ lng: organisations.lng, lat: organisations.lat })
    .from(organisations)
    .where(eq(organisations.id, c.communityId));
  const lng = c.lng ?? community?.lng,
    lat = c.lat ?? community?.lat;
  if (lng === null || lng === undefined || lat === null || lat === undefined)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/caseId', message: 'the case has no location' }]);
  assertInCounty(lng, lat);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(needs)
      .values({
        communityId: c.communityId,
        title: c.title,
        description: c.description,
        domain: input.domain,
        priority: input.priority,
        lng,
        lat,
        quantity: input.quantity,
        unit: input.unit,
        source: 'case',
        caseId: c.id,
        createdBy: actor.userId,
      })
      .onConflictDoNothing({ target: needs.caseId })
      .returning({ id: needs.id });
    if (!inserted.length) {
      const [existing] = await tx.select({ id: needs.id }).from(needs).where(eq(needs.caseId, c.id));
      return { id: existing.id, created: false };
    }
    await markCaseAsNeed(tx, c.id);
    await recordAudit(tx, {
      actor,
      action: 'need.from_case',
      entityType: 'need',
      entityId: inserted[0].id,
      after: { caseId: c.id, caseNumber: c.number, ...input },
    });
    return { id: inserted[0].id, created: true };
  });
}

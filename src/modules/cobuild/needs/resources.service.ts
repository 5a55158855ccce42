import { and, asc, count, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { escapeLike } from '../../../core/strings.js';
import { assertNotReferenced } from '../../../core/crud.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { organisations } from '../../org/org.schema.js';
import {
  type CreateResource,
  KIND_UNITS,
  type ResourceListQuery,
  type ResourceView,
  type UpdateResource,
} from './needs.contracts.js';
import { assertMayManageResources, ownUnitIds, resourcesVisibleTo } from './needs.policy.js';
import { needMatches, resources } from './needs.schema.js';
import { assertInCounty } from './needs.service.js';
import { clock } from '../../../core/clock.js';

/**
 * The resources list (资源清单): what each unit offers (people-hours, money, equipment, expertise), how much and
 * when. A unit admin manages its own unit's resources; the county all of them.
 */
type ResourceRow = typeof resources.$inferSelect;
const EPS = 1e-6;

function selectResources(db: Db) {
  return db
    .select({ r: resources, unitName: organisations.name })
    .from(resources)
    .innerJoin(organisations, eq(organisations.id, resources.unitId));
}
type ResourceJoin = Awaited<ReturnType<ReturnType<typeof selectResources>['execute']>>[number];

export function presentResource({ r, unitName }: ResourceJoin): ResourceView {
  return {
    id: r.id,
    unitId: r.unitId,
    unitName,
    kind: r.kind,
    title: r.title,
    description: r.description,
    capacity: r.capacity,
    unit: r.unit,
    reserved: r.reserved,
    remaining: Math.max(0, r.capacity - r.reserved),
    availableFrom: r.availableFrom,
    availableTo: r.availableTo,
    lng: r.lng,
    lat: r.lat,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

function assertKindUnit(kind: ResourceRow['kind'], unit: ResourceRow['unit']): void {
  if (!KIND_UNITS[kind].includes(unit)) throw new AppError('RESOURCE_UNIT_KIND', { kind, unit });
}

function assertPeriod(from: string, to: string): void {
  if (to < from)
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: '/availableTo', message: 'the period ends before it starts' },
    ]);
}

async function resourceFilters(db: Db, actor: Actor, q: ResourceListQuery): Promise<SQL | undefined> {
  const text = q.q ? `%${escapeLike(q.q)}%` : undefined;
  return and(
    await resourcesVisibleTo(db, actor),
    q.unitId ? eq(resources.unitId, q.unitId) : undefined,
    q.kind ? eq(resources.kind, q.kind) : undefined,
    q.unit ? eq(resources.unit, q.unit) : undefined,
    q.availableOn
      ? and(lte(resources.availableFrom, q.availableOn), gte(resources.availableTo, q.availableOn))
      : undefined,
    text
      ? or(ilike(resources.title, text), ilike(resources.description, text), ilike(organisations.name, text))
      : undefined,
  );
}

const SORTS = {
  title: resources.title,
  capacity: resources.capacity,
  availableFrom: resources.availableFrom,
  availableTo: resources.availableTo,
  kind: resources.kind,
  createdAt: resources.createdAt,
  unitName: organisations.name,
};

export async function listResources(opts: {
  db: Db;
  actor: Actor;
  query: ResourceListQuery;
}): Promise<Page<ResourceView>> {
  const { db, query: q } = opts;
  const where = await resourceFilters(db, opts.actor, q);
  return readPage(q, {
    rows: selectResources(db)
      .where(where)
      .orderBy(...orderBy(q.sort, SORTS, [asc(organisations.name), desc(resources.createdAt)], resources.id))
      .$dynamic(),
    total: db
      .select({ total: count() })
      .from(resources)
      .innerJoin(organisations, eq(organisations.id, resources.unitId))
      .where(where),
    present: presentResource,
  });
}

export async function allResources(opts: {
  db: Db;
  actor: Actor;
  query: ResourceListQuery;
  cap: number;
}): Promise<{ items: ResourceView[]; truncated: boolean }> {
  const where = await resourceFilters(opts.db, opts.actor, opts.query);
  const rows = await selectResources(opts.db)
    .where(where)
    .orderBy(...orderBy(opts.query.sort, SORTS, [asc(organisations.name)], resources.id))
    .limit(opts.cap + 1);
  return { items: rows.slice(0, opts.cap).map(presentResource), truncated: rows.length > opts.cap };
}

export async function getResource(opts: { db: Db; actor: Actor; id: string }): Promise<ResourceView> {
  const [row] = await selectResources(opts.db).where(
    and(eq(resources.id, opts.id), await resourcesVisibleTo(opts.db, opts.actor)),
  );
  if (!row) throw new AppError('NOT_FOUND', { entity: 'resource' });
  return presentResource(row);
}

/** The unit a new resource belongs to: the one named (county, or a unit admin naming its own), else the admin's unit. */
async function targetUnit(db: Db, actor: Actor, unitId: string | undefined): Promise<string> {
  const own = unitId ? [] : await ownUnitIds(db, actor);
  const id = unitId ?? (own.length === 1 ? own[0] : undefined);
  if (!id)
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: '/unitId', message: 'name the unit that offers the resource' },
    ]);
  await assertMayManageResources(db, actor, id);
  return id;
}

export async function createResource(opts: { db: Db; actor: Actor; input: CreateResource }): Promise<string> {
  const { db, actor, input } = opts;
  const unitId = await targetUnit(db, actor, input.unitId);
  assertKindUnit(input.kind, input.unit);
  assertPeriod(input.availableFrom, input.availableTo);
  assertInCounty(input.lng, input.lat);
  return db.transaction(async (tx) => {
    const [unit] = await tx
      .select({ kind: organisations.kind, lng: organisations.lng, lat: organisations.lat })
      .from(organisations)
      .where(eq(organisations.id, unitId));
    if (unit?.kind !== 'unit')
      throw new AppError('VALIDATION_FAILED', {}, [{ path: '/unitId', message: 'not a unit' }]);
    const lng = input.lng ?? unit.lng,
      lat = input.lat ?? unit.lat;
    if (lng === null || lat === null)
      throw new AppError('VALIDATION_FAILED', {}, [{ path: '/lng', message: 'the unit has no location: give one' }]);
    assertInCounty(lng, lat);
    const [row] = await tx
      .insert(resources)
      .values({
        unitId,
        kind: input.kind,
        title: input.title,
        description: input.description ?? null,
        capacity: input.capacity,
        unit: input.unit,
        availableFrom: input.availableFrom,
        availableTo: input.availableTo,
        lng,
        lat,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'resource.create',
      entityType: 'resource',
      entityId: row.id,
      after: { ...input, unitId, lng, lat },
    });
    return row.id;
  });
}

async function lockResource(tx: Db, actor: Actor, id: string): Promise<ResourceRow> {
  const [row] = await tx
    .select()
    .from(resources)
    .where(and(eq(resources.id, id), await resourcesVisibleTo(tx, actor)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', { entity: 'resource' });
  await assertMayManageResources(tx, actor, row.unitId);
  return row;
}

export async function updateResource(opts: { db: Db; actor: Actor; id: string; input: UpdateResource }): Promise<void> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockResource(tx, actor, opts.id);
    if (before.version !== input.version) throw new AppError('STALE_UPDATE');
    const { version: _v, ...changes } = input;
    assertKindUnit(changes.kind ?? before.kind, changes.unit ?? before.unit);
    assertPeriod(changes.availableFrom ?? before.availableFrom, changes.availableTo ?? before.availableTo);
    assertInCounty(changes.lng ?? before.lng, changes.lat ?? before.lat);
    if (changes.capacity !== undefined && changes.capacity + EPS < before.reserved)
      throw new AppError('RESOURCE_BELOW_RESERVED', { reserved: before.reserved });
    if (changes.unit && changes.unit !== before.unit && before.reserved > 0)
      throw new AppError('RESOURCE_BELOW_RESERVED', { reserved: before.reserved });
    await tx
      .update(resources)
      .set({ ...changes, version: sql`${resources.version} + 1`, updatedAt: clock.now() })
      .where(eq(resources.id, before.id));
    const was = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof ResourceRow]]));
    await recordAudit(tx, {
      actor,
      action: 'resource.update',
      entityType: 'resource',
      entityId: before.id,
      before: was,
      after: changes,
    });
  });
}

export async function deleteResource(opts: { db: Db; actor: Actor; id: string }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const before = await lockResource(tx, opts.actor, opts.id);
    await assertNotReferenced(tx, before.id, [
      { referrer: 'need_match', table: needMatches, column: needMatches.resourceId },
    ]);
    await tx.delete(resources).where(eq(resources.id, before.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'resource.delete',
      entityType: 'resource',
      entityId: before.id,
      before,
    });
  });
}

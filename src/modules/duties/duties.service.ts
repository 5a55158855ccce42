import { and, asc, count, eq, gte, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { escapeLike } from '../../core/strings.js';
import { assertFound, updateVersioned } from '../../core/crud.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { orderBy, type Page, readPage } from '../../core/list.js';
import { maskPhone } from '../../core/pii.js';
import { people } from '../people/people.schema.js';
import { personForBody } from '../people/people.service.js';
import { grids } from '../grid/grid.schema.js';
import type { CreateGridDuty, GridDutyQuery, GridDutyView, UpdateGridDuty } from './duties.contracts.js';
import { assertMayManageDuty, dutiesVisibleTo } from './duties.policy.js';
import { gridDuties } from './duties.schema.js';
import { clock } from '../../core/clock.js';

const today = () => clock.today();

function selectViews(db: Db) {
  return db
    .select({
      id: gridDuties.id,
      gridId: gridDuties.gridId,
      gridCode: grids.code,
      gridName: grids.name,
      personId: gridDuties.personId,
      personName: people.name,
      personPhone: people.phone,
      role: gridDuties.role,
      since: gridDuties.since,
      until: gridDuties.until,
      note: gridDuties.note,
      version: gridDuties.version,
      communityId: grids.communityId,
    })
    .from(gridDuties)
    .innerJoin(grids, eq(grids.id, gridDuties.gridId))
    .innerJoin(people, eq(people.id, gridDuties.personId));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['execute']>>[number];

function present(r: ViewRow): GridDutyView {
  const { communityId: _c, ...rest } = r;
  return { ...rest, personPhone: maskPhone(r.personPhone), active: !r.until || r.until >= today() };
}

/** Duties the actor may see (duties.policy.ts: staff all, anyone else those of their own grids), filtered and paged. */
export async function listGridDuties(opts: {
  db: Db;
  actor: Actor;
  query: GridDutyQuery;
}): Promise<Page<GridDutyView>> {
  const q = opts.query;
  let gridFilter;
  if (q.gridId && q.includeDescendants) {
    const [g] = await opts.db.select({ code: grids.code }).from(grids).where(eq(grids.id, q.gridId));
    gridFilter = like(grids.code, `${escapeLike(assertFound(g, 'grid').code)}%`);
  } else if (q.gridId) gridFilter = eq(gridDuties.gridId, q.gridId);
  const where = and(
    await dutiesVisibleTo(opts.db, opts.actor),
    gridFilter,
    q.personId ? eq(gridDuties.personId, q.personId) : undefined,
    q.role?.length ? inArray(gridDuties.role, q.role) : undefined,
    q.communityId ? eq(grids.communityId, q.communityId) : undefined,
    q.active === true ? or(isNull(gridDuties.until), gte(gridDuties.until, today())) : undefined,
    q.active === false ? sql`${gridDuties.until} < ${today()}` : undefined,
    q.q ? or(like(people.name, `%${escapeLike(q.q)}%`), like(grids.name, `%${escapeLike(q.q)}%`)) : undefined,
  );
  const sort = orderBy(
    q.sort,
    { since: gridDuties.since, role: gridDuties.role, gridCode: grids.code, personName: people.name },
    [asc(grids.code), asc(gridDuties.role)],
    gridDuties.id,
  );
  return readPage(q, {
    rows: selectViews(opts.db)
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: opts.db
      .select({ total: count() })
      .from(gridDuties)
      .innerJoin(grids, eq(grids.id, gridDuties.gridId))
      .innerJoin(people, eq(people.id, gridDuties.personId))
      .where(where),
    present,
  });
}

async function getDuty(db: Db, id: string): Promise<ViewRow> {
  const [row] = await selectViews(db).where(eq(gridDuties.id, id));
  return assertFound(row, 'grid_duty');
}

export async function createGridDuty(opts: { db: Db; actor: Actor; input: CreateGridDuty }): Promise<GridDutyView> {
  const id = await opts.db.transaction(async (tx) => {
    const [grid] = await tx
      .select({ communityId: grids.communityId })
      .from(grids)
      .where(eq(grids.id, opts.input.gridId));
    if (!grid) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/gridId', message: 'grid does not exist' }]);
    await assertMayManageDuty(tx, opts.actor, grid.communityId);
    // The person must be someone the actor may see: a community admin cannot enlist another community's residents.
    await personForBody(tx, opts.actor, opts.input.personId);
    const [row] = await tx.insert(gridDuties).values(opts.input).returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'grid_duty.create',
      entityType: 'grid_duty',
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
  return present(await getDuty(opts.db, id));
}

export async function updateGridDuty(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateGridDuty;
}): Promise<GridDutyView> {
  await opts.db.transaction(async (tx) => {
    const current = await getDuty(tx, opts.id);
    await assertMayManageDuty(tx, opts.actor, current.communityId);
    const { version, ...values } = opts.input;
    const since = values.since ?? current.since;
    const until = values.until === undefined ? current.until : values.until;
    if (until && until < since)
      throw new AppError('VALIDATION_FAILED', {}, [{ path: '/until', message: 'until must not be before since' }]);
    const [before] = await tx.select().from(gridDuties).where(eq(gridDuties.id, opts.id));
    const after = await updateVersioned({
      db: tx,
      table: gridDuties,
      id: opts.id,
      version,
      values,
      entity: 'grid_duty',
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'grid_duty.update',
      entityType: 'grid_duty',
      entityId: opts.id,
      before,
      after,
    });
  });
  return present(await getDuty(opts.db, opts.id));
}

export async function deleteGridDuty(opts: { db: Db; actor: Actor; id: string }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const current = await getDuty(tx, opts.id);
    await assertMayManageDuty(tx, opts.actor, current.communityId);
    const [before] = await tx.delete(gridDuties).where(eq(gridDuties.id, opts.id)).returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'grid_duty.delete',
      entityType: 'grid_duty',
      entityId: opts.id,
      before,
    });
  });
}

import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { updateVersioned } from '../../../core/crud.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { volunteerSeries, volunteerServiceTypes } from '../volunteers.schema.js';
import type {
  CreateVolunteerSeries,
  CreateVolunteerType,
  UpdateVolunteerSeries,
  UpdateVolunteerType,
  VolunteerSeriesQuery,
  VolunteerSeriesView,
  VolunteerTypeView,
} from './catalogue.contracts.js';
import { assertMayReadCatalogue } from './catalogue.policy.js';

/**
 * The catalogue (志愿服务系列 → 类型): the article's 7 series and 19 types are seed data; the county adds, renames,
 * reorders and retires (active=false) them. Keys are stable (seed data and reports refer to them) and never edited;
 * a retired series or type stays, so the teams and activities of it keep their name.
 */
type SeriesRow = typeof volunteerSeries.$inferSelect;
type TypeRow = typeof volunteerServiceTypes.$inferSelect;

function presentType(t: TypeRow): VolunteerTypeView {
  const { id, seriesId, key, name, nameEn, sort, active, version } = t;
  return { id, seriesId, key, name, nameEn, sort, active, version };
}

function presentSeries(s: SeriesRow, types: TypeRow[]): VolunteerSeriesView {
  const { id, key, name, nameEn, sort, active, version } = s;
  return { id, key, name, nameEn, sort, active, version, types: types.map(presentType) };
}

export async function listSeries(opts: {
  db: Db;
  actor: Actor;
  query: VolunteerSeriesQuery;
}): Promise<VolunteerSeriesView[]> {
  assertMayReadCatalogue(opts.actor);
  const { db } = opts;
  const active = opts.query.active === undefined ? undefined : opts.query.active === 'true';
  const [series, types] = await Promise.all([
    db
      .select()
      .from(volunteerSeries)
      .where(active === undefined ? undefined : eq(volunteerSeries.active, active))
      .orderBy(asc(volunteerSeries.sort), asc(volunteerSeries.key)),
    db
      .select()
      .from(volunteerServiceTypes)
      // Asking for the active catalogue (what a form offers) leaves out retired types of active series too.
      .where(active === true ? eq(volunteerServiceTypes.active, true) : undefined)
      .orderBy(asc(volunteerServiceTypes.sort), asc(volunteerServiceTypes.key)),
  ]);
  return series.map((s) =>
    presentSeries(
      s,
      types.filter((t) => t.seriesId === s.id),
    ),
  );
}

async function seriesWithTypes(db: Db, row: SeriesRow): Promise<VolunteerSeriesView> {
  const types = await db
    .select()
    .from(volunteerServiceTypes)
    .where(eq(volunteerServiceTypes.seriesId, row.id))
    .orderBy(asc(volunteerServiceTypes.sort), asc(volunteerServiceTypes.key));
  return presentSeries(row, types);
}

export async function createSeries(opts: {
  db: Db;
  actor: Actor;
  input: CreateVolunteerSeries;
}): Promise<VolunteerSeriesView> {
  const { input } = opts;
  return opts.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(volunteerSeries)
      .values({ ...input, sort: input.sort ?? 1000 })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('DUPLICATE', { field: 'key', value: input.key });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'volunteer_series.create',
      entityType: 'volunteer_series',
      entityId: row.id,
      after: row,
    });
    return presentSeries(row, []);
  });
}

export async function updateSeries(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateVolunteerSeries;
}): Promise<VolunteerSeriesView> {
  return opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(volunteerSeries).where(eq(volunteerSeries.id, opts.id));
    if (!before) throw new AppError('NOT_FOUND', { entity: 'volunteer_series' });
    const { version, ...values } = opts.input;
    const row = await updateVersioned({
      db: tx,
      table: volunteerSeries,
      id: opts.id,
      version,
      values,
      entity: 'volunteer_series',
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'volunteer_series.update',
      entityType: 'volunteer_series',
      entityId: row.id,
      before,
      after: row,
    });
    return seriesWithTypes(tx, row);
  });
}

/** The series a type is put in must exist (400 VOLUNTEER_TYPE_UNKNOWN: the catalogue has no such branch). */
async function assertSeriesExists(db: Db, seriesId: string): Promise<void> {
  const [s] = await db.select({ id: volunteerSeries.id }).from(volunteerSeries).where(eq(volunteerSeries.id, seriesId));
  if (!s) throw new AppError('VOLUNTEER_TYPE_UNKNOWN', { seriesId });
}

export async function createType(opts: {
  db: Db;
  actor: Actor;
  input: CreateVolunteerType;
}): Promise<VolunteerTypeView> {
  const { input } = opts;
  return opts.db.transaction(async (tx) => {
    await assertSeriesExists(tx, input.seriesId);
    const [row] = await tx
      .insert(volunteerServiceTypes)
      .values({ ...input, sort: input.sort ?? 1000 })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('DUPLICATE', { field: 'key', value: input.key });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'volunteer_type.create',
      entityType: 'volunteer_type',
      entityId: row.id,
      after: row,
    });
    return presentType(row);
  });
}

export async function updateType(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateVolunteerType;
}): Promise<VolunteerTypeView> {
  return opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(volunteerServiceTypes).where(eq(volunteerServiceTypes.id, opts.id));
    if (!before) throw new AppError('NOT_FOUND', { entity: 'volunteer_type' });
    const { version, ...values } = opts.input;
    if (values.seriesId) await assertSeriesExists(tx, values.seriesId);
    const row = await updateVersioned({
      db: tx,
      table: volunteerServiceTypes,
      id: opts.id,
      version,
      values,
      entity: 'volunteer_type',
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'volunteer_type.update',
      entityType: 'volunteer_type',
      entityId: row.id,
      before,
      after: row,
    });
    return presentType(row);
  });
}

/** The active type with this id, in an active series (400 VOLUNTEER_TYPE_UNKNOWN otherwise), for activities/. */
export async function activeVolunteerType(db: Db, typeId: string): Promise<TypeRow> {
  const [row] = await db
    .select({ type: volunteerServiceTypes })
    .from(volunteerServiceTypes)
    .innerJoin(volunteerSeries, eq(volunteerSeries.id, volunteerServiceTypes.seriesId))
    .where(
      and(
        eq(volunteerServiceTypes.id, typeId),
        eq(volunteerServiceTypes.active, true),
        eq(volunteerSeries.active, true),
      ),
    );
  if (!row) throw new AppError('VOLUNTEER_TYPE_UNKNOWN', { typeId });
  return row.type;
}

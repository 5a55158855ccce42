import { and, asc, count, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { isUniqueViolation } from '../../../core/crud.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, type ListQuery, readPage } from '../../../core/list.js';
import { organisations } from '../../org/org.schema.js';
import { isPaired } from '../pairing/pairing.queries.js';
import { pairingPlans } from '../pairing/pairing.schema.js';
import type { SignupRequest, SignupView, UpdateSignup } from './servicedays.contracts.js';
import { assertKnownKinds } from './servicedays.kinds.js';
import { assertMaySignup, ownUnitIds } from './servicedays.policy.js';
import { serviceDayCheckins, serviceDays, serviceDaySignups } from './servicedays.schema.js';
import { assertStillOpen, type DayRow, loadVisibleDay } from './servicedays.service.js';
import { clock } from '../../../core/clock.js';

/**
 * Units sign up for a day with service items (kind + what exactly) and a headcount, and may change or withdraw
 * until the day starts. A unit admin signs up only their own unit, and only with a community it is paired with in
 * the day's year — when that year has an adopted pairing at all; before the first adoption every unit may. The county
 * and the community may also sign up an unpaired unit: that is the community inviting a 辖区单位 in, which the
 * article's 大党委 does.
 */
type SignupRow = typeof serviceDaySignups.$inferSelect;

function selectSignups(db: Db) {
  const checked = db
    .select({ dayId: serviceDayCheckins.dayId, unitId: serviceDayCheckins.unitId, n: count().as('n') })
    .from(serviceDayCheckins)
    .groupBy(serviceDayCheckins.dayId, serviceDayCheckins.unitId)
    .as('ck');
  return db
    .select({ s: serviceDaySignups, unitName: organisations.name, checkedIn: checked.n })
    .from(serviceDaySignups)
    .innerJoin(organisations, eq(organisations.id, serviceDaySignups.unitId))
    .leftJoin(checked, and(eq(checked.dayId, serviceDaySignups.dayId), eq(checked.unitId, serviceDaySignups.unitId)));
}

function present(r: { s: SignupRow; unitName: string; checkedIn: number | null }): SignupView {
  const s = r.s;
  return {
    id: s.id,
    dayId: s.dayId,
    unitId: s.unitId,
    unitName: r.unitName,
    items: s.items,
    headcount: s.headcount,
    note: s.note,
    checkedIn: Number(r.checkedIn ?? 0),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
  };
}

export async function listSignups(opts: {
  db: Db;
  actor: Actor;
  dayId: string;
  query: ListQuery;
}): Promise<Page<SignupView>> {
  await loadVisibleDay(opts.db, opts.actor, opts.dayId);
  const q = opts.query;
  const where = eq(serviceDaySignups.dayId, opts.dayId);
  const sort = orderBy(
    q.sort,
    { createdAt: serviceDaySignups.createdAt, headcount: serviceDaySignups.headcount, unitName: organisations.name },
    [asc(serviceDaySignups.createdAt)],
    serviceDaySignups.id,
  );
  return readPage(q, {
    rows: selectSignups(opts.db)
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: opts.db.select({ total: count() }).from(serviceDaySignups).where(where),
    present,
  });
}

async function getSignup(db: Db, id: string): Promise<SignupView> {
  const [row] = await selectSignups(db).where(eq(serviceDaySignups.id, id));
  return present(row);
}

/** The unit signing up: the one named, or a unit admin's only unit. */
async function unitFor(db: Db, actor: Actor, unitId: string | undefined): Promise<string> {
  if (unitId) return unitId;
  const own = await ownUnitIds(db, actor);
  if (own.length === 1) return own[0];
  throw new AppError('VALIDATION_FAILED', {}, [{ path: '/unitId', message: 'name the unit that signs up' }]);
}

async function assertUnit(tx: Db, unitId: string): Promise<void> {
  const [org] = await tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, unitId));
  if (org?.kind !== 'unit') throw new AppError('VALIDATION_FAILED', {}, [{ path: '/unitId', message: 'not a unit' }]);
}

/** A unit acting for itself must be paired with the community in the day's year, once that year has an adopted pairing. */
async function assertPairedIfRequired(tx: Db, day: DayRow, unitId: string): Promise<void> {
  const year = Number(day.date.slice(0, 4));
  const [adopted] = await tx
    .select({ id: pairingPlans.id })
    .from(pairingPlans)
    .where(and(eq(pairingPlans.year, year), eq(pairingPlans.status, 'adopted')))
    .limit(1);
  if (adopted && !(await isPaired(tx, { year, communityId: day.communityId, unitId }))) {
    throw new AppError('SERVICE_DAY_UNIT_NOT_PAIRED', { year });
  }
}

async function lockDay(tx: Db, dayId: string): Promise<DayRow> {
  const [day] = await tx.select().from(serviceDays).where(eq(serviceDays.id, dayId)).for('update');
  if (!day) throw new AppError('NOT_FOUND', { entity: 'service_day' });
  return day;
}

export async function createSignup(opts: {
  db: Db;
  actor: Actor;
  dayId: string;
  input: SignupRequest;
  now?: Date;
}): Promise<SignupView> {
  const { db, actor, input } = opts;
  const visible = await loadVisibleDay(db, actor, opts.dayId);
  const unitId = await unitFor(db, actor, input.unitId);
  const as = await assertMaySignup(db, actor, visible.d.communityId, unitId);
  try {
    const id = await db.transaction(async (tx) => {
      const day = await lockDay(tx, opts.dayId);
      assertStillOpen(day, opts.now ?? clock.now());
      await assertUnit(tx, unitId);
      if (as === 'unit') await assertPairedIfRequired(tx, day, unitId);
      await assertKnownKinds(
        tx,
        input.items.map((i) => i.kindCode),
      );
      const [row] = await tx
        .insert(serviceDaySignups)
        .values({
          dayId: day.id,
          unitId,
          items: input.items,
          headcount: input.headcount,
          note: input.note || null,
          createdByUserId: actor.userId,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError('SERVICE_DAY_ALREADY_SIGNED_UP');
      await recordAudit(tx, {
        actor,
        action: 'service_day_signup.create',
        entityType: 'service_day',
        entityId: day.id,
        after: row,
      });
      return row.id;
    });
    return await getSignup(db, id);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('SERVICE_DAY_ALREADY_SIGNED_UP');
    throw e;
  }
}

/** The sign-up locked for a change by someone who may sign its unit up, while the day is still open. */
async function lockSignupForWrite(
  tx: Db,
  actor: Actor,
  dayId: string,
  signupId: string,
  version: number,
  now: Date,
): Promise<SignupRow> {
  const day = await lockDay(tx, dayId);
  const [row] = await tx
    .select()
    .from(serviceDaySignups)
    .where(and(eq(serviceDaySignups.id, signupId), eq(serviceDaySignups.dayId, dayId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', { entity: 'service_day_signup' });
  await assertMaySignup(tx, actor, day.communityId, row.unitId);
  if (row.version !== version) throw new AppError('STALE_UPDATE');
  assertStillOpen(day, now);
  return row;
}

export async function updateSignup(opts: {
  db: Db;
  actor: Actor;
  dayId: string;
  signupId: string;
  input: UpdateSignup;
  now?: Date;
}): Promise<SignupView> {
  const { actor, input } = opts;
  await loadVisibleDay(opts.db, actor, opts.dayId);
  await opts.db.transaction(async (tx) => {
    const before = await lockSignupForWrite(
      tx,
      actor,
      opts.dayId,
      opts.signupId,
      input.version,
      opts.now ?? clock.now(),
    );
    if (input.items)
      await assertKnownKinds(
        tx,
        input.items.map((i) => i.kindCode),
      );
    const values = {
      items: input.items ?? before.items,
      headcount: input.headcount ?? before.headcount,
      note: input.note === undefined ? before.note : input.note || null,
    };
    const [after] = await tx
      .update(serviceDaySignups)
      .set({ ...values, version: sql`${serviceDaySignups.version} + 1`, updatedAt: clock.now() })
      .where(eq(serviceDaySignups.id, before.id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'service_day_signup.update',
      entityType: 'service_day',
      entityId: before.dayId,
      before,
      after,
    });
  });
  return getSignup(opts.db, opts.signupId);
}

export async function withdrawSignup(opts: {
  db: Db;
  actor: Actor;
  dayId: string;
  signupId: string;
  version: number;
  now?: Date;
}): Promise<void> {
  const { actor } = opts;
  await loadVisibleDay(opts.db, actor, opts.dayId);
  await opts.db.transaction(async (tx) => {
    const before = await lockSignupForWrite(
      tx,
      actor,
      opts.dayId,
      opts.signupId,
      opts.version,
      opts.now ?? clock.now(),
    );
    await tx.delete(serviceDaySignups).where(eq(serviceDaySignups.id, before.id));
    await recordAudit(tx, {
      actor,
      action: 'service_day_signup.withdraw',
      entityType: 'service_day',
      entityId: before.dayId,
      before,
    });
  });
}

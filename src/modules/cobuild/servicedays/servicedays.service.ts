import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import { escapeLike } from '../../../core/strings.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { organisations } from '../../org/org.schema.js';
import { assertIsCommunity } from '../../org/org.service.js';
import type {
  CancelServiceDay,
  CreateServiceDay,
  Outcome,
  ServiceDayDetail,
  ServiceDayListQuery,
  ServiceDayView,
  UpdateServiceDay,
} from './servicedays.contracts.js';
import { assertKnownKinds } from './servicedays.kinds.js';
import { photosOfDay } from './servicedays.photos.js';
import {
  assertMayManage,
  assertMayRead,
  checkinAuthority,
  daysVisibleTo,
  managesCommunity,
} from './servicedays.policy.js';
import { serviceDayCheckins, serviceDays, serviceDaySignups } from './servicedays.schema.js';
import { localInstant, localLabel, localParts } from './servicedays.time.js';
import { clock } from '../../../core/clock.js';

/**
 * 集中报到服务日: a community schedules a day, paired units sign up with service items, members check in with the
 * day's QR code, and the community records the outcome. This file holds the days themselves; sign-ups, check-ins,
 * photos and summaries have their own files. Every write is audited in its own transaction.
 */
export type DayRow = typeof serviceDays.$inferSelect;

export function newCheckinToken(): string {
  return randomBytes(18).toString('base64url');
}

/** Per day: sign-ups, promised headcount and check-ins, as subqueries joined to the day. */
function selectViews(db: Db) {
  const signups = db
    .select({
      dayId: serviceDaySignups.dayId,
      n: count().as('signup_n'),
      heads: sql<number>`sum(${serviceDaySignups.headcount})`.mapWith(Number).as('heads'),
    })
    .from(serviceDaySignups)
    .groupBy(serviceDaySignups.dayId)
    .as('s');
  const checkins = db
    .select({ dayId: serviceDayCheckins.dayId, n: count().as('checkin_n') })
    .from(serviceDayCheckins)
    .groupBy(serviceDayCheckins.dayId)
    .as('c');
  return db
    .select({
      d: serviceDays,
      communityName: organisations.name,
      signupN: signups.n,
      heads: signups.heads,
      checkinN: checkins.n,
    })
    .from(serviceDays)
    .innerJoin(organisations, eq(organisations.id, serviceDays.communityId))
    .leftJoin(signups, eq(signups.dayId, serviceDays.id))
    .leftJoin(checkins, eq(checkins.dayId, serviceDays.id));
}
type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['execute']>>[number];

export function presentDay(r: ViewRow): ServiceDayView {
  const d = r.d;
  return {
    id: d.id,
    communityId: d.communityId,
    communityName: r.communityName,
    date: d.date,
    startTime: localParts(d.startsAt).clock,
    endTime: localParts(d.endsAt).clock,
    startsAt: d.startsAt.toISOString(),
    endsAt: d.endsAt.toISOString(),
    place: d.place,
    lng: d.lng,
    lat: d.lat,
    theme: d.theme,
    kindCodes: d.kindCodes,
    status: d.status,
    cancelReason: d.cancelReason,
    peopleServed: d.peopleServed,
    summary: d.summary,
    signupCount: Number(r.signupN ?? 0),
    headcountPromised: Number(r.heads ?? 0),
    checkinCount: Number(r.checkinN ?? 0),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

/** The where-clause of a list or an export: scope plus the filters. */
export async function daysWhere(
  db: Db,
  actor: Actor,
  q: Omit<ServiceDayListQuery, 'page' | 'pageSize' | 'sort'>,
): Promise<SQL | undefined> {
  const range = q.year ? monthRange(q.year, q.month) : undefined;
  const like = q.q ? `%${escapeLike(q.q)}%` : undefined;
  return and(
    await daysVisibleTo(db, actor),
    q.communityId ? eq(serviceDays.communityId, q.communityId) : undefined,
    q.status ? eq(serviceDays.status, q.status) : undefined,
    q.kind ? sql`${q.kind} = any(${serviceDays.kindCodes})` : undefined,
    range ? and(gte(serviceDays.date, range.from), lt(serviceDays.date, range.to)) : undefined,
    like
      ? or(ilike(serviceDays.theme, like), ilike(serviceDays.place, like), ilike(organisations.name, like))
      : undefined,
  );
}

/** [from, to) of a year, or of one month of it. */
function monthRange(year: number, month?: number): { from: string; to: string } {
  const pad = (m: number) => String(m).padStart(2, '0');
  if (!month) return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  return { from: `${year}-${pad(month)}-01`, to: month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01` };
}

export const DAY_SORT = {
  date: serviceDays.date,
  startsAt: serviceDays.startsAt,
  status: serviceDays.status,
  createdAt: serviceDays.createdAt,
};

export async function listDays(opts: {
  db: Db;
  actor: Actor;
  query: ServiceDayListQuery;
}): Promise<Page<ServiceDayView>> {
  assertMayRead(opts.actor);
  const q = opts.query;
  const where = await daysWhere(opts.db, opts.actor, q);
  const sort = orderBy(q.sort, DAY_SORT, [desc(serviceDays.startsAt)], serviceDays.id);
  return readPage(q, {
    rows: selectViews(opts.db)
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: opts.db
      .select({ total: count() })
      .from(serviceDays)
      .innerJoin(organisations, eq(organisations.id, serviceDays.communityId))
      .where(where),
    present: presentDay,
  });
}

/** A day this actor may read (404 otherwise). */
export async function loadVisibleDay(db: Db, actor: Actor, id: string): Promise<ViewRow> {
  assertMayRead(actor);
  const [row] = await selectViews(db).where(and(eq(serviceDays.id, id), await daysVisibleTo(db, actor)));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'service_day' });
  return row;
}

export async function getDay(opts: { db: Db; actor: Actor; id: string }): Promise<ServiceDayDetail> {
  const { db, actor } = opts;
  const row = await loadVisibleDay(db, actor, opts.id);
  const manage = await managesCommunity(db, actor, row.d.communityId);
  const checkinOthers = (await checkinAuthority(db, actor, row.d.communityId)).unitIds.length > 0 || manage;
  return {
    ...presentDay(row),
    checkinToken: manage ? row.d.checkinToken : null,
    photos: await photosOfDay(db, row.d.id),
    can: { manage, signup: can(actor, 'servicedays.signup') && row.d.status === 'scheduled', checkinOthers },
  };
}

/** Start and end as instants; the end must come after the start (400 SERVICE_DAY_TIME_ORDER). */
function dayTimes(date: string, startTime: string, endTime: string): { startsAt: Date; endsAt: Date } {
  const startsAt = localInstant(date, startTime);
  const endsAt = localInstant(date, endTime);
  if (endsAt <= startsAt) throw new AppError('SERVICE_DAY_TIME_ORDER');
  return { startsAt, endsAt };
}

export async function createDay(opts: { db: Db; actor: Actor; input: CreateServiceDay }): Promise<ServiceDayDetail> {
  const { actor, input } = opts;
  await assertMayManage(opts.db, actor, input.communityId);
  const times = dayTimes(input.date, input.startTime, input.endTime);
  const kindCodes = [...new Set(input.kindCodes)];
  const id = await opts.db.transaction(async (tx) => {
    await assertIsCommunity(tx, input.communityId);
    await assertKnownKinds(tx, kindCodes);
    const [row] = await tx
      .insert(serviceDays)
      .values({
        communityId: input.communityId,
        date: input.date,
        ...times,
        place: input.place,
        lng: input.lng ?? null,
        lat: input.lat ?? null,
        theme: input.theme,
        kindCodes,
        checkinToken: newCheckinToken(),
        createdByUserId: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'service_day.create',
      entityType: 'service_day',
      entityId: row.id,
      after: auditView(row),
    });
    return row.id;
  });
  return getDay({ db: opts.db, actor, id });
}

/** What the audit log keeps of a day (never the check-in token). */
function auditView(d: DayRow) {
  const { checkinToken: _token, ...rest } = d;
  return rest;
}

/** The day locked for a write by someone who manages its community, at the version they saw. */
export async function lockDayForWrite(tx: Db, actor: Actor, id: string, version?: number): Promise<DayRow> {
  assertMayRead(actor);
  const [row] = await tx
    .select()
    .from(serviceDays)
    .where(and(eq(serviceDays.id, id), await daysVisibleTo(tx, actor)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', { entity: 'service_day' });
  await assertMayManage(tx, actor, row.communityId);
  if (version !== undefined && row.version !== version) throw new AppError('STALE_UPDATE');
  return row;
}

/** A scheduled day that has not started may still change (409 SERVICE_DAY_NOT_OPEN otherwise). */
export function assertStillOpen(day: DayRow, now: Date): void {
  if (day.status !== 'scheduled') throw new AppError('SERVICE_DAY_NOT_OPEN', { state: `day_${day.status}` });
  if (now >= day.startsAt) throw new AppError('SERVICE_DAY_NOT_OPEN', { state: 'day_started' });
}

async function writeDay(
  tx: Db,
  actor: Actor,
  before: DayRow,
  values: Partial<typeof serviceDays.$inferInsert>,
  action: string,
): Promise<void> {
  const [after] = await tx
    .update(serviceDays)
    .set({ ...values, version: sql`${serviceDays.version} + 1`, updatedAt: clock.now() })
    .where(eq(serviceDays.id, before.id))
    .returning();
  await recordAudit(tx, {
    actor,
    action,
    entityType: 'service_day',
    entityId: before.id,
    before: auditView(before),
    after: auditView(after),
  });
}

/** Reschedules or edits a day that is still scheduled and has not started. */
export async function updateDay(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateServiceDay;
  now?: Date;
}): Promise<ServiceDayDetail> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockDayForWrite(tx, actor, opts.id, input.version);
    assertStillOpen(before, opts.now ?? clock.now());
    const date = input.date ?? before.date;
    const times = dayTimes(
      date,
      input.startTime ?? localParts(before.startsAt).clock,
      input.endTime ?? localParts(before.endsAt).clock,
    );
    const values: Partial<typeof serviceDays.$inferInsert> = { date, ...times };
    if (input.kindCodes) {
      values.kindCodes = [...new Set(input.kindCodes)];
      await assertKnownKinds(tx, values.kindCodes);
    }
    for (const key of ['place', 'theme', 'lng', 'lat'] as const)
      if (input[key] !== undefined) Object.assign(values, { [key]: input[key] });
    await writeDay(tx, actor, before, values, 'service_day.update');
  });
  return getDay({ db: opts.db, actor, id: opts.id });
}

export async function cancelDay(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: CancelServiceDay;
}): Promise<ServiceDayDetail> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockDayForWrite(tx, actor, opts.id, input.version);
    if (before.status !== 'scheduled') throw new AppError('SERVICE_DAY_NOT_OPEN', { state: `day_${before.status}` });
    await writeDay(tx, actor, before, { status: 'cancelled', cancelReason: input.reason }, 'service_day.cancel');
  });
  return getDay({ db: opts.db, actor, id: opts.id });
}

/** Records (or corrects) the outcome once the day has started; the day is held from then on. */
export async function recordOutcome(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: Outcome;
  now?: Date;
}): Promise<ServiceDayDetail> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockDayForWrite(tx, actor, opts.id, input.version);
    if (before.status === 'cancelled') throw new AppError('SERVICE_DAY_CANCELLED');
    if ((opts.now ?? clock.now()) < before.startsAt)
      throw new AppError('SERVICE_DAY_OUTCOME_EARLY', { startsAt: localLabel(before.startsAt) });
    const values = {
      status: 'held' as const,
      peopleServed: input.peopleServed,
      summary: input.summary === undefined ? before.summary : input.summary || null,
    };
    await writeDay(tx, actor, before, values, 'service_day.outcome');
  });
  return getDay({ db: opts.db, actor, id: opts.id });
}

/** A new QR code for the day (the old one stops working), e.g. after a photo of it went round. */
export async function rotateToken(opts: {
  db: Db;
  actor: Actor;
  id: string;
  version: number;
}): Promise<ServiceDayDetail> {
  await opts.db.transaction(async (tx) => {
    const before = await lockDayForWrite(tx, opts.actor, opts.id, opts.version);
    await writeDay(tx, opts.actor, before, { checkinToken: newCheckinToken() }, 'service_day.rotate_token');
  });
  return getDay({ db: opts.db, actor: opts.actor, id: opts.id });
}

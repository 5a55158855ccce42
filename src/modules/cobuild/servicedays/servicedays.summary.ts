import type { Writable } from 'node:stream';
import { and, asc, count, countDistinct, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { type Download, type ExportColumn, writeSheetStream } from '../../../core/excel/excel.js';
import { type Page, pageWindow } from '../../../core/list.js';
import { organisations } from '../../org/org.schema.js';
import type {
  DaySummary,
  ServiceDayListQuery,
  ServiceDayView,
  UnitSummary,
  UnitSummaryQuery,
} from './servicedays.contracts.js';
import { assertMayRead, daysVisibleTo, summaryUnitsVisibleTo } from './servicedays.policy.js';
import { serviceDayCheckins, serviceDays, serviceDaySignups, serviceKinds } from './servicedays.schema.js';
import { listDays, loadVisibleDay } from './servicedays.service.js';
import { localParts } from './servicedays.time.js';

/**
 * Summaries of service days, always computed from the sign-up and check-in rows (nothing is stored twice). Counts
 * are shown to everyone who may read the day; only the list of who checked in is narrowed per reader.
 */
export async function daySummary(opts: { db: Db; actor: Actor; dayId: string }): Promise<DaySummary> {
  const { db } = opts;
  const view = await loadVisibleDay(db, opts.actor, opts.dayId);
  const [signups, kinds, byUnit, [qr]] = await Promise.all([
    db
      .select({
        unitId: serviceDaySignups.unitId,
        unitName: organisations.name,
        headcount: serviceDaySignups.headcount,
      })
      .from(serviceDaySignups)
      .innerJoin(organisations, eq(organisations.id, serviceDaySignups.unitId))
      .where(eq(serviceDaySignups.dayId, opts.dayId)),
    db.execute(sql`select item->>'kindCode' as code, count(*)::int as items
      from ${serviceDaySignups}, jsonb_array_elements(${serviceDaySignups.items}) as item
      where ${serviceDaySignups.dayId} = ${opts.dayId} group by 1 order by 2 desc, 1`),
    db
      .select({ unitId: serviceDayCheckins.unitId, n: count() })
      .from(serviceDayCheckins)
      .where(eq(serviceDayCheckins.dayId, opts.dayId))
      .groupBy(serviceDayCheckins.unitId),
    db
      .select({ n: count() })
      .from(serviceDayCheckins)
      .where(and(eq(serviceDayCheckins.dayId, opts.dayId), eq(serviceDayCheckins.method, 'qr'))),
  ]);
  const checked = new Map(byUnit.map((r) => [r.unitId, r.n]));
  const kindRows = ((kinds as { rows?: { code: string; items: number }[] }).rows ?? []).map((k) => ({
    code: k.code,
    items: Number(k.items),
  }));
  return {
    dayId: opts.dayId,
    signups: signups.length,
    headcountPromised: signups.reduce((s, r) => s + r.headcount, 0),
    checkedIn: byUnit.reduce((s, r) => s + r.n, 0),
    checkedInByQr: qr.n,
    peopleServed: view.d.peopleServed,
    kinds: kindRows,
    units: signups
      .map((s) => ({ ...s, checkedIn: checked.get(s.unitId) ?? 0 }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN')),
  };
}

function dayRange(year: number | undefined): SQL | undefined {
  return year ? and(gte(serviceDays.date, `${year}-01-01`), lt(serviceDays.date, `${year + 1}-01-01`)) : undefined;
}

/** Per unit, over the days `dayFilter` keeps: sign-ups and promised heads; check-ins, days and distinct members. */
function unitTotals(db: Db, dayFilter: SQL | undefined) {
  const signups = db
    .select({
      unitId: serviceDaySignups.unitId,
      n: count().as('su_n'),
      heads: sql<number>`sum(${serviceDaySignups.headcount})`.mapWith(Number).as('su_heads'),
    })
    .from(serviceDaySignups)
    .innerJoin(serviceDays, eq(serviceDays.id, serviceDaySignups.dayId))
    .where(dayFilter)
    .groupBy(serviceDaySignups.unitId)
    .as('su');
  const checkins = db
    .select({
      unitId: serviceDayCheckins.unitId,
      n: count().as('ck_n'),
      days: countDistinct(serviceDayCheckins.dayId).as('ck_days'),
      members: countDistinct(serviceDayCheckins.memberId).as('ck_members'),
    })
    .from(serviceDayCheckins)
    .innerJoin(serviceDays, eq(serviceDays.id, serviceDayCheckins.dayId))
    .where(dayFilter)
    .groupBy(serviceDayCheckins.unitId)
    .as('ck');
  return { signups, checkins };
}

/**
 * Per unit over the days the reader sees (optionally one year and community): sign-ups and promised headcount,
 * days on which its members checked in, check-ins and distinct members. A unit admin sees only its own units.
 */
export async function unitSummaries(opts: {
  db: Db;
  actor: Actor;
  query: UnitSummaryQuery;
}): Promise<Page<UnitSummary>> {
  const { db, actor, query: q } = opts;
  assertMayRead(actor);
  const ownUnits = await summaryUnitsVisibleTo(db, actor);
  const dayFilter = and(
    await daysVisibleTo(db, actor),
    dayRange(q.year),
    q.communityId ? eq(serviceDays.communityId, q.communityId) : undefined,
  );
  const unitFilter = ownUnits ? sql`${organisations.id} = any(${sql.param(ownUnits)}::uuid[])` : undefined;
  const { signups, checkins } = unitTotals(db, dayFilter);
  const where = and(
    eq(organisations.kind, 'unit'),
    unitFilter,
    sql`(${signups.n} is not null or ${checkins.n} is not null)`,
  );
  const base = () =>
    db
      .select({
        unitId: organisations.id,
        unitName: organisations.name,
        signups: signups.n,
        heads: signups.heads,
        days: checkins.days,
        checkins: checkins.n,
        members: checkins.members,
      })
      .from(organisations)
      .leftJoin(signups, eq(signups.unitId, organisations.id))
      .leftJoin(checkins, eq(checkins.unitId, organisations.id))
      .where(where);
  const sortable: Record<string, SQL> = {
    unitName: sql`${organisations.name}`,
    signups: sql`coalesce(${signups.n}, 0)`,
    checkins: sql`coalesce(${checkins.n}, 0)`,
    daysAttended: sql`coalesce(${checkins.days}, 0)`,
  };
  const field = q.sort?.replace(/^-/, '') ?? '';
  const sort = sortable[field]
    ? [q.sort?.startsWith('-') ? desc(sortable[field]) : asc(sortable[field]), asc(organisations.id)]
    : [desc(sortable.checkins), desc(sortable.signups), asc(organisations.name), asc(organisations.id)];
  const { limit, offset } = pageWindow(q);
  const [rows, [{ total }]] = await Promise.all([
    base()
      .orderBy(...sort)
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(base().as('u')),
  ]);
  return {
    items: rows.map((r) => ({
      unitId: r.unitId,
      unitName: r.unitName,
      signups: Number(r.signups ?? 0),
      headcountPromised: Number(r.heads ?? 0),
      daysAttended: Number(r.days ?? 0),
      checkins: Number(r.checkins ?? 0),
      members: Number(r.members ?? 0),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

const STATUS_ZH: Record<string, string> = { scheduled: '已安排', held: '已举办', cancelled: '已取消' };

/** The export's columns; kind codes become their catalogue names. */
function exportColumns(kindNames: Map<string, string>): ExportColumn<ServiceDayView>[] {
  return [
    { title: '日期', width: 12, value: (d) => d.date },
    { title: '时间', width: 13, value: (d) => `${d.startTime}-${d.endTime}` },
    { title: '社区', width: 14, value: (d) => d.communityName },
    { title: '主题', width: 30, value: (d) => d.theme },
    { title: '地点', width: 24, value: (d) => d.place },
    { title: '服务内容', width: 40, value: (d) => d.kindCodes.map((c) => kindNames.get(c) ?? c).join('、') },
    { title: '状态', width: 8, value: (d) => STATUS_ZH[d.status] ?? d.status },
    { title: '报名单位数', width: 10, value: (d) => d.signupCount },
    { title: '承诺人数', width: 10, value: (d) => d.headcountPromised },
    { title: '签到人数', width: 10, value: (d) => d.checkinCount },
    { title: '服务群众人次', width: 12, value: (d) => d.peopleServed },
    { title: '成效小结', width: 40, value: (d) => d.summary },
  ];
}

const EXPORT_CAP = 10_000;

/** The filtered list as a workbook (same filters and scope as the list), audited. */
export async function exportDays(opts: {
  db: Db;
  actor: Actor;
  query: ServiceDayListQuery;
  now: Date;
}): Promise<Download> {
  const { db, actor } = opts;
  const page = await listDays({ db, actor, query: { ...opts.query, page: 1, pageSize: 200 } });
  const total = Math.min(page.total, EXPORT_CAP);
  const kindNames = new Map(
    (await db.select({ code: serviceKinds.code, name: serviceKinds.name }).from(serviceKinds)).map((k) => [
      k.code,
      k.name,
    ]),
  );
  await recordAudit(db, {
    actor,
    action: 'service_day.export',
    entityType: 'service_day',
    after: { filter: opts.query, rows: total },
  });
  const day = localParts(opts.now).date;
  async function* batches(): AsyncIterable<ServiceDayView[]> {
    yield page.items;
    for (let p = 2; (p - 1) * 200 < total; p++)
      yield (await listDays({ db, actor, query: { ...opts.query, page: p, pageSize: 200 } })).items;
  }
  return {
    fileName: `集中报到服务日-${day}.xlsx`,
    asciiName: `service-days-${day}.xlsx`,
    headers: { 'x-export-rows': String(total) },
    body: (out: Writable) =>
      writeSheetStream(out, { sheetName: '服务日', columns: exportColumns(kindNames), batches: batches() }),
  };
}

import { aliasedTable, and, count, desc, eq, gte, ilike, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { orderBy, type Page, readPage } from '../../core/list.js';
import { escapeLike } from '../../core/strings.js';
import { users } from '../auth/auth.schema.js';
import { organisations } from '../org/org.schema.js';
import { partyMembers } from '../people/members/members.schema.js';
import { people } from '../people/people.schema.js';
import type {
  ServiceRecordListQuery,
  ServiceRecordView,
  ServiceSummary,
  ServiceSummaryQuery,
} from './ledger.contracts.js';
import { SERVICE_RECORD_KINDS, type ServiceRecordKind } from './ledger.enums.js';
import { ledgerMembersVisibleTo, recordsVisibleTo } from './ledger.policy.js';
import { serviceRecords } from './ledger.schema.js';

/** Reading the ledger: the filtered list (and its export), one record, one member's year. */
const unit = aliasedTable(organisations, 'record_unit');
const residence = aliasedTable(organisations, 'record_residence');
const served = aliasedTable(organisations, 'record_community');

export function selectRecords(db: Db) {
  return db
    .select({
      r: serviceRecords,
      memberName: people.name,
      unitName: unit.name,
      residenceCommunityId: partyMembers.residenceCommunityId,
      residenceCommunityName: residence.name,
      communityName: served.name,
      verifiedByName: users.displayName,
    })
    .from(serviceRecords)
    .innerJoin(partyMembers, eq(partyMembers.id, serviceRecords.memberId))
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(unit, eq(unit.id, partyMembers.unitId))
    .leftJoin(residence, eq(residence.id, partyMembers.residenceCommunityId))
    .leftJoin(served, eq(served.id, serviceRecords.communityId))
    .leftJoin(users, eq(users.id, serviceRecords.verifiedByUserId));
}
export type RecordRow = Awaited<ReturnType<ReturnType<typeof selectRecords>['execute']>>[number];

export function presentRecord(row: RecordRow): ServiceRecordView {
  const r = row.r;
  return {
    id: r.id,
    memberId: r.memberId,
    memberName: row.memberName,
    unitName: row.unitName,
    residenceCommunityName: row.residenceCommunityName,
    kind: r.kind,
    title: r.title,
    communityId: r.communityId,
    communityName: row.communityName,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    minutes: r.minutes,
    day: r.day,
    verifiedByName: row.verifiedByName,
    evidence: r.evidence,
    correctionReason: r.correctionReason,
    voidedAt: r.voidedAt?.toISOString() ?? null,
    voidReason: r.voidReason,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

const yearBounds = (year: number) =>
  and(gte(serviceRecords.day, `${year}-01-01`), lte(serviceRecords.day, `${year}-12-31`));

async function listWhere(db: Db, actor: Actor, q: ServiceRecordListQuery): Promise<SQL | undefined> {
  const text = q.q ? `%${escapeLike(q.q)}%` : undefined;
  return and(
    await recordsVisibleTo(db, actor),
    q.includeVoided ? undefined : isNull(serviceRecords.voidedAt),
    q.memberId ? eq(serviceRecords.memberId, q.memberId) : undefined,
    q.communityId ? eq(serviceRecords.communityId, q.communityId) : undefined,
    q.unitId ? eq(partyMembers.unitId, q.unitId) : undefined,
    q.kind ? eq(serviceRecords.kind, q.kind) : undefined,
    q.year ? yearBounds(q.year) : undefined,
    q.from ? gte(serviceRecords.day, q.from) : undefined,
    q.to ? lte(serviceRecords.day, q.to) : undefined,
    text ? or(ilike(people.name, text), ilike(serviceRecords.title, text)) : undefined,
  );
}

function listOrder(sort: string | undefined): SQL[] {
  return orderBy(
    sort,
    {
      startsAt: serviceRecords.startsAt,
      minutes: serviceRecords.minutes,
      kind: serviceRecords.kind,
      memberName: people.name,
      day: serviceRecords.day,
    },
    [desc(serviceRecords.startsAt)],
    serviceRecords.id,
  );
}

export async function listServiceRecords(opts: {
  db: Db;
  actor: Actor;
  query: ServiceRecordListQuery;
}): Promise<Page<ServiceRecordView>> {
  const { db, query } = opts;
  const where = await listWhere(db, opts.actor, query);
  return readPage(query, {
    rows: selectRecords(db)
      .where(where)
      .orderBy(...listOrder(query.sort))
      .$dynamic(),
    total: db
      .select({ total: count() })
      .from(serviceRecords)
      .innerJoin(partyMembers, eq(partyMembers.id, serviceRecords.memberId))
      .innerJoin(people, eq(people.id, partyMembers.personId))
      .where(where),
    present: presentRecord,
  });
}

/** Every row of the filter (for the export), up to `cap`; `truncated` says there were more. */
export async function allServiceRecords(opts: {
  db: Db;
  actor: Actor;
  query: ServiceRecordListQuery;
  cap: number;
}): Promise<{ items: ServiceRecordView[]; truncated: boolean }> {
  const where = await listWhere(opts.db, opts.actor, opts.query);
  const rows = await selectRecords(opts.db)
    .where(where)
    .orderBy(...listOrder(opts.query.sort))
    .limit(opts.cap + 1);
  return { items: rows.slice(0, opts.cap).map(presentRecord), truncated: rows.length > opts.cap };
}

/** One record the actor may read; 404 for one outside their scope. */
export async function loadVisibleRecord(db: Db, actor: Actor, id: string): Promise<RecordRow> {
  const [row] = await selectRecords(db).where(and(eq(serviceRecords.id, id), await recordsVisibleTo(db, actor)));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'service_record' });
  return row;
}

/** The member a summary is about: the one asked for if visible, else the caller's own membership (404 if none). */
async function summaryMember(db: Db, actor: Actor, memberId: string | undefined) {
  const visible = await ledgerMembersVisibleTo(db, actor);
  const which = memberId
    ? eq(partyMembers.id, memberId)
    : actor.personId
      ? eq(partyMembers.personId, actor.personId)
      : sql`false`;
  const [m] = await db
    .select({ id: partyMembers.id, name: people.name })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .where(and(which, visible));
  if (!m) throw new AppError('NOT_FOUND', { entity: 'party_member' });
  return m;
}

/** A member's counted minutes of a year, by kind and by month (voided records count for nothing). */
export async function memberYearTotals(
  db: Db,
  memberId: string,
  year: number,
): Promise<Pick<ServiceSummary, 'totalMinutes' | 'records' | 'byKind' | 'byMonth'>> {
  const month = sql<number>`extract(month from ${serviceRecords.day})::int`;
  const rows = await db
    .select({ kind: serviceRecords.kind, month, minutes: sql<number>`sum(${serviceRecords.minutes})::int`, n: count() })
    .from(serviceRecords)
    .where(and(eq(serviceRecords.memberId, memberId), isNull(serviceRecords.voidedAt), yearBounds(year)))
    .groupBy(serviceRecords.kind, month);
  const byKind = new Map<ServiceRecordKind, { minutes: number; records: number }>();
  const byMonth = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, minutes: 0 }));
  for (const r of rows) {
    const k = byKind.get(r.kind) ?? { minutes: 0, records: 0 };
    byKind.set(r.kind, { minutes: k.minutes + r.minutes, records: k.records + r.n });
    byMonth[r.month - 1].minutes += r.minutes;
  }
  const kinds = SERVICE_RECORD_KINDS.filter((k) => byKind.has(k)).map((kind) => ({ kind, ...byKind.get(kind)! }));
  return {
    totalMinutes: kinds.reduce((s, k) => s + k.minutes, 0),
    records: kinds.reduce((s, k) => s + k.records, 0),
    byKind: kinds,
    byMonth,
  };
}

/**
 * One member's year: counted minutes by kind and by month against the yearly requirement. The requirement comes in
 * as a parameter: the rules are the members module's, which sits above the ledger.
 */
export async function memberYearSummary(opts: {
  db: Db;
  actor: Actor;
  query: ServiceSummaryQuery;
  year: number;
  requiredHoursPerYear: number;
}): Promise<ServiceSummary> {
  const member = await summaryMember(opts.db, opts.actor, opts.query.memberId);
  const totals = await memberYearTotals(opts.db, member.id, opts.year);
  return {
    memberId: member.id,
    memberName: member.name,
    year: opts.year,
    totalMinutes: totals.totalMinutes,
    requiredMinutes: Math.round(opts.requiredHoursPerYear * 60),
    records: totals.records,
    byKind: totals.byKind,
    byMonth: totals.byMonth,
  };
}

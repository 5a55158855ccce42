import { aliasedTable, and, asc, count, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import type { Download, ExportColumn } from '../../../core/excel/excel.js';
import { fileDay } from '../../../core/excel/excel.js';
import { allAtOnce, auditedExport } from '../../../core/excel/export.js';
import { formatLocalIso } from '../../../core/calendar.js';
import { type Page, pageWindow } from '../../../core/list.js';
import { escapeLike } from '../../../core/strings.js';
import { organisations } from '../../org/org.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { people } from '../../people/people.schema.js';
import { currentServiceRules } from '../rules.js';
import type { UnreportedQuery, UnreportedView } from './reports.contracts.js';
import { membersVisibleTo } from './reports.policy.js';
import { lastReportedSubquery, monthsAfter, reportedWindow } from './reports.query.js';
import { memberReports } from './reports.schema.js';

/**
 * In-service members in the actor's scope who have not reported now: never (no approved application), or lapsed
 * (the last approval is older than reportEveryMonths). Each row says since when (the lapse) and whether an
 * application is already waiting. Staff chase these; the ratings refuse them 合格.
 */
const unit = aliasedTable(organisations, 'unreported_unit');
const home = aliasedTable(organisations, 'unreported_home');
const pending = aliasedTable(memberReports, 'unreported_pending');

async function unreportedQuery(db: Db, actor: Actor, q: UnreportedQuery) {
  const { reportEveryMonths } = await currentServiceRules(db);
  const threshold = reportedWindow(clock.now(), reportEveryMonths).after;
  const last = lastReportedSubquery(db);
  const lapsed = and(
    isNotNull(last.lastReportedAt),
    sql`${last.lastReportedAt} <= ${threshold.toISOString()}::timestamptz`,
  );
  const where = and(
    eq(partyMembers.kind, 'in_service'),
    await membersVisibleTo(db, actor),
    q.reason === 'never'
      ? isNull(last.lastReportedAt)
      : q.reason === 'lapsed'
        ? lapsed
        : or(isNull(last.lastReportedAt), lapsed),
    q.communityId ? eq(partyMembers.residenceCommunityId, q.communityId) : undefined,
    q.unitId ? eq(partyMembers.unitId, q.unitId) : undefined,
    q.q ? ilike(people.name, `%${escapeLike(q.q)}%`) : undefined,
  );
  const rows = db
    .select({
      memberId: partyMembers.id,
      memberName: people.name,
      unitId: partyMembers.unitId,
      unitName: unit.name,
      communityId: partyMembers.residenceCommunityId,
      communityName: home.name,
      lastReportedAt: last.lastReportedAt,
      pendingReportId: pending.id,
    })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(unit, eq(unit.id, partyMembers.unitId))
    .leftJoin(home, eq(home.id, partyMembers.residenceCommunityId))
    .leftJoin(last, eq(last.memberId, partyMembers.id))
    .leftJoin(pending, and(eq(pending.memberId, partyMembers.id), eq(pending.state, 'pending')))
    .where(where)
    .orderBy(...sortOf(q.sort, last.lastReportedAt), asc(partyMembers.id))
    .$dynamic();
  const total = db
    .select({ total: count() })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(last, eq(last.memberId, partyMembers.id))
    .where(where);
  const present = (r: Awaited<typeof rows>[number]): UnreportedView => {
    const lastAt = r.lastReportedAt ? new Date(r.lastReportedAt) : null;
    return {
      ...r,
      lastReportedAt: lastAt ? formatLocalIso(lastAt) : null,
      lapsedAt: lastAt ? formatLocalIso(monthsAfter(lastAt, reportEveryMonths)) : null,
    };
  };
  return { rows, total, present };
}

/** Never reported first, then the longest lapsed; or by name, unit or last report. */
function sortOf(sort: string | undefined, lastReportedAt: SQL.Aliased<Date | null>): SQL[] {
  const field = sort?.replace(/^-/, '');
  const dir = sort?.startsWith('-') ? desc : asc;
  if (field === 'memberName') return [dir(people.name)];
  if (field === 'unitName') return [dir(unit.name), asc(people.name)];
  if (field === 'lastReportedAt')
    return [sort?.startsWith('-') ? sql`${lastReportedAt} desc nulls last` : sql`${lastReportedAt} asc nulls first`];
  return [sql`${lastReportedAt} asc nulls first`, asc(people.name)];
}

export async function listUnreported(opts: {
  db: Db;
  actor: Actor;
  query: UnreportedQuery;
}): Promise<Page<UnreportedView>> {
  const q = opts.query;
  const { rows, total, present } = await unreportedQuery(opts.db, opts.actor, q);
  const { limit, offset } = pageWindow(q);
  const [items, [{ total: n }]] = await Promise.all([rows.limit(limit).offset(offset), total]);
  return { items: items.map(present), total: n, page: q.page, pageSize: q.pageSize };
}

const EXPORT_CAP = 50_000;
const dayText = (iso: string | null) => (iso ? iso.slice(0, 10) : null);
const COLUMNS: ExportColumn<UnreportedView>[] = [
  { title: '姓名', value: (r) => r.memberName, width: 12 },
  { title: '工作单位', value: (r) => r.unitName, width: 24 },
  { title: '居住社区', value: (r) => r.communityName, width: 14 },
  { title: '上次报到', value: (r) => dayText(r.lastReportedAt) ?? '从未报到', width: 12 },
  { title: '到期日', value: (r) => dayText(r.lapsedAt), width: 12 },
  { title: '待审核申请', value: (r) => (r.pendingReportId ? '有' : ''), width: 10 },
];

export async function exportUnreported(opts: { db: Db; actor: Actor; query: UnreportedQuery }): Promise<Download> {
  const { rows, present } = await unreportedQuery(opts.db, opts.actor, opts.query);
  const all = await rows.limit(EXPORT_CAP + 1);
  const day = fileDay(clock.now());
  return auditedExport(opts.db, {
    actor: opts.actor,
    action: 'member_report.export_unreported',
    entityType: 'member_report',
    filter: opts.query,
    rows: Math.min(all.length, EXPORT_CAP),
    truncated: all.length > EXPORT_CAP,
    fileName: `未报到党员-${day}.xlsx`,
    asciiName: `unreported-members-${day}.xlsx`,
    sheetName: '未报到党员',
    columns: COLUMNS,
    batches: () => allAtOnce(all.slice(0, EXPORT_CAP).map(present)),
  });
}

import { localDayOf } from '../../../core/calendar.js';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { type Db, parallelWrites, preparedRows } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { GroupCommit, type Settled } from '../../../core/group-commit.js';
import { intakeBatchWritten } from '../../../core/metrics/batches.js';
import type { AnswerKey } from '../../../core/idempotency.js';
import type { CaseSummary } from '../cases.contracts.js';
type CasePriority = CaseSummary['priority'];
import { OWNER_ROLES } from './routing.js';
import { gridCodeLength } from '../stats/rates.js';

/** Every level a grid may have (grids_level_range): a grid's path is the prefixes of its code at these lengths. */
const GRID_LEVELS = [1, 2, 3, 4];

/**
 * The write of ordinary intakes: number each case, find its grid's owner, insert the cases, their first events,
 * the audit rows, the owners' notifications and any idempotency keys, and read back what the 201 shows — all in
 * ONE statement, for one report or many. Intake is the busiest write there is: as one statement it costs one round
 * trip and one commit, and the case_stats trigger (statement-level) sums a whole batch before writing it (on
 * PostgreSQL to case_stats_pending, so concurrent batches never wait on a shared counter row).
 * The owner rule is routing's (cases.routing.ts ownerOf): a full-time grid worker on the grid's path first,
 * otherwise the deepest owner of any kind, among duties still running on the report's day. The duties are looked up
 * per grid on the path ("offset 0" keeps that subquery apart): joined freely, the planner scanned all duties once per
 * report, which was half the statement's time.
 */
export interface ReportedCase {
  channel: string;
  title: string;
  description: string;
  categoryCode: string;
  categoryName: string;
  suggestedCategoryCode: string;
  suggestedConfidence: number;
  priority: CasePriority;
  lng: number | null;
  lat: number | null;
  address: string | null;
  gridId: string;
  reporterPersonId: string | null;
  reporterUserId: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  whistle: 'community' | null;
  reportedAt: Date;
  responseDueAt: Date;
  resolutionDueAt: Date;
  actor: Actor;
  notification: { titlePrefix: string; body: string };
  idempotency?: AnswerKey;
}

interface Row {
  id: string;
  number: string;
  community_id: string;
  version: number;
  grid_name: string;
  community_name: string;
  owner_name: string | null;
}

/** One row of the statement's input (jsonb_to_recordset), in snake case as the statement reads it. */
function inputRow(r: ReportedCase, ord: number) {
  return {
    ord,
    id: randomUUID(),
    year: localDayOf(r.reportedAt).slice(0, 4),
    channel: r.channel,
    title: r.title,
    description: r.description,
    category_code: r.categoryCode,
    suggested_category_code: r.suggestedCategoryCode,
    suggested_confidence: r.suggestedConfidence,
    priority: r.priority,
    lng: r.lng,
    lat: r.lat,
    address: r.address,
    grid_id: r.gridId,
    reporter_person_id: r.reporterPersonId,
    reporter_user_id: r.reporterUserId,
    reporter_name: r.reporterName,
    reporter_phone: r.reporterPhone,
    whistle: r.whistle,
    reported_at: r.reportedAt.toISOString(),
    day: localDayOf(r.reportedAt),
    response_due_at: r.responseDueAt.toISOString(),
    resolution_due_at: r.resolutionDueAt.toISOString(),
    actor_user_id: r.actor.userId,
    actor_username: r.actor.username,
    actor_name: r.actor.displayName,
    ip: r.actor.ip,
    request_id: r.actor.requestId,
    event_data: {
      channel: r.channel,
      gridId: r.gridId,
      suggested: r.suggestedCategoryCode,
      confidence: r.suggestedConfidence,
    },
    audit_after: { channel: r.channel, categoryCode: r.categoryCode },
    notice_prefix: r.notification.titlePrefix,
    notice_body: r.notification.body,
    idem_key: r.idempotency?.key ?? null,
    idem_route: r.idempotency?.route ?? null,
    idem_status: r.idempotency?.status ?? null,
  };
}

const INPUT_COLUMNS =
  sql.raw(`ord int, id uuid, year text, channel text, title text, description text, category_code text,
  suggested_category_code text, suggested_confidence real, priority text, lng double precision, lat double precision,
  address text, grid_id uuid, reporter_person_id uuid, reporter_user_id uuid, reporter_name text, reporter_phone text,
  whistle text, reported_at timestamptz, day date, response_due_at timestamptz, resolution_due_at timestamptz,
  actor_user_id uuid, actor_username text, actor_name text, ip text, request_id text, event_data jsonb, audit_after jsonb,
  notice_prefix text, notice_body text, idem_key text, idem_route text, idem_status int`);

/** Writes the reports in one statement and answers their summaries in the same order. */
export async function insertReportedCases(db: Db, reports: ReportedCase[]): Promise<CaseSummary[]> {
  const input = reports.map(inputRow);
  const roles = sql.join(
    OWNER_ROLES.map((x) => sql`${x}`),
    sql`, `,
  );
  const rows = await preparedRows<Row & { ord: number }>(
    db,
    'cases_intake_write',
    sql`
    with x as (select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as t(${INPUT_COLUMNS})),
    routed as (
      select x.*, g.name as grid_name, g.community_id, (
        select d.person_id from grids a cross join lateral (
          select d.person_id, d.role from grid_duties d
          where d.grid_id = a.id and d.role in (${roles}) and (d.until is null or d.until >= x.day)
          offset 0
        ) d
        where a.code in (${sql.join(
          GRID_LEVELS.map((l) => sql`left(g.code, ${gridCodeLength(l)})`),
          sql`, `,
        )})
        order by (d.role = 'grid_worker') desc, a.level desc limit 1
      ) as owner_person_id
      from x cross join lateral (select * from grids where id = x.grid_id) g
    ),
    c as (
      insert into cases (id, number, channel, title, description, category_code, suggested_category_code, suggested_confidence,
        priority, lng, lat, address, grid_id, community_id, owner_person_id, reporter_person_id, reporter_user_id, reporter_name,
        reporter_phone, recorded_by_user_id, whistle, reported_at, response_due_at, resolution_due_at)
      select id, 'GZ' || year || '-' || lpad(nextval('case_number_seq')::text, 6, '0'), channel::case_channel, title, description,
        category_code, suggested_category_code, suggested_confidence, priority::case_priority, lng, lat, address, grid_id, community_id,
        owner_person_id, reporter_person_id, reporter_user_id, reporter_name, reporter_phone, actor_user_id, whistle::whistle_kind,
        reported_at, response_due_at, resolution_due_at
      from (select * from routed order by ord) r
      returning id, number, community_id, owner_person_id, version
    ),
    e as (
      insert into case_events (case_id, at, actor_user_id, actor_name, action, to_status, data)
      select x.id, x.reported_at, x.actor_user_id, x.actor_name, 'report', 'reported', x.event_data from c join x on x.id = c.id
    ),
    a as (
      insert into audit_log (actor_user_id, actor_name, action, entity_type, entity_id, after, ip, request_id)
      select x.actor_user_id, x.actor_username, 'case.create', 'case', c.id::text, x.audit_after || jsonb_build_object('number', c.number),
        x.ip, x.request_id from c join x on x.id = c.id
    ),
    n as (
      insert into notifications (user_id, kind, title, body, entity_type, entity_id, link)
      select u.id, 'case.new', x.notice_prefix || c.number, x.notice_body, 'case', c.id::text, '/cases/' || c.id
      from c join x on x.id = c.id join users u on not u.disabled and (u.person_id = c.owner_person_id
        -- and the grid's alley heads in force that day, who follow their alley's cases (docs/ALLEYS.md)
        or u.person_id in (select d.person_id from grid_duties d where d.grid_id = x.grid_id and d.role = 'alley_head'
          and d.since <= x.day and (d.until is null or d.until >= x.day)))
    ),
    k as (
      insert into idempotency_keys (user_id, key, route, status, body)
      select x.actor_user_id, x.idem_key, x.idem_route, x.idem_status, to_jsonb(c.id::text) from c join x on x.id = c.id where x.idem_key is not null
    )
    select x.ord, c.id, c.number, c.community_id, c.version, r.grid_name,
      (select org.name from organisations org where org.id = c.community_id) as community_name,
      (select p.name from people p where p.id = c.owner_person_id) as owner_name
    from c join x on x.id = c.id join routed r on r.id = c.id`,
  );
  const byOrd = new Map(rows.map((r) => [Number(r.ord), r]));
  return reports.map((r, i) => {
    const row = byOrd.get(i);
    // Only a grid deleted between routing and writing leaves a report unwritten.
    if (!row)
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: '/lng', message: 'the grid at this location no longer exists' },
      ]);
    return summaryOf(r, row);
  });
}

function summaryOf(r: ReportedCase, row: Row): CaseSummary {
  return {
    id: row.id,
    number: row.number,
    channel: r.channel as CaseSummary['channel'],
    title: r.title,
    categoryCode: r.categoryCode,
    categoryName: r.categoryName,
    priority: r.priority,
    status: 'reported',
    whistle: r.whistle,
    gridId: r.gridId,
    gridName: row.grid_name,
    communityId: row.community_id,
    communityName: row.community_name,
    ownerName: row.owner_name,
    reporterName: r.reporterName,
    reportedAt: r.reportedAt.toISOString(),
    responseDueAt: r.responseDueAt.toISOString(),
    resolutionDueAt: r.resolutionDueAt.toISOString(),
    acknowledgedAt: null,
    resolvedAt: null,
    supervised: false,
    mergedIntoId: null,
    satisfaction: null,
    version: row.version,
  };
}

/**
 * Group commit for intake (core/group-commit.ts): a report that arrives while a write is in flight goes out with the
 * others that arrived meanwhile, in one statement; a failed batch is written again report by report. Every write,
 * a retried one too, is counted in the intake batch metrics. How many batches may be in flight is parallelWrites(db).
 */
function intakeBatcher(db: Db): GroupCommit<ReportedCase, CaseSummary> {
  return new GroupCommit(async (reports: ReportedCase[]): Promise<Settled<CaseSummary>[]> => {
    const started = performance.now();
    try {
      const summaries = await insertReportedCases(db, reports);
      intakeBatchWritten(db, reports.length, (performance.now() - started) / 1000, true);
      return summaries.map((value) => ({ ok: true, value }));
    } catch (err) {
      intakeBatchWritten(db, reports.length, (performance.now() - started) / 1000, false);
      throw err;
    }
  }, parallelWrites(db));
}

const batchers = new WeakMap<Db, GroupCommit<ReportedCase, CaseSummary>>();

/** Writes one ordinary report, batched with whatever else is being reported on this database at the moment. */
export function writeReportedCase(db: Db, report: ReportedCase): Promise<CaseSummary> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = intakeBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher.submit(report);
}

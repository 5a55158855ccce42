import { sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { rowsOf } from '../../core/bulk.js';
import type { Db } from '../../core/db.js';
import { auditLog } from '../audit/audit.schema.js';
import { users } from '../auth/auth.schema.js';
import { gridDuties, grids } from '../grid/grid.schema.js';
import { notifications } from '../notifications/notifications.schema.js';
import { organisations } from '../org/org.schema.js';
import { people } from '../people/people.schema.js';
import type { CaseSummary } from './cases.contracts.js';
import { OWNER_ROLES } from './cases.routing.js';
import { caseEvents, cases } from './cases.schema.js';

/**
 * The write of an ordinary intake as ONE statement: number the case, find the grid's owner, insert the case, its
 * first event, the audit row and the owner's notification, and read back what the 201 shows. An intake is the
 * busiest write there is; as one statement it costs one round trip, and on PostgreSQL the rollup trigger's row
 * locks (one row per community, channel and day) are held only from the end of this statement to its commit,
 * instead of across a dozen round trips. The owner rule is routing's (cases.routing.ts ownerOf): a full-time grid
 * worker on the grid's path first, otherwise the deepest owner of any kind, among duties still running today.
 */
export interface ReportedCase {
  values: Omit<typeof cases.$inferInsert, 'number' | 'ownerPersonId' | 'communityId'> & { gridId: string };
  actor: Actor;
  /** The first event's data and the audit row's `after`, without the number (filled in by the statement). */
  eventData: Record<string, unknown>;
  auditAfter: Record<string, unknown>;
  notification: { titlePrefix: string; body: string };
  categoryName: string;
  /** Stored in idempotency_keys by the same statement, when the request carried a key. */
  idempotency?: { key: string; route: string; status: number };
}

interface Row {
  id: string; number: string; owner_person_id: string | null; community_id: string; version: number;
  grid_name: string; community_name: string; owner_name: string | null;
}

export async function insertReportedCase(db: Db, r: ReportedCase): Promise<CaseSummary> {
  const v = r.values;
  const now = v.reportedAt as Date;
  const today = now.toISOString().slice(0, 10);
  const insertCase = db.insert(cases).values({
    ...v,
    number: sql`${`GZ${now.getFullYear()}-`} || lpad(nextval('case_number_seq')::text, 6, '0')`,
    communityId: sql`(select community_id from g)`,
    ownerPersonId: sql`(select person_id from o)`,
  }).returning();
  const actorRef = { id: r.actor.userId, name: r.actor.username, ip: r.actor.ip ?? null, requestId: r.actor.requestId ?? null };
  const [row] = await rowsOf<Row>(db, sql`
    with g as (select id, code, name, community_id from ${grids} where id = ${v.gridId}),
    o as (
      select d.person_id from ${gridDuties} d join ${grids} a on a.id = d.grid_id, g
      where a.code = any(array(select left(g.code, n) from generate_series(9, length(g.code), 3) n))
        and d.role in (${sql.join(OWNER_ROLES.map((x) => sql`${x}`), sql`, `)})
        and (d.until is null or d.until >= ${today}::date)
      order by (d.role = 'grid_worker') desc, a.level desc limit 1
    ),
    c as (${insertCase.getSQL()}),
    e as (
      insert into ${caseEvents} (case_id, at, actor_user_id, actor_name, action, to_status, data)
      select c.id, c.reported_at, ${r.actor.userId}, ${r.actor.displayName}, 'report', 'reported', ${JSON.stringify(r.eventData)}::jsonb from c
    ),
    a as (
      insert into ${auditLog} (actor_user_id, actor_name, action, entity_type, entity_id, after, ip, request_id)
      select ${actorRef.id}, ${actorRef.name}, 'case.create', 'case', c.id::text,
        ${JSON.stringify(r.auditAfter)}::jsonb || jsonb_build_object('number', c.number), ${actorRef.ip}, ${actorRef.requestId} from c
    ),
    n as (
      insert into ${notifications} (user_id, kind, title, body, entity_type, entity_id, link)
      select u.id, 'case.new', ${r.notification.titlePrefix} || c.number, ${r.notification.body}, 'case', c.id::text, '/cases/' || c.id
      from c join ${users} u on u.person_id = c.owner_person_id and not u.disabled
    )
    ${r.idempotency ? sql`, k as (
      insert into idempotency_keys (user_id, key, route, status, body)
      select ${r.actor.userId}, ${r.idempotency.key}, ${r.idempotency.route}, ${r.idempotency.status}, to_jsonb(c.id::text) from c
    )` : sql``}
    select c.id, c.number, c.owner_person_id, c.community_id, c.version, g.name as grid_name, org.name as community_name, p.name as owner_name
    from c join g on true join ${organisations} org on org.id = c.community_id left join ${people} p on p.id = c.owner_person_id`);
  return {
    id: row.id, number: row.number, channel: v.channel, title: v.title, categoryCode: v.categoryCode, categoryName: r.categoryName,
    priority: v.priority, status: 'reported', whistle: v.whistle ?? null, gridId: v.gridId, gridName: row.grid_name,
    communityId: row.community_id, communityName: row.community_name, ownerName: row.owner_name, reporterName: v.reporterName ?? null,
    reportedAt: now.toISOString(), responseDueAt: (v.responseDueAt as Date).toISOString(),
    resolutionDueAt: (v.resolutionDueAt as Date).toISOString(), acknowledgedAt: null, resolvedAt: null, supervised: false,
    mergedIntoId: null, satisfaction: null, version: row.version,
  };
}

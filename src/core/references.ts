import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db.js';
import { AppError } from './errors.js';

/**
 * "Is anything still pointing at this row?" without importing the modules that point at it: the foreign keys come from
 * the database catalogue (pg_constraint, the same on PGlite and PostgreSQL), so a lower module (org, grid, people,
 * members) can refuse a deletion that higher modules' rows would block, and a new referring table is checked the day
 * its migration adds the key.
 *
 * What a refused deletion calls the referring rows is a noun of src/core/i18n.ts, keyed here by referring
 * `table.column` (names only: core imports no module). The order of this table is the order of precedence when
 * several kinds of rows refer: the first column with rows is the one named, with that column's count.
 * references.api.test.ts keeps it complete for every table deleted through `assertNoReferrers`.
 */
export const REFERRER_NOUNS: readonly (readonly [column: string, noun: string])[] = [
  // → organisations
  ['organisations.parent_id', 'child_organisation'],
  ['grids.community_id', 'grid'],
  ['people.community_id', 'person'],
  ['party_members.unit_id', 'party_member'],
  ['party_members.branch_id', 'party_member'],
  ['party_members.residence_community_id', 'party_member'],
  ['role_bindings.scope_org_id', 'role_binding'],
  ['alley_regions.community_id', 'alley_region'],
  ['cases.community_id', 'case'],
  ['case_dispatches.unit_id', 'case_dispatch'],
  ['evaluation_sessions.community_id', 'evaluation_session'],
  ['evaluation_follow_ups.assignee_unit_id', 'evaluation_follow_up'],
  ['pairings.community_id', 'pairing'],
  ['pairings.unit_id', 'pairing'],
  ['party_committee_members.community_id', 'party_committee_member'],
  ['party_committee_members.unit_id', 'party_committee_member'],
  ['project_plans.community_id', 'project_plan'],
  ['projects.community_id', 'project'],
  ['project_units.unit_id', 'project'],
  ['needs.community_id', 'need'],
  ['resources.unit_id', 'resource'],
  ['matching_runs.community_id', 'matching_run'],
  ['need_tasks.owner_unit_id', 'need_task'],
  ['joint_meetings.community_id', 'joint_meeting'],
  ['joint_meeting_units.unit_id', 'meeting_invitation'],
  ['meeting_tasks.community_id', 'meeting_task'],
  ['meeting_tasks.owner_unit_id', 'meeting_task'],
  ['service_days.community_id', 'service_day'],
  ['service_day_signups.unit_id', 'service_day_signup'],
  ['service_day_checkins.unit_id', 'service_day_checkin'],
  ['service_records.community_id', 'service_record'],
  ['member_reports.community_id', 'member_report'],
  ['member_certificates.community_id', 'member_certificate'],
  ['post_types.community_id', 'post_type'],
  ['post_openings.community_id', 'post_opening'],
  ['post_activities.community_id', 'post_activity'],
  ['member_commendations.community_id', 'member_commendation'],
  ['member_ratings.community_id', 'member_rating'],
  ['member_ratings.unit_id', 'member_rating'],
  ['volunteer_teams.community_id', 'volunteer_team'],
  ['volunteer_activities.community_id', 'volunteer_activity'],
  ['volunteer_certificates.issuer_org_id', 'volunteer_certificate'],
  // → grids
  ['grids.parent_id', 'child_grid'],
  ['people.home_grid_id', 'person'],
  ['grid_duties.grid_id', 'grid_duty'],
  ['alley_regions.grid_id', 'alley_region'],
  ['role_bindings.scope_grid_id', 'role_binding'],
  ['cases.grid_id', 'case'],
  ['member_reports.grid_id', 'member_report'],
  ['post_openings.grid_id', 'post_opening'],
  ['post_activities.grid_id', 'post_activity'],
  // → people
  ['party_members.person_id', 'party_member'],
  ['grid_duties.person_id', 'grid_duty'],
  ['users.person_id', 'user_account'],
  ['cases.reporter_person_id', 'case'],
  ['cases.owner_person_id', 'case'],
  ['alley_inspections.inspector_person_id', 'alley_inspection'],
  ['volunteers.person_id', 'volunteer'],
  // → party_members
  ['service_day_checkins.member_id', 'service_day_checkin'],
  ['service_records.member_id', 'service_record'],
  ['need_claims.member_id', 'need_claim'],
  ['member_reports.member_id', 'member_report'],
  ['member_certificates.member_id', 'member_certificate'],
  ['post_assignments.member_id', 'post_assignment'],
  ['post_activity_signups.member_id', 'post_activity_signup'],
  ['member_commendations.member_id', 'member_commendation'],
  ['member_ratings.member_id', 'member_rating'],
];

const precedence = new Map(REFERRER_NOUNS.map(([column], i) => [column, i]));
const nounOf = new Map(REFERRER_NOUNS);

/** The noun naming rows of `table` that refer to another row (by `column` when known), or undefined. */
export function referrerNoun(table: string, column?: string): string | undefined {
  if (column !== undefined) return nounOf.get(`${table}.${column}`);
  return REFERRER_NOUNS.find(([c]) => c.startsWith(`${table}.`))?.[1];
}

export interface ForeignKey {
  /** Referring table and column, e.g. grids.community_id. */
  table: string;
  column: string;
}

/**
 * The single-column foreign keys to `table` that block a deletion (ON DELETE RESTRICT or NO ACTION; a cascading or
 * SET NULL key does not), in order of precedence: the listed ones in REFERRER_NOUNS order, then any other by name.
 */
export async function blockingForeignKeys(db: Db, table: string): Promise<ForeignKey[]> {
  const result = await db.execute(sql`
    select r.relname as "table", a.attname as "column"
    from pg_constraint c
    join pg_class t on t.oid = c.confrelid
    join pg_class r on r.oid = c.conrelid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confdeltype in ('r', 'a') and cardinality(c.conkey) = 1
      and t.relname = ${table} and n.nspname = current_schema()
    order by c.conname`);
  const keys = ((result as { rows?: ForeignKey[] }).rows ?? []).map((k) => ({ table: k.table, column: k.column }));
  const rank = (k: ForeignKey) => precedence.get(`${k.table}.${k.column}`) ?? REFERRER_NOUNS.length;
  return keys.sort((a, b) => rank(a) - rank(b));
}

/**
 * Deleting a row that anything still refers to is a 409 REFERENCED naming the first kind of referring rows and their
 * count — never a cascade. Run it in the deleting transaction, before the delete.
 */
export async function assertNoReferrers(db: Db, table: PgTable, id: string): Promise<void> {
  for (const key of await blockingForeignKeys(db, getTableName(table))) {
    const result = await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(key.table)} where ${sql.identifier(key.column)} = ${id}`,
    );
    const n = Number((result as { rows?: { n: number }[] }).rows?.[0]?.n ?? 0);
    if (n > 0) {
      throw new AppError('REFERENCED', { count: n, referrer: referrerNoun(key.table, key.column) ?? key.table });
    }
  }
}

import { date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editedColumns, idColumn, requiredRef } from '../../core/columns.js';
import { users } from '../auth/auth.schema.js';
import { organisations } from '../org/org.schema.js';
import { partyMembers } from '../people/members/members.schema.js';
import { SERVICE_RECORD_KINDS } from './ledger.enums.js';

export { SERVICE_RECORD_KINDS } from './ledger.enums.js';
export const serviceRecordKind = pgEnum('service_record_kind', SERVICE_RECORD_KINDS);

/**
 * The one service ledger (服务台账): every activity a Party member serves in writes one row here, from the module
 * that owns the activity (a post duty, a service day check-in, a case, a need, later volunteer shifts and Party-school
 * lessons). Hours come from the source's check-in and check-out, never from the member. A staff correction keeps
 * the row and records why (`correctionReason`, and the audit log); a voided row stays for the record but counts for
 * nothing. `(kind, source_id, member_id)` is unique: writing the same source twice is the first row, unchanged.
 */
export const serviceRecords = pgTable(
  'service_records',
  {
    id: idColumn(),
    memberId: requiredRef('member_id', () => partyMembers.id, 'restrict'),
    kind: serviceRecordKind('kind').notNull(),
    /** The row of the source module this record is for (a post-activity sign-up, a service-day check-in, …). */
    sourceId: uuid('source_id').notNull(),
    /** Where the member served (the community of the post, day, case or need). */
    communityId: uuid('community_id').references(() => organisations.id, { onDelete: 'restrict' }),
    /** What it was, as shown in the ledger ("纠纷调解 · 3月12日 楼道值守"). */
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** ends_at − starts_at in whole minutes, kept so sums need no arithmetic on timestamps. */
    minutes: integer('minutes').notNull(),
    /** The county day (Asia/Shanghai) the service started on, for per-day and per-quarter sums. */
    day: date('day').notNull(),
    verifiedByUserId: uuid('verified_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    evidence: text('evidence'),
    /** Why staff last corrected the times (the audit log keeps every correction with before and after). */
    correctionReason: text('correction_reason'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
    ...editedColumns(),
  },
  (t) => [
    uniqueIndex('service_records_source').on(t.kind, t.sourceId, t.memberId),
    index('service_records_member_starts_idx').on(t.memberId, t.startsAt),
    index('service_records_community_day_idx').on(t.communityId, t.day),
  ],
);

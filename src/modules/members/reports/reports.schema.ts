import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, editedColumns, idColumn, requiredRef } from '../../../core/columns.js';
import { users } from '../../auth/auth.schema.js';
import { grids } from '../../grid/grid.schema.js';
import { organisations } from '../../org/org.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { MEMBER_REPORT_STATES } from './reports.enums.js';

export { MEMBER_REPORT_STATES } from './reports.enums.js';
export const memberReportState = pgEnum('member_report_state', MEMBER_REPORT_STATES);

/**
 * 双报到: an in-service member reports for duty at the community where they live (and their building or alley grid).
 * The community approves (which issues a 报到证) or declines with a reason. Reporting is renewed every
 * `reportEveryMonths` (member_service_rules): each application is a row, the latest approved one says since when.
 * At most one pending application per member (partial unique index → 409).
 */
export const memberReports = pgTable(
  'member_reports',
  {
    id: idColumn(),
    memberId: requiredRef('member_id', () => partyMembers.id, 'restrict'),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    gridId: uuid('grid_id').references(() => grids.id, { onDelete: 'restrict' }),
    /** Post type keys the member offers (their skills), read by the post assignment. */
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    state: memberReportState('state').notNull().default('pending'),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    declineReason: text('decline_reason'),
    ...editedColumns(),
  },
  (t) => [
    uniqueIndex('member_reports_one_pending').on(t.memberId).where(sql`${t.state} = 'pending'`),
    index('member_reports_member_idx').on(t.memberId, t.appliedAt),
    index('member_reports_community_state_idx').on(t.communityId, t.state),
  ],
);

/**
 * A 报到证 issued on approval. Its QR code carries a signed token naming this row and an expiry
 * (core/signed-token.ts); the row is what makes it revocable: a revoked or replaced certificate refuses its token.
 */
export const memberCertificates = pgTable(
  'member_certificates',
  {
    id: idColumn(),
    reportId: requiredRef('report_id', () => memberReports.id, 'restrict'),
    memberId: requiredRef('member_id', () => partyMembers.id, 'restrict'),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    /** The number printed on the card, e.g. 光泽-杭东-2027-0042. */
    serial: text('serial').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByUserId: uuid('revoked_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    revokeReason: text('revoke_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('member_certificates_serial').on(t.serial),
    index('member_certificates_member_idx').on(t.memberId, t.issuedAt),
  ],
);

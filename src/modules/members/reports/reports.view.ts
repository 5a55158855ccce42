import { aliasedTable, eq } from 'drizzle-orm';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { users } from '../../auth/auth.schema.js';
import { grids } from '../../grid/grid.schema.js';
import { organisations } from '../../org/org.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { people } from '../../people/people.schema.js';
import type { CertificateView, ReportView } from './reports.contracts.js';
import { memberCertificates, memberReports } from './reports.schema.js';

/** How applications and certificates are read and presented: one select each, shared by lists and single reads. */
export const unit = aliasedTable(organisations, 'report_unit');
// Left joins throughout: this Drizzle version types an inner join of an aliased table as never (the rows exist).
export const community = aliasedTable(organisations, 'report_community');
const decider = aliasedTable(users, 'report_decider');

export function selectReports(db: Db) {
  return db
    .select({
      r: memberReports,
      memberName: people.name,
      unitId: partyMembers.unitId,
      unitName: unit.name,
      communityName: community.name,
      gridName: grids.name,
      decidedByName: decider.displayName,
      certificateId: memberCertificates.id,
      certificateSerial: memberCertificates.serial,
    })
    .from(memberReports)
    .innerJoin(partyMembers, eq(partyMembers.id, memberReports.memberId))
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(community, eq(community.id, memberReports.communityId))
    .leftJoin(unit, eq(unit.id, partyMembers.unitId))
    .leftJoin(grids, eq(grids.id, memberReports.gridId))
    .leftJoin(decider, eq(decider.id, memberReports.decidedByUserId))
    .leftJoin(memberCertificates, eq(memberCertificates.reportId, memberReports.id));
}

export type ReportRow = Awaited<ReturnType<ReturnType<typeof selectReports>['execute']>>[number];

export function presentReport(row: ReportRow): ReportView {
  const r = row.r;
  return {
    id: r.id,
    memberId: r.memberId,
    memberName: row.memberName,
    unitId: row.unitId,
    unitName: row.unitName,
    communityId: r.communityId,
    communityName: row.communityName ?? '',
    gridId: r.gridId,
    gridName: row.gridName,
    skills: r.skills,
    note: r.note,
    state: r.state,
    appliedAt: r.appliedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedByName: row.decidedByName,
    declineReason: r.declineReason,
    certificateId: row.certificateId,
    certificateSerial: row.certificateSerial,
  };
}

export async function reportById(db: Db, id: string): Promise<ReportView> {
  const [row] = await selectReports(db).where(eq(memberReports.id, id));
  return presentReport(row);
}

export function selectCertificates(db: Db) {
  return db
    .select({
      c: memberCertificates,
      memberName: people.name,
      personId: people.id,
      phone: people.phone,
      unitId: partyMembers.unitId,
      unitName: unit.name,
      communityName: community.name,
      gridName: grids.name,
    })
    .from(memberCertificates)
    .innerJoin(memberReports, eq(memberReports.id, memberCertificates.reportId))
    .innerJoin(partyMembers, eq(partyMembers.id, memberCertificates.memberId))
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(community, eq(community.id, memberCertificates.communityId))
    .leftJoin(unit, eq(unit.id, partyMembers.unitId))
    .leftJoin(grids, eq(grids.id, memberReports.gridId));
}

export type CertificateRow = Awaited<ReturnType<ReturnType<typeof selectCertificates>['execute']>>[number];

export function certificateStatus(
  c: { revokedAt: Date | null; expiresAt: Date },
  now: Date,
): CertificateView['status'] {
  if (c.revokedAt) return 'revoked';
  return c.expiresAt <= now ? 'expired' : 'live';
}

export function presentCertificate(row: CertificateRow, now: Date): CertificateView {
  const c = row.c;
  return {
    id: c.id,
    reportId: c.reportId,
    memberId: c.memberId,
    memberName: row.memberName,
    communityId: c.communityId,
    communityName: row.communityName ?? '',
    serial: c.serial,
    issuedAt: c.issuedAt.toISOString(),
    expiresAt: c.expiresAt.toISOString(),
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revokeReason: c.revokeReason,
    status: certificateStatus(c, now),
  };
}

/** Loads an application with its member's person (for the policy), 404 if absent. */
export async function loadReport(db: Db, id: string) {
  const [row] = await db
    .select({ r: memberReports, personId: partyMembers.personId, unitId: partyMembers.unitId })
    .from(memberReports)
    .innerJoin(partyMembers, eq(partyMembers.id, memberReports.memberId))
    .where(eq(memberReports.id, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'member_report' });
  return row;
}

export function assertPending(r: { state: string }): void {
  if (r.state !== 'pending') throw new AppError('MEMBER_REPORT_NOT_PENDING', { state: `report_${r.state}` });
}

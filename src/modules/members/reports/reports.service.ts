import { and, count, desc, eq, ilike, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import { isUniqueViolation } from '../../../core/crud.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { organisations } from '../../org/org.schema.js';
import { escapeLike } from '../../../core/strings.js';
import { grids } from '../../grid/grid.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { people } from '../../people/people.schema.js';
import type { ApplyReport, MyCertificate, MyReports, ReportListQuery, ReportView } from './reports.contracts.js';
import { certificateQrText, certificateToken } from './reports.certificates.js';
import { reportStatusOf } from './reports.query.js';
import { assertOwnReport, reportsVisibleTo } from './reports.policy.js';
import { memberCertificates, memberReports } from './reports.schema.js';
import {
  assertPending,
  loadReport,
  presentCertificate,
  presentReport,
  reportById,
  selectCertificates,
  selectReports,
} from './reports.view.js';

export { approveReport, declineReport, shortName } from './reports.decide.js';
export { lastReportedSubquery, monthsAfter, monthsBefore, type ReportStatus, reportStatusOf } from './reports.query.js';

/**
 * 双报到: a member's application to their residence community, its withdrawal, and the community's list. Deciding
 * (approve → 报到证, decline with a reason) is reports.decide.ts; certificates are reports.certificates.ts.
 */

export interface OwnMember {
  id: string;
  personId: string;
  name: string;
  kind: string;
  unitId: string | null;
  residenceCommunityId: string | null;
}

/** The actor's own Party member record, or null (a login without one). */
export async function ownMember(db: Db, actor: Actor): Promise<OwnMember | null> {
  if (!actor.personId) return null;
  const [m] = await db
    .select({
      id: partyMembers.id,
      personId: partyMembers.personId,
      name: people.name,
      kind: partyMembers.kind,
      unitId: partyMembers.unitId,
      residenceCommunityId: partyMembers.residenceCommunityId,
    })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .where(eq(partyMembers.personId, actor.personId));
  return m ?? null;
}

/** Only in-service members with a residence community report (422 MEMBER_NOT_IN_SERVICE otherwise). */
async function applicant(db: Db, actor: Actor): Promise<OwnMember & { residenceCommunityId: string }> {
  const m = await ownMember(db, actor);
  if (!m) throw new AppError('NOT_FOUND', { entity: 'party_member' });
  if (m.kind !== 'in_service' || !m.residenceCommunityId) throw new AppError('MEMBER_NOT_IN_SERVICE');
  return { ...m, residenceCommunityId: m.residenceCommunityId };
}

async function assertGridInCommunity(db: Db, gridId: string, communityId: string): Promise<void> {
  const [g] = await db.select({ communityId: grids.communityId }).from(grids).where(eq(grids.id, gridId));
  if (!g || g.communityId !== communityId)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/gridId', message: 'not a grid of your community' }]);
}

/** A member applies; a second application while one is pending is 409 (the partial unique index settles races). */
export async function applyReport(opts: { db: Db; actor: Actor; input: ApplyReport }): Promise<ReportView> {
  const { db, actor, input } = opts;
  const m = await applicant(db, actor);
  if (input.gridId) await assertGridInCommunity(db, input.gridId, m.residenceCommunityId);
  const [pending] = await db
    .select({ id: memberReports.id })
    .from(memberReports)
    .where(and(eq(memberReports.memberId, m.id), eq(memberReports.state, 'pending')));
  if (pending) throw new AppError('MEMBER_REPORT_PENDING');
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(memberReports)
        .values({
          memberId: m.id,
          communityId: m.residenceCommunityId,
          gridId: input.gridId ?? null,
          skills: input.skills,
          note: input.note ?? null,
          appliedAt: clock.now(),
        })
        .returning();
      await recordAudit(tx, {
        actor,
        action: 'member_report.apply',
        entityType: 'member_report',
        entityId: row.id,
        after: row,
      });
      return row.id;
    });
    return reportById(db, id);
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('MEMBER_REPORT_PENDING');
    throw e;
  }
}

/** The member withdraws their own pending application. */
export async function withdrawReport(opts: { db: Db; actor: Actor; id: string }): Promise<ReportView> {
  const { db, actor, id } = opts;
  await db.transaction(async (tx) => {
    const row = await loadReport(tx, id);
    assertOwnReport(actor, row);
    const [done] = await tx
      .update(memberReports)
      .set({ state: 'withdrawn', updatedAt: clock.now() })
      .where(and(eq(memberReports.id, id), eq(memberReports.state, 'pending')))
      .returning();
    if (!done) assertPending((await loadReport(tx, id)).r);
    await recordAudit(tx, {
      actor,
      action: 'member_report.withdraw',
      entityType: 'member_report',
      entityId: id,
      before: { state: row.r.state },
      after: { state: 'withdrawn' },
    });
  });
  return reportById(db, id);
}

/** The applications the actor may read, filtered and paged. */
export async function listReports(opts: { db: Db; actor: Actor; query: ReportListQuery }): Promise<Page<ReportView>> {
  const { db, actor, query: q } = opts;
  const where = and(
    await reportsVisibleTo(db, actor),
    q.state ? eq(memberReports.state, q.state) : undefined,
    q.communityId ? eq(memberReports.communityId, q.communityId) : undefined,
    q.gridId ? eq(memberReports.gridId, q.gridId) : undefined,
    q.memberId ? eq(memberReports.memberId, q.memberId) : undefined,
    q.q ? ilike(people.name, `%${escapeLike(q.q)}%`) : undefined,
  );
  const sort = orderBy(
    q.sort,
    { appliedAt: memberReports.appliedAt, decidedAt: memberReports.decidedAt, memberName: people.name },
    [desc(memberReports.appliedAt)],
    memberReports.id,
  );
  return readPage(q, {
    rows: selectReports(db)
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: db
      .select({ total: count() })
      .from(memberReports)
      .innerJoin(partyMembers, eq(partyMembers.id, memberReports.memberId))
      .innerJoin(people, eq(people.id, partyMembers.personId))
      .where(where),
    present: presentReport,
  });
}

/** A member's own applications, newest first. */
export async function ownReports(db: Db, memberId: string): Promise<ReportView[]> {
  const rows = await selectReports(db)
    .where(inArray(memberReports.memberId, [memberId]))
    .orderBy(desc(memberReports.appliedAt), desc(memberReports.id));
  return rows.map(presentReport);
}

/** The member's latest certificate (live, or the last expired or revoked one), with its QR token and text. */
async function ownCertificate(
  db: Db,
  memberId: string,
  qr: { secret: string; origin: string },
): Promise<MyCertificate | null> {
  const [row] = await selectCertificates(db)
    .where(eq(memberCertificates.memberId, memberId))
    .orderBy(desc(memberCertificates.issuedAt), desc(memberCertificates.id))
    .limit(1);
  if (!row) return null;
  const token = certificateToken(qr.secret, row.c);
  return {
    ...presentCertificate(row, clock.now()),
    token,
    qrText: certificateQrText(qr.origin, token),
    gridName: row.gridName,
    unitName: row.unitName,
  };
}

/** The member's own page: their community, whether they count as reported, their applications and certificate. */
export async function myReports(opts: {
  db: Db;
  actor: Actor;
  qr: { secret: string; origin: string };
}): Promise<MyReports> {
  const { db, actor } = opts;
  const m = await ownMember(db, actor);
  if (!m) throw new AppError('NOT_FOUND', { entity: 'party_member' });
  const [home] = m.residenceCommunityId
    ? await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, m.residenceCommunityId))
    : [];
  const now = clock.now();
  const [status, items, certificate] = await Promise.all([
    reportStatusOf(db, [m.id], now),
    ownReports(db, m.id),
    ownCertificate(db, m.id, opts.qr),
  ]);
  const s = status.get(m.id);
  return {
    memberId: m.id,
    memberName: m.name,
    inService: m.kind === 'in_service',
    communityId: m.residenceCommunityId,
    communityName: home?.name ?? null,
    reported: s?.reported ?? false,
    lastReportedAt: s?.lastReportedAt?.toISOString() ?? null,
    renewBy: s?.renewBy?.toISOString() ?? null,
    items,
    certificate,
  };
}

import { and, eq, isNull, like, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { notificationTitle } from '../../../core/i18n.js';
import { notifyPeople } from '../../notifications/notifications.service.js';
import { organisations } from '../../org/org.schema.js';
import { countyNameOf } from '../../evaluations/evaluations.query.js';
import { currentServiceRules } from '../rules.js';
import type { ApproveResult, DeclineReport, ReportView } from './reports.contracts.js';
import { memberCertificates, memberReports } from './reports.schema.js';
import { assertMayDecide } from './reports.policy.js';
import { assertPending, loadReport, presentCertificate, reportById, selectCertificates } from './reports.view.js';

/**
 * The community decides an application: approval issues a 报到证 (and revokes the member's previous live one as
 * replaced), a decline carries a reason; the member is notified either way. Deciding one that is not pending is
 * 409 MEMBER_REPORT_NOT_PENDING; the update is conditional on the state, so two staff deciding at once cannot both win.
 */

/** The reason stored on a certificate revoked because a newer approval replaced it (the web names it 已换发). */
export const REPLACED_REASON = 'replaced';

const DAY_MS = 86_400_000;

/** For the decide routes: the application's community, checked against the actor's scope before anything else. */
export async function assertMayDecideReport(db: Db, actor: Actor, id: string) {
  const row = await loadReport(db, id);
  await assertMayDecide(db, actor, row.r.communityId);
  return row;
}

/** Short names for the serial: 光泽县 → 光泽, 杭东社区 → 杭东. */
export function shortName(name: string, suffixes: string[]): string {
  const suffix = suffixes.find((s) => name.endsWith(s) && name.length > s.length);
  return suffix ? name.slice(0, -suffix.length) : name;
}

/** The next serial of a community's year, e.g. 光泽-杭东-2027-0042, under a lock on that prefix. */
export async function nextSerial(tx: Db, communityId: string, year: number): Promise<string> {
  const [c] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, communityId));
  const county = shortName(await countyNameOf(tx, communityId), ['自治县', '县', '市', '区']);
  const prefix = `${county}-${shortName(c?.name ?? '', ['社区居委会', '社区', '村'])}-${year}-`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${prefix}))`);
  const [last] = await tx
    .select({ serial: sql<string | null>`max(${memberCertificates.serial})` })
    .from(memberCertificates)
    .where(like(memberCertificates.serial, `${prefix}%`));
  const n = last?.serial ? Number(last.serial.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(Number.isFinite(n) ? n : 1).padStart(4, '0')}`;
}

/** Marks the application decided if it is still pending; otherwise 409 with its state. */
async function decide(tx: Db, actor: Actor, id: string, set: Partial<typeof memberReports.$inferInsert>) {
  const now = clock.now();
  const [row] = await tx
    .update(memberReports)
    .set({ ...set, decidedAt: now, decidedByUserId: actor.userId, updatedAt: now })
    .where(and(eq(memberReports.id, id), eq(memberReports.state, 'pending')))
    .returning();
  if (!row) assertPending((await loadReport(tx, id)).r);
  return row;
}

async function issueCertificate(tx: Db, actor: Actor, report: typeof memberReports.$inferSelect) {
  const now = clock.now();
  const { certificateValidDays } = await currentServiceRules(tx);
  const replaced = await tx
    .update(memberCertificates)
    .set({ revokedAt: now, revokedByUserId: actor.userId, revokeReason: REPLACED_REASON })
    .where(and(eq(memberCertificates.memberId, report.memberId), isNull(memberCertificates.revokedAt)))
    .returning({ id: memberCertificates.id });
  // Whole seconds: the QR token carries the expiry in seconds, and both must name the same instant.
  const expiresAt = new Date(Math.floor((now.getTime() + certificateValidDays * DAY_MS) / 1000) * 1000);
  const [cert] = await tx
    .insert(memberCertificates)
    .values({
      reportId: report.id,
      memberId: report.memberId,
      communityId: report.communityId,
      serial: await nextSerial(tx, report.communityId, clock.year()),
      issuedAt: now,
      expiresAt,
    })
    .returning();
  await recordAudit(tx, {
    actor,
    action: 'member_certificate.issue',
    entityType: 'member_certificate',
    entityId: cert.id,
    after: { ...cert, replaced: replaced.map((r) => r.id) },
  });
  return cert;
}

export async function approveReport(opts: { db: Db; actor: Actor; id: string }): Promise<ApproveResult> {
  const { db, actor, id } = opts;
  const certId = await db.transaction(async (tx) => {
    const { personId } = await assertMayDecideReport(tx, actor, id);
    const report = await decide(tx, actor, id, { state: 'approved' });
    const cert = await issueCertificate(tx, actor, report);
    await recordAudit(tx, {
      actor,
      action: 'member_report.approve',
      entityType: 'member_report',
      entityId: id,
      before: { state: 'pending' },
      after: { state: 'approved', certificateId: cert.id },
    });
    await notifyPeople(tx, [personId], {
      kind: 'member_report',
      title: notificationTitle('member_report_approved', { serial: cert.serial }),
      entityType: 'member_report',
      entityId: id,
      link: '/m/certificate',
    });
    return cert.id;
  });
  const [cert] = await selectCertificates(db).where(eq(memberCertificates.id, certId));
  return { report: await reportById(db, id), certificate: presentCertificate(cert, clock.now()) };
}

export async function declineReport(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: DeclineReport;
}): Promise<ReportView> {
  const { db, actor, id, input } = opts;
  await db.transaction(async (tx) => {
    const { personId } = await assertMayDecideReport(tx, actor, id);
    await decide(tx, actor, id, { state: 'declined', declineReason: input.reason });
    await recordAudit(tx, {
      actor,
      action: 'member_report.decline',
      entityType: 'member_report',
      entityId: id,
      before: { state: 'pending' },
      after: { state: 'declined', declineReason: input.reason },
    });
    await notifyPeople(tx, [personId], {
      kind: 'member_report',
      title: notificationTitle('member_report_declined', {}),
      body: input.reason,
      entityType: 'member_report',
      entityId: id,
      link: '/m/report',
    });
  });
  return reportById(db, id);
}

import { clock } from '../src/core/clock.js';
import { memberCertificates, memberReports } from '../src/modules/members/reports/reports.schema.js';
import type { TestContext } from './app.js';

/**
 * The authorisation matrix's 双报到 rows of one side: an application already approved (deciding or withdrawing it
 * again is refused, so probing changes nothing) and its certificate, already revoked (revoking again is refused; its
 * card still renders). Written directly: the API's approval would need the community's login mid-world.
 */
export async function matrixReportRows(
  ctx: TestContext,
  opts: { member: string; community: string; serial: string },
): Promise<{ memberReport: string; certificate: string }> {
  const { db } = ctx.database;
  const now = clock.now();
  const [report] = await db
    .insert(memberReports)
    .values({
      memberId: opts.member,
      communityId: opts.community,
      skills: ['legal_service'],
      state: 'approved',
      appliedAt: now,
      decidedAt: now,
    })
    .returning({ id: memberReports.id });
  const [cert] = await db
    .insert(memberCertificates)
    .values({
      reportId: report.id,
      memberId: opts.member,
      communityId: opts.community,
      serial: opts.serial,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + 365 * 86_400_000),
      revokedAt: now,
      revokeReason: '矩阵探针',
    })
    .returning({ id: memberCertificates.id });
  return { memberReport: report.id, certificate: cert.id };
}

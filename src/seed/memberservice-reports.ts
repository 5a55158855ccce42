import { addDays, localInstant } from '../core/calendar.js';
import { insertRows } from '../core/bulk.js';
import type { Db } from '../core/db.js';
import { DEFAULT_POST_TYPE_KEYS } from '../modules/members/posts/posts.enums.js';
import { shortName } from '../modules/members/reports/reports.service.js';
import { memberCertificates, memberReports } from '../modules/members/reports/reports.schema.js';
import type { DemoData } from './demo.js';
import type { DemoTime, PartyMemberRow } from './demo-types.js';
import { createRng, type Rng } from './rng.js';

/**
 * 双报到 in the demo: every in-service member applied at their residence community (and their building or alley grid) with
 * one to three skills. About 95 % were approved, most within the last six months; the rest of the approved lapsed
 * (decided 6–11 months ago and not renewed), so the unreported list has names. Members renew every half year (the
 * default reportEveryMonths) a little before their registration lapses, so most had reported in each of the quarters
 * the demo rates (up to fifteen months back: memberservice-ratings.ts); going back, each earlier renewal is there with
 * a 90 % chance (else the member had only begun reporting since, and is rated at most 基本合格 before that — as live, by
 * reports.query.ts). About 3 % are pending (applied in the last ten days) and 2 % declined with a reason. Every
 * approval issued a certificate valid a year, numbered per community and year in the order issued, each replaced
 * (revoked) by the next. member01 was approved five weeks ago: a live certificate, and renewed twice before.
 */
const DECLINE_REASONS = [
  '居住地址与社区登记不符，请核实后重新申请',
  '请补充所在楼栋或网格信息',
  '已在其他社区报到，请先办理转出',
  '特长填写不完整，请补充后重新申请',
];

type ReportRow = typeof memberReports.$inferInsert & { id: string };
type CertificateRow = typeof memberCertificates.$inferInsert & { id: string };

interface Context {
  rng: Rng;
  time: DemoTime;
  adminOf: Map<string, string>;
  reports: ReportRow[];
  certificates: CertificateRow[];
}

/** A weekday-ish office moment `daysAgo` days before the demo's last day. */
function officeTime(rng: Rng, time: DemoTime, daysAgo: number): Date {
  const at = localInstant(
    addDays(time.lastDay, -daysAgo),
    `${String(rng.int(8, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`,
  );
  return at > time.now ? time.now : at;
}

function skillsOf(rng: Rng): string[] {
  return rng.shuffle(DEFAULT_POST_TYPE_KEYS).slice(0, rng.int(1, 3));
}

function addReport(
  ctx: Context,
  m: PartyMemberRow,
  gridId: string | null,
  state: 'approved' | 'pending' | 'declined',
  decidedDaysAgo: number,
): ReportRow {
  const { rng, time } = ctx;
  const communityId = m.residenceCommunityId as string;
  const decidedAt = officeTime(rng, time, decidedDaysAgo);
  const appliedAt =
    state === 'pending' ? decidedAt : new Date(decidedAt.getTime() - rng.int(1, 6) * 86_400_000 - 3_600_000);
  const decided = state !== 'pending';
  const row: ReportRow = {
    id: rng.uuid(),
    memberId: m.id,
    communityId,
    gridId,
    skills: skillsOf(rng),
    note: null,
    state,
    appliedAt,
    decidedAt: decided ? decidedAt : null,
    decidedByUserId: decided ? (ctx.adminOf.get(communityId) ?? null) : null,
    declineReason: state === 'declined' ? rng.pick(DECLINE_REASONS) : null,
    createdAt: appliedAt,
    updatedAt: decided ? decidedAt : appliedAt,
  };
  ctx.reports.push(row);
  if (state === 'approved')
    ctx.certificates.push({
      id: rng.uuid(),
      reportId: row.id,
      memberId: m.id,
      communityId,
      serial: '',
      issuedAt: decidedAt,
      expiresAt: new Date(Math.floor((decidedAt.getTime() + 365 * 86_400_000) / 1000) * 1000),
      createdAt: decidedAt,
    });
  return row;
}

/**
 * How far back the renewals go: the window of the earliest rated quarter (it ended at most nine months before the
 * first day, and its reporting window reaches six months before that).
 */
const RENEWALS_BACK_DAYS = 470;

/** Approvals before the one `daysAgo`: every 165–179 days (inside six calendar months), each 90 % likely. */
function addRenewals(ctx: Context, m: PartyMemberRow, gridId: string | null, daysAgo: number): void {
  for (let ago = daysAgo + ctx.rng.int(165, 179); ago <= RENEWALS_BACK_DAYS; ago += ctx.rng.int(165, 179)) {
    if (!ctx.rng.chance(0.9)) return;
    addReport(ctx, m, gridId, 'approved', ago);
  }
}

/** One member's history: the outcome drawn, the days ago of each decision. */
function seedMember(ctx: Context, m: PartyMemberRow, gridId: string | null, flagship: boolean): void {
  const { rng } = ctx;
  if (flagship) {
    for (const ago of [390, 210, 35]) addReport(ctx, m, gridId, 'approved', ago);
    return;
  }
  const roll = rng.next();
  if (roll < 0.03) {
    if (rng.chance(0.3)) addReport(ctx, m, gridId, 'approved', rng.int(200, 330));
    addReport(ctx, m, gridId, 'pending', rng.int(0, 9));
  } else if (roll < 0.05) {
    addReport(ctx, m, gridId, 'declined', rng.int(5, 120));
  } else if (roll < 0.12) {
    // Lapsed: approved 6–11 months ago (≥ 190 days clears six calendar months), not renewed since.
    const lapsed = rng.int(190, 330);
    addRenewals(ctx, m, gridId, lapsed);
    addReport(ctx, m, gridId, 'approved', lapsed);
  } else {
    const recent = rng.int(3, 170);
    addRenewals(ctx, m, gridId, recent);
    addReport(ctx, m, gridId, 'approved', recent);
  }
}

/** Serials per community and year in the order issued; every certificate but a member's latest is replaced. */
function finishCertificates(ctx: Context, data: DemoData): void {
  const county = shortName(data.organisations.find((o) => o.kind === 'county')?.name ?? '', [
    '自治县',
    '县',
    '市',
    '区',
  ]);
  const names = new Map(data.organisations.map((o) => [o.id, shortName(o.name, ['社区居委会', '社区', '村'])]));
  const next = new Map<string, number>();
  const latest = new Map<string, CertificateRow>();
  ctx.certificates.sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || a.id.localeCompare(b.id));
  for (const c of ctx.certificates) {
    const prefix = `${county}-${names.get(c.communityId)}-${localInstantYear(c.issuedAt)}-`;
    const n = (next.get(prefix) ?? 0) + 1;
    next.set(prefix, n);
    c.serial = `${prefix}${String(n).padStart(4, '0')}`;
    const before = latest.get(c.memberId);
    if (before) {
      before.revokedAt = c.issuedAt;
      before.revokedByUserId = ctx.adminOf.get(c.communityId) ?? null;
      before.revokeReason = 'replaced';
    }
    latest.set(c.memberId, c);
  }
}

/** The county year of an instant (UTC+8). */
function localInstantYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
}

export async function seedDemoReports(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  const rng = createRng(13_0101);
  const adminOf = new Map<string, string>();
  for (const b of data.roleBindings)
    if (b.role === 'community_admin' && b.scopeOrgId) adminOf.set(b.scopeOrgId, b.userId);
  const homeGrid = new Map(data.people.map((p) => [p.id, p.homeGridId]));
  const gridCommunity = new Map(data.grids.map((g) => [g.id, g.communityId]));
  const flagshipPerson = data.users.find((u) => u.username === 'member01')?.personId;
  const ctx: Context = { rng, time, adminOf, reports: [], certificates: [] };
  for (const m of data.partyMembers) {
    if (m.kind !== 'in_service' || !m.residenceCommunityId) continue;
    const grid = homeGrid.get(m.personId) ?? null;
    const gridId = grid && gridCommunity.get(grid) === m.residenceCommunityId && rng.chance(0.8) ? grid : null;
    seedMember(ctx, m, gridId, m.personId === flagshipPerson);
  }
  finishCertificates(ctx, data);
  await insertRows(db, memberReports, ctx.reports);
  await insertRows(db, memberCertificates, ctx.certificates);
}

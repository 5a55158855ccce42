import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { formatLocalIso } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError, isAppError } from '../../../core/errors.js';
import { notificationTitle } from '../../../core/i18n.js';
import { maskPhone } from '../../../core/pii.js';
import { signToken, verifyToken } from '../../../core/signed-token.js';
import { memberYearTotals } from '../../ledger/ledger.query.js';
import { notifyPeople } from '../../notifications/notifications.service.js';
import type { CertificateView, RevokeCertificate, ScanView } from './reports.contracts.js';
import { assertMayDecide, assertMayScan, assertMayViewCertificate } from './reports.policy.js';
import { reportStatusOf } from './reports.query.js';
import { memberCertificates } from './reports.schema.js';
import { type CertificateRow, presentCertificate, selectCertificates } from './reports.view.js';

/**
 * The 报到证's QR code: a signed token (core/signed-token.ts) naming the certificate row and its expiry, shown as
 * the URL `<origin>/m/scan/<token>` so a phone's own camera opens the staff scan page. Signing proves the server
 * issued it; the row makes it revocable (revoked, or replaced by a newer certificate on a later approval).
 */
export const CERTIFICATE_PURPOSE = 'member-certificate';

/** The path a certificate's QR URL points at; the phone app's scan page lives there. */
export const SCAN_PATH = '/m/scan/';

export function certificateToken(secret: string, cert: { id: string; expiresAt: Date }): string {
  return signToken({ secret, purpose: CERTIFICATE_PURPOSE, id: cert.id, expiresAt: cert.expiresAt });
}

/** The text the QR code carries: the scan page's URL with the token. */
export function certificateQrText(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}${SCAN_PATH}${token}`;
}

/** The token inside what a scanner read: the raw token, or any URL whose path ends in /m/scan/<token>. */
export function tokenOf(tokenOrUrl: string): string {
  const text = tokenOrUrl.trim();
  const at = text.lastIndexOf(SCAN_PATH);
  if (at < 0) return text;
  return decodeURIComponent(text.slice(at + SCAN_PATH.length).split(/[?#]/)[0]);
}

export interface ResolvedCertificate {
  certificateId: string;
  memberId: string;
  communityId: string;
  expiresAt: Date;
}

/** "2027-12-07 15:00", the county's wall-clock time, for the expiry message. */
function localText(at: Date): string {
  return formatLocalIso(at).slice(0, 16).replace('T', ' ');
}

/**
 * What a scanned 报到证 names, or the reason it is refused: CERTIFICATE_INVALID (not signed by this server, altered,
 * or naming no certificate), CERTIFICATE_EXPIRED (past its expiry, with the expiry as local time), CERTIFICATE_REVOKED
 * (revoked or replaced). Callers authorise the scanning actor themselves (the certificate's community).
 */
export async function resolveCertificate(
  db: Db,
  secret: string,
  tokenOrUrl: string,
  now: Date,
): Promise<ResolvedCertificate> {
  const [answer] = await resolveCertificates(db, secret, [tokenOrUrl], now);
  if (isAppError(answer)) throw answer;
  return answer;
}

/**
 * resolveCertificate for many scans at once (the batched check-in, activities/checkin/): the signatures checked in
 * memory, the certificates read in one query; each answer is the certificate or the error resolveCertificate throws.
 */
export async function resolveCertificates(
  db: Db,
  secret: string,
  tokensOrUrls: readonly string[],
  now: Date,
): Promise<(ResolvedCertificate | AppError)[]> {
  const checks = tokensOrUrls.map((t) => signedPart(secret, t));
  const ids = [...new Set(checks.flatMap((c) => (isAppError(c) ? [] : [c.id])))];
  const rows = ids.length ? await db.select().from(memberCertificates).where(inArray(memberCertificates.id, ids)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return checks.map((c) => (isAppError(c) ? c : admitted(byId.get(c.id), c, now)));
}

/** The certificate and expiry a token names, if this server signed it (CERTIFICATE_INVALID otherwise). */
function signedPart(secret: string, tokenOrUrl: string): { id: string; expiresAt: Date } | AppError {
  // Verified against the epoch so that the signature is checked whatever the expiry, and an expired token can
  // still say when it expired; the expiry is compared with `now` in admitted().
  const check = verifyToken({ secret, purpose: CERTIFICATE_PURPOSE, token: tokenOf(tokenOrUrl), now: new Date(0) });
  return check.ok ? check : new AppError('CERTIFICATE_INVALID');
}

/** The certificate row against the token: missing, revoked, or past the earlier of the two expiries is refused. */
function admitted(
  row: typeof memberCertificates.$inferSelect | undefined,
  check: { expiresAt: Date },
  now: Date,
): ResolvedCertificate | AppError {
  if (!row) return new AppError('CERTIFICATE_INVALID');
  const expiresAt = row.expiresAt < check.expiresAt ? row.expiresAt : check.expiresAt;
  if (row.revokedAt) return new AppError('CERTIFICATE_REVOKED');
  if (expiresAt.getTime() <= now.getTime())
    return new AppError('CERTIFICATE_EXPIRED', { expiresAt: localText(expiresAt) });
  return { certificateId: row.id, memberId: row.memberId, communityId: row.communityId, expiresAt };
}

async function loadCertificate(db: Db, id: string): Promise<CertificateRow> {
  const [row] = await selectCertificates(db).where(eq(memberCertificates.id, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'member_certificate' });
  return row;
}

/** One certificate as its member or a reader in scope sees it (the card's data). */
export async function readCertificate(opts: { db: Db; actor: Actor; id: string }): Promise<CertificateRow> {
  const row = await loadCertificate(opts.db, opts.id);
  await assertMayViewCertificate(opts.db, opts.actor, {
    communityId: row.c.communityId,
    personId: row.personId,
    unitId: row.unitId,
  });
  return row;
}

/** The community revokes a certificate with a reason: its QR code is refused from then on; the member is told. */
export async function revokeCertificate(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: RevokeCertificate;
}): Promise<CertificateView> {
  const { db, actor, id, input } = opts;
  await db.transaction(async (tx) => {
    const row = await loadCertificate(tx, id);
    await assertMayDecide(tx, actor, row.c.communityId);
    const [done] = await tx
      .update(memberCertificates)
      .set({ revokedAt: clock.now(), revokedByUserId: actor.userId, revokeReason: input.reason })
      .where(and(eq(memberCertificates.id, id), isNull(memberCertificates.revokedAt)))
      .returning();
    if (!done) throw new AppError('CONFLICT', { reason: 'certificate_already_revoked' });
    await recordAudit(tx, {
      actor,
      action: 'member_certificate.revoke',
      entityType: 'member_certificate',
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt: done.revokedAt, revokeReason: input.reason },
    });
    await notifyPeople(tx, [row.personId], {
      kind: 'member_report',
      title: notificationTitle('member_certificate_revoked', { serial: row.c.serial }),
      body: input.reason,
      entityType: 'member_certificate',
      entityId: id,
      link: '/m/certificate',
    });
  });
  return presentCertificate(await loadCertificate(db, id), clock.now());
}

/**
 * The staff phone page behind a scanned 报到证: the token is checked first (a forged, expired or revoked one is
 * refused whoever scans it), then the scanner's scope over the certificate's community.
 */
export async function scanCertificate(opts: {
  db: Db;
  actor: Actor;
  secret: string;
  token: string;
}): Promise<ScanView> {
  const { db, actor } = opts;
  const now = clock.now();
  const resolved = await resolveCertificate(db, opts.secret, opts.token, now);
  await assertMayScan(db, actor, resolved.communityId);
  const row = await loadCertificate(db, resolved.certificateId);
  const year = clock.year();
  const [status, ledgerYear] = await Promise.all([
    reportStatusOf(db, [resolved.memberId], now),
    memberYearTotals(db, resolved.memberId, year),
  ]);
  return {
    certificateId: row.c.id,
    serial: row.c.serial,
    expiresAt: resolved.expiresAt.toISOString(),
    memberId: row.c.memberId,
    memberName: row.memberName,
    phone: maskPhone(row.phone),
    unitName: row.unitName,
    communityId: row.c.communityId,
    communityName: row.communityName ?? '',
    gridName: row.gridName,
    reported: status.get(resolved.memberId)?.reported ?? false,
    hoursThisYear: Math.round((ledgerYear.totalMinutes / 60) * 10) / 10,
    year,
  };
}

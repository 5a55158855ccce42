import { eq } from 'drizzle-orm';
import { formatLocalIso } from '../../../core/calendar.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { signToken, verifyToken } from '../../../core/signed-token.js';
import { memberCertificates } from './reports.schema.js';

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
  // Verified against the epoch so that the signature is checked whatever the expiry, and an expired token can
  // still say when it expired; the expiry is compared with `now` below.
  const check = verifyToken({ secret, purpose: CERTIFICATE_PURPOSE, token: tokenOf(tokenOrUrl), now: new Date(0) });
  if (!check.ok) throw new AppError('CERTIFICATE_INVALID');
  const [row] = await db.select().from(memberCertificates).where(eq(memberCertificates.id, check.id));
  if (!row) throw new AppError('CERTIFICATE_INVALID');
  const expiresAt = row.expiresAt < check.expiresAt ? row.expiresAt : check.expiresAt;
  if (row.revokedAt) throw new AppError('CERTIFICATE_REVOKED');
  if (expiresAt.getTime() <= now.getTime())
    throw new AppError('CERTIFICATE_EXPIRED', { expiresAt: localText(expiresAt) });
  return { certificateId: row.id, memberId: row.memberId, communityId: row.communityId, expiresAt };
}

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../../core/signed-token.js';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { memberCertificates, memberReports } from './reports.schema.js';
import { certificateQrText, certificateToken, resolveCertificate, tokenOf } from './reports.certificates.js';

const SECRET = 'a-test-secret-for-certificates-0123456789';
const NOW = new Date('2027-03-01T02:00:00Z');
const LATER = new Date('2028-03-01T02:00:00Z');

let ctx: TestContext;
let certId: string;
let revokedId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const { db } = ctx.database;
  const { member1, member2 } = ctx.world.members;
  const reports = await db
    .insert(memberReports)
    .values(
      [member1, member2].map((m) => ({
        memberId: m.id,
        communityId: m.residenceCommunityId!,
        state: 'approved' as const,
        appliedAt: NOW,
        decidedAt: NOW,
      })),
    )
    .returning();
  const certs = await db
    .insert(memberCertificates)
    .values(
      reports.map((r, i) => ({
        reportId: r.id,
        memberId: r.memberId,
        communityId: r.communityId,
        serial: `T-${i}`,
        issuedAt: NOW,
        expiresAt: new Date('2028-01-01T00:00:00Z'),
        revokedAt: i === 1 ? NOW : null,
      })),
    )
    .returning();
  certId = certs[0].id;
  revokedId = certs[1].id;
});
afterAll(() => ctx.close());

async function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code ?? 'unknown',
  );
}

describe('resolveCertificate', () => {
  const expiresAt = new Date('2028-01-01T00:00:00Z');

  it('accepts the raw token and the scan URL', async () => {
    const { db } = ctx.database;
    const token = certificateToken(SECRET, { id: certId, expiresAt });
    const url = certificateQrText('https://lj.example.cn/', token);
    expect(url).toBe(`https://lj.example.cn/m/scan/${token}`);
    expect(tokenOf(url)).toBe(token);
    for (const text of [token, url, ` ${url}?x=1 `]) {
      const r = await resolveCertificate(db, SECRET, text, NOW);
      expect(r).toEqual({
        certificateId: certId,
        memberId: ctx.world.members.member1.id,
        communityId: ctx.world.communityA.id,
        expiresAt,
      });
    }
  });

  it('refuses a forged, altered or unknown token as invalid', async () => {
    const { db } = ctx.database;
    const token = certificateToken(SECRET, { id: certId, expiresAt });
    const other = signToken({ secret: SECRET, purpose: 'service-day', id: certId, expiresAt });
    const unknown = certificateToken(SECRET, { id: '00000000-0000-4000-8000-000000000000', expiresAt });
    const later = certificateToken(SECRET, { id: certId, expiresAt: LATER });
    const altered = `${later.split('.').slice(0, 2).join('.')}.${token.split('.')[2]}`;
    for (const bad of [
      '',
      'nonsense',
      certificateToken('another-secret', { id: certId, expiresAt }),
      other,
      unknown,
      altered,
    ])
      expect(await codeOf(resolveCertificate(db, SECRET, bad, NOW))).toBe('CERTIFICATE_INVALID');
  });

  it('refuses an expired token with its local expiry, and a revoked one', async () => {
    const { db } = ctx.database;
    const token = certificateToken(SECRET, { id: certId, expiresAt });
    const err = await resolveCertificate(db, SECRET, token, LATER).catch((e: { code: string; params: object }) => e);
    expect(err).toMatchObject({ code: 'CERTIFICATE_EXPIRED', params: { expiresAt: '2028-01-01 08:00' } });
    const revoked = certificateToken(SECRET, { id: revokedId, expiresAt });
    expect(await codeOf(resolveCertificate(db, SECRET, revoked, NOW))).toBe('CERTIFICATE_REVOKED');
    await db.update(memberCertificates).set({ revokedAt: null }).where(eq(memberCertificates.id, revokedId));
    expect(await codeOf(resolveCertificate(db, SECRET, revoked, NOW))).toBe('resolved');
  });
});

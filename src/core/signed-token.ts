import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short signed tokens for QR codes (a 报到证 names its certificate): `<id>.<expiry>.<signature>`, where the expiry is
 * seconds since the epoch in base 36 and the signature the first 128 bits of an HMAC-SHA256 under a key derived from
 * SESSION_SECRET for one purpose (a token of one purpose never verifies as another's). Signing proves the server
 * issued it and when it ends; revocation is the caller's: it looks the id up.
 */
export type TokenCheck = { ok: true; id: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

const ID = /^[0-9a-f-]{36}$/;

function keyFor(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`lianjian:${purpose}`).digest();
}

function signatureOf(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest().subarray(0, 16).toString('base64url');
}

export function signToken(opts: { secret: string; purpose: string; id: string; expiresAt: Date }): string {
  const body = `${opts.id}.${Math.floor(opts.expiresAt.getTime() / 1000).toString(36)}`;
  return `${body}.${signatureOf(keyFor(opts.secret, opts.purpose), body)}`;
}

/** Checks the signature first (a forged token is `invalid` whatever its expiry says), then the expiry against `now`. */
export function verifyToken(opts: { secret: string; purpose: string; token: string; now: Date }): TokenCheck {
  const parts = opts.token.split('.');
  if (parts.length !== 3 || !ID.test(parts[0]) || !/^[0-9a-z]{1,10}$/.test(parts[1]))
    return { ok: false, reason: 'invalid' };
  const body = `${parts[0]}.${parts[1]}`;
  const expected = Buffer.from(signatureOf(keyFor(opts.secret, opts.purpose), body));
  const given = Buffer.from(parts[2]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(Number.parseInt(parts[1], 36) * 1000);
  if (expiresAt.getTime() <= opts.now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, id: parts[0], expiresAt };
}

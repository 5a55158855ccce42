import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from './signed-token.js';

const secret = 'a-test-secret-of-enough-length';
const id = '0b6f1a52-8c1e-4c3b-9a51-6a0d2f1e9b70';
const expiresAt = new Date('2027-06-30T16:00:00Z');

describe('signed tokens', () => {
  it('verifies its own token until the expiry, then says expired', () => {
    const token = signToken({ secret, purpose: 'certificate', id, expiresAt });
    expect(verifyToken({ secret, purpose: 'certificate', token, now: new Date('2027-06-30T15:59:59Z') })).toEqual({
      ok: true,
      id,
      expiresAt,
    });
    expect(verifyToken({ secret, purpose: 'certificate', token, now: expiresAt })).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses another secret, another purpose and a changed expiry as invalid', () => {
    const token = signToken({ secret, purpose: 'certificate', id, expiresAt });
    const now = new Date('2027-01-01T00:00:00Z');
    expect(verifyToken({ secret: `${secret}x`, purpose: 'certificate', token, now }).ok).toBe(false);
    expect(verifyToken({ secret, purpose: 'other', token, now }).ok).toBe(false);
    const [tid, , sig] = token.split('.');
    const later = Math.floor(Date.parse('2030-01-01') / 1000).toString(36);
    expect(verifyToken({ secret, purpose: 'certificate', token: `${tid}.${later}.${sig}`, now })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('never accepts an altered token (any one character changed)', () => {
    const token = signToken({ secret, purpose: 'certificate', id, expiresAt });
    const now = new Date('2027-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...'0123456789abcdef-._xyzAZ'), (at, ch) => {
        if (token[at] === ch) return;
        const forged = token.slice(0, at) + ch + token.slice(at + 1);
        expect(verifyToken({ secret, purpose: 'certificate', token: forged, now }).ok).toBe(false);
      }),
    );
  });

  it('answers invalid, never throws, for garbage', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(verifyToken({ secret, purpose: 'certificate', token: s, now: new Date() }).ok).toBe(false);
      }),
    );
  });
});

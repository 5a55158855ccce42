import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeExpiry, countShift, noShowPenalty } from './presence.hours.js';

const MIN = 60_000;
const base = Date.parse('2026-12-07T09:00:00+08:00');
const at = (minutes: number) => new Date(base + minutes * MIN);

describe('countShift', () => {
  it('counts only inside the scheduled times (travel excluded)', () => {
    const t = { checkedInAt: at(-25), checkedOutAt: at(150), startsAt: at(0), endsAt: at(120) };
    expect(countShift(t, 0, 480)).toEqual({ from: at(0), to: at(120), minutes: 120, cappedMinutes: 0 });
    const late = { ...t, checkedInAt: at(30), checkedOutAt: at(90) };
    expect(countShift(late, 0, 480)).toMatchObject({ from: at(30), to: at(90), minutes: 60 });
  });

  it('cuts to what remains of the day cap and records the cut', () => {
    const t = { checkedInAt: at(0), checkedOutAt: at(180), startsAt: at(0), endsAt: at(180) };
    expect(countShift(t, 400, 480)).toEqual({ from: at(0), to: at(80), minutes: 80, cappedMinutes: 100 });
    expect(countShift(t, 500, 480)).toMatchObject({ minutes: 0, cappedMinutes: 180 });
  });

  it('counts nothing for a check-out before the start', () => {
    const t = { checkedInAt: at(-20), checkedOutAt: at(-5), startsAt: at(0), endsAt: at(60) };
    expect(countShift(t, 0, 480)).toMatchObject({ minutes: 0, cappedMinutes: 0 });
  });

  it('never counts outside the times, over the cap, or more than was there (property)', () => {
    const minute = fc.integer({ min: -600, max: 1_800 });
    fc.assert(
      fc.property(
        minute,
        minute,
        minute,
        fc.integer({ min: 1, max: 900 }),
        fc.nat(1_000),
        fc.nat(1_000),
        (a, b, s, len, used, cap) => {
          const [inAt, outAt] = a <= b ? [a, b] : [b, a];
          const t = { checkedInAt: at(inAt), checkedOutAt: at(outAt), startsAt: at(s), endsAt: at(s + len) };
          const r = countShift(t, used, cap);
          const span = Math.max(0, Math.min(outAt, s + len) - Math.max(inAt, s));
          expect(r.minutes + r.cappedMinutes).toBe(span);
          expect(r.minutes).toBeGreaterThanOrEqual(0);
          expect(r.minutes).toBeLessThanOrEqual(Math.max(0, cap - used));
          expect(r.minutes).toBeLessThanOrEqual(len);
          expect(r.from.getTime()).toBeGreaterThanOrEqual(at(s).getTime());
          expect(r.to.getTime()).toBeLessThanOrEqual(at(s + len).getTime());
          expect(r.to.getTime() - r.from.getTime()).toBe(r.minutes * MIN);
          // The cap only ever takes off what would have counted over it.
          if (used + span <= cap) expect(r.cappedMinutes).toBe(0);
        },
      ),
    );
  });
});

describe('noShowPenalty', () => {
  it('is the factor times the shift', () => {
    expect(noShowPenalty(at(0), at(120), 2)).toBe(240);
    expect(noShowPenalty(at(0), at(90), 1.5)).toBe(135);
    expect(noShowPenalty(at(0), at(90), 0)).toBe(0);
  });
});

describe('codeExpiry', () => {
  it('ends one window after the current one, the same for every instant of a window (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 10, max: 600 }), (now, rot) => {
        const exp = codeExpiry(now, rot).getTime();
        const w = rot * 1000;
        expect(exp % w).toBe(0);
        expect(exp - now).toBeGreaterThan(w);
        expect(exp - now).toBeLessThanOrEqual(2 * w);
        const windowStart = Math.floor(now / w) * w;
        expect(codeExpiry(windowStart, rot).getTime()).toBe(exp);
        expect(codeExpiry(windowStart + w - 1, rot).getTime()).toBe(exp);
      }),
    );
  });
});

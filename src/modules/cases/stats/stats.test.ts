import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localInstant } from '../../../core/calendar.js';
import { AppError } from '../../../core/errors.js';
import { COUNTER_KEYS, type Counters, emptyCounters, statsPeriod, statsRow } from './stats.js';

const counters = (c: Partial<Counters>): Counters => ({ ...emptyCounters(), ...c });

describe('statsRow', () => {
  it('divides the integer counts: on time ÷ due, resolved ÷ due, (satisfied + w × basic) ÷ rated', () => {
    const row = statsRow(
      counters({
        responseDue: 4,
        respondedOnTime: 3,
        resolutionDue: 5,
        resolvedOfDue: 4,
        resolvedOnTime: 2,
        rated: 10,
        satisfied: 7,
        basicallySatisfied: 2,
      }),
      { basic: 0.9, response: 0.1, resolution: 0.5, satisfaction: 0.4 },
    );
    expect(row).toMatchObject({
      responseRate: 0.75,
      resolutionRate: 0.8,
      satisfactionRate: (7 + 1.8) / 10,
      overdue: 3,
    });
    expect(row.composite).toBeCloseTo(0.1 * 0.75 + 0.5 * 0.8 + 0.4 * 0.88, 15);
  });

  it('gives null, never NaN, for a zero denominator, and renormalises the composite over the rates there are', () => {
    expect(statsRow(emptyCounters())).toMatchObject({
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      composite: null,
      overdue: 0,
    });
    const onlyRated = statsRow(counters({ rated: 4, satisfied: 2, basicallySatisfied: 1 }));
    expect(onlyRated).toMatchObject({
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: 0.75,
      composite: 0.75,
    });
  });

  it('keeps every rate in [0, 1] for any consistent counts and weights', () => {
    const consistent = fc.record({
      responseDue: fc.nat(1000),
      resolutionDue: fc.nat(1000),
      rated: fc.nat(1000),
      a: fc.double({ min: 0, max: 1, noNaN: true }),
      b: fc.double({ min: 0, max: 1, noNaN: true }),
      c: fc.double({ min: 0, max: 1, noNaN: true }),
      s: fc.double({ min: 0, max: 1, noNaN: true }),
      w: fc.tuple(...[0, 1, 2, 3].map(() => fc.double({ min: 0, max: 1, noNaN: true }))),
    });
    fc.assert(
      fc.property(consistent, (x) => {
        const satisfied = Math.floor(x.rated * x.s);
        const c = counters({
          responseDue: x.responseDue,
          respondedOnTime: Math.floor(x.responseDue * x.a),
          resolutionDue: x.resolutionDue,
          resolvedOfDue: Math.floor(x.resolutionDue * x.b),
          rated: x.rated,
          satisfied,
          basicallySatisfied: Math.floor((x.rated - satisfied) * x.c),
        });
        const row = statsRow(c, { basic: x.w[0], response: x.w[1], resolution: x.w[2], satisfaction: x.w[3] });
        for (const r of [row.responseRate, row.resolutionRate, row.satisfactionRate, row.composite]) {
          if (r !== null) expect(r >= 0 && r <= 1 && Number.isFinite(r)).toBe(true);
        }
        expect(COUNTER_KEYS.every((k) => Number.isInteger(c[k]))).toBe(true);
      }),
    );
  });
});

describe('statsPeriod', () => {
  const now = localInstant('2026-11-25', '16:40');

  it('defaults to this year up to today, events to the end of today and limits to now', () => {
    const p = statsPeriod({}, now);
    expect(p).toMatchObject({ from: '2026-01-01', to: '2026-11-25', today: '2026-11-25' });
    expect(p.fromStart).toEqual(localInstant('2026-01-01'));
    expect(p.eventsEnd).toEqual(localInstant('2026-11-26'));
    expect(p.dueEnd).toEqual(now);
  });

  it('ends a past period at its last day, and a future one never starts', () => {
    const past = statsPeriod({ from: '2026-03-01', to: '2026-03-31' }, now);
    expect(past.eventsEnd).toEqual(localInstant('2026-04-01'));
    expect(past.dueEnd).toEqual(localInstant('2026-04-01'));
    const future = statsPeriod({ from: '2027-01-01', to: '2027-01-31' }, now);
    expect(future.dueEnd.getTime()).toBeLessThan(future.fromStart.getTime());
  });

  it('refuses from after to and more than five years', () => {
    expect(() => statsPeriod({ from: '2026-02-01', to: '2026-01-31' }, now)).toThrow(AppError);
    expect(() => statsPeriod({ from: '2021-01-01', to: '2026-01-01' }, now)).toThrow(AppError);
    expect(statsPeriod({ from: '2021-01-01', to: '2025-12-31' }, now).to).toBe('2025-12-31');
    expect(() => statsPeriod({ from: '2024-02-29', to: '2029-03-01' }, now)).toThrow(AppError);
    expect(statsPeriod({ from: '2024-02-29', to: '2029-02-28' }, now).from).toBe('2024-02-29');
  });
});

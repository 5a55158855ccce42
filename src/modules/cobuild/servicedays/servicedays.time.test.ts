import { describe, expect, it } from 'vitest';
import { checkinWindow, localInstant, localLabel, localParts } from './servicedays.time.js';

const day = {
  startsAt: localInstant('2026-06-01', '08:30'),
  endsAt: localInstant('2026-06-01', '11:30'),
  status: 'scheduled' as const,
};
const at = (iso: string) => new Date(iso);

describe('service day times', () => {
  it('reads local wall-clock times in Asia/Shanghai', () => {
    expect(day.startsAt.toISOString()).toBe('2026-06-01T00:30:00.000Z');
    expect(localParts(at('2026-05-31T16:30:00Z'))).toEqual({ date: '2026-06-01', clock: '00:30' });
    expect(localLabel(day.endsAt)).toBe('2026-06-01 11:30');
  });

  it('opens check-in 30 minutes before the start and closes it 24 hours after the end', () => {
    expect(checkinWindow(day, at('2026-06-01T00:00:00Z'))).toBe('open');
    expect(checkinWindow(day, at('2026-05-31T23:59:59Z'))).toBe('not_started');
    expect(checkinWindow(day, at('2026-06-02T03:30:00Z'))).toBe('open');
    expect(checkinWindow(day, at('2026-06-02T03:30:01Z'))).toBe('closed');
  });

  it('never opens a cancelled day', () => {
    expect(checkinWindow({ ...day, status: 'cancelled' }, at('2026-06-01T01:00:00Z'))).toBe('cancelled');
  });
});

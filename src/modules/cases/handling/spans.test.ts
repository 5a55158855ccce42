import { describe, expect, it } from 'vitest';
import { currentRound, type HandlingEvent, handlingSpans, spanRefusal, verificationSourceId } from './spans.js';

const T0 = Date.parse('2027-01-01T00:30:00+08:00');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const ev = (
  minutes: number,
  action: string,
  actorUserId: string | null,
  note: string | null = null,
): HandlingEvent => ({
  at: at(minutes),
  action,
  actorUserId,
  note,
});
const span = (userId: string, from: number, to: number, note: string | null = null) => ({
  userId,
  startsAt: at(from),
  endsAt: at(to),
  note,
});

describe('who handled a case, from the timeline', () => {
  it("a grid owner's start → resolve is their span; the verification adds nothing", () => {
    const events = [
      ev(0, 'accept', 'g'),
      ev(5, 'acknowledge', 'g'),
      ev(10, 'start', 'g'),
      ev(70, 'resolve', 'g', '已清理'),
    ];
    expect(handlingSpans([...events, ev(90, 'verify', 'c')])).toEqual([span('g', 10, 70, '已清理')]);
  });

  it("each unit's own arrival → done; the case transitions its steps cause are the same finish, not another", () => {
    const events = [
      ev(0, 'dispatch', 'c'),
      ev(10, 'unit_arrive', 'u1'),
      ev(10, 'start', 'u1'),
      ev(20, 'unit_arrive', 'u2'),
      ev(60, 'unit_done', 'u1', '已疏通'),
      ev(95, 'unit_done', 'u2', null),
      ev(95, 'resolve', 'u2', '各责任单位已办结'),
    ];
    expect(handlingSpans(events)).toEqual([span('u1', 10, 60, '已疏通'), span('u2', 20, 95, '各责任单位已办结')]);
  });

  it('no recorded arrival, or no own finish, is no span (hours are never guessed)', () => {
    // Resolved straight from acknowledged; a unit on site whose case another finished; a system event.
    const events = [ev(0, 'acknowledge', 'g'), ev(30, 'unit_arrive', 'u1'), ev(50, 'resolve', 'g'), ev(60, 'x', null)];
    expect(handlingSpans(events)).toEqual([]);
  });

  it('letting the case go ends the arrival: coming back is a new arrival', () => {
    const events = [
      ev(10, 'unit_arrive', 'u1'),
      ev(40, 'unit_return', 'u1'),
      ev(300, 'dispatch', 'c'),
      ev(320, 'unit_arrive', 'u1'),
      ev(380, 'unit_done', 'u1'),
    ];
    expect(handlingSpans(events)).toEqual([span('u1', 320, 380)]);
    expect(handlingSpans(events.filter((e) => e.at.getTime() !== at(320).getTime()))).toEqual([]);
  });

  it('only the current round: a failed verification or a reopened rating starts a new one', () => {
    const first = [ev(10, 'start', 'g'), ev(60, 'resolve', 'g')];
    const failed = [...first, ev(90, 'fail_verification', 'c'), ev(100, 'dispatch', 'c')];
    expect(handlingSpans(failed)).toEqual([]);
    expect(handlingSpans([...failed, ev(120, 'start', 'g'), ev(150, 'resolve', 'g')])).toEqual([span('g', 120, 150)]);
    // Resolving again in the new round without arriving again counts nothing (the old arrival belongs to round one).
    expect(handlingSpans([...first, ev(70, 'verify', 'c'), ev(200, 'reopen', 'r'), ev(260, 'resolve', 'g')])).toEqual(
      [],
    );
    expect(currentRound([ev(1, 'start', 'g'), ev(2, 'reopen', 'r'), ev(3, 'start', 'g')]).map((e) => e.at)).toEqual([
      at(3),
    ]);
  });

  it('refuses what the times cannot vouch for: self-verified, under a minute, not within one county day', () => {
    const verifier = { userId: 'c', personId: 'pc' };
    const local = (t: string) => new Date(`${t}+08:00`);
    const of = (from: string, to: string, userId = 'u') => ({
      userId,
      startsAt: local(from),
      endsAt: local(to),
      note: null,
    });
    const minutes = (s: { startsAt: Date; endsAt: Date }) => (s.endsAt.getTime() - s.startsAt.getTime()) / 60_000;
    const refused = (s: ReturnType<typeof of>, person = 'pu', v = verifier) => spanRefusal(s, v, person, minutes(s));
    expect(refused(of('2027-01-01T09:00', '2027-01-01T11:30'))).toBeNull();
    // A visit up to midnight is within its day; one past it, or of days, is not.
    expect(refused(of('2027-12-31T21:00', '2028-01-01T00:00'))).toBeNull();
    expect(refused(of('2027-12-31T22:30', '2028-01-01T00:10'))).toBe('multi_day');
    expect(refused(of('2028-02-28T09:00', '2028-02-29T08:00'))).toBe('multi_day');
    expect(refused(of('2028-02-29T09:00', '2028-03-01T10:00'))).toBe('multi_day');
    expect(refused(of('2027-01-01T09:00', '2027-01-01T09:00:30'))).toBe('too_short');
    expect(refused(of('2027-01-01T09:00', '2027-01-01T11:30', 'c'))).toBe('self_verified');
    expect(refused(of('2027-01-01T09:00', '2027-01-01T11:30'), 'pc')).toBe('self_verified');
  });

  it("names a verification's source the same way every time, and differently for another", () => {
    const a = verificationSourceId('6f1c0d4e-1111-4222-8333-444455556666', 41);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(verificationSourceId('6f1c0d4e-1111-4222-8333-444455556666', 41)).toBe(a);
    expect(verificationSourceId('6f1c0d4e-1111-4222-8333-444455556666', 42)).not.toBe(a);
  });
});

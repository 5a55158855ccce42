import { clock } from '../../../core/clock.js';
import { AppError } from '../../../core/errors.js';
import { signToken, verifyToken } from '../../../core/signed-token.js';
import { VOLUNTEER_CHECKIN_OPENS_MINUTES_BEFORE } from '../volunteers.enums.js';
import type { ActivityCode } from './presence.contracts.js';
import { codeExpiry } from './presence.hours.js';
import { type ActivityRow, localLabel } from './presence.queries.js';

/**
 * The activity's rotating QR code (a signed token, purpose `volunteer-activity`, naming the activity) and the check-in
 * window. The code proves the phone was in front of the organiser's screen within the last window or two; it carries
 * no volunteer, so the caller's login says who checks in.
 */
export const CODE_PURPOSE = 'volunteer-activity';

export function checkinOpensAt(a: Pick<ActivityRow, 'startsAt'>): Date {
  return new Date(a.startsAt.getTime() - VOLUNTEER_CHECKIN_OPENS_MINUTES_BEFORE * 60_000);
}

/** Refuses outside [start − 30 min, end] (VOLUNTEER_CHECKIN_NOT_OPEN, with the window in county time). */
export function assertCheckinOpen(a: Pick<ActivityRow, 'startsAt' | 'endsAt'>, now: Date): void {
  const opensAt = checkinOpensAt(a);
  if (now < opensAt || now > a.endsAt)
    throw new AppError('VOLUNTEER_CHECKIN_NOT_OPEN', { opensAt: localLabel(opensAt), closesAt: localLabel(a.endsAt) });
}

export function isCheckinOpen(a: Pick<ActivityRow, 'startsAt' | 'endsAt'>, now: Date): boolean {
  return now >= checkinOpensAt(a) && now <= a.endsAt;
}

/** The code to show now (the same for every screen in one window), while check-in is open. */
export function currentCode(a: ActivityRow, secret: string, rotateSeconds: number): ActivityCode {
  if (a.state === 'cancelled') throw new AppError('VOLUNTEER_ACTIVITY_CANCELLED');
  const now = clock.now();
  assertCheckinOpen(a, now);
  const expiresAt = codeExpiry(now.getTime(), rotateSeconds);
  const code = signToken({ secret, purpose: CODE_PURPOSE, id: a.id, expiresAt });
  return {
    code,
    url: `/m/v/scan?a=${a.id}&c=${encodeURIComponent(code)}`,
    expiresAt: expiresAt.toISOString(),
    rotateSeconds,
  };
}

/** A forged or expired code: VOLUNTEER_CODE_INVALID; a good code of another activity: VOLUNTEER_CODE_OTHER_ACTIVITY. */
export function assertCodeOf(activityId: string, code: string, secret: string): void {
  const check = verifyToken({ secret, purpose: CODE_PURPOSE, token: code, now: clock.now() });
  if (!check.ok) throw new AppError('VOLUNTEER_CODE_INVALID');
  if (check.id !== activityId) throw new AppError('VOLUNTEER_CODE_OTHER_ACTIVITY');
}

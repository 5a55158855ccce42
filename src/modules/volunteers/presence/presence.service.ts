import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit.js';
import { localDayOf } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { distanceMeters } from '../../../core/geo.js';
import { currentVolunteerRules } from '../rules.js';
import type { VolunteerCheckinMethod } from '../volunteers.enums.js';
import { assertMayRunActivity, requireOwnVolunteer } from '../volunteers.policy.js';
import { volunteerSignups } from '../volunteers.schema.js';
import { assertCheckinOpen, assertCodeOf, checkinOpensAt, currentCode, isCheckinOpen } from './presence.code.js';
import { closeShift } from './presence.close.js';
import type {
  ActivityCode,
  CheckoutResult,
  OrganiserPresence,
  PresenceList,
  PresenceScan,
  PresenceSignupView,
  ScanView,
} from './presence.contracts.js';
import type { PresenceNoneReason } from './presence.enums.js';
import {
  firstRoleOf,
  liveSignup,
  loadPresenceActivity,
  type PresenceActivity,
  presenceListOf,
  type SignupRow,
  signupView,
} from './presence.queries.js';

/**
 * Presence at a volunteer activity: the organiser's code, the volunteer's scan, check-in and check-out (by code, with
 * the geofence), the organiser's presence by hand. Every refusal comes before anything is written. A second check-in
 * answers the first; a second check-out is refused (VOLUNTEER_ALREADY_CHECKED_OUT), so a phone never believes it
 * checked out at a later time than it did.
 */
export interface CheckinAnswer {
  created: boolean;
  signup: PresenceSignupView;
}

/** The organiser's current code (GET …/code). */
export async function activityCode(opts: {
  db: Db;
  actor: Actor;
  activityId: string;
  secret: string;
}): Promise<ActivityCode> {
  const act = await loadPresenceActivity(opts.db, opts.activityId);
  await assertMayRunActivity(opts.db, opts.actor, act.a);
  const rules = await currentVolunteerRules(opts.db);
  return currentCode(act.a, opts.secret, rules.codeRotateSeconds);
}

/** What a scan leads to for the caller (next action, or none and why). */
function nextFor(
  act: PresenceActivity,
  s: SignupRow | undefined,
  now: Date,
): 'checkin' | 'checkout' | PresenceNoneReason {
  if (act.a.state === 'cancelled') return 'cancelled';
  if (!s) return 'not_signed_up';
  if (s.state === 'waitlisted') return 'waitlisted';
  if (s.state === 'checked_out') return 'checked_out';
  if (s.state === 'no_show') return 'no_show';
  if (!isCheckinOpen(act.a, now)) return 'not_open';
  return s.state === 'checked_in' ? 'checkout' : 'checkin';
}

export async function scan(opts: {
  db: Db;
  actor: Actor;
  activityId: string;
  code: string;
  secret: string;
}): Promise<ScanView> {
  const { db } = opts;
  const act = await loadPresenceActivity(db, opts.activityId);
  assertCodeOf(act.a.id, opts.code, opts.secret);
  const v = await requireOwnVolunteer(db, opts.actor);
  const s = await liveSignup(db, act.a.id, v.id);
  const next = nextFor(act, s, clock.now());
  const { a } = act;
  return {
    activity: {
      id: a.id,
      title: a.title,
      typeName: act.typeName,
      typeNameEn: act.typeNameEn,
      place: a.place,
      lng: a.lng,
      lat: a.lat,
      geofenceMeters: a.geofenceMeters,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      checkinOpensAt: checkinOpensAt(a).toISOString(),
      cancelled: a.state === 'cancelled',
    },
    signup: s ? await signupView(db, s.id) : null,
    next: next === 'checkin' || next === 'checkout' ? next : 'none',
    why: next === 'checkin' || next === 'checkout' ? null : next,
  };
}

/** Within the activity's geofence (when it has one and a place on the map), or refused. */
function assertInsideGeofence(a: PresenceActivity['a'], at: { lng?: number; lat?: number }): void {
  if (a.geofenceMeters === null || a.lng === null || a.lat === null) return;
  if (at.lng === undefined || at.lat === undefined) throw new AppError('VOLUNTEER_LOCATION_REQUIRED');
  const distance = Math.round(distanceMeters({ lng: a.lng, lat: a.lat }, { lng: at.lng, lat: at.lat }));
  if (distance > a.geofenceMeters)
    throw new AppError(
      'VOLUNTEER_OUTSIDE_GEOFENCE',
      { distance, radius: a.geofenceMeters },
      { distance, radius: a.geofenceMeters },
    );
}

/** The refusals every scan obeys before anything is read under lock: the code, cancellation, the window, the place. */
export function assertScanAllowed(act: PresenceActivity, input: PresenceScan, secret: string): void {
  assertCodeOf(act.a.id, input.code, secret);
  if (act.a.state === 'cancelled') throw new AppError('VOLUNTEER_ACTIVITY_CANCELLED');
  assertCheckinOpen(act.a, clock.now());
  assertInsideGeofence(act.a, input);
}

/** Checks the signed-up sign-up in (state checked_in), in the caller's transaction; a repeat answers the first. */
async function checkInRow(tx: Db, actor: Actor, s: SignupRow, method: VolunteerCheckinMethod): Promise<boolean> {
  if (s.state === 'checked_in' || s.state === 'checked_out') return false;
  const now = clock.now();
  const [after] = await tx
    .update(volunteerSignups)
    .set({
      state: 'checked_in',
      checkedInAt: now,
      checkinMethod: method,
      day: localDayOf(now),
      updatedAt: now,
      version: sql`${volunteerSignups.version} + 1`,
    })
    .where(eq(volunteerSignups.id, s.id))
    .returning();
  await recordAudit(tx, {
    actor,
    action: 'volunteer_signup.checkin',
    entityType: 'volunteer_signup',
    entityId: s.id,
    before: s,
    after,
  });
  return true;
}

/** Closes the checked-in sign-up now; before check-in or a second time: refused. */
async function checkOutRow(tx: Db, actor: Actor, act: PresenceActivity, s: SignupRow, method: VolunteerCheckinMethod) {
  if (s.state === 'checked_out' && s.checkedOutAt)
    throw new AppError('VOLUNTEER_ALREADY_CHECKED_OUT', { at: s.checkedOutAt.toISOString() });
  if (s.state !== 'checked_in') throw new AppError('VOLUNTEER_NOT_CHECKED_IN');
  const rules = await currentVolunteerRules(tx);
  return closeShift(tx, actor, { act, s, at: clock.now(), method, dayCapMinutes: rules.dayCapMinutes });
}

/** A walk-in recorded by the organiser: a sign-up on the activity's first role, checked in. */
async function walkIn(tx: Db, actor: Actor, activityId: string, volunteerId: string): Promise<string> {
  const now = clock.now();
  const [row] = await tx
    .insert(volunteerSignups)
    .values({
      activityId,
      roleId: await firstRoleOf(tx, activityId),
      volunteerId,
      state: 'checked_in',
      queuedAt: now,
      checkedInAt: now,
      checkinMethod: 'organiser',
      day: localDayOf(now),
    })
    .returning();
  await recordAudit(tx, {
    actor,
    action: 'volunteer_signup.walk_in',
    entityType: 'volunteer_signup',
    entityId: row.id,
    after: row,
  });
  return row.id;
}

/** The organiser records presence by hand: no code, no geofence, the same window; a walk-in gets a row. */
export async function organiserPresence(opts: {
  db: Db;
  actor: Actor;
  activityId: string;
  input: OrganiserPresence;
}): Promise<{ created: boolean; signup: CheckoutResult }> {
  const { db, actor, input } = opts;
  const act = await loadPresenceActivity(db, opts.activityId);
  await assertMayRunActivity(db, actor, act.a);
  if (act.a.state === 'cancelled') throw new AppError('VOLUNTEER_ACTIVITY_CANCELLED');
  assertCheckinOpen(act.a, clock.now());
  const answer = await db.transaction(async (tx) => {
    const s = await liveSignup(tx, act.a.id, input.volunteerId, true);
    if (input.action === 'checkin') {
      if (!s) return { id: await walkIn(tx, actor, act.a.id, input.volunteerId), created: true, ledger: null };
      if (s.state === 'waitlisted' || s.state === 'no_show') throw new AppError('VOLUNTEER_NOT_SIGNED_UP');
      await checkInRow(tx, actor, s, 'organiser');
      return { id: s.id, created: false, ledger: null };
    }
    if (!s) throw new AppError('VOLUNTEER_NOT_SIGNED_UP');
    const closed = await checkOutRow(tx, actor, act, s, 'organiser');
    return { id: s.id, created: false, ledger: closed.ledger.outcome };
  });
  return { created: answer.created, signup: { ...(await signupView(db, answer.id)), ledger: answer.ledger } };
}

/** The organiser's presence list (who is in, who is out, minutes, flags). */
export async function presenceList(opts: { db: Db; actor: Actor; activityId: string }): Promise<PresenceList> {
  const act = await loadPresenceActivity(opts.db, opts.activityId);
  await assertMayRunActivity(opts.db, opts.actor, act.a);
  return { items: await presenceListOf(opts.db, act.a.id) };
}

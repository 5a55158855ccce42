import { z } from 'zod';
import { ZLat, ZLng } from '../../../core/contracts.js';
import { VOLUNTEER_CHECKIN_METHODS, VOLUNTEER_SIGNUP_STATES } from '../volunteers.enums.js';
import {
  PRESENCE_ACTIONS,
  PRESENCE_LEDGER_OUTCOMES,
  PRESENCE_NEXT_ACTIONS,
  PRESENCE_NONE_REASONS,
} from './presence.enums.js';

/**
 * Presence at a volunteer activity (志愿服务签到): the organiser's rotating QR code, the volunteer's scan, check-in
 * and check-out (with the phone's location for a geofenced activity), the organiser's hand-recorded presence and
 * corrections. The web imports these types.
 */
export { PRESENCE_ACTIONS, PRESENCE_LEDGER_OUTCOMES, PRESENCE_NEXT_ACTIONS, PRESENCE_NONE_REASONS };

const ZInstant = z.iso.datetime({ offset: true });

/** The organiser's screen: the current code, the link the phone opens, when it stops being accepted. */
export const ZActivityCode = z.object({
  code: z.string().describe('Signed token naming the activity; the previous window’s code is still accepted'),
  url: z.string().describe('/m/v/scan?a=<activity>&c=<code>, encoded in the QR code'),
  expiresAt: z.string().describe('When this code stops being accepted (end of the next window)'),
  rotateSeconds: z.number().int().describe('A new code every so many seconds (rules: codeRotateSeconds)'),
});
export type ActivityCode = z.infer<typeof ZActivityCode>;

export const ZScanQuery = z.object({ c: z.string().trim().min(1).max(300).describe('The scanned code') });
export type ScanQuery = z.infer<typeof ZScanQuery>;

/** Check-in or check-out by the volunteer: the scanned code and, for a geofenced activity, where the phone is. */
export const ZPresenceScan = z.strictObject({
  code: z.string().trim().min(1).max(300),
  lng: ZLng.optional(),
  lat: ZLat.optional(),
});
export type PresenceScan = z.infer<typeof ZPresenceScan>;

/** The organiser records presence by hand (method `organiser`, no code, no geofence; a walk-in gets a row). */
export const ZOrganiserPresence = z.strictObject({
  volunteerId: z.uuid(),
  action: z.enum(PRESENCE_ACTIONS),
});
export type OrganiserPresence = z.infer<typeof ZOrganiserPresence>;

/** A correction by the organiser: new times inside the activity's, in order, and a reason (audited). */
export const ZCorrectPresence = z.strictObject({
  checkedInAt: ZInstant,
  checkedOutAt: ZInstant,
  /** Checked by the service (empty or missing: 422 VOLUNTEER_CORRECTION_REASON_REQUIRED). */
  reason: z.string().max(500).optional(),
});
export type CorrectPresence = z.infer<typeof ZCorrectPresence>;

/** A volunteer's presence at an activity (their sign-up row, as presence sees it). */
export const ZPresenceSignupView = z.object({
  id: z.string(),
  activityId: z.string(),
  roleId: z.string(),
  roleName: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  state: z.enum(VOLUNTEER_SIGNUP_STATES),
  checkedInAt: z.string().nullable(),
  checkinMethod: z.enum(VOLUNTEER_CHECKIN_METHODS).nullable(),
  checkedOutAt: z.string().nullable(),
  checkoutMethod: z.enum(VOLUNTEER_CHECKIN_METHODS).nullable(),
  autoClosed: z.boolean().describe('Closed by the sweep at the scheduled end: the volunteer did not check out'),
  minutes: z
    .number()
    .int()
    .nullable()
    .describe('Counted minutes once checked out (inside the times, after the day cap)'),
  cappedMinutes: z.number().int().describe('Minutes the day cap took off'),
  penaltyMinutes: z.number().int().describe('A no-show’s cost (noShowPenaltyFactor × the shift)'),
  day: z.string().nullable().describe('County day of the check-in (for the day cap)'),
  correctionReason: z.string().nullable(),
  serviceRecordId: z.string().nullable().describe('Ledger record for an in-service Party member'),
  version: z.number().int(),
});
export type PresenceSignupView = z.infer<typeof ZPresenceSignupView>;

/** A check-out's answer: the sign-up and what became of the ledger record. */
export const ZCheckoutResult = ZPresenceSignupView.extend({
  ledger: z.enum(PRESENCE_LEDGER_OUTCOMES).nullable().describe('Null when answered again (already checked out)'),
});
export type CheckoutResult = z.infer<typeof ZCheckoutResult>;

/** What the phone shows after a scan: the activity, the caller's sign-up, and what to do next (or why nothing). */
export const ZScanView = z.object({
  activity: z.object({
    id: z.string(),
    title: z.string(),
    typeName: z.string(),
    typeNameEn: z.string(),
    place: z.string(),
    lng: z.number().nullable(),
    lat: z.number().nullable(),
    geofenceMeters: z.number().int().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    checkinOpensAt: z.string(),
    cancelled: z.boolean(),
  }),
  signup: ZPresenceSignupView.nullable(),
  next: z.enum(PRESENCE_NEXT_ACTIONS),
  why: z.enum(PRESENCE_NONE_REASONS).nullable().describe('Set when next is none'),
});
export type ScanView = z.infer<typeof ZScanView>;

/** The organiser's presence list of an activity (every live sign-up, waitlisted ones excluded). */
export const ZPresenceList = z.object({ items: z.array(ZPresenceSignupView) });
export type PresenceList = z.infer<typeof ZPresenceList>;

import { z } from 'zod';
import { ZLat, ZLng, ZVersion } from '../../../core/contracts.js';
import { listResponse, ZListQuery } from '../../../core/list.js';
import { VOLUNTEER_ACTIVITY_STATES, VOLUNTEER_CHECKIN_METHODS, VOLUNTEER_SIGNUP_STATES } from '../volunteers.enums.js';

/**
 * 志愿服务活动: request and response contracts of volunteer activities, their roles, sign-ups and the waitlist (the web
 * imports the types). Instants are ISO 8601 with an offset; the server compares them with the county clock.
 */
export { VOLUNTEER_ACTIVITY_STATES, VOLUNTEER_SIGNUP_STATES };
export const ZVolunteerActivityState = z.enum(VOLUNTEER_ACTIVITY_STATES);
export const ZVolunteerSignupState = z.enum(VOLUNTEER_SIGNUP_STATES);

const ZInstant = z.iso.datetime({ offset: true });

export const ZRoleInput = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('The role, e.g. 引导员'),
  slots: z.number().int().min(1).max(10_000).describe('How many volunteers it takes'),
});
export type RoleInput = z.infer<typeof ZRoleInput>;

const activityFields = {
  teamId: z.uuid().nullable().optional().describe('The team running it (of the community); none: the community'),
  typeId: z.uuid().describe('An active service type of the catalogue'),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).nullable().optional(),
  place: z.string().trim().min(1).max(200),
  lng: ZLng.nullable().optional(),
  lat: ZLat.nullable().optional(),
  geofenceMeters: z
    .number()
    .int()
    .min(10)
    .max(100_000)
    .nullable()
    .optional()
    .describe('Check-in radius; omitted: the rules’ default when lng/lat are given; null: no geofence'),
  startsAt: ZInstant,
  endsAt: ZInstant.describe('At most 24 hours after the start'),
  signupOpensAt: ZInstant,
  signupClosesAt: ZInstant,
  cancelDeadlineAt: ZInstant.describe('A volunteer may cancel their sign-up until then (no later than the start)'),
};

export const ZCreateVolunteerActivity = z.strictObject({
  communityId: z.uuid(),
  ...activityFields,
  roles: z.array(ZRoleInput).min(1).max(50),
});
export type CreateVolunteerActivity = z.infer<typeof ZCreateVolunteerActivity>;

/** A role in an edit: with `id` it renames or re-sizes that role; without, it adds one. Roles not listed stay. */
export const ZRoleEdit = ZRoleInput.extend({ id: z.uuid().optional() });
export type RoleEdit = z.infer<typeof ZRoleEdit>;

export const ZUpdateVolunteerActivity = z
  .strictObject(activityFields)
  .partial()
  .extend({ roles: z.array(ZRoleEdit).max(50).optional(), version: ZVersion.optional() });
export type UpdateVolunteerActivity = z.infer<typeof ZUpdateVolunteerActivity>;

export const ZCancelVolunteerActivity = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type CancelVolunteerActivity = z.infer<typeof ZCancelVolunteerActivity>;

export const ZActivityOutcome = z.strictObject({
  residentsServed: z.number().int().min(0).max(1_000_000).describe('Residents the activity reached'),
});
export type ActivityOutcome = z.infer<typeof ZActivityOutcome>;

export const ZVolunteerActivityListQuery = ZListQuery.extend({
  communityId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  typeId: z.uuid().optional(),
  /** County days, inclusive: activities starting on or after `from` and on or before `to`. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  state: ZVolunteerActivityState.optional(),
});
export type VolunteerActivityListQuery = z.infer<typeof ZVolunteerActivityListQuery>;

export const ZVolunteerRoleView = z.object({
  id: z.string(),
  name: z.string(),
  slots: z.number().int(),
  sort: z.number().int(),
  /** Sign-ups holding a slot (signed up, checked in or out, no-show). */
  taken: z.number().int(),
  waiting: z.number().int(),
  free: z.number().int(),
});
export type VolunteerRoleView = z.infer<typeof ZVolunteerRoleView>;

export const ZVolunteerActivityView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  typeId: z.string(),
  typeName: z.string(),
  typeNameEn: z.string(),
  seriesId: z.string(),
  seriesName: z.string(),
  seriesNameEn: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  place: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  geofenceMeters: z.number().int().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  signupOpensAt: z.string(),
  signupClosesAt: z.string(),
  cancelDeadlineAt: z.string(),
  residentsServed: z.number().int().nullable(),
  state: ZVolunteerActivityState,
  cancelReason: z.string().nullable(),
  roles: z.array(ZVolunteerRoleView),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type VolunteerActivityView = z.infer<typeof ZVolunteerActivityView>;
export const ZVolunteerActivityList = listResponse(ZVolunteerActivityView);

export const ZVolunteerActivityDetail = ZVolunteerActivityView.extend({
  /** The caller runs it (edit, cancel, roster, presence by hand). */
  can: z.object({ run: z.boolean() }),
});
export type VolunteerActivityDetail = z.infer<typeof ZVolunteerActivityDetail>;

// ── sign-ups ──
export const ZSignupRequest = z.strictObject({
  roleId: z.uuid(),
  volunteerId: z.uuid().optional().describe('The organiser signs this volunteer up; omitted: the caller'),
});
export type SignupRequest = z.infer<typeof ZSignupRequest>;

/** The body is optional (a reason the roster's audit keeps). */
export const ZCancelSignup = z.strictObject({ reason: z.string().trim().max(500).optional() }).optional();
export type CancelSignup = z.infer<typeof ZCancelSignup>;

export const ZVolunteerSignupView = z.object({
  id: z.string(),
  activityId: z.string(),
  roleId: z.string(),
  roleName: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  /** Masked (138****1234). */
  phone: z.string().nullable(),
  state: ZVolunteerSignupState,
  /** 1-based place on the role's waitlist; null unless waitlisted. */
  queuePosition: z.number().int().nullable(),
  queuedAt: z.string(),
  promotedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  checkinMethod: z.enum(VOLUNTEER_CHECKIN_METHODS).nullable(),
  checkedOutAt: z.string().nullable(),
  checkoutMethod: z.enum(VOLUNTEER_CHECKIN_METHODS).nullable(),
  autoClosed: z.boolean(),
  minutes: z.number().int().nullable(),
  penaltyMinutes: z.number().int(),
});
export type VolunteerSignupView = z.infer<typeof ZVolunteerSignupView>;
export const ZVolunteerSignupList = z.object({ items: z.array(ZVolunteerSignupView) });

/** The caller's own place at an activity (the phone pages). */
export const ZMySignupState = z.object({
  signupId: z.string(),
  roleId: z.string(),
  roleName: z.string(),
  state: ZVolunteerSignupState,
  queuePosition: z.number().int().nullable(),
  queuedAt: z.string(),
  promotedAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  minutes: z.number().int().nullable(),
  penaltyMinutes: z.number().int(),
  /** A volunteer may still cancel themself (before the cancellation deadline, live and not checked in). */
  mayCancel: z.boolean(),
});
export type MySignupState = z.infer<typeof ZMySignupState>;

export const ZOpenActivity = ZVolunteerActivityView.extend({
  /** Sign-up is open now (else it opens within the next days: `signupOpensAt`). */
  signupOpen: z.boolean(),
  mine: ZMySignupState.nullable(),
});
export type OpenActivity = z.infer<typeof ZOpenActivity>;
export const ZOpenActivities = z.object({
  /** Null when the caller has no volunteer registration (the page offers it). */
  volunteerId: z.string().nullable(),
  /** Sign-up blocked until then (no-shows), else null. */
  blockedUntil: z.string().nullable(),
  items: z.array(ZOpenActivity),
});
export type OpenActivities = z.infer<typeof ZOpenActivities>;

export const ZMyVolunteerActivity = ZVolunteerActivityView.extend({ mine: ZMySignupState });
export type MyVolunteerActivity = z.infer<typeof ZMyVolunteerActivity>;
export const ZMyVolunteerActivities = z.object({
  /** Not yet ended, by start. */
  upcoming: z.array(ZMyVolunteerActivity),
  /** Ended (the latest 100), latest first. */
  past: z.array(ZMyVolunteerActivity),
});
export type MyVolunteerActivities = z.infer<typeof ZMyVolunteerActivities>;

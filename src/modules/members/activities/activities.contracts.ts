import { z } from 'zod';
import { ZVersion } from '../../../core/contracts.js';
import { listResponse, ZListQuery } from '../../../core/list.js';
import { POST_SIGNUP_STATES } from './activities.enums.js';
import { POST_ACTIVITY_STATES, POST_CHECKIN_METHODS } from '../posts/posts.enums.js';

/** 岗位活动: request and response contracts of post activities, their sign-ups and check-ins (the web imports the types). */
export { POST_ACTIVITY_STATES, POST_CHECKIN_METHODS, POST_SIGNUP_STATES };
export const ZPostActivityState = z.enum(POST_ACTIVITY_STATES);
export const ZPostSignupState = z.enum(POST_SIGNUP_STATES);
export type PostSignupStateValue = z.infer<typeof ZPostSignupState>;

const ZInstant = z.iso.datetime({ offset: true });

const activityFields = {
  postTypeId: z.uuid(),
  openingId: z.uuid().nullable().optional(),
  gridId: z.uuid().nullable().optional(),
  title: z.string().trim().min(1).max(200),
  place: z.string().trim().min(1).max(200),
  startsAt: ZInstant,
  endsAt: ZInstant,
  capacity: z.number().int().min(1).max(10_000),
};
export const ZCreatePostActivity = z.strictObject({ communityId: z.uuid(), ...activityFields });
export type CreatePostActivity = z.infer<typeof ZCreatePostActivity>;
export const ZUpdatePostActivity = z.strictObject(activityFields).partial().extend({ version: ZVersion });
export type UpdatePostActivity = z.infer<typeof ZUpdatePostActivity>;
export const ZCancelPostActivity = z.strictObject({ reason: z.string().trim().min(1).max(500), version: ZVersion });
export type CancelPostActivity = z.infer<typeof ZCancelPostActivity>;

export const ZPostActivityListQuery = ZListQuery.extend({
  communityId: z.uuid().optional(),
  postTypeId: z.uuid().optional(),
  gridId: z.uuid().optional(),
  /** County days, inclusive: activities starting on or after `from` and on or before `to`. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  state: ZPostActivityState.optional(),
});
export type PostActivityListQuery = z.infer<typeof ZPostActivityListQuery>;

export const ZPostActivityView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  postTypeId: z.string(),
  postTypeName: z.string(),
  postTypeNameEn: z.string(),
  openingId: z.string().nullable(),
  openingTitle: z.string().nullable(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  title: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  state: ZPostActivityState,
  cancelReason: z.string().nullable(),
  signupCount: z.number().int(),
  checkedInCount: z.number().int(),
  noShowCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PostActivityView = z.infer<typeof ZPostActivityView>;
export const ZPostActivityList = listResponse(ZPostActivityView);

export const ZPostActivityDetail = ZPostActivityView.extend({
  checkinOpensAt: z.string(),
  checkinClosesAt: z.string(),
  can: z.object({ manage: z.boolean(), checkin: z.boolean() }),
});
export type PostActivityDetail = z.infer<typeof ZPostActivityDetail>;

// ── sign-ups and check-ins ──
export const ZPostSignupView = z.object({
  id: z.string(),
  activityId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  unitName: z.string().nullable(),
  state: ZPostSignupState,
  /** Null for a walk-in checked in without signing up. */
  signedUpAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  checkinMethod: z.enum(POST_CHECKIN_METHODS).nullable(),
  checkedOutAt: z.string().nullable(),
  serviceRecordId: z.string().nullable(),
  /** Minutes of the service record written at check-out. */
  minutes: z.number().int().nullable(),
});
export type PostSignupView = z.infer<typeof ZPostSignupView>;
export const ZPostSignupList = z.object({ items: z.array(ZPostSignupView) });
export const ZSignupParams = z.object({ id: z.uuid(), signupId: z.uuid() });
export const ZAddSignup = z.strictObject({ memberId: z.uuid() });
export type AddSignup = z.infer<typeof ZAddSignup>;

/** Staff check a member in by scanning their 报到证 (`token`) or by picking them (`memberId`). */
export const ZPostCheckin = z.union([
  z.strictObject({ token: z.string().trim().min(1).max(300) }),
  z.strictObject({ memberId: z.uuid() }),
]);
export type PostCheckin = z.infer<typeof ZPostCheckin>;
export const ZPostCheckout = z.strictObject({ memberId: z.uuid() });
export type PostCheckout = z.infer<typeof ZPostCheckout>;

/** The activities a scanner may check a member in at now (with the member's state at each), for the phone page. */
export const ZCheckinOpenQuery = z.object({ token: z.string().trim().min(1).max(300).optional() });
export const ZCheckinOpenActivity = ZPostActivityView.extend({ memberState: ZPostSignupState.nullable() });
export const ZCheckinOpen = z.object({
  member: z.object({ id: z.string(), name: z.string(), communityName: z.string().nullable() }).nullable(),
  items: z.array(ZCheckinOpenActivity),
});
export type CheckinOpen = z.infer<typeof ZCheckinOpen>;

// ── a member's own ──
export const ZMyPostActivity = ZPostActivityView.omit({ noShowCount: true }).extend({
  /** The activity is of the member's confirmed post (its opening, or its type) this year. */
  myPost: z.boolean(),
  mySignup: ZPostSignupView.pick({
    state: true,
    signedUpAt: true,
    checkedInAt: true,
    checkedOutAt: true,
    minutes: true,
  }).nullable(),
});
export type MyPostActivity = z.infer<typeof ZMyPostActivity>;
export const ZMyPostActivities = z.object({ items: z.array(ZMyPostActivity) });

/** What the activity form offers for a community: its active post types, open openings of this year, its grids. */
export const ZFormOptionsQuery = z.object({ communityId: z.uuid() });
export const ZFormOptions = z.object({
  postTypes: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string() })),
  openings: z.array(
    z.object({ id: z.string(), title: z.string(), postTypeId: z.string(), gridId: z.string().nullable() }),
  ),
  grids: z.array(z.object({ id: z.string(), name: z.string(), level: z.number().int() })),
});
export type FormOptions = z.infer<typeof ZFormOptions>;

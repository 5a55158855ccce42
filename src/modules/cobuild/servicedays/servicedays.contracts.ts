import { z } from 'zod';
import { ZLat, ZLng, ZVersion } from '../../../core/contracts.js';
import { listResponse, ZListQuery } from '../../../core/list.js';
import { CHECKIN_METHODS, SERVICE_DAY_STATUSES } from './servicedays.schema.js';

/** 集中报到服务日: request and response contracts (the web imports the types). */
export const ZServiceDayStatus = z.enum(SERVICE_DAY_STATUSES);
export type ServiceDayStatus = z.infer<typeof ZServiceDayStatus>;
export const ZCheckinMethod = z.enum(CHECKIN_METHODS);

const ZKindCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/);
/** A local time of day in the county's zone, HH:MM. */
const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

// ── service kinds ──
export const ZServiceKindView = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  sort: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type ServiceKindView = z.infer<typeof ZServiceKindView>;
export const ZServiceKindList = z.object({ items: z.array(ZServiceKindView) });
export const ZCreateServiceKind = z.strictObject({
  code: ZKindCode,
  name: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
  sort: z.number().int().min(0).max(100_000).optional(),
});
export type CreateServiceKind = z.infer<typeof ZCreateServiceKind>;
export const ZUpdateServiceKind = z.strictObject({
  name: ZCreateServiceKind.shape.name.optional(),
  nameEn: ZCreateServiceKind.shape.nameEn.optional(),
  sort: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional(),
  version: ZVersion,
});
export type UpdateServiceKind = z.infer<typeof ZUpdateServiceKind>;
export const ZKindParams = z.object({ code: z.string().max(40) });

// ── service days ──
const dayFields = {
  date: z.iso.date(),
  startTime: ZClock,
  endTime: ZClock,
  place: z.string().trim().min(1).max(200),
  lng: ZLng.nullable().optional(),
  lat: ZLat.nullable().optional(),
  theme: z.string().trim().min(1).max(200),
  kindCodes: z.array(ZKindCode).max(30),
};
export const ZCreateServiceDay = z.strictObject({ communityId: z.uuid(), ...dayFields });
export type CreateServiceDay = z.infer<typeof ZCreateServiceDay>;
export const ZUpdateServiceDay = z.strictObject(dayFields).partial().extend({ version: ZVersion });
export type UpdateServiceDay = z.infer<typeof ZUpdateServiceDay>;
export const ZCancelServiceDay = z.strictObject({ reason: z.string().trim().min(1).max(500), version: ZVersion });
export type CancelServiceDay = z.infer<typeof ZCancelServiceDay>;
/** Recording the outcome marks the day held. */
export const ZOutcome = z.strictObject({
  peopleServed: z.number().int().min(0).max(1_000_000),
  summary: z.string().trim().max(5000).nullable().optional(),
  version: ZVersion,
});
export type Outcome = z.infer<typeof ZOutcome>;

export const ZServiceDayListQuery = ZListQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
  communityId: z.uuid().optional(),
  status: ZServiceDayStatus.optional(),
  kind: z.string().max(40).optional(),
});
export type ServiceDayListQuery = z.infer<typeof ZServiceDayListQuery>;

export const ZServiceDayView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  theme: z.string(),
  kindCodes: z.array(z.string()),
  status: ZServiceDayStatus,
  cancelReason: z.string().nullable(),
  peopleServed: z.number().int().nullable(),
  summary: z.string().nullable(),
  signupCount: z.number().int(),
  headcountPromised: z.number().int(),
  checkinCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ServiceDayView = z.infer<typeof ZServiceDayView>;
export const ZServiceDayList = listResponse(ZServiceDayView);

export const ZPhotoView = z.object({
  id: z.string(),
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type PhotoView = z.infer<typeof ZPhotoView>;

/** The day with what only its managers see: the check-in token (the QR code) and the photos. */
export const ZServiceDayDetail = ZServiceDayView.extend({
  /** Null for readers who may not check anyone in: the token is what the QR code carries. */
  checkinToken: z.string().nullable(),
  photos: z.array(ZPhotoView),
  /** What the reader may do, so the web shows only the buttons that work. */
  can: z.object({ manage: z.boolean(), signup: z.boolean(), checkinOthers: z.boolean() }),
});
export type ServiceDayDetail = z.infer<typeof ZServiceDayDetail>;

export const ZDaySummary = z.object({
  dayId: z.string(),
  signups: z.number().int(),
  headcountPromised: z.number().int(),
  checkedIn: z.number().int(),
  checkedInByQr: z.number().int(),
  peopleServed: z.number().int().nullable(),
  /** Kinds the sign-ups' items cover, with how many items of each. */
  kinds: z.array(z.object({ code: z.string(), items: z.number().int() })),
  units: z.array(
    z.object({ unitId: z.string(), unitName: z.string(), headcount: z.number().int(), checkedIn: z.number().int() }),
  ),
});
export type DaySummary = z.infer<typeof ZDaySummary>;

// ── sign-ups ──
export const ZSignupItem = z.strictObject({ kindCode: ZKindCode, description: z.string().trim().min(1).max(500) });
export const ZSignupRequest = z.strictObject({
  /** Omitted by a unit admin with one unit: their own. */
  unitId: z.uuid().optional(),
  items: z.array(ZSignupItem).min(1).max(20),
  headcount: z.number().int().min(1).max(1000),
  note: z.string().trim().max(500).nullable().optional(),
});
export type SignupRequest = z.infer<typeof ZSignupRequest>;
export const ZUpdateSignup = z.strictObject({
  items: ZSignupRequest.shape.items.optional(),
  headcount: ZSignupRequest.shape.headcount.optional(),
  note: ZSignupRequest.shape.note,
  version: ZVersion,
});
export type UpdateSignup = z.infer<typeof ZUpdateSignup>;
export const ZWithdrawSignup = z.strictObject({ version: ZVersion });
export const ZSignupParams = z.object({ id: z.uuid(), signupId: z.uuid() });

export const ZSignupView = z.object({
  id: z.string(),
  dayId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  items: z.array(z.object({ kindCode: z.string(), description: z.string() })),
  headcount: z.number().int(),
  note: z.string().nullable(),
  checkedIn: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type SignupView = z.infer<typeof ZSignupView>;
export const ZSignupList = listResponse(ZSignupView);

// ── check-ins ──
export const ZTokenParams = z.object({ token: z.string().min(10).max(100) });
export const ZStaffCheckin = z.strictObject({ memberIds: z.array(z.uuid()).min(1).max(200) });
export type StaffCheckin = z.infer<typeof ZStaffCheckin>;

export const ZCheckinView = z.object({
  id: z.string(),
  dayId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  method: ZCheckinMethod,
  checkedInAt: z.string(),
});
export type CheckinView = z.infer<typeof ZCheckinView>;
export const ZCheckinList = listResponse(ZCheckinView);
export const ZStaffCheckinResult = z.object({
  created: z.array(ZCheckinView),
  /** Members who had already checked in: their first check-in, unchanged. */
  existing: z.array(ZCheckinView),
});
export type StaffCheckinResult = z.infer<typeof ZStaffCheckinResult>;

/** Whether a check-in is accepted now: open, not yet (30 min before the start), closed (24 h after the end), cancelled. */
export const ZCheckinWindow = z.enum(['open', 'not_started', 'closed', 'cancelled']);

/** What the phone page shows after scanning: the day (no token), whether check-in is open, and my check-in. */
export const ZCheckinPage = z.object({
  dayId: z.string(),
  communityName: z.string(),
  theme: z.string(),
  place: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  status: ZServiceDayStatus,
  opensAt: z.string(),
  closesAt: z.string(),
  /** open | not_started | closed | cancelled, as of the server's clock. */
  window: ZCheckinWindow,
  memberName: z.string().nullable(),
  myCheckin: ZCheckinView.nullable(),
});
export type CheckinPage = z.infer<typeof ZCheckinPage>;

/**
 * A day on a Party member's own list: held where they live (inMyCommunity) or one their unit signed up for
 * (myUnitSignedUp), whether check-in is open now, and when they checked in (no token: they scan it at the day).
 */
export const ZMyServiceDay = z.object({
  id: z.string(),
  communityName: z.string(),
  theme: z.string(),
  place: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: ZServiceDayStatus,
  cancelReason: z.string().nullable(),
  inMyCommunity: z.boolean(),
  myUnitSignedUp: z.boolean(),
  window: ZCheckinWindow,
  checkedInAt: z.string().nullable(),
});
export type MyServiceDay = z.infer<typeof ZMyServiceDay>;
/** Days still open to check-in or to come, soonest first; and the member's earlier check-ins, latest first. */
export const ZMyServiceDays = z.object({ upcoming: z.array(ZMyServiceDay), attended: z.array(ZMyServiceDay) });
export type MyServiceDays = z.infer<typeof ZMyServiceDays>;

export const ZCheckinListQuery = ZListQuery.extend({ unitId: z.uuid().optional() });
export type CheckinListQuery = z.infer<typeof ZCheckinListQuery>;
export const ZSignupListQuery = ZListQuery;

// ── per-unit summary ──
export const ZUnitSummaryQuery = ZListQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  communityId: z.uuid().optional(),
});
export type UnitSummaryQuery = z.infer<typeof ZUnitSummaryQuery>;
export const ZUnitSummary = z.object({
  unitId: z.string(),
  unitName: z.string(),
  signups: z.number().int(),
  headcountPromised: z.number().int(),
  /** Days on which at least one of the unit's members checked in. */
  daysAttended: z.number().int(),
  checkins: z.number().int(),
  /** Distinct members who checked in at least once. */
  members: z.number().int(),
});
export type UnitSummary = z.infer<typeof ZUnitSummary>;
export const ZUnitSummaryList = listResponse(ZUnitSummary);

/** A member staff may check in: an in-service member of a unit signed up for the day (or of the actor's unit). */
export const ZCandidate = z.object({
  memberId: z.string(),
  name: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  checkedIn: z.boolean(),
});
export type Candidate = z.infer<typeof ZCandidate>;
export const ZCandidateQuery = z.object({ q: z.string().trim().max(50).optional() });
export const ZCandidateList = z.object({ items: z.array(ZCandidate) });

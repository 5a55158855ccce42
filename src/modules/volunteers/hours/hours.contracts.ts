import { z } from 'zod';
import { ZIsoDate } from '../../../core/contracts.js';
import { listResponse, ZListQuery } from '../../../core/list.js';
import { CERTIFICATE_STATES, VOLUNTEER_SIGNUP_STATES } from '../volunteers.enums.js';

/**
 * Hours, stars and service certificates (志愿服务证明): request and response contracts (the web imports the types).
 * Counted hours = (Σ minutes of checked-out sign-ups − Σ penalty minutes of no-shows) / 60, never below 0; the star
 * level follows the rules' `starHours` (national 100 / 300 / 600 / 1,000 / 1,500 by default).
 */
export { CERTIFICATE_STATES, hoursToNextStar, starLevel } from '../volunteers.enums.js';
export type { CertificateState } from '../volunteers.enums.js';

export const ZCertificateState = z.enum(CERTIFICATE_STATES);
const ZStar = z.coerce.number().int().min(0).max(5);

// ── hours ──
/** The period filters by the activity's start, as county days (from and to inclusive). */
const ZPeriod = {
  from: ZIsoDate.optional().describe('First county day of the period (activity start), inclusive'),
  to: ZIsoDate.optional().describe('Last county day of the period (activity start), inclusive'),
};

export const ZHoursQuery = ZListQuery.extend({
  teamId: z.uuid().optional().describe('Volunteers with an open membership of this team'),
  communityId: z.uuid().optional().describe('Volunteers living in this community or in one of its teams'),
  star: ZStar.optional().describe('Only volunteers at this star level (0–5)'),
  ...ZPeriod,
  /** sort: -hours (default) | hours | name | -name | services | -services. */
});
export type HoursQuery = z.infer<typeof ZHoursQuery>;
/** The summary and the export take the same filters, without paging. */
export const ZHoursFilter = ZHoursQuery.omit({ page: true, pageSize: true });
export type HoursFilter = z.infer<typeof ZHoursFilter>;

export const ZVolunteerHours = z.object({
  volunteerId: z.string(),
  name: z.string(),
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
  /** Open memberships, by team name. */
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Σ counted minutes of checked-out sign-ups (after the day cap). */
  verifiedMinutes: z.number().int(),
  /** Σ no-show penalties. */
  penaltyMinutes: z.number().int(),
  /** max(0, verified − penalty) / 60, to one decimal. */
  hours: z.number(),
  star: z.number().int().min(0).max(5),
  /** The next star's level and the hours still to go; null at the top. */
  nextStar: z.number().int().nullable(),
  hoursToNextStar: z.number().nullable(),
  /** Activities checked out of (services rendered). */
  services: z.number().int(),
  noShows: z.number().int(),
  /** Sign-up blocked until then (ISO instant) after too many no-shows; null when not blocked now. */
  blockedUntil: z.string().nullable(),
});
export type VolunteerHours = z.infer<typeof ZVolunteerHours>;
export const ZVolunteerHoursList = listResponse(ZVolunteerHours);

/** The dashboard figure: how many volunteers at each star level, the hours, the services and the residents served. */
export const ZHoursSummary = z.object({
  volunteers: z.number().int(),
  /** Index = star level 0..5. */
  stars: z.array(z.number().int()).length(6),
  totalHours: z.number(),
  /** Activities with at least one checked-out sign-up (the article's 380 services a year). */
  servicesHeld: z.number().int(),
  /** Σ residents served recorded on those activities. */
  residentsServed: z.number().int(),
  /** The thresholds in force. */
  starHours: z.array(z.number()),
});
export type HoursSummary = z.infer<typeof ZHoursSummary>;

export const ZMySignup = z.object({
  signupId: z.string(),
  activityId: z.string(),
  activityTitle: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  state: z.enum(VOLUNTEER_SIGNUP_STATES),
  minutes: z.number().int().nullable(),
  penaltyMinutes: z.number().int(),
  cappedMinutes: z.number().int(),
  /** Closed by the sweep at the scheduled end (no check-out). */
  autoClosed: z.boolean(),
  /** The day cap took minutes off. */
  capped: z.boolean(),
  /** Corrected by the organiser (with a reason). */
  corrected: z.boolean(),
  correctionReason: z.string().nullable(),
});
export type MySignup = z.infer<typeof ZMySignup>;

export const ZMyHours = ZVolunteerHours.extend({
  starHours: z.array(z.number()),
  /** The last 20 sign-ups (not cancelled or waitlisted), latest first. */
  recent: z.array(ZMySignup),
});
export type MyHours = z.infer<typeof ZMyHours>;

// ── certificates ──
export const ZIssueCertificate = z
  .strictObject({
    volunteerId: z.uuid(),
    periodFrom: ZIsoDate.describe('First county day of the certified period'),
    periodTo: ZIsoDate.describe('Last county day of the certified period'),
    content: z.string().trim().min(1).max(500).optional().describe('Service content; generated when absent'),
  })
  .refine((v) => v.periodFrom <= v.periodTo, { message: 'periodFrom after periodTo', path: ['periodTo'] });
export type IssueCertificate = z.infer<typeof ZIssueCertificate>;

export const ZRevokeVolunteerCertificate = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type RevokeVolunteerCertificate = z.infer<typeof ZRevokeVolunteerCertificate>;

export const ZVolunteerCertificate = z.object({
  id: z.string(),
  serial: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  /** Masked (350723********1234). */
  idNumber: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  issuerOrgId: z.string(),
  issuerName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  minutes: z.number().int(),
  hours: z.number(),
  activities: z.number().int(),
  content: z.string(),
  issuedAt: z.string(),
  publicUntil: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  state: ZCertificateState,
});
export type VolunteerCertificateView = z.infer<typeof ZVolunteerCertificate>;
export const ZVolunteerCertificateList = listResponse(ZVolunteerCertificate);

export const ZCertificateQuery = ZListQuery.extend({
  volunteerId: z.uuid().optional(),
  state: ZCertificateState.optional(),
  /** q: the volunteer's name or the serial. sort: -issuedAt (default) | issuedAt | serial | -serial. */
});
export type CertificateQuery = z.infer<typeof ZCertificateQuery>;

/** A certificate in 公示 (publicity running), as anyone who reads or takes part sees it. */
export const ZPublicCertificate = z.object({
  id: z.string(),
  serial: z.string(),
  volunteerName: z.string(),
  idNumber: z.string().nullable(),
  hours: z.number(),
  activities: z.number().int(),
  periodFrom: z.string(),
  periodTo: z.string(),
  issuerName: z.string(),
  issuedAt: z.string(),
  publicUntil: z.string(),
});
export type PublicCertificate = z.infer<typeof ZPublicCertificate>;
export const ZPublicCertificateList = z.object({ items: z.array(ZPublicCertificate) });
export const ZMyCertificates = z.object({ items: z.array(ZVolunteerCertificate) });

import { z } from 'zod';
import { ZVersion } from '../../../core/contracts.js';
import { listResponse, ZListQuery } from '../../../core/list.js';
import { TEAM_ROLES, VOLUNTEER_STATES } from '../volunteers.enums.js';

/**
 * 志愿服务 catalogue: series → types, teams with leaders and members, registration of volunteers, and the rules in
 * force — request and response contracts (the web imports the types). docs/VOLUNTEERS.md.
 */
export const ZVolunteerState = z.enum(VOLUNTEER_STATES);
export const ZTeamRole = z.enum(TEAM_ROLES);
const ZBoolText = z.enum(['true', 'false']);
const ZKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/)
  .describe('Stable key (lower case, digits, _): seed data and reports refer to it');
const ZName = z.string().trim().min(1).max(60);
const ZNameEn = z.string().trim().min(1).max(120);
const ZSort = z.number().int().min(0).max(100_000);

// ── series and types ──
export const ZVolunteerTypeView = z.object({
  id: z.string(),
  seriesId: z.string(),
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  sort: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type VolunteerTypeView = z.infer<typeof ZVolunteerTypeView>;

export const ZVolunteerSeriesView = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  sort: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  types: z
    .array(ZVolunteerTypeView)
    .describe('The series’ types by sort, then key (only active ones with active=true)'),
});
export type VolunteerSeriesView = z.infer<typeof ZVolunteerSeriesView>;
export const ZVolunteerSeriesList = z.object({ items: z.array(ZVolunteerSeriesView) });
export type VolunteerSeriesList = z.infer<typeof ZVolunteerSeriesList>;

export const ZVolunteerSeriesQuery = z.object({
  active: ZBoolText.optional().describe('true: only active series and types; false: only retired series'),
});
export type VolunteerSeriesQuery = z.infer<typeof ZVolunteerSeriesQuery>;

export const ZCreateVolunteerSeries = z.strictObject({
  key: ZKey,
  name: ZName,
  nameEn: ZNameEn,
  sort: ZSort.optional(),
});
export type CreateVolunteerSeries = z.infer<typeof ZCreateVolunteerSeries>;
export const ZUpdateVolunteerSeries = z
  .strictObject({ name: ZName, nameEn: ZNameEn, sort: ZSort, active: z.boolean() })
  .partial()
  .extend({ version: ZVersion });
export type UpdateVolunteerSeries = z.infer<typeof ZUpdateVolunteerSeries>;

export const ZCreateVolunteerType = z.strictObject({
  seriesId: z.uuid(),
  key: ZKey,
  name: ZName,
  nameEn: ZNameEn,
  sort: ZSort.optional(),
});
export type CreateVolunteerType = z.infer<typeof ZCreateVolunteerType>;
export const ZUpdateVolunteerType = z
  .strictObject({ seriesId: z.uuid(), name: ZName, nameEn: ZNameEn, sort: ZSort, active: z.boolean() })
  .partial()
  .extend({ version: ZVersion });
export type UpdateVolunteerType = z.infer<typeof ZUpdateVolunteerType>;

// ── teams ──
export const ZTeamLeader = z.object({ volunteerId: z.string(), name: z.string() });

export const ZVolunteerTeamView = z.object({
  id: z.string(),
  name: z.string(),
  seriesId: z.string(),
  seriesName: z.string(),
  seriesNameEn: z.string(),
  communityId: z.string().nullable().describe('Null: a county-wide team'),
  communityName: z.string().nullable(),
  description: z.string().nullable(),
  active: z.boolean(),
  leaders: z.array(ZTeamLeader),
  memberCount: z.number().int().describe('Open memberships, leaders included'),
  mayRun: z.boolean().describe('The caller may change the team and its roster (a leader: plain members only)'),
  version: z.number().int(),
});
export type VolunteerTeamView = z.infer<typeof ZVolunteerTeamView>;
export const ZVolunteerTeamList = listResponse(ZVolunteerTeamView);

export const ZVolunteerTeamQuery = ZListQuery.extend({
  communityId: z.uuid().optional(),
  seriesId: z.uuid().optional(),
  active: ZBoolText.optional(),
  /** sort: name | -name (default: name); q searches the name. */
});
export type VolunteerTeamQuery = z.infer<typeof ZVolunteerTeamQuery>;

export const ZTeamMemberView = z.object({
  id: z.string().describe('The membership'),
  volunteerId: z.string(),
  personId: z.string(),
  name: z.string(),
  phone: z.string().nullable().describe('Masked'),
  role: ZTeamRole,
  joinedAt: z.string(),
  skills: z.array(z.string()),
  state: ZVolunteerState,
  version: z.number().int(),
});
export type TeamMemberView = z.infer<typeof ZTeamMemberView>;

export const ZVolunteerTeamDetail = ZVolunteerTeamView.extend({
  members: z.array(ZTeamMemberView).describe('Open memberships: leaders first, then by name'),
});
export type VolunteerTeamDetail = z.infer<typeof ZVolunteerTeamDetail>;

export const ZCreateVolunteerTeam = z.strictObject({
  name: z.string().trim().min(1).max(80),
  seriesId: z.uuid(),
  communityId: z.uuid().nullable().describe('Null: a county-wide team (the county only)'),
  description: z.string().trim().max(1000).nullable().optional(),
});
export type CreateVolunteerTeam = z.infer<typeof ZCreateVolunteerTeam>;
export const ZUpdateVolunteerTeam = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    seriesId: z.uuid(),
    description: z.string().trim().max(1000).nullable(),
    active: z.boolean(),
  })
  .partial()
  .extend({ version: ZVersion });
export type UpdateVolunteerTeam = z.infer<typeof ZUpdateVolunteerTeam>;

export const ZAddTeamMember = z.strictObject({ volunteerId: z.uuid(), role: ZTeamRole.default('member') });
export type AddTeamMember = z.infer<typeof ZAddTeamMember>;
export const ZUpdateTeamMember = z.strictObject({ role: ZTeamRole });
export type UpdateTeamMember = z.infer<typeof ZUpdateTeamMember>;
export const ZTeamMemberParams = z.object({ id: z.uuid(), memberId: z.uuid() });

// ── volunteers (registration) ──
const ZSkills = z.array(z.string().trim().min(1).max(30)).max(20);
const ZAvailability = z.string().trim().max(500).nullable().describe('When they can serve, in their own words');

export const ZVolunteerTeamRef = z.object({
  membershipId: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  role: ZTeamRole,
  joinedAt: z.string(),
});

export const ZVolunteerView = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  phone: z.string().nullable().describe('Masked'),
  communityId: z.string().nullable().describe('The person’s community'),
  communityName: z.string().nullable(),
  skills: z.array(z.string()),
  availability: z.string().nullable(),
  state: ZVolunteerState,
  registeredAt: z.string(),
  teams: z.array(ZVolunteerTeamRef).describe('Open memberships'),
  version: z.number().int(),
});
export type VolunteerView = z.infer<typeof ZVolunteerView>;
export const ZVolunteerList = listResponse(ZVolunteerView);

export const ZVolunteerQuery = ZListQuery.extend({
  teamId: z.uuid().optional(),
  communityId: z.uuid().optional().describe('The person’s community'),
  state: ZVolunteerState.optional(),
  skill: z.string().trim().min(1).max(30).optional(),
  /** q searches the name; sort: name | -name | registeredAt | -registeredAt (default: name). */
});
export type VolunteerQuery = z.infer<typeof ZVolunteerQuery>;

export const ZRegisterVolunteer = z.strictObject({
  personId: z.uuid(),
  skills: ZSkills.default([]),
  availability: ZAvailability.optional(),
  teamId: z.uuid().optional().describe('Join this team as a member at once'),
});
export type RegisterVolunteer = z.infer<typeof ZRegisterVolunteer>;
export const ZRegisterSelf = ZRegisterVolunteer.omit({ personId: true });
export type RegisterSelf = z.infer<typeof ZRegisterSelf>;

export const ZUpdateVolunteer = z
  .strictObject({ skills: ZSkills, availability: ZAvailability, state: ZVolunteerState })
  .partial()
  .extend({ version: ZVersion });
export type UpdateVolunteer = z.infer<typeof ZUpdateVolunteer>;

export const ZMyVolunteer = z.object({
  registered: z.boolean().describe('False: the phone offers registration'),
  volunteer: ZVolunteerView.nullable(),
});
export type MyVolunteer = z.infer<typeof ZMyVolunteer>;

// ── rules ──
/** The shape only; whether the figures hold together is checked by the service (400 VOLUNTEER_RULES_INVALID). */
export const ZVolunteerRulesInput = z.strictObject({
  starHours: z.array(z.number()).max(20).describe('Hours for one to five stars: 5 positive ascending integers'),
  noShowPenaltyFactor: z.number(),
  blockAfterNoShows: z.number(),
  noShowWindowDays: z.number(),
  blockDays: z.number(),
  dayCapMinutes: z.number().describe('60..1440'),
  geofenceMeters: z.number().describe('50..5000'),
  codeRotateSeconds: z.number().describe('15..600'),
  publicityDays: z.number().describe('1..30'),
});
export type VolunteerRulesInput = z.infer<typeof ZVolunteerRulesInput>;
export const ZVolunteerRulesView = ZVolunteerRulesInput.extend({
  id: z.string().nullable().describe('Null while the defaults apply'),
});
export type VolunteerRulesViewResponse = z.infer<typeof ZVolunteerRulesView>;

import { z } from 'zod';
import { ZLat, ZLng, ZVersion } from '../../../core/contracts.js';
import { listResponse, ZListQuery } from '../../../core/list.js';
import { POST_ASSIGNMENT_STATES, POST_OPENING_STATES } from './posts.enums.js';

/** 设岗定责: post types, openings and assignments — request and response contracts (the web imports the types). */
export const ZPostOpeningState = z.enum(POST_OPENING_STATES);
export const ZPostAssignmentState = z.enum(POST_ASSIGNMENT_STATES);
const ZYear = z.coerce.number().int().min(2000).max(2100);

// ── post types ──
export const ZPostTypeView = z.object({
  id: z.string(),
  communityId: z.string(),
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  sort: z.number().int(),
  version: z.number().int(),
});
export type PostTypeView = z.infer<typeof ZPostTypeView>;
export const ZPostTypeList = z.object({ items: z.array(ZPostTypeView) });
export const ZPostTypeListQuery = z.object({
  communityId: z.uuid(),
  active: z.enum(['true', 'false']).optional(),
});
export type PostTypeListQuery = z.infer<typeof ZPostTypeListQuery>;
const typeFields = {
  name: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).nullable().optional(),
  sort: z.number().int().min(0).max(100_000).optional(),
};
export const ZCreatePostType = z.strictObject({
  communityId: z.uuid(),
  /** Stable key (skills refer to it); generated from the time when left out. */
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/)
    .optional(),
  ...typeFields,
});
export type CreatePostType = z.infer<typeof ZCreatePostType>;
export const ZUpdatePostType = z
  .strictObject({ ...typeFields, active: z.boolean() })
  .partial()
  .extend({ version: ZVersion });
export type UpdatePostType = z.infer<typeof ZUpdatePostType>;

// ── openings ──
const openingFields = {
  gridId: z.uuid().nullable().optional(),
  postTypeId: z.uuid(),
  seats: z.number().int().min(1).max(1000),
  title: z.string().trim().min(1).max(100),
  duties: z.string().trim().max(2000).nullable().optional(),
  lng: ZLng.nullable().optional(),
  lat: ZLat.nullable().optional(),
};
export const ZCreatePostOpening = z.strictObject({
  communityId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  ...openingFields,
});
export type CreatePostOpening = z.infer<typeof ZCreatePostOpening>;
export const ZUpdatePostOpening = z
  .strictObject({ ...openingFields, state: ZPostOpeningState })
  .partial()
  .extend({ version: ZVersion });
export type UpdatePostOpening = z.infer<typeof ZUpdatePostOpening>;

export const ZPostOpeningListQuery = ZListQuery.extend({
  communityId: z.uuid().optional(),
  gridId: z.uuid().optional(),
  postTypeId: z.uuid().optional(),
  year: ZYear.optional(),
  state: ZPostOpeningState.optional(),
});
export type PostOpeningListQuery = z.infer<typeof ZPostOpeningListQuery>;

export const ZPostOpeningView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  postTypeId: z.string(),
  postTypeKey: z.string(),
  postTypeName: z.string(),
  postTypeNameEn: z.string(),
  year: z.number().int(),
  seats: z.number().int(),
  title: z.string(),
  duties: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  state: ZPostOpeningState,
  confirmedCount: z.number().int(),
  suggestedCount: z.number().int(),
  version: z.number().int(),
});
export type PostOpeningView = z.infer<typeof ZPostOpeningView>;
export const ZPostOpeningList = listResponse(ZPostOpeningView);

// ── assignments ──
export const ZAssignmentRun = z.strictObject({
  /** One community, or the whole county (county admin) when left out. */
  communityId: z.uuid().optional(),
  year: z.number().int().min(2000).max(2100),
  weights: z
    .strictObject({
      skill: z.number().min(0).max(10),
      need: z.number().min(0).max(10),
      distance: z.number().min(0).max(10),
    })
    .partial()
    .optional(),
});
export type AssignmentRun = z.infer<typeof ZAssignmentRun>;
export const ZAssignmentRunResult = z.object({
  year: z.number().int(),
  communityId: z.string().nullable(),
  candidates: z.number().int(),
  openSeats: z.number().int(),
  suggested: z.number().int(),
  /** Σ worth of the suggestions, the bound no plan can beat, their relative gap. */
  objective: z.number(),
  bound: z.number(),
  gap: z.number(),
  status: z.enum(['optimal', 'time_limit']),
  solveMs: z.number(),
  pairs: z.number().int(),
});
export type AssignmentRunResult = z.infer<typeof ZAssignmentRunResult>;

export const ZPostAssignmentView = z.object({
  id: z.string(),
  openingId: z.string(),
  openingTitle: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  gridName: z.string().nullable(),
  postTypeKey: z.string(),
  postTypeName: z.string(),
  postTypeNameEn: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  unitName: z.string().nullable(),
  year: z.number().int(),
  state: ZPostAssignmentState,
  score: z.number().nullable(),
  distanceKm: z.number().nullable(),
  /** Whether the member offered this type as a skill when reporting. */
  skillMatch: z.boolean(),
  confirmedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  version: z.number().int(),
});
export type PostAssignmentView = z.infer<typeof ZPostAssignmentView>;
export const ZPostAssignmentList = listResponse(ZPostAssignmentView);
export const ZPostAssignmentListQuery = ZListQuery.extend({
  communityId: z.uuid().optional(),
  openingId: z.uuid().optional(),
  memberId: z.uuid().optional(),
  year: ZYear.optional(),
  state: ZPostAssignmentState.optional(),
});
export type PostAssignmentListQuery = z.infer<typeof ZPostAssignmentListQuery>;
export const ZMyPosts = z.object({ items: z.array(ZPostAssignmentView) });

export const ZHandAssign = z.strictObject({ openingId: z.uuid(), memberId: z.uuid() });
export type HandAssign = z.infer<typeof ZHandAssign>;
export const ZAssignmentAction = z.strictObject({ version: ZVersion });
export const ZBulkConfirm = z.strictObject({ ids: z.array(z.uuid()).min(1).max(2000) });
export const ZBulkConfirmResult = z.object({
  confirmed: z.number().int(),
  skipped: z.array(z.object({ id: z.string(), code: z.string() })),
});
export type BulkConfirmResult = z.infer<typeof ZBulkConfirmResult>;

/** Members who could take an opening (hand assignment's picker): reported at its community, no post this year. */
export const ZCandidateQuery = z.object({ q: z.string().trim().max(50).optional() });
export const ZOpeningCandidate = z.object({
  memberId: z.string(),
  memberName: z.string(),
  unitName: z.string().nullable(),
  gridName: z.string().nullable(),
  skillMatch: z.boolean(),
  distanceKm: z.number().nullable(),
});
export const ZOpeningCandidates = z.object({ items: z.array(ZOpeningCandidate) });
export type OpeningCandidate = z.infer<typeof ZOpeningCandidate>;

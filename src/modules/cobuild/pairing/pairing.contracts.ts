import { z } from 'zod';
import { ZVersion } from '../../../core/contracts.js';
import { listResponse, ZListQuery } from '../../../core/list.js';
import { PAIR_SOURCES, PAIRING_PLAN_STATUSES } from './pairing.schema.js';
import { STRENGTHS } from '../../org/org.enums.js';
import { COMMITTEE_ROLES } from './pairing.enums.js';

/** 结对 (community ↔ unit pairing): optimiser settings, plans, pairs. The web imports these types. */
export const STRENGTH_TAGS = STRENGTHS;
export const ZStrength = z.enum(STRENGTH_TAGS);
export type Strength = z.infer<typeof ZStrength>;

const weight = z.number().min(0).max(1);
/** Each in [0, 1]: 就近就便, 优势互补, 均衡分布 (headcount balance in the objective; the bounds are hard). */
export const ZWeights = z.strictObject({ distance: weight, complement: weight, balance: weight });

const count = z.number().int().min(0).max(100_000);
export const ZBounds = z
  .strictObject({
    minUnits: count,
    maxUnits: count,
    minMembers: count.max(10_000_000),
    maxMembers: count.max(10_000_000),
  })
  .refine((b) => b.minUnits <= b.maxUnits, { message: 'minUnits must not exceed maxUnits', path: ['minUnits'] })
  .refine((b) => b.minMembers <= b.maxMembers, {
    message: 'minMembers must not exceed maxMembers',
    path: ['minMembers'],
  });

export const ZPairRef = z.strictObject({ unitId: z.uuid(), communityId: z.uuid() });
export type PairRef = z.infer<typeof ZPairRef>;

/** A community's needs profile: weight per strength tag (derived from last year's cases unless overridden). */
export const ZNeedsProfile = z.partialRecord(ZStrength, z.number().min(0).max(1_000_000));
export type NeedsProfile = z.infer<typeof ZNeedsProfile>;

export const ZPlanSettings = z.strictObject({
  k: z.number().int().min(1).max(20).optional(),
  weights: ZWeights.optional(),
  bounds: ZBounds.optional(),
  pins: z.array(ZPairRef).max(5000).optional(),
  forbids: z.array(ZPairRef).max(20_000).optional(),
  /** Overrides of the derived needs profile, per community id. */
  needs: z.record(z.uuid(), ZNeedsProfile).optional(),
});
export type PlanSettings = z.infer<typeof ZPlanSettings>;

/** Settings with every default filled in, as stored on a plan. */
export const ZResolvedSettings = z.object({
  k: z.number().int(),
  weights: ZWeights,
  bounds: z.object({ minUnits: z.number(), maxUnits: z.number(), minMembers: z.number(), maxMembers: z.number() }),
  pins: z.array(ZPairRef),
  forbids: z.array(ZPairRef),
  needs: z.record(z.string(), ZNeedsProfile),
});
export type ResolvedSettings = z.infer<typeof ZResolvedSettings>;

const ZYear = z.coerce.number().int().min(2000).max(2100);

export const ZRunRequest = z.strictObject({
  year: ZYear,
  name: z.string().trim().min(1).max(100).optional(),
  settings: ZPlanSettings.optional(),
});
export type RunRequest = z.infer<typeof ZRunRequest>;
export const ZRerunRequest = z.strictObject({ settings: ZPlanSettings.optional(), version: ZVersion });
export type RerunRequest = z.infer<typeof ZRerunRequest>;
/** A hand-made draft: empty, or a copy of another plan (e.g. the adopted one) to edit. */
export const ZCreatePlan = z.strictObject({
  year: ZYear,
  name: z.string().trim().min(1).max(100),
  copyFromPlanId: z.uuid().optional(),
});
export type CreatePlan = z.infer<typeof ZCreatePlan>;

export const ZPairChange = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add'), unitId: z.uuid(), communityId: z.uuid() }),
  z.strictObject({ op: z.literal('remove'), unitId: z.uuid(), communityId: z.uuid() }),
  z.strictObject({ op: z.literal('move'), unitId: z.uuid(), fromCommunityId: z.uuid(), toCommunityId: z.uuid() }),
]);
export type PairChange = z.infer<typeof ZPairChange>;
export const ZEditPairs = z.strictObject({ changes: z.array(ZPairChange).min(1).max(500), version: ZVersion });
export type EditPairs = z.infer<typeof ZEditPairs>;
export const ZAdoptRequest = z.strictObject({ version: ZVersion, acceptViolations: z.boolean().optional() });
export type AdoptRequest = z.infer<typeof ZAdoptRequest>;

const term = { term: z.number(), weighted: z.number() };
export const ZObjective = z.object({
  distance: z.object({ ...term, totalKm: z.number(), meanKm: z.number(), maxKm: z.number() }),
  complement: z.object({ ...term, coverage: z.number() }),
  balance: z.object({
    ...term,
    minUnits: z.number(),
    maxUnits: z.number(),
    minMembers: z.number(),
    maxMembers: z.number(),
  }),
  allocation: z.object({ unitsPaired: z.number(), units: z.number(), pairs: z.number() }),
  total: z.number(),
});
export type Objective = z.infer<typeof ZObjective>;

export const ZViolation = z.object({
  code: z.enum([
    'unit_pairs',
    'community_units_min',
    'community_units_max',
    'community_members_min',
    'community_members_max',
    'pin_missing',
    'forbid_used',
  ]),
  unitId: z.string().optional(),
  communityId: z.string().optional(),
  actual: z.number().optional(),
  limit: z.number().optional(),
});
export type Violation = z.infer<typeof ZViolation>;

export const ZSolveInfo = z.object({
  method: z.enum(['mip', 'lp-fix-mip']),
  status: z.enum(['optimal', 'within_gap', 'time_limit']),
  objective: z.number(),
  bound: z.number(),
  gap: z.number(),
  candidates: z.number(),
  fixedByLp: z.number(),
  ms: z.number(),
});
export type SolveInfo = z.infer<typeof ZSolveInfo>;

export const ZPlanParams = z.object({ id: z.uuid() });
export const ZPlanListQuery = ZListQuery.extend({
  year: ZYear.optional(),
  status: z.enum(PAIRING_PLAN_STATUSES).optional(),
});
export type PlanListQuery = z.infer<typeof ZPlanListQuery>;

export const ZPlanView = z.object({
  id: z.string(),
  year: z.number().int(),
  name: z.string(),
  status: z.enum(PAIRING_PLAN_STATUSES),
  objective: ZObjective.nullable(),
  violations: z.array(ZViolation),
  solve: ZSolveInfo.nullable(),
  pairCount: z.number().int(),
  createdAt: z.string(),
  adoptedAt: z.string().nullable(),
  version: z.number().int(),
});
export type PlanView = z.infer<typeof ZPlanView>;
export const ZPlanList = listResponse(ZPlanView);

export const ZExplanation = z.object({
  distanceKm: z.number(),
  /** The unit's strengths that meet the community's needs, with each need's share of the community's profile. */
  matched: z.array(z.object({ tag: z.string(), share: z.number() })),
  needsMet: z.number(),
  /** This pair's weighted terms of the objective. */
  terms: z.object({ distance: z.number(), complement: z.number() }),
});
export type Explanation = z.infer<typeof ZExplanation>;

export const ZPairView = z.object({
  id: z.string(),
  planId: z.string(),
  planStatus: z.enum(PAIRING_PLAN_STATUSES),
  year: z.number().int(),
  communityId: z.string(),
  communityName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitLeader: z.string().nullable(),
  source: z.enum(PAIR_SOURCES),
  distanceKm: z.number().nullable(),
  explanation: ZExplanation.nullable(),
});
export type PairView = z.infer<typeof ZPairView>;
export const ZPairList = listResponse(ZPairView);
export const ZPairListQuery = ZListQuery.extend({
  year: ZYear.optional(),
  communityId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  planId: z.uuid().optional(),
  source: z.enum(PAIR_SOURCES).optional(),
});
export type PairListQuery = z.infer<typeof ZPairListQuery>;

export const ZMapCommunity = z.object({
  id: z.string(),
  name: z.string(),
  lng: z.number(),
  lat: z.number(),
  population: z.number().nullable(),
  needs: ZNeedsProfile,
});
export const ZMapUnit = z.object({
  id: z.string(),
  name: z.string(),
  lng: z.number(),
  lat: z.number(),
  headcount: z.number(),
  strengths: z.array(z.string()),
});
export type MapCommunity = z.infer<typeof ZMapCommunity>;
export type MapUnit = z.infer<typeof ZMapUnit>;

export const ZPlanDetail = ZPlanView.extend({
  settings: ZResolvedSettings.nullable(),
  pairs: z.array(ZPairView),
  communities: z.array(ZMapCommunity),
  units: z.array(ZMapUnit),
});
export type PlanDetail = z.infer<typeof ZPlanDetail>;

export const ZDefaultsQuery = z.object({ year: ZYear });
export const ZDefaults = z.object({
  year: z.number().int(),
  settings: ZResolvedSettings,
  communities: z.array(ZMapCommunity),
  units: z.array(ZMapUnit),
  /** How many cases of the year before fed each derived needs profile. */
  casesCounted: z.number().int(),
});
export type Defaults = z.infer<typeof ZDefaults>;

export const ZCompareQuery = z.object({ with: z.uuid().optional() });
export const ZComparison = z.object({
  plan: z.object({ id: z.string(), name: z.string(), objective: ZObjective.nullable() }),
  other: z
    .object({
      id: z.string(),
      name: z.string(),
      status: z.enum(PAIRING_PLAN_STATUSES),
      objective: ZObjective.nullable(),
    })
    .nullable(),
  moved: z.array(
    z.object({ unitId: z.string(), unitName: z.string(), from: z.array(z.string()), to: z.array(z.string()) }),
  ),
  unchanged: z.number().int(),
});
export type Comparison = z.infer<typeof ZComparison>;

/** 大党委: a community's committee of a year (head = community secretary, deputies = paired units' Party leaders). */
export const COMMITTEE_ROLE_VALUES = COMMITTEE_ROLES;
export const ZCommitteeRole = z.enum(COMMITTEE_ROLE_VALUES);
export const ZCommitteeParams = z.object({ communityId: z.uuid() });
export const ZMemberKey = z.string().regex(/^(secretary|unit:[0-9a-f-]{36}|extra:[0-9a-f-]{36})$/);
export const ZCommitteeMemberParams = ZCommitteeParams.extend({ key: ZMemberKey });
export const ZCommitteeQuery = z.object({ year: ZYear });
export const ZCommitteeMember = z.object({
  key: z.string(),
  role: ZCommitteeRole,
  name: z.string(),
  title: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  /** derived: from the secretary or the adopted pairing as is; edited: derived with a hand change; added: by hand. */
  origin: z.enum(['derived', 'edited', 'added']),
});
export type CommitteeMember = z.infer<typeof ZCommitteeMember>;
export const ZCommittee = z.object({
  year: z.number().int(),
  communityId: z.string(),
  communityName: z.string(),
  members: z.array(ZCommitteeMember),
  removed: z.array(ZCommitteeMember),
});
export type Committee = z.infer<typeof ZCommittee>;
export const ZCommitteeList = z.object({
  items: z.array(
    z.object({
      communityId: z.string(),
      communityName: z.string(),
      head: z.string().nullable(),
      members: z.number().int(),
    }),
  ),
});
export type CommitteeList = z.infer<typeof ZCommitteeList>;
const personText = z.string().trim().min(1).max(50);
export const ZAddCommitteeMember = z.strictObject({
  year: ZYear,
  name: personText,
  title: z.string().trim().max(100).nullable().optional(),
  role: ZCommitteeRole,
});
export type AddCommitteeMember = z.infer<typeof ZAddCommitteeMember>;
export const ZUpdateCommitteeMember = z.strictObject({
  year: ZYear,
  name: personText.optional(),
  title: z.string().trim().max(100).nullable().optional(),
  role: ZCommitteeRole.optional(),
  removed: z.boolean().optional(),
});
export type UpdateCommitteeMember = z.infer<typeof ZUpdateCommitteeMember>;

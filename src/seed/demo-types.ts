import type { roleBindings, users } from '../modules/auth/auth.schema.js';
import type { alleyRegions, gridDuties, grids } from '../modules/grid/grid.schema.js';
import type { partyMembers } from '../modules/members/members.schema.js';
import type { organisations } from '../modules/org/org.schema.js';
import type { people } from '../modules/people/people.schema.js';
import type { CommunityDef } from './demo-places.js';
import type { UnitDef } from './demo-units.js';
import type { LngLat, ParamRect, Quad } from './geometry.js';

/** Every demo row carries this creation time, so two seeds with the same seed are byte-identical. */
export const DEMO_CREATED_AT = new Date('2026-01-05T00:30:00.000Z');
export const STAMP = { createdAt: DEMO_CREATED_AT, updatedAt: DEMO_CREATED_AT } as const;

/** "Today" for ages and date ranges in the demo. */
export const DEMO_YEAR = 2026;

export type OrgRow = typeof organisations.$inferInsert & { id: string };
export type GridRow = typeof grids.$inferInsert & { id: string };
export type PersonRow = typeof people.$inferInsert & {
  id: string; name: string; birthDate: string; homeGridId: string; communityId: string; roles: string[];
};
export type GridDutyRow = typeof gridDuties.$inferInsert & { id: string };
export type AlleyRegionRow = typeof alleyRegions.$inferInsert & { id: string };
export type PartyMemberRow = typeof partyMembers.$inferInsert & { id: string };
export type UserRow = typeof users.$inferInsert & { id: string };
export type RoleBindingRow = typeof roleBindings.$inferInsert & { id: string };

export interface CommunitySeed {
  index: number;
  def: CommunityDef;
  /** "杭东" for 杭东社区. */
  short: string;
  org: OrgRow;
  branches: OrgRow[];
  quad: Quad;
  centre: LngLat;
}

export interface UnitSeed {
  index: number;
  def: UnitDef;
  org: OrgRow;
  headcount: number;
  location: LngLat;
  /** The community the unit's offices are in. */
  community: CommunitySeed;
}

export interface GridNode {
  id: string;
  code: string;
  level: 1 | 2 | 3 | 4;
  kind: GridRow['kind'];
  name: string;
  community: CommunitySeed;
  parent: GridNode | null;
  children: GridNode[];
  rect: ParamRect;
  /** Position among its siblings, from 1. */
  ordinal: number;
  /** Street (level 2 and below) and, for a building grid, its number; for an alley grid, the alley stem. */
  street: string;
  houseNumber: number;
  alleyStem: string | null;
}

export interface PersonSeed {
  row: PersonRow;
  age: number;
  leaf: GridNode;
  community: CommunitySeed;
  /** Holds a grid duty other than in_service_member. */
  onDuty: boolean;
  member: PartyMemberRow | null;
}

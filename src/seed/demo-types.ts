import { addDays, localInstant } from '../core/calendar.js';
import type { roleBindings, users } from '../modules/auth/auth.schema.js';
import type { gridDuties } from '../modules/duties/duties.schema.js';
import type { alleyRegions, grids } from '../modules/grid/grid.schema.js';
import type { partyMembers } from '../modules/people/members/members.schema.js';
import type { organisations } from '../modules/org/org.schema.js';
import type { people } from '../modules/people/people.schema.js';
import type { CommunityDef } from './demo-places.js';
import type { UnitDef } from './demo-units.js';
import type { LngLat, ParamRect, Quad } from './geometry.js';

/**
 * A placeholder creation time for the register rows (organisations, grids, people, duties, users): buildDemo replaces
 * it with the demo's own `createdAt` (see DemoTime), so rows built deep in the generators need not carry the time.
 */
const PLACEHOLDER_STAMP = new Date(0);
export const STAMP = { createdAt: PLACEHOLDER_STAMP, updatedAt: PLACEHOLDER_STAMP } as const;

/** The year of the residents' register: ages (for choosing retired members and the like) are counted to it. */
export const REGISTER_YEAR = 2026;

/**
 * When the demo is: it is built relative to the county day of the first start, so it looks alive in any year, and is
 * deterministic for that day (time of day plays no part). Everything recorded happened by the evening before.
 */
export interface DemoTime {
  /** The county day of the first start, 'YYYY-MM-DD'. */
  today: string;
  /** Its calendar year: "this year" of the co-building plans, meetings and service days. */
  year: number;
  /** The last day with recorded activity: yesterday. */
  lastDay: string;
  /** The last minute of yesterday: nothing in the demo happens after this. */
  now: Date;
  /** The first day of the case history: the 1st of the month eleven months before this one (a full year to today). */
  historyFrom: string;
  /** When the register (organisations, people, users) was entered: before anything else in the demo. */
  createdAt: Date;
}

export function demoTime(today: string): DemoTime {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const from = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10);
  const lastDay = addDays(today, -1);
  return {
    today,
    year,
    lastDay,
    now: localInstant(lastDay, '23:59'),
    historyFrom: from,
    createdAt: localInstant(`${year - 2}-12-01`, '09:00'),
  };
}

/** The creation stamp of register rows. */
export function registerStamp(time: DemoTime): { createdAt: Date; updatedAt: Date } {
  return { createdAt: time.createdAt, updatedAt: time.createdAt };
}

export type OrgRow = typeof organisations.$inferInsert & { id: string };
export type GridRow = typeof grids.$inferInsert & { id: string };
export type PersonRow = typeof people.$inferInsert & {
  id: string;
  name: string;
  birthDate: string;
  homeGridId: string;
  communityId: string;
  roles: string[];
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

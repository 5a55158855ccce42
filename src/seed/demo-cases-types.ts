/** The shapes the demo's case builder (demo-cases.ts) and its merged duplicates (demo-cases-merge.ts) share. */
import type { CaseStatus } from '../modules/cases/cases.machine.js';
import type { CaseInsert, DispatchInsert, EventInsert } from './cases-lifecycle.js';
import type { CorrectionInsert } from './demo-cases-amends.js';
import type { ResidentChannel } from './cases-plan.js';
import type { CommunityPlace } from './cases-world.js';
import type { OrgRow, PersonRow } from './demo-types.js';

export interface CategoryInfo {
  code: string;
  priority: 'urgent' | 'ordinary' | 'complex';
  responseMinutes: number;
  resolutionMinutes: number;
}

/** Overrides for the cases the demo logins must find (resident01's own reports, grid01's open ones, unit01's). */
export interface Special {
  community?: CommunityPlace;
  channel?: ResidentChannel;
  reporter?: PersonRow;
  reporterUserId?: string;
  /** Happen in a leaf grid under this code. */
  gridUnder?: string;
  /** Stop the lifecycle once the case reaches this status. */
  stopAfter?: CaseStatus;
  unit?: OrgRow;
  categories?: readonly string[];
  /** The reporter leaves it unrated, so the sweep closes it (close_unrated). */
  unrated?: boolean;
}

export interface DemoCases {
  cases: CaseInsert[];
  events: EventInsert[];
  dispatches: DispatchInsert[];
  /** Staff corrections of the classifier's category (demo-cases-amends.ts). */
  corrections: CorrectionInsert[];
}

export interface DemoCaseCounts {
  cases: number;
  events: number;
  dispatches: number;
}

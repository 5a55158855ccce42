/** A demo case's row as reported, and its report event: what the intake would have written for it. */
import type { WorkCalendar } from '../core/calendar.js';
import type { CaseInsert, EventInsert } from './cases-lifecycle.js';
import { type CaseKind, SUGGESTION_ODDS } from './cases-plan.js';
import { addressIn, type CaseActor, type CommunityPlace } from './cases-world.js';
import type { CategoryInfo, Special } from './demo-cases-types.js';
import type { GridRow, PersonRow } from './demo-types.js';
import type { Rng } from './rng.js';

export interface ReportFacts {
  kind: CaseKind;
  channel: CaseInsert['channel'];
  reportedAt: Date;
  text: string;
  category: CategoryInfo;
  community: CommunityPlace;
  grid: GridRow;
  point: { lng: number; lat: number } | null;
  owner: PersonRow | null;
  reporter: PersonRow | null;
  special: Special;
}

export function titleOf(description: string): string {
  const first = description.split(/[\n。！？!?]/)[0]?.trim() || description;
  return first.length > 30 ? `${first.slice(0, 30)}…` : first;
}

/** The generator draws the id, the classifier's confidence and (for some suggestions) the need flag, in that order. */
export function newCaseRow(rng: Rng, calendar: WorkCalendar, f: ReportFacts): CaseInsert {
  const { kind, channel, reportedAt, text, category, community, grid, point, owner, reporter, special } = f;
  const categoryCode = category.code;
  return {
    id: rng.uuid(),
    number: '',
    channel,
    title: titleOf(text),
    description: kind === 'communityWhistle' ? `【社区吹哨】${text}。社区已先行处置，需相关部门到场协同解决。` : text,
    categoryCode,
    suggestedCategoryCode: categoryCode,
    suggestedConfidence: Math.round(rng.float(0.55, 0.97) * 100) / 100,
    priority: category.priority,
    status: 'reported',
    lng: point?.lng ?? null,
    lat: point?.lat ?? null,
    address: point ? addressIn(grid) : null,
    gridId: grid.id,
    communityId: community.org.id,
    ownerPersonId: owner?.id ?? null,
    reporterPersonId: reporter?.id ?? null,
    reporterUserId: special.reporterUserId ?? null,
    reporterName: reporter?.name ?? community.org.name,
    reporterPhone: reporter?.phone ?? null,
    recordedByUserId:
      channel === 'snap' || channel === 'online' ? (special.reporterUserId ?? null) : community.admin.userId,
    whistle: kind === 'communityWhistle' ? 'community' : null,
    isNeed:
      kind === 'suggestion' &&
      /renovation|elderly|children|amenities/.test(categoryCode) &&
      rng.chance(SUGGESTION_ODDS.need * 3),
    mergedIntoId: null,
    reportedAt,
    acknowledgedAt: null,
    resolvedAt: null,
    closedAt: null,
    responseDueAt: calendar.addWorkingMinutes(reportedAt, category.responseMinutes),
    resolutionDueAt: calendar.addWorkingMinutes(reportedAt, category.resolutionMinutes),
    supervisedAt: null,
    escalationLevel: 0,
    dueSoonNotifiedAt: null,
    satisfaction: null,
    ratingComment: null,
    ratedAt: null,
    ratedByPhoneVisit: false,
    createdAt: reportedAt,
    updatedAt: reportedAt,
    version: 1,
  };
}

/** Who reported it: the reporter through the app, the grid worker on a door visit, else the community's desk. */
export function reportEvent(row: CaseInsert, reportActor: CaseActor): EventInsert {
  return {
    caseId: row.id,
    at: row.reportedAt,
    actorUserId: reportActor.userId,
    actorName: reportActor.name,
    action: 'report',
    fromStatus: null,
    toStatus: 'reported',
    note: null,
    data: {
      channel: row.channel,
      gridId: row.gridId,
      suggested: row.categoryCode,
      confidence: row.suggestedConfidence,
    },
  };
}

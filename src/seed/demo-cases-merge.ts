import type { WorkCalendar } from '../core/calendar.js';
import type { CaseInsert, EventInsert } from './cases-lifecycle.js';
import { MERGED_DUPLICATES } from './cases-plan.js';
import type { CaseActor, CasesWorld } from './cases-world.js';
import type { CategoryInfo, DemoCases } from './demo-cases-types.js';
import type { Rng } from './rng.js';

const MINUTE = 60_000;

/**
 * "Same as" reports for the demo: a second resident's snap of a resolved and closed case nearby, reported while the
 * first was being handled and merged into it by the community's admin, then following it to the end (what
 * cases.transition.ts's mirrorToMerged carries over). Added to `out` in place.
 */
interface MergeContext {
  out: DemoCases;
  rng: Rng;
  world: CasesWorld;
  calendar: WorkCalendar;
  categories: ReadonlyMap<string, CategoryInfo>;
}

export function addMergedDuplicates(opts: MergeContext): void {
  const { out, rng, world } = opts;
  const mains = rng
    .shuffle(
      out.cases.filter(
        (c) =>
          c.whistle === null &&
          c.lng !== null &&
          c.resolvedAt &&
          c.closedAt &&
          c.mergedIntoId === null &&
          world.gridsById.get(c.gridId)?.level === 4,
      ),
    )
    .slice(0, MERGED_DUPLICATES);
  for (const main of mains) {
    const mainEvents = out.events
      .filter((e) => e.caseId === main.id)
      .sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
    const { dup, mergedAt, reporterName } = duplicateOf(opts, main);
    const admin = world.community(main.communityId).admin;
    const events = mergeEvents({ main, dup, mainEvents, mergedAt, admin, reporterName });
    // What mirrorToMerged carries over: the status and the timestamps of the shared handling.
    dup.status = main.status;
    dup.acknowledgedAt = main.acknowledgedAt && main.acknowledgedAt > mergedAt ? main.acknowledgedAt : null;
    dup.updatedAt = events[events.length - 1].at as Date;
    dup.version = events.length;
    out.cases.push(dup);
    out.events.push(...events);
  }
}

/** The second report: by another resident of the community, a few metres away, while the first was being handled. */
function duplicateOf(
  { rng, world, calendar, categories }: MergeContext,
  main: CaseInsert,
): { dup: CaseInsert; mergedAt: Date; reporterName: string } {
  const resolvedAt = main.resolvedAt as Date;
  const span = Math.max(
    60,
    Math.min(2 * 24 * 60, Math.floor((resolvedAt.getTime() - main.reportedAt.getTime()) / MINUTE) - 30),
  );
  const reportedAt = new Date(main.reportedAt.getTime() + rng.int(30, span) * MINUTE);
  const community = world.community(main.communityId);
  const reporter = rng.pick(community.residents);
  const category = categories.get(main.categoryCode) as CategoryInfo;
  const mergedAt = new Date(reportedAt.getTime() + rng.int(10, 90) * MINUTE);
  const dup: CaseInsert = {
    ...main,
    id: rng.uuid(),
    channel: 'snap',
    description: `${main.description}（又有居民反映）`,
    title: main.title,
    lng: (main.lng as number) + rng.float(-0.0002, 0.0002),
    lat: (main.lat as number) + rng.float(-0.0002, 0.0002),
    reporterPersonId: reporter.id,
    reporterUserId: null,
    reporterName: reporter.name,
    reporterPhone: reporter.phone,
    recordedByUserId: null,
    mergedIntoId: main.id,
    reportedAt,
    responseDueAt: calendar.addWorkingMinutes(reportedAt, category.responseMinutes),
    resolutionDueAt: calendar.addWorkingMinutes(reportedAt, category.resolutionMinutes),
    satisfaction: null,
    ratedAt: null,
    ratingComment: null,
    ratedByPhoneVisit: false,
    supervisedAt: null,
    escalationLevel: 0,
    isNeed: false,
    createdAt: reportedAt,
  };
  return { dup, mergedAt, reporterName: reporter.name };
}

/** Reported, merged (an event on both cases), then every later step of the main case followed by the duplicate. */
function mergeEvents(o: {
  main: CaseInsert;
  dup: CaseInsert;
  mainEvents: EventInsert[];
  mergedAt: Date;
  admin: CaseActor;
  reporterName: string;
}): EventInsert[] {
  const { main, dup, mainEvents, mergedAt, admin } = o;
  const statusAt = (t: Date) => [...mainEvents].reverse().find((e) => (e.at as Date) <= t)?.toStatus ?? 'reported';
  return [
    {
      caseId: dup.id,
      at: dup.reportedAt,
      actorUserId: null,
      actorName: o.reporterName,
      action: 'report',
      fromStatus: null,
      toStatus: 'reported',
      note: null,
      data: { channel: 'snap', gridId: dup.gridId },
    },
    {
      caseId: dup.id,
      at: mergedAt,
      actorUserId: admin.userId,
      actorName: admin.name,
      action: 'merge',
      fromStatus: 'reported',
      toStatus: statusAt(mergedAt),
      note: null,
      data: { intoCaseId: main.id },
    },
    {
      caseId: main.id,
      at: mergedAt,
      actorUserId: admin.userId,
      actorName: admin.name,
      action: 'merge',
      fromStatus: statusAt(mergedAt),
      toStatus: statusAt(mergedAt),
      note: null,
      data: { mergedCaseId: dup.id },
    },
    ...mainEvents
      .filter((e) => (e.at as Date) > mergedAt && e.action !== 'merge')
      .map(
        (e): EventInsert => ({
          caseId: dup.id,
          at: e.at,
          actorUserId: e.actorUserId,
          actorName: e.actorName,
          action: 'follow_merged',
          fromStatus: null,
          toStatus: e.toStatus,
          note: null,
          data: { mainCaseId: main.id },
        }),
      ),
  ];
}

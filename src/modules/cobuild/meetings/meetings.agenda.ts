import { and, asc, eq, inArray, isNotNull, isNull, lt, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../../core/db.js';
import { cases } from '../../cases/cases.schema.js';
import { SWEPT_STATES } from '../../cases/cases.service.js';
import { organisations } from '../../org/org.schema.js';
import { delayedProjectsSource, openNeedsSource } from './meetings.agenda.cobuild.js';
import {
  type AgendaCandidate,
  type AgendaScope,
  type AgendaSource,
  communityIdsOf,
  firstPerCommunity,
  MAX_ITEMS_PER_SOURCE,
} from './meetings.agenda.source.js';
import { jointMeetingAgendaItems, jointMeetings, meetingTasks } from './meetings.schema.js';
import { OPEN_TASK_STATUSES } from './meetings.tasks.query.js';

export type { AgendaCandidate, AgendaScope, AgendaSource };

/**
 * Where a meeting's agenda comes from. Each source is a small function behind one interface, so a source can be
 * added (or left out while its module is not there) without touching the others. A source answers for a whole
 * batch of meetings in one query (proposing a quarter for a county is a handful of statements, not one per
 * community). Items are added once per (meeting, source, thing): drawing again only adds what is new.
 */

/** Resolutions of the community's earlier meetings that are still open: all of them are followed up. */
export const followUpSource: AgendaSource = {
  kind: 'follow_up',
  async collect(db, scope) {
    const rows = await db
      .select({
        id: meetingTasks.id,
        communityId: meetingTasks.communityId,
        content: meetingTasks.content,
        deadline: meetingTasks.deadline,
        owner: organisations.name,
      })
      .from(meetingTasks)
      .innerJoin(jointMeetings, eq(jointMeetings.id, meetingTasks.meetingId))
      .innerJoin(organisations, eq(organisations.id, meetingTasks.ownerUnitId))
      .where(
        and(
          inArray(meetingTasks.communityId, communityIdsOf(scope)),
          inArray(meetingTasks.status, [...OPEN_TASK_STATUSES]),
          sql`(${jointMeetings.year} * 10 + ${jointMeetings.quarter}) < ${scope.year * 10 + scope.quarter}`,
        ),
      )
      .orderBy(asc(meetingTasks.deadline), asc(meetingTasks.id));
    return rows.map((r) => ({
      communityId: r.communityId,
      source: 'follow_up' as const,
      refId: r.id,
      title: clip(r.content),
      detail: `${r.owner} · ${r.deadline}`,
    }));
  },
};

/** The community's open cases past a clock (or already supervised, 督办), as the case sweep defines overdue. */
export const overdueCasesSource: AgendaSource = {
  kind: 'overdue_case',
  async collect(db, scope) {
    const rows = await firstPerCommunity(db, {
      fields: { id: cases.id, number: cases.number, title: cases.title },
      from: cases,
      community: cases.communityId,
      where: and(
        inArray(cases.communityId, communityIdsOf(scope)),
        inArray(cases.status, [...SWEPT_STATES]),
        isNull(cases.mergedIntoId),
        or(
          isNotNull(cases.supervisedAt),
          and(isNull(cases.resolvedAt), lt(cases.resolutionDueAt, scope.now)),
          and(isNull(cases.acknowledgedAt), lt(cases.responseDueAt, scope.now)),
        ),
      ),
      order: [asc(cases.resolutionDueAt), asc(cases.id)],
      limit: MAX_ITEMS_PER_SOURCE,
    });
    return rows.map((r) => ({
      communityId: r.communityId,
      source: 'overdue_case' as const,
      refId: r.id,
      title: clip(r.title),
      detail: r.number,
    }));
  },
};

export const AGENDA_SOURCE_LIST: readonly AgendaSource[] = [
  followUpSource,
  overdueCasesSource,
  openNeedsSource,
  delayedProjectsSource,
];

function clip(s: string): string {
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
}

/**
 * Adds every source's new candidates to the agendas of the batch, after the items already there; returns how many
 * were added per meeting. Runs inside the caller's transaction.
 */
export async function fillAgendas(
  tx: Db,
  scope: AgendaScope,
  sources: readonly AgendaSource[] = AGENDA_SOURCE_LIST,
): Promise<Map<string, number>> {
  const added = new Map<string, number>(scope.meetings.map((m) => [m.meetingId, 0]));
  if (!scope.meetings.length) return added;
  const candidates: AgendaCandidate[] = [];
  // One after another: on PostgreSQL the transaction is one connection, which runs one statement at a time anyway.
  for (const s of sources) candidates.push(...(await s.collect(tx, scope)));
  if (!candidates.length) return added;
  const meetingOf = new Map(scope.meetings.map((m) => [m.communityId, m.meetingId]));
  const lastSort = new Map(
    (
      await tx
        .select({ meetingId: jointMeetingAgendaItems.meetingId, sort: max(jointMeetingAgendaItems.sort) })
        .from(jointMeetingAgendaItems)
        .where(inArray(jointMeetingAgendaItems.meetingId, [...added.keys()]))
        .groupBy(jointMeetingAgendaItems.meetingId)
    ).map((r) => [r.meetingId, r.sort ?? 0]),
  );
  const values = candidates.map(({ communityId, ...c }) => {
    const meetingId = meetingOf.get(communityId) as string;
    const sort = (lastSort.get(meetingId) ?? 0) + 10;
    lastSort.set(meetingId, sort);
    return { meetingId, ...c, sort };
  });
  const rows = await tx
    .insert(jointMeetingAgendaItems)
    .values(values)
    .onConflictDoNothing({
      target: [jointMeetingAgendaItems.meetingId, jointMeetingAgendaItems.source, jointMeetingAgendaItems.refId],
    })
    .returning({ meetingId: jointMeetingAgendaItems.meetingId });
  for (const r of rows) added.set(r.meetingId, (added.get(r.meetingId) ?? 0) + 1);
  return added;
}

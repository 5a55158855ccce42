import { and, asc, desc, inArray } from 'drizzle-orm';
import { needs } from '../needs/needs.schema.js';
import { delayedSql } from '../projects/projects.query.js';
import { projects } from '../projects/projects.schema.js';
import {
  type AgendaSource,
  communityIdsOf,
  firstPerCommunity,
  MAX_ITEMS_PER_SOURCE,
} from './meetings.agenda.source.js';

/**
 * Agenda sources read from the other co-building lists (read-only). An open need is one no resource has been
 * committed to yet (open or only matched), highest priority (5) first. A delayed project is the projects module's
 * (delayedSql of projects.query.ts: neither done nor cancelled, and its end date or an own milestone's due date passed).
 */
export const delayedProjectsSource: AgendaSource = {
  kind: 'delayed_project',
  async collect(db, scope) {
    const rows = await firstPerCommunity(db, {
      fields: { id: projects.id, name: projects.name, progress: projects.progress, endOn: projects.endOn },
      from: projects,
      community: projects.communityId,
      where: and(inArray(projects.communityId, communityIdsOf(scope)), delayedSql(scope.today)),
      order: [asc(projects.endOn), asc(projects.id)],
      limit: MAX_ITEMS_PER_SOURCE,
    });
    return rows.map((r) => ({
      communityId: r.communityId,
      source: 'delayed_project' as const,
      refId: r.id,
      title: r.name,
      detail: `${Math.round(r.progress)}% · ${r.endOn}`,
    }));
  },
};

/** Only the most pressing needs: the agenda is for what the meeting must decide, the needs list has the rest. */
const NEEDS_ON_AGENDA = 5;

export const openNeedsSource: AgendaSource = {
  kind: 'open_need',
  async collect(db, scope) {
    const rows = await firstPerCommunity(db, {
      fields: { id: needs.id, title: needs.title, priority: needs.priority },
      from: needs,
      community: needs.communityId,
      where: and(inArray(needs.communityId, communityIdsOf(scope)), inArray(needs.status, ['open', 'matched'])),
      order: [desc(needs.priority), asc(needs.createdAt), asc(needs.id)],
      limit: NEEDS_ON_AGENDA,
    });
    return rows.map((r) => ({
      communityId: r.communityId,
      source: 'open_need' as const,
      refId: r.id,
      title: r.title,
      detail: `P${r.priority}`,
    }));
  },
};

import { type AnyColumn, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../core/db.js';
import type { AgendaSourceKind } from './meetings.contracts.js';

/**
 * One agenda source: what it would put on the agendas of a batch of meetings of one quarter (a small function
 * behind one interface). A batch is one meeting per community, so candidates name their community.
 */
export interface AgendaCandidate {
  communityId: string;
  source: AgendaSourceKind;
  refId: string;
  title: string;
  detail: string | null;
}

export interface AgendaScope {
  /** The meetings whose agendas are drawn up: one per community. */
  meetings: { meetingId: string; communityId: string }[];
  year: number;
  quarter: number;
  /** County day (YYYY-MM-DD) and instant the agendas are drawn up on. */
  today: string;
  now: Date;
}

export interface AgendaSource {
  kind: AgendaSourceKind;
  collect(db: Db, scope: AgendaScope): Promise<AgendaCandidate[]>;
}

/** At most this many items per source and meeting: a quarterly meeting has an afternoon, not a backlog dump. */
export const MAX_ITEMS_PER_SOURCE = 15;

export const communityIdsOf = (scope: AgendaScope): string[] => scope.meetings.map((m) => m.communityId);

/** row_number() within each community, for "the first n per community" in one query. */
export function rankWithinCommunity(communityColumn: AnyColumn, ...order: SQL[]): SQL<number> {
  return sql<number>`row_number() over (partition by ${communityColumn} order by ${sql.join(order, sql`, `)})`;
}

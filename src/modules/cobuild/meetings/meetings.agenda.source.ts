import { type AnyColumn, asc, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, SelectedFields, SubqueryWithSelection } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
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
function rankWithinCommunity(communityColumn: AnyColumn, ...order: SQL[]): SQL<number> {
  return sql<number>`row_number() over (partition by ${communityColumn} order by ${sql.join(order, sql`, `)})`;
}

/** A row of firstPerCommunity: what `fields` select, as drizzle would infer it, and the community. */
export type PerCommunityRow<TFields extends SelectedFields> = SelectResultFields<TFields> & { communityId: string };

/**
 * The first `limit` rows per community of `from` matching `where`, in `order` within each community: `fields` plus
 * `communityId`, ordered by community and rank. One query (a ranked subquery), whatever the number of communities.
 */
export async function firstPerCommunity<TFields extends SelectedFields>(
  db: Db,
  q: { fields: TFields; from: PgTable; community: PgColumn; where: SQL | undefined; order: SQL[]; limit: number },
): Promise<PerCommunityRow<TFields>[]> {
  // drizzle cannot type a select from a subquery whose fields are a type parameter, so the subquery is typed by the
  // two fields read here and the rows by what `fields` select (what drizzle would infer for them).
  const ranked = db
    .select({ ...q.fields, communityId: q.community, rank: rankWithinCommunity(q.community, ...q.order).as('rank') })
    .from(q.from)
    .where(q.where)
    .as('ranked') as unknown as SubqueryWithSelection<{ communityId: PgColumn; rank: SQL.Aliased<number> }, 'ranked'>;
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, q.limit))
    .orderBy(asc(ranked.communityId), asc(ranked.rank));
  return rows as unknown as PerCommunityRow<TFields>[];
}

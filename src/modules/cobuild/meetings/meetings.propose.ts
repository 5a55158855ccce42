import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { localDayOf } from '../../../core/calendar.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { organisations } from '../../org/org.schema.js';
import { adoptedPairs } from '../pairing/pairing.queries.js';
import { fillAgendas } from './meetings.agenda.js';
import type { CreateMeeting, ProposeResult } from './meetings.contracts.js';
import { assertMayManageMeetings, communitiesToPropose } from './meetings.policy.js';
import { isInQuarter, type Quarter, quarterOfInstant, suggestedMeetingDate } from './meetings.quarter.js';
import { jointMeetings, jointMeetingUnits } from './meetings.schema.js';
import { clock } from '../../../core/clock.js';

/**
 * 党建联席会 are proposed automatically: for a year and quarter, every community without a meeting gets one with a
 * suggested date, its paired units invited (the adopted pairing of that year) and an agenda drawn from the sources.
 * Idempotent, and safe to run concurrently: the unique (community, year, quarter) index decides, and a community
 * that already has its meeting is skipped (ON CONFLICT DO NOTHING), so two runs never make two meetings.
 */
interface CommunityRef {
  id: string;
  code: string | null;
}

/** These communities (every one when ids is undefined), in code order. */
async function communitiesFor(tx: Db, ids?: string[]): Promise<CommunityRef[]> {
  if (ids && !ids.length) return [];
  return tx
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations)
    .where(and(eq(organisations.kind, 'community'), ids ? inArray(organisations.id, ids) : undefined))
    .orderBy(asc(organisations.code), asc(organisations.id));
}

interface Created {
  id: string;
  communityId: string;
  meetingDate: string;
}

/**
 * Creates the quarter's meeting of each community that has none (the others are skipped), with invitations to its
 * paired units and the agenda, each meeting audited — in the caller's transaction, a few statements for the batch.
 */
async function createMeetings(
  tx: Db,
  opts: {
    actor: Actor | null;
    q: Quarter;
    communities: { community: CommunityRef; meetingDate: string }[];
    paired: Map<string, string[]>;
    now: Date;
  },
): Promise<Created[]> {
  const { q, now } = opts;
  if (!opts.communities.length) return [];
  const rows = await tx
    .insert(jointMeetings)
    .values(
      opts.communities.map(({ community, meetingDate }) => ({
        communityId: community.id,
        year: q.year,
        quarter: q.quarter,
        meetingDate,
        createdByUserId: opts.actor?.userId ?? null,
      })),
    )
    .onConflictDoNothing({ target: [jointMeetings.communityId, jointMeetings.year, jointMeetings.quarter] })
    .returning();
  const invitations = rows.flatMap((m) =>
    (opts.paired.get(m.communityId) ?? []).map((unitId) => ({ meetingId: m.id, unitId, source: 'paired' as const })),
  );
  if (invitations.length) await tx.insert(jointMeetingUnits).values(invitations);
  const agendaItems = await fillAgendas(tx, {
    meetings: rows.map((m) => ({ meetingId: m.id, communityId: m.communityId })),
    ...q,
    today: localDayOf(now),
    now,
  });
  for (const m of rows) {
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'joint_meeting.propose',
      entityType: 'joint_meeting',
      entityId: m.id,
      after: {
        communityId: m.communityId,
        year: q.year,
        quarter: q.quarter,
        meetingDate: m.meetingDate,
        invited: opts.paired.get(m.communityId) ?? [],
        agendaItems: agendaItems.get(m.id) ?? 0,
      },
    });
  }
  return rows.map((m) => ({ id: m.id, communityId: m.communityId, meetingDate: m.meetingDate }));
}

/** Paired units per community for the year, from the adopted pairing. */
async function pairedByCommunity(tx: Db, year: number): Promise<Map<string, string[]>> {
  const byCommunity = new Map<string, string[]>();
  for (const p of await adoptedPairs(tx, { year }))
    byCommunity.set(p.communityId, [...(byCommunity.get(p.communityId) ?? []), p.unitId]);
  return byCommunity;
}

/**
 * Proposes the quarter's meetings for the communities the actor runs (all for the county; `actor: null` is the
 * scheduled job, which also does all). Communities are inserted in code order, so concurrent runs take the unique
 * index's locks in the same order and never deadlock.
 */
export async function proposeMeetings(opts: {
  db: Db;
  actor: Actor | null;
  year: number;
  quarter: number;
  communityIds?: string[];
  now?: Date;
}): Promise<ProposeResult> {
  const now = opts.now ?? clock.now();
  const q = { year: opts.year, quarter: opts.quarter };
  const ids = await communitiesToPropose(opts.db, opts.actor, opts.communityIds);
  return opts.db.transaction(async (tx) => {
    const communities = await communitiesFor(tx, ids);
    const paired = await pairedByCommunity(tx, q.year);
    const created = await createMeetings(tx, {
      actor: opts.actor,
      q,
      paired,
      now,
      communities: communities.map((community, i) => ({ community, meetingDate: suggestedMeetingDate(q, i) })),
    });
    return { year: q.year, quarter: q.quarter, created, existing: communities.length - created.length };
  });
}

/** The scheduled job: propose the current quarter's meetings (county time) for every community. */
export function proposeCurrentQuarter(opts: { db: Db; now?: Date }): Promise<ProposeResult> {
  const now = opts.now ?? clock.now();
  return proposeMeetings({ db: opts.db, actor: null, ...quarterOfInstant(now), now });
}

/** One community's meeting by hand; a second one for the same quarter is 409 MEETING_EXISTS. */
export async function createMeeting(opts: { db: Db; actor: Actor; input: CreateMeeting; now?: Date }): Promise<string> {
  const { actor, input } = opts;
  const now = opts.now ?? clock.now();
  const q = { year: input.year, quarter: input.quarter };
  await assertMayManageMeetings(opts.db, actor, input.communityId);
  if (input.meetingDate && !isInQuarter(input.meetingDate, q)) {
    throw new AppError('MEETING_DATE_OUTSIDE_QUARTER', { date: input.meetingDate, ...q });
  }
  return opts.db.transaction(async (tx) => {
    const [community] = await communitiesFor(tx, [input.communityId]);
    if (!community) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/communityId', message: 'not a community' }]);
    const paired = await pairedByCommunity(tx, q.year);
    const [meeting] = await createMeetings(tx, {
      actor,
      q,
      paired,
      now,
      communities: [{ community, meetingDate: input.meetingDate ?? suggestedMeetingDate(q) }],
    });
    if (!meeting) throw new AppError('MEETING_EXISTS', q);
    return meeting.id;
  });
}

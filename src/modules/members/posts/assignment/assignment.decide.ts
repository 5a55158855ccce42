import { and, count, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../../core/audit.js';
import type { Actor } from '../../../../core/auth/actor.js';
import { clock } from '../../../../core/clock.js';
import { isUniqueViolation } from '../../../../core/crud.js';
import type { Db } from '../../../../core/db.js';
import { AppError, isAppError } from '../../../../core/errors.js';
import { organisations } from '../../../org/org.schema.js';
import { partyMembers } from '../../../people/members/members.schema.js';
import { people } from '../../../people/people.schema.js';
import { haversineKm } from './assignment.model.js';
import { gridCentres, reportingMembers } from './assignment.queries.js';
import { presentAssignment, selectAssignments } from './assignment.view.js';
import type {
  BulkConfirmResult,
  HandAssign,
  OpeningCandidate,
  PostAssignmentView,
} from '../posts.openings.contracts.js';
import { assertMayChange, assignmentsVisibleTo, openingsVisibleTo } from '../posts.openings.policy.js';
import { postAssignments, postOpenings, postTypes } from '../posts.schema.js';

/**
 * Staff decisions on assignments: confirm (one or many), decline a suggestion, end a confirmed post, assign by hand.
 * A member holds one confirmed post a year: the partial unique index decides races, and its violation is 409
 * POST_ALREADY_ASSIGNED. Seats are counted with the opening's row locked, so two confirmations cannot both take the
 * last seat. Every decision is audited in its transaction.
 */
type AssignmentRow = typeof postAssignments.$inferSelect;
type OpeningRow = typeof postOpenings.$inferSelect;

async function loadForChange(db: Db, actor: Actor, id: string): Promise<{ a: AssignmentRow; o: OpeningRow }> {
  const [row] = await db
    .select({ a: postAssignments, o: postOpenings })
    .from(postAssignments)
    .innerJoin(postOpenings, eq(postOpenings.id, postAssignments.openingId))
    .where(eq(postAssignments.id, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'post_assignment' });
  const [visible] = await db
    .select({ id: postAssignments.id })
    .from(postAssignments)
    .innerJoin(postOpenings, eq(postOpenings.id, postAssignments.openingId))
    .innerJoin(partyMembers, eq(partyMembers.id, postAssignments.memberId))
    .where(and(eq(postAssignments.id, id), await assignmentsVisibleTo(db, actor)));
  await assertMayChange(db, actor, row.o.communityId, Boolean(visible));
  return row;
}

async function readOne(db: Db, id: string): Promise<PostAssignmentView> {
  const [row] = await selectAssignments(db).where(eq(postAssignments.id, id));
  return presentAssignment(row);
}

const assertState = (a: AssignmentRow, ...allowed: AssignmentRow['state'][]) => {
  if (!allowed.includes(a.state)) throw new AppError('POST_ASSIGNMENT_STATE', { state: `assignment_${a.state}` });
};

/** Takes a seat of the opening for the member, inside `tx`: the opening locked, open and not full. */
async function takeSeat(tx: Db, openingId: string): Promise<OpeningRow> {
  const [o] = await tx.select().from(postOpenings).where(eq(postOpenings.id, openingId)).for('update');
  if (o.state !== 'open') throw new AppError('POST_OPENING_CLOSED');
  const [{ n }] = await tx
    .select({ n: count() })
    .from(postAssignments)
    .where(and(eq(postAssignments.openingId, openingId), eq(postAssignments.state, 'confirmed')));
  if (n >= o.seats) throw new AppError('POST_OPENING_FULL', { seats: o.seats });
  return o;
}

/** Runs a write that may break the one-post-a-year index as 409 POST_ALREADY_ASSIGNED. */
async function oncePerYear<T>(year: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('POST_ALREADY_ASSIGNED', { year });
    throw e;
  }
}

export async function confirmAssignment(opts: { db: Db; actor: Actor; id: string; version: number }) {
  const { db, actor } = opts;
  const { a } = await loadForChange(db, actor, opts.id);
  assertState(a, 'suggested');
  if (a.version !== opts.version) throw new AppError('STALE_UPDATE', { entity: 'post_assignment' });
  await oncePerYear(a.year, () =>
    db.transaction(async (tx) => {
      await takeSeat(tx, a.openingId);
      const [row] = await tx
        .update(postAssignments)
        .set({
          state: 'confirmed',
          confirmedAt: clock.now(),
          confirmedByUserId: actor.userId,
          version: sql`${postAssignments.version} + 1`,
          updatedAt: clock.now(),
        })
        .where(and(eq(postAssignments.id, a.id), eq(postAssignments.version, a.version)))
        .returning();
      if (!row) throw new AppError('STALE_UPDATE', { entity: 'post_assignment' });
      await recordAudit(tx, {
        actor,
        action: 'post_assignment.confirm',
        entityType: 'post_assignment',
        entityId: a.id,
        before: a,
        after: row,
      });
    }),
  );
  return readOne(db, a.id);
}

/** Confirms many suggestions, each on its own; those refused are listed with their code, the rest go through. */
export async function confirmMany(opts: { db: Db; actor: Actor; ids: string[] }): Promise<BulkConfirmResult> {
  const skipped: BulkConfirmResult['skipped'] = [];
  let confirmed = 0;
  for (const id of [...new Set(opts.ids)]) {
    const [row] = await opts.db
      .select({ version: postAssignments.version })
      .from(postAssignments)
      .where(eq(postAssignments.id, id));
    try {
      if (!row) throw new AppError('NOT_FOUND', { entity: 'post_assignment' });
      await confirmAssignment({ ...opts, id, version: row.version });
      confirmed++;
    } catch (e) {
      if (!isAppError(e)) throw e;
      if (e.code === 'FORBIDDEN') throw e;
      skipped.push({ id, code: e.code });
    }
  }
  return { confirmed, skipped };
}

async function setState(
  opts: { db: Db; actor: Actor; id: string; version: number },
  from: AssignmentRow['state'],
  to: 'declined' | 'ended',
): Promise<PostAssignmentView> {
  const { db, actor } = opts;
  const { a } = await loadForChange(db, actor, opts.id);
  assertState(a, from);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(postAssignments)
      .set({
        state: to,
        ...(to === 'ended' ? { endedAt: clock.now() } : {}),
        version: sql`${postAssignments.version} + 1`,
        updatedAt: clock.now(),
      })
      .where(and(eq(postAssignments.id, a.id), eq(postAssignments.version, opts.version)))
      .returning();
    if (!row) throw new AppError('STALE_UPDATE', { entity: 'post_assignment' });
    const action = to === 'ended' ? 'post_assignment.end' : 'post_assignment.decline';
    await recordAudit(tx, { actor, action, entityType: 'post_assignment', entityId: a.id, before: a, after: row });
  });
  return readOne(db, a.id);
}

export const declineAssignment = (opts: { db: Db; actor: Actor; id: string; version: number }) =>
  setState(opts, 'suggested', 'declined');
export const endAssignment = (opts: { db: Db; actor: Actor; id: string; version: number }) =>
  setState(opts, 'confirmed', 'ended');

async function loadOpeningForChange(db: Db, actor: Actor, openingId: string): Promise<OpeningRow> {
  const [o] = await db.select().from(postOpenings).where(eq(postOpenings.id, openingId));
  if (!o) throw new AppError('NOT_FOUND', { entity: 'post_opening' });
  const [visible] = await db
    .select({ id: postOpenings.id })
    .from(postOpenings)
    .where(and(eq(postOpenings.id, openingId), await openingsVisibleTo(db, actor)));
  await assertMayChange(db, actor, o.communityId, Boolean(visible));
  return o;
}

/** Staff put a member in a post themselves: confirmed at once (the member must report at the post's community). */
export async function assignByHand(opts: { db: Db; actor: Actor; input: HandAssign }): Promise<PostAssignmentView> {
  const { db, actor, input } = opts;
  const o = await loadOpeningForChange(db, actor, input.openingId);
  const [held] = await db
    .select({ id: postAssignments.id })
    .from(postAssignments)
    .where(
      and(
        eq(postAssignments.memberId, input.memberId),
        eq(postAssignments.year, o.year),
        eq(postAssignments.state, 'confirmed'),
      ),
    );
  if (held) throw new AppError('POST_ALREADY_ASSIGNED', { year: o.year });
  const candidates = await reportingMembers(db, [o.communityId], o.year);
  if (!candidates.some((m) => m.id === input.memberId)) throw new AppError('POST_MEMBER_NOT_REPORTED');
  const id = await oncePerYear(o.year, () =>
    db.transaction(async (tx) => {
      await takeSeat(tx, o.id);
      // A suggestion of the same member for this opening becomes the confirmed post rather than a second row.
      await tx
        .delete(postAssignments)
        .where(
          and(
            eq(postAssignments.memberId, input.memberId),
            eq(postAssignments.openingId, o.id),
            eq(postAssignments.state, 'suggested'),
          ),
        );
      const [row] = await tx
        .insert(postAssignments)
        .values({
          openingId: o.id,
          memberId: input.memberId,
          year: o.year,
          state: 'confirmed',
          confirmedAt: clock.now(),
          confirmedByUserId: actor.userId,
        })
        .returning();
      await recordAudit(tx, {
        actor,
        action: 'post_assignment.assign',
        entityType: 'post_assignment',
        entityId: row.id,
        after: row,
      });
      return row.id;
    }),
  );
  return readOne(db, id);
}

/** The hand assignment's picker: members reporting at the opening's community without a post this year. */
export async function openingCandidates(opts: {
  db: Db;
  actor: Actor;
  openingId: string;
  q?: string;
}): Promise<OpeningCandidate[]> {
  const { db } = opts;
  const o = await loadOpeningForChange(db, opts.actor, opts.openingId);
  const [type] = await db.select({ key: postTypes.key }).from(postTypes).where(eq(postTypes.id, o.postTypeId));
  const members = await reportingMembers(db, [o.communityId], o.year);
  if (!members.length) return [];
  const names = await db
    .select({ id: partyMembers.id, name: people.name, unitName: organisations.name, homeGridId: people.homeGridId })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(organisations, eq(organisations.id, partyMembers.unitId))
    .where(sql`${partyMembers.id} in ${members.map((m) => m.id)}`);
  const byId = new Map(names.map((n) => [n.id, n]));
  const centres = await gridCentres(db, [o.gridId, ...names.map((n) => n.homeGridId)]);
  const at = o.lng !== null && o.lat !== null ? { lng: o.lng, lat: o.lat } : centres.get(o.gridId ?? '');
  const gridNames = await gridNamesOf(
    db,
    names.map((n) => n.homeGridId),
  );
  const q = opts.q?.trim();
  return members
    .map((m) => {
      const n = byId.get(m.id);
      const d = at && m.lng !== null && m.lat !== null ? haversineKm(at, { lng: m.lng, lat: m.lat }) : null;
      return {
        memberId: m.id,
        memberName: n?.name ?? '',
        unitName: n?.unitName ?? null,
        gridName: gridNames.get(n?.homeGridId ?? '') ?? null,
        skillMatch: Boolean(type && m.skills.includes(type.key)),
        distanceKm: d === null ? null : Math.round(d * 1000) / 1000,
      };
    })
    .filter((c) => !q || c.memberName.includes(q))
    .sort((a, b) => Number(b.skillMatch) - Number(a.skillMatch) || (a.distanceKm ?? 99) - (b.distanceKm ?? 99))
    .slice(0, 50);
}

async function gridNamesOf(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const { grids } = await import('../../../grid/grid.schema.js');
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: grids.id, name: grids.name }).from(grids).where(sql`${grids.id} in ${wanted}`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

import { and, asc, between, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { insideCounty } from '../../../core/geo.js';
import { grids } from '../../grid/grid.schema.js';
import { notifyPeople, notifyUsers } from '../../notifications/notifications.service.js';
import { notificationTitle } from '../../../core/i18n.js';
import type { MergeRequest, SimilarCase } from '../cases.contracts.js';
import { assertMayMerge, casesVisibleTo, mayJoinCase, mayNameSimilarCase } from '../cases.policy.js';
import { caseEvents, cases } from '../cases.schema.js';
import { loadCaseFor } from '../cases.load.js';
import { clock } from '../../../core/clock.js';

/** DESIGN §1: a report within 50 m of an open case of the same sub-category is offered as "same as". */
export const SIMILAR_RADIUS_M = 50;
const SIMILAR_MAX = 20;
/** A case in these states is over: nothing can be merged into it or out of it. */
const FINISHED = ['closed', 'rated', 'rejected'] as const;

const EARTH_RADIUS_M = 6_371_008.8;
const M_PER_DEGREE_LAT = 111_320;

/** Great-circle distance in metres (haversine): exact enough at 50 m, and cheap. */
export function haversineMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Open cases of the same sub-category within 50 m, nearest first. SQL narrows to a bounding box (an index-friendly
 * range on lat/lng); the exact distance is computed here on the handful left. A resident is told of cases they cannot
 * open too — that is the point, "someone already reported this" — but only how far away (cases.policy.ts decides).
 */
export async function findSimilarCases(opts: {
  db: Db;
  actor: Actor;
  lng: number;
  lat: number;
  category: string;
}): Promise<SimilarCase[]> {
  const { db, lng, lat } = opts;
  if (!insideCounty(lng, lat)) throw new AppError('OUTSIDE_COUNTY');
  const dLat = SIMILAR_RADIUS_M / M_PER_DEGREE_LAT;
  const dLng = SIMILAR_RADIUS_M / (M_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180));
  const rows = await db
    .select({
      id: cases.id,
      number: cases.number,
      title: cases.title,
      status: cases.status,
      lng: cases.lng,
      lat: cases.lat,
      reportedAt: cases.reportedAt,
      gridName: grids.name,
    })
    .from(cases)
    .innerJoin(grids, eq(grids.id, cases.gridId))
    .where(
      and(
        eq(cases.categoryCode, opts.category),
        isNull(cases.mergedIntoId),
        notInArray(cases.status, [...FINISHED]),
        between(cases.lat, lat - dLat, lat + dLat),
        between(cases.lng, lng - dLng, lng + dLng),
      ),
    );
  const near = rows
    .map((r) => ({ ...r, distanceM: haversineMeters(lng, lat, r.lng ?? Number.NaN, r.lat ?? Number.NaN) }))
    .filter((r) => r.distanceM <= SIMILAR_RADIUS_M)
    .sort((a, b) => a.distanceM - b.distanceM)
    .slice(0, SIMILAR_MAX);
  if (!near.length) return [];
  const visible = new Set(
    (
      await db
        .select({ id: cases.id })
        .from(cases)
        .where(
          and(
            inArray(
              cases.id,
              near.map((r) => r.id),
            ),
            await casesVisibleTo(db, opts.actor),
          ),
        )
    ).map((r) => r.id),
  );
  return near.map((r) => {
    const distanceM = Math.round(r.distanceM * 10) / 10;
    const seen = visible.has(r.id);
    if (!mayNameSimilarCase(opts.actor, seen)) return { distanceM, visible: false };
    const base = { id: r.id, number: r.number, title: r.title, status: r.status, distanceM };
    return seen
      ? { ...base, visible: true, reportedAt: r.reportedAt.toISOString(), gridName: r.gridName }
      : { ...base, visible: false };
  });
}

type CaseRow = typeof cases.$inferSelect;

/**
 * The case a new report says it is the same as, locked until the intake commits (so it cannot be merged away or
 * closed meanwhile). Only a case /similar named to this reporter may be joined; any other id is NOT_FOUND.
 */
export async function lockMergeTarget(tx: Db, actor: Actor, caseId: string): Promise<CaseRow> {
  const [main] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (!main || !(await mayJoinCase(tx, actor, caseId))) throw new AppError('NOT_FOUND', { entity: 'case' });
  if (main.mergedIntoId) throw new AppError('CASE_MERGE_NOT_ALLOWED', { reason: 'merge_merged' });
  if ((FINISHED as readonly string[]).includes(main.status))
    throw new AppError('CASE_MERGE_NOT_ALLOWED', { reason: 'merge_finished' });
  return main;
}

/** What a duplicate takes over from its main case: it is handled there, so it shares its state and its owner. */
export function followMain(main: CaseRow) {
  return {
    mergedIntoId: main.id,
    status: main.status,
    gridId: main.gridId,
    communityId: main.communityId,
    ownerPersonId: main.ownerPersonId,
    acknowledgedAt: main.acknowledgedAt,
    resolvedAt: main.resolvedAt,
    closedAt: main.closedAt,
  };
}

interface MergedCase {
  id: string;
  number: string;
  status: CaseRow['status'];
  reporterPersonId: string | null;
  reporterUserId: string | null;
}

/** The 'merge' event on both cases and the duplicate's reporter told where their report is handled. */
export async function recordMerge(tx: Db, actor: Actor, dup: MergedCase, main: CaseRow, now: Date): Promise<void> {
  const by = {
    at: now,
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action: 'merge',
    toStatus: main.status,
  };
  await tx.insert(caseEvents).values([
    { ...by, caseId: dup.id, fromStatus: dup.status, data: { intoCaseId: main.id, intoNumber: main.number } },
    { ...by, caseId: main.id, fromStatus: main.status, data: { mergedCaseId: dup.id, mergedNumber: dup.number } },
  ]);
  const draft = {
    kind: 'case.merged',
    title: notificationTitle('case_merged', { number: dup.number, into: main.number }),
    body: main.title,
    entityType: 'case',
    entityId: dup.id,
    link: `/m/cases/${dup.id}`,
  };
  const sent = await notifyPeople(tx, [dup.reporterPersonId], draft);
  if (!sent) await notifyUsers(tx, [dup.reporterUserId], draft);
}

/**
 * Staff merge a case into another: both visible to them as staff, both open, in one community; never into itself,
 * never into a case that is itself merged (no chains: cases already merged into this one move along with it).
 */
export async function mergeCases(opts: {
  db: Db;
  actor: Actor;
  caseId: string;
  input: MergeRequest;
  now?: Date;
}): Promise<void> {
  const now = opts.now ?? clock.now();
  const { actor, caseId, input } = opts;
  if (input.intoCaseId === caseId) throw new AppError('CASE_MERGE_NOT_ALLOWED', { reason: 'merge_self' });
  await opts.db.transaction(async (tx) => {
    for (const id of [caseId, input.intoCaseId]) {
      const { relations } = await loadCaseFor(tx, actor, id);
      assertMayMerge(relations);
    }
    // Both rows locked in id order (two staff merging A→B and B→A at once wait instead of making a cycle), then
    // every rule is checked on the locked, current rows.
    const locked = await tx
      .select()
      .from(cases)
      .where(inArray(cases.id, [caseId, input.intoCaseId]))
      .orderBy(asc(cases.id))
      .for('update');
    const dup = locked.find((c) => c.id === caseId);
    const main = locked.find((c) => c.id === input.intoCaseId);
    if (!dup || !main) throw new AppError('NOT_FOUND', { entity: 'case' });
    assertMergeable(dup, main);
    if (dup.version !== input.version) throw new AppError('STALE_UPDATE');
    await tx
      .update(cases)
      .set({ ...followMain(main), version: sql`${cases.version} + 1`, updatedAt: now })
      .where(eq(cases.id, dup.id));
    const moved = await tx
      .update(cases)
      .set({ mergedIntoId: main.id, updatedAt: now, version: sql`${cases.version} + 1` })
      .where(eq(cases.mergedIntoId, dup.id))
      .returning({ id: cases.id });
    await recordMerge(tx, actor, dup, main, now);
    await recordAudit(tx, {
      actor,
      action: 'case.merge',
      entityType: 'case',
      entityId: dup.id,
      before: { status: dup.status, mergedIntoId: null },
      after: { status: main.status, mergedIntoId: main.id, alsoMoved: moved.map((m) => m.id) },
    });
  });
}

function assertMergeable(dup: CaseRow, main: CaseRow): void {
  if (dup.mergedIntoId || main.mergedIntoId) throw new AppError('CASE_MERGE_NOT_ALLOWED', { reason: 'merge_merged' });
  const finished = (c: CaseRow) => (FINISHED as readonly string[]).includes(c.status);
  if (finished(dup) || finished(main)) throw new AppError('CASE_MERGE_NOT_ALLOWED', { reason: 'merge_finished' });
  if (dup.communityId !== main.communityId) throw new AppError('CASE_MERGE_NOT_ALLOWED', { reason: 'merge_community' });
}

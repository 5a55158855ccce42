import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { recordAudit } from '../../core/audit.js';
import { localDayOf } from '../../core/calendar.js';
import { clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { partyMembers } from '../people/members/members.schema.js';
import { MAX_RECORD_MINUTES, type ServiceRecordKind } from './ledger.enums.js';
import { serviceRecords } from './ledger.schema.js';

export type ServiceRecordRow = typeof serviceRecords.$inferSelect;

/** What a source module hands the ledger when a member has served: the times come from its check-in and check-out. */
export interface ServiceRecordInput {
  memberId: string;
  kind: ServiceRecordKind;
  sourceId: string;
  communityId: string | null;
  title: string;
  startsAt: Date;
  endsAt: Date;
  verifiedByUserId?: string | null;
  evidence?: string | null;
}

/** Whole minutes between two instants (a partial minute does not count). */
export function minutesBetween(startsAt: Date, endsAt: Date): number {
  return Math.floor((endsAt.getTime() - startsAt.getTime()) / 60_000);
}

/** The refusals every record obeys, before anything is read: an order, a length of at most 24 hours. */
export function assertRecordTimes(startsAt: Date, endsAt: Date): number {
  const minutes = minutesBetween(startsAt, endsAt);
  if (minutes <= 0) throw new AppError('SERVICE_RECORD_TIME_ORDER');
  if (minutes > MAX_RECORD_MINUTES) throw new AppError('SERVICE_RECORD_OVER_DAY', { hours: (minutes / 60).toFixed(1) });
  return minutes;
}

/**
 * The member's other counted records that overlap [startsAt, endsAt). Call after `lockMember` so two writes for
 * one member cannot both pass the check.
 */
export async function overlappingRecord(
  tx: Db,
  memberId: string,
  startsAt: Date,
  endsAt: Date,
  exceptId?: string,
): Promise<ServiceRecordRow | undefined> {
  const [hit] = await tx
    .select()
    .from(serviceRecords)
    .where(
      and(
        eq(serviceRecords.memberId, memberId),
        isNull(serviceRecords.voidedAt),
        lt(serviceRecords.startsAt, endsAt),
        gt(serviceRecords.endsAt, startsAt),
        exceptId ? sql`${serviceRecords.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return hit;
}

/** Serialises the ledger writes of one member (row lock on their party_members row) for the rest of the transaction. */
export async function lockMember(tx: Db, memberId: string): Promise<void> {
  const [m] = await tx
    .select({ id: partyMembers.id })
    .from(partyMembers)
    .where(eq(partyMembers.id, memberId))
    .for('update');
  if (!m) throw new AppError('NOT_FOUND');
}

/**
 * Writes one service record inside the caller's transaction (the source's check-out, fulfilment…). Writing the same
 * source for the same member again returns the first record unchanged. Refuses, writing nothing: times out of order
 * (400), more than 24 hours (422), an overlap with another counted record of the member (409).
 */
export async function recordService(
  tx: Db,
  actor: Pick<Actor, 'userId' | 'username' | 'ip' | 'requestId'> | null,
  input: ServiceRecordInput,
): Promise<ServiceRecordRow> {
  const minutes = assertRecordTimes(input.startsAt, input.endsAt);
  await lockMember(tx, input.memberId);
  const [existing] = await tx
    .select()
    .from(serviceRecords)
    .where(
      and(
        eq(serviceRecords.kind, input.kind),
        eq(serviceRecords.sourceId, input.sourceId),
        eq(serviceRecords.memberId, input.memberId),
      ),
    );
  if (existing) return existing;
  const clash = await overlappingRecord(tx, input.memberId, input.startsAt, input.endsAt);
  if (clash)
    throw new AppError(
      'SERVICE_RECORD_OVERLAP',
      { title: clash.title },
      { recordId: clash.id, startsAt: clash.startsAt.toISOString(), endsAt: clash.endsAt.toISOString() },
    );
  const [row] = await tx
    .insert(serviceRecords)
    .values({
      memberId: input.memberId,
      kind: input.kind,
      sourceId: input.sourceId,
      communityId: input.communityId,
      title: input.title,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      minutes,
      day: localDayOf(input.startsAt),
      verifiedByUserId: input.verifiedByUserId ?? null,
      evidence: input.evidence ?? null,
    })
    .returning();
  await recordAudit(tx, {
    actor,
    action: 'service_record.create',
    entityType: 'service_record',
    entityId: row.id,
    after: row,
  });
  return row;
}

/**
 * Voids the counted records a source row wrote (a check-in removed as a mistake), inside the source's transaction.
 * The source module has already decided the actor may undo its row; the ledger keeps the voided rows with the reason.
 */
export async function voidRecordsOfSource(
  tx: Db,
  actor: Pick<Actor, 'userId' | 'username' | 'ip' | 'requestId'> | null,
  source: { kind: ServiceRecordKind; sourceId: string; reason: string },
): Promise<number> {
  const rows = await tx
    .update(serviceRecords)
    .set({
      voidedAt: clock.now(),
      voidReason: source.reason,
      updatedAt: clock.now(),
      version: sql`${serviceRecords.version} + 1`,
    })
    .where(
      and(
        eq(serviceRecords.kind, source.kind),
        eq(serviceRecords.sourceId, source.sourceId),
        isNull(serviceRecords.voidedAt),
      ),
    )
    .returning();
  for (const row of rows)
    await recordAudit(tx, {
      actor,
      action: 'service_record.void',
      entityType: 'service_record',
      entityId: row.id,
      after: row,
    });
  return rows.length;
}

/**
 * A source module's own correction of the record it wrote (new times with a reason, e.g. an organiser correcting a
 * volunteer's check-out), inside the source's transaction: the source has decided the actor may correct its row, so
 * the ledger's staff scope does not apply. The live record gets the new times (same refusals as a new one: order,
 * length, overlap); without one, a record is written; no minutes voids it. Answers the live record, or null.
 */
export async function reviseRecordOfSource(
  tx: Db,
  actor: Pick<Actor, 'userId' | 'username' | 'ip' | 'requestId'> | null,
  input: ServiceRecordInput & { reason: string },
): Promise<ServiceRecordRow | null> {
  const { kind, sourceId, memberId, reason } = input;
  if (minutesBetween(input.startsAt, input.endsAt) <= 0) {
    await voidRecordsOfSource(tx, actor, { kind, sourceId, reason });
    return null;
  }
  const [existing] = await tx
    .select()
    .from(serviceRecords)
    .where(
      and(eq(serviceRecords.kind, kind), eq(serviceRecords.sourceId, sourceId), eq(serviceRecords.memberId, memberId)),
    );
  if (!existing) return recordService(tx, actor, input);
  if (existing.voidedAt) throw new AppError('SERVICE_RECORD_VOIDED');
  const minutes = assertRecordTimes(input.startsAt, input.endsAt);
  await lockMember(tx, memberId);
  const clash = await overlappingRecord(tx, memberId, input.startsAt, input.endsAt, existing.id);
  if (clash) throw new AppError('SERVICE_RECORD_OVERLAP', { title: clash.title }, { recordId: clash.id });
  const [row] = await tx
    .update(serviceRecords)
    .set({
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      minutes,
      day: localDayOf(input.startsAt),
      correctionReason: reason,
      updatedAt: clock.now(),
      version: sql`${serviceRecords.version} + 1`,
    })
    .where(eq(serviceRecords.id, existing.id))
    .returning();
  await recordAudit(tx, {
    actor,
    action: 'service_record.correct',
    entityType: 'service_record',
    entityId: row.id,
    before: existing,
    after: { ...row, reason },
  });
  return row;
}

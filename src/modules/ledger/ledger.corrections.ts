import type { Actor } from '../../core/auth/actor.js';
import { recordAudit } from '../../core/audit.js';
import { localDayOf } from '../../core/calendar.js';
import { clock } from '../../core/clock.js';
import { updateVersioned } from '../../core/crud.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import type { CorrectServiceRecord, ServiceRecordView, VoidServiceRecord } from './ledger.contracts.js';
import { assertMayCorrectRecord } from './ledger.policy.js';
import { loadVisibleRecord, presentRecord, type RecordRow } from './ledger.query.js';
import { serviceRecords } from './ledger.schema.js';
import { assertRecordTimes, lockMember, overlappingRecord } from './ledger.service.js';

/**
 * Staff corrections of the ledger: new times with a reason, or voiding a record with a reason. Each runs in one
 * transaction that loads the record in the actor's scope (404 outside it, before 403 for a record they see but may
 * not change), checks the version the editor saw (409 STALE_UPDATE), obeys the same refusals as a new record and
 * writes the audit row with before and after. A voided record stays for the record and cannot be changed again.
 */
async function loadForCorrection(tx: Db, actor: Actor, id: string, version: number): Promise<RecordRow> {
  const row = await loadVisibleRecord(tx, actor, id);
  await assertMayCorrectRecord(tx, actor, {
    communityId: row.r.communityId,
    residenceCommunityId: row.residenceCommunityId,
  });
  if (row.r.voidedAt) throw new AppError('SERVICE_RECORD_VOIDED');
  if (row.r.version !== version) throw new AppError('STALE_UPDATE');
  return row;
}

export async function correctServiceRecord(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: CorrectServiceRecord;
}): Promise<ServiceRecordView> {
  const { actor, id, input } = opts;
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  return opts.db.transaction(async (tx) => {
    const before = await loadForCorrection(tx, actor, id, input.version);
    const minutes = assertRecordTimes(startsAt, endsAt);
    await lockMember(tx, before.r.memberId);
    const clash = await overlappingRecord(tx, before.r.memberId, startsAt, endsAt, id);
    if (clash)
      throw new AppError(
        'SERVICE_RECORD_OVERLAP',
        { title: clash.title },
        { recordId: clash.id, startsAt: clash.startsAt.toISOString(), endsAt: clash.endsAt.toISOString() },
      );
    const after = await updateVersioned({
      db: tx,
      table: serviceRecords,
      id,
      version: input.version,
      values: { startsAt, endsAt, minutes, day: localDayOf(startsAt), correctionReason: input.reason },
      entity: 'service_record',
    });
    await recordAudit(tx, {
      actor,
      action: 'service_record.correct',
      entityType: 'service_record',
      entityId: id,
      before: before.r,
      after: { ...after, reason: input.reason },
    });
    return presentRecord(await loadVisibleRecord(tx, actor, id));
  });
}

export async function voidServiceRecord(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: VoidServiceRecord;
}): Promise<ServiceRecordView> {
  const { actor, id, input } = opts;
  return opts.db.transaction(async (tx) => {
    const before = await loadForCorrection(tx, actor, id, input.version);
    const after = await updateVersioned({
      db: tx,
      table: serviceRecords,
      id,
      version: input.version,
      values: { voidedAt: clock.now(), voidReason: input.reason },
      entity: 'service_record',
    });
    await recordAudit(tx, {
      actor,
      action: 'service_record.void',
      entityType: 'service_record',
      entityId: id,
      before: before.r,
      after,
    });
    return presentRecord(await loadVisibleRecord(tx, actor, id));
  });
}

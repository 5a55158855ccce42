import type { Db } from '../src/core/db.js';
import { recordService, type ServiceRecordRow } from '../src/modules/ledger/ledger.service.js';

/** A counted post-duty record of a member written straight to the ledger (a source the test does not go through). */
export function recordPostDuty(
  db: Db,
  r: { memberId: string; communityId: string; startsAt: Date; endsAt: Date; title?: string },
): Promise<ServiceRecordRow> {
  return db.transaction((tx) =>
    recordService(tx, null, {
      memberId: r.memberId,
      kind: 'post_duty',
      sourceId: crypto.randomUUID(),
      communityId: r.communityId,
      title: r.title ?? '楼道值守',
      startsAt: r.startsAt,
      endsAt: r.endsAt,
    }),
  );
}

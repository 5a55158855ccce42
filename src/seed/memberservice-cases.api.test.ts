import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../../test/cases-stats.js';
import { inRollback, openDemoWorld } from '../../test/demo-world.js';
import { localDayOf } from '../core/calendar.js';
import type { Database } from '../core/db.js';
import { roleBindings, users } from '../modules/auth/auth.schema.js';
import { caseEvents, cases } from '../modules/cases/cases.schema.js';
import { recordCaseHandlers } from '../modules/cases/handling/record.js';
import { verificationSourceId } from '../modules/cases/handling/spans.js';
import { serviceRecords } from '../modules/ledger/ledger.schema.js';
import { partyMembers } from '../modules/people/members/members.schema.js';
import type { DemoData } from './demo.js';
import { seedDemoCases } from './demo-cases.js';
import { demoTime } from './demo-types.js';
import { seedDemoCaseRecords } from './memberservice-cases.js';

/**
 * The demo's 'case' records, for a demo first started on each of three days: the units' Party secretaries get records
 * for the whistles they worked on site, each exactly what the live verification writes for that case.
 */
const DAYS = ['2026-12-07', '2028-02-29', '2027-01-01'];

let database: Database;
let data: DemoData;

beforeAll(async () => {
  ({ database, data } = await openDemoWorld());
}, 60_000);
afterAll(async () => {
  await database?.close();
});

describe.each(DAYS)('the case records of a demo first started on %s', (today) => {
  const time = demoTime(today);
  it("are the units' secretaries' whistles, within one county day, never overlapping, as the live verification writes them", async () => {
    await inRollback(database, async (tx) => {
      await seedDemoCases(tx, data, time);
      const written = await seedDemoCaseRecords(tx);
      const rows = await tx.select().from(serviceRecords).where(eq(serviceRecords.kind, 'case'));
      expect(rows.length).toBe(written);
      expect(written).toBeGreaterThanOrEqual(15);
      // Every one is a unit admin's member, served within a day, before now, in the case's community.
      const secretaries = await tx
        .select({ memberId: partyMembers.id })
        .from(roleBindings)
        .innerJoin(users, eq(users.id, roleBindings.userId))
        .innerJoin(partyMembers, eq(partyMembers.personId, users.personId))
        .where(eq(roleBindings.role, 'unit_admin'));
      expect(secretaries).toHaveLength(83);
      const ids = new Set(secretaries.map((s) => s.memberId));
      for (const r of rows) {
        expect(ids.has(r.memberId), r.title).toBe(true);
        expect(r.minutes > 0 && localDayOf(new Date(r.endsAt.getTime() - 1)) === r.day, r.title).toBe(true);
        expect(r.endsAt <= time.now, r.title).toBe(true);
      }
      const overlaps = await tx.execute(sql`select count(*)::int as n from ${serviceRecords} a
        join ${serviceRecords} b on a.member_id = b.member_id and a.id < b.id
        and a.starts_at < b.ends_at and b.starts_at < a.ends_at`);
      expect((overlaps as unknown as { rows: { n: number }[] }).rows[0].n).toBe(0);

      // The live writer, asked again for a few of these verifications (their demo rows taken away), writes the same.
      for (const r of rows.slice(0, 5)) {
        const [verify] = (
          await tx
            .select({ id: caseEvents.id, caseId: caseEvents.caseId, actorUserId: caseEvents.actorUserId })
            .from(caseEvents)
            .where(eq(caseEvents.action, 'verify'))
        ).filter((e) => verificationSourceId(e.caseId, e.id) === r.sourceId);
        const [c] = await tx.select().from(cases).where(eq(cases.id, verify.caseId));
        const [verifier] = await tx
          .select()
          .from(users)
          .where(eq(users.id, verify.actorUserId as string));
        await tx
          .delete(serviceRecords)
          .where(and(eq(serviceRecords.sourceId, r.sourceId), eq(serviceRecords.kind, 'case')));
        const live = await recordCaseHandlers(tx, await actorFor(tx, verifier.username), c, verify.id);
        const [again] = await tx
          .select()
          .from(serviceRecords)
          .where(and(eq(serviceRecords.sourceId, r.sourceId), eq(serviceRecords.memberId, r.memberId)));
        expect(
          live.recorded.map((x) => x.memberId),
          r.title,
        ).toContain(r.memberId);
        expect(again, r.title).toMatchObject({
          startsAt: r.startsAt,
          endsAt: r.endsAt,
          minutes: r.minutes,
          title: r.title,
          communityId: r.communityId,
          verifiedByUserId: r.verifiedByUserId,
          evidence: r.evidence,
        });
      }
    });
  }, 180_000);
});

import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/app.js';
import { adoptTestPairing } from '../../../../test/cobuild.js';
import type { Database, Db } from '../../../core/db.js';
import { seedDemoMeetings } from '../../../seed/cobuild-meetings.js';
import { seedCobuildProjects } from '../../../seed/cobuild-projects.js';
import { buildDemo, createRng, type DemoData, writeDemo } from '../../../seed/demo.js';
import { demoTime } from '../../../seed/demo-types.js';
import { jointMeetingAgendaItems, jointMeetings, jointMeetingUnits, meetingTasks } from './meetings.schema.js';

/**
 * The demo's joint meetings as built for 2026-11-03 (before any Q4 meeting day), on an adopted pairing (round robin: 7–8
 * units per community). meetings.seed-days.api.test.ts checks the seed on other days.
 */
const time = demoTime('2026-11-03');
let database: Database;
let data: DemoData;
let elapsedMs = 0;
const pairs: { communityId: string; unitId: string }[] = [];

async function digest(db: Db): Promise<string> {
  const rows = [
    await db.select().from(jointMeetings).orderBy(asc(jointMeetings.id)),
    await db.select().from(meetingTasks).orderBy(asc(meetingTasks.id)),
    (
      await db.select().from(jointMeetingUnits).orderBy(asc(jointMeetingUnits.meetingId), asc(jointMeetingUnits.unitId))
    ).map(({ id: _, ...r }) => r),
    (
      await db
        .select()
        .from(jointMeetingAgendaItems)
        .orderBy(asc(jointMeetingAgendaItems.meetingId), asc(jointMeetingAgendaItems.sort))
    ).map(({ id: _, createdAt: __, ...r }) => r),
  ];
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

beforeAll(async () => {
  database = await openTestDatabase();
  data = buildDemo(createRng(), 'x', time);
  await writeDemo(database.db, data);
  const communities = data.organisations.filter((o) => o.kind === 'community');
  data.organisations
    .filter((o) => o.kind === 'unit')
    .forEach((u, i) => pairs.push({ communityId: communities[i % communities.length].id, unitId: u.id }));
  await adoptTestPairing(database.db, { year: 2026, pairs });
  await database.db.transaction((tx) => seedCobuildProjects(tx, data, time));
  const started = performance.now();
  await database.db.transaction((tx) => seedDemoMeetings(tx, data, time));
  elapsedMs = performance.now() - started;
});
afterAll(async () => {
  await database?.close();
});

describe('the 2026 demo joint meetings', () => {
  it('holds Q1–Q3 in all 11 communities and has Q4 scheduled or proposed', async () => {
    const meetings = await database.db.select().from(jointMeetings);
    expect(meetings).toHaveLength(44);
    for (const q of [1, 2, 3])
      expect(meetings.filter((m) => m.quarter === q && m.status === 'held' && m.minutes && m.heldAt)).toHaveLength(11);
    const q4 = meetings.filter((m) => m.quarter === 4);
    expect(q4.every((m) => m.status === 'scheduled' || m.status === 'proposed')).toBe(true);
    expect(q4.some((m) => m.status === 'scheduled') && q4.some((m) => m.status === 'proposed')).toBe(true);
    console.info(`seedDemoMeetings: ${elapsedMs.toFixed(0)} ms`);
    expect(elapsedMs).toBeLessThan(1500);
  });

  it('invites exactly the paired units, and at held meetings most of them attended', async () => {
    const meetings = await database.db.select().from(jointMeetings);
    const invitations = await database.db.select().from(jointMeetingUnits);
    for (const m of meetings) {
      const invited = invitations
        .filter((i) => i.meetingId === m.id)
        .map((i) => i.unitId)
        .sort();
      expect(invited).toEqual(
        pairs
          .filter((p) => p.communityId === m.communityId)
          .map((p) => p.unitId)
          .sort(),
      );
    }
    const atHeld = invitations.filter((i) => meetings.find((m) => m.id === i.meetingId)?.status === 'held');
    expect(atHeld.filter((i) => i.attended).length / atHeld.length).toBeGreaterThan(0.8);
    expect(atHeld.filter((i) => i.attended).every((i) => i.attendees.length > 0 && i.checkedInAt)).toBe(true);
  });

  it('has 260+ closed resolution tasks, plus open and overdue ones, each owned by a unit paired with the community', async () => {
    const tasks = await database.db.select().from(meetingTasks);
    const meetings = new Map((await database.db.select().from(jointMeetings)).map((m) => [m.id, m]));
    expect(tasks.filter((t) => t.status === 'done').length).toBeGreaterThanOrEqual(260);
    const open = tasks.filter((t) => t.status === 'open' || t.status === 'in_progress');
    expect(open.length).toBeGreaterThan(10);
    expect(open.filter((t) => t.deadline < time.today).length).toBeGreaterThan(5);
    for (const t of tasks) {
      const m = meetings.get(t.meetingId)!;
      expect(t.deadline >= m.meetingDate).toBe(true);
      expect(pairs.some((p) => p.communityId === t.communityId && p.unitId === t.ownerUnitId)).toBe(true);
      if (t.status === 'done') expect(t.completedOn && t.completionNote && t.completedOn < time.today).toBeTruthy();
    }
  });

  it('puts the open tasks on the Q4 agendas as follow-ups, tagged with their sources', async () => {
    const q4 = await database.db.select().from(jointMeetings).where(eq(jointMeetings.quarter, 4));
    const items = await database.db.select().from(jointMeetingAgendaItems);
    const openTasks = (await database.db.select().from(meetingTasks)).filter(
      (t) => t.status === 'open' || t.status === 'in_progress',
    );
    const followUps = items.filter((i) => i.source === 'follow_up' && q4.some((m) => m.id === i.meetingId));
    expect(followUps.map((i) => i.refId).sort()).toEqual(openTasks.map((t) => t.id).sort());
    expect(items.some((i) => i.source === 'delayed_project')).toBe(true);
  });

  it('is deterministic: seeding again gives the same rows', async () => {
    const before = await digest(database.db);
    class Rollback extends Error {}
    let again = '';
    await database.db
      .transaction(async (tx) => {
        for (const t of [jointMeetingAgendaItems, meetingTasks, jointMeetingUnits, jointMeetings]) await tx.delete(t);
        await seedDemoMeetings(tx, data, time);
        again = await digest(tx);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(again).toBe(before);
  });
});

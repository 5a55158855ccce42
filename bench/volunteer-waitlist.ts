/**
 * The volunteer waitlist under concurrency (issue 14: "a freed slot goes to the first waiting"): 200 operations at once
 * on one activity with two roles (20 and 10 slots): 150 volunteers sign up (POST /api/volunteer-activities/:id/signups,
 * through the service), the first 50 cancel as soon as their own sign-up is in, so cancellations and the promotions
 * they cause interleave with sign-ups on the activity's row lock (SELECT … FOR UPDATE). Each round uses a new
 * activity and 150 new volunteers (inserted directly); after it, test/volunteer-waitlist-load.ts `waitlistProblems` checks the
 * invariants (slots filled exactly, holders queued before everyone waiting, one promotion per promoted sign-up, audited
 * and notified once, queuedAt unique) and the states are counted (expected: 30 signed up, 70 waiting, 50 cancelled).
 * Prints ops/s (200 / wall time of the round), this process's CPU per operation (less dependent on the shared
 * machine's load; on PGlite it includes the database's work, on PostgreSQL not the server's) and correctness, on PGlite in memory and, when --pg[=url],
 * DATABASE_URL or TEST_DATABASE_URL is given, on a fresh PostgreSQL database too.
 * Run: node --import tsx bench/volunteer-waitlist.ts [--rounds=5] [--pg[=url]]
 */
import { clock } from '../src/core/clock.js';
import type { Db } from '../src/core/db.js';
import {
  insertLoadVolunteers,
  runWaitlistLoad,
  signupStates,
  waitlistProblems,
} from '../test/volunteer-waitlist-load.js';
import { volunteerActivities, volunteerActivityRoles } from '../src/modules/volunteers/volunteers.schema.js';
import { seedVolunteerCatalogue } from '../test/api-setup/volunteers.js';
import { seedTestWorld } from '../test/world.js';
import { benchPostgresUrl, median, openBenchDatabase } from './util.js';

const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 5);
const MIN = 60_000;

async function newActivity(db: Db, communityId: string, typeId: string) {
  const now = clock.nowMs();
  const [a] = await db
    .insert(volunteerActivities)
    .values({
      communityId,
      typeId,
      title: '马拉松文明引导',
      place: '杭川大道',
      startsAt: new Date(now + 24 * 60 * MIN),
      endsAt: new Date(now + 28 * 60 * MIN),
      signupOpensAt: new Date(now - 60 * MIN),
      signupClosesAt: new Date(now + 20 * 60 * MIN),
      cancelDeadlineAt: new Date(now + 12 * 60 * MIN),
    })
    .returning();
  const roles = await db
    .insert(volunteerActivityRoles)
    .values([
      { activityId: a.id, name: '引导员', slots: 20, sort: 0 },
      { activityId: a.id, name: '补给员', slots: 10, sort: 1 },
    ])
    .returning();
  return { id: a.id, roleIds: roles.map((r) => r.id) };
}

async function run(label: string, pgUrl: string | null): Promise<void> {
  const database = await openBenchDatabase(pgUrl);
  const { db } = database;
  const world = await seedTestWorld(db);
  const { types } = await seedVolunteerCatalogue(db);
  const rates: number[] = [];
  const cpus: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const a = await newActivity(db, world.communityA.id, types.traffic_guidance);
    const vols = await insertLoadVolunteers(db, 150, world.communityA.id);
    const cpu0 = process.cpuUsage();
    const r = await runWaitlistLoad(db, a.id, a.roleIds, vols, 50);
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / r.operations;
    cpus.push(cpuMs);
    const problems = await waitlistProblems(db, a.id);
    const states = await signupStates(db, a.id);
    const rate = (r.operations / r.ms) * 1000;
    rates.push(rate);
    const ok = !problems.length && !r.failed.length && states.signed_up === 30 && states.waitlisted === 70;
    console.log(
      `${label} round ${round}: ${r.operations} ops in ${r.ms.toFixed(0)} ms = ${rate.toFixed(0)} ops/s, ` +
        `CPU ${cpuMs.toFixed(1)} ms an op (this process); ` +
        `signed_up ${states.signed_up}, waitlisted ${states.waitlisted}, cancelled ${states.cancelled}, promoted ${states.promoted}; ` +
        `${ok ? 'correct' : `WRONG: ${[...problems, ...r.failed.slice(0, 3)].join('; ')}`}`,
    );
  }
  console.log(
    `${label}: median ${median(rates).toFixed(0)} ops/s, CPU ${median(cpus).toFixed(1)} ms an op, over ${ROUNDS} rounds`,
  );
  await database.close();
}

async function main(): Promise<void> {
  await run('PGlite', null);
  const pgUrl =
    benchPostgresUrl() ??
    process.env.DATABASE_URL ??
    (process.env.TEST_DATABASE_URL ? process.env.TEST_DATABASE_URL : null);
  if (pgUrl) await run('PostgreSQL', pgUrl);
}

await main();

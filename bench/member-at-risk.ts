/**
 * The 20-hour pace list (issue 13 "Measured": the at-risk list over all 1,762 members < 50 ms).
 * Run: node --import tsx bench/member-at-risk.ts [--runs=31] [--pg | --pg=postgres://…]
 *   Seeds the demo (seedDemo, the county's 1,762 in-service members with this year's post duties, service-day
 *   check-ins and claimed needs in the ledger) into a fresh database (PGlite in memory, or a scratch PostgreSQL
 *   database). Where the demo holds fewer than a year's worth of ledger rows (it starts on its first day, so early
 *   in a year it has little), synthetic evening records are added on days of this year and last year up to
 *   yesterday (0–24 a member, 1–3 h) so each member's sums read a realistic number of rows.
 *   Times `paceRows` (what GET /api/member-service/at-risk runs after the permission check: scope, one grouped
 *   query over two years of the ledger, pace arithmetic, sort) for the county admin over every member, and for one
 *   community admin (杭东), after ANALYZE. Prints median and p95 of `runs` after three warm-up runs, and the median
 *   CPU time of this process per list (with PGlite the database runs on this thread too).
 */
import { randomUUID } from 'node:crypto';
import { count, eq, gte, sql } from 'drizzle-orm';
import type { Actor } from '../src/core/auth/actor.js';
import { insertRows } from '../src/core/bulk.js';
import { addDays, localInstant } from '../src/core/calendar.js';
import { clock } from '../src/core/clock.js';
import type { Db } from '../src/core/db.js';
import { roleBindings, users } from '../src/modules/auth/auth.schema.js';
import { serviceRecords } from '../src/modules/ledger/ledger.schema.js';
import { ZAtRiskQuery } from '../src/modules/members/pace/pace.contracts.js';
import { paceRows } from '../src/modules/members/pace/pace.service.js';
import { partyMembers } from '../src/modules/people/members/members.schema.js';
import { seedDemo } from '../src/seed/demo.js';
import { createRng } from '../src/seed/rng.js';
import { benchPostgresUrl, median, openBenchDatabase } from './util.js';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 31);
/** Below this many counted rows a member this year, the demo is topped up (see the header). */
const ROWS_PER_MEMBER = 8;

async function actorOf(db: Db, username: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const bindings = await db
    .select({ role: roleBindings.role, scopeOrgId: roleBindings.scopeOrgId, scopeGridId: roleBindings.scopeGridId })
    .from(roleBindings)
    .where(eq(roleBindings.userId, user.id));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    locale: user.locale,
    bindings,
    ip: null,
    requestId: null,
  };
}

/** Evening records (19:00 on, after the demo's daytime duties) on days up to yesterday in this year and last. */
async function topUp(db: Db, today: string): Promise<number> {
  const year = Number(today.slice(0, 4));
  const [{ n }] = await db
    .select({ n: count() })
    .from(serviceRecords)
    .where(gte(serviceRecords.day, `${year}-01-01`));
  const members = await db
    .select({ id: partyMembers.id, communityId: partyMembers.residenceCommunityId })
    .from(partyMembers)
    .where(eq(partyMembers.kind, 'in_service'));
  if (n >= members.length * ROWS_PER_MEMBER) return 0;
  const rng = createRng(2013);
  const rows = members.flatMap((m) => {
    const days = new Set(Array.from({ length: rng.int(0, 24) }, () => addDays(today, -rng.int(1, 540))));
    return [...days].map((day) => {
      const minutes = rng.int(60, 180);
      const startsAt = localInstant(day, '19:00');
      return {
        memberId: m.id,
        kind: 'volunteer_shift' as const,
        sourceId: randomUUID(),
        communityId: m.communityId,
        title: '志愿服务',
        startsAt,
        endsAt: new Date(startsAt.getTime() + minutes * 60_000),
        minutes,
        day,
      };
    });
  });
  await insertRows(db, serviceRecords, rows);
  return rows.length;
}

async function time(label: string, fn: () => Promise<string>): Promise<void> {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  let what = '';
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const cpu0 = process.cpuUsage();
    what = await fn();
    ms.push(performance.now() - t);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
  console.log(
    `${label.padEnd(34)} ${what}  median ${median(ms).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  CPU median ${median(cpu).toFixed(1)} ms`,
  );
}

async function main(): Promise<void> {
  const pg = benchPostgresUrl();
  const database = await openBenchDatabase(pg);
  const db = database.db;
  try {
    const today = clock.today();
    const t0 = performance.now();
    await seedDemo({ db });
    const added = await topUp(db, today);
    // Statistics as the nightly maintenance (PGlite) or autovacuum (PostgreSQL) keeps them: without them a fresh
    // database plans 1,762 index lookups into people where a hash join is right.
    await db.execute(sql`analyze`);
    const [{ rows }] = await db.select({ rows: count() }).from(serviceRecords);
    console.log(
      `${pg ? 'PostgreSQL' : 'PGlite'}, today ${today}: demo seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s, ` +
        `${rows} ledger rows (${added} synthetic), ${runs} runs each`,
    );
    const query = ZAtRiskQuery.parse({ pageSize: 20 });
    for (const username of ['admin', 'hangdong']) {
      const actor = await actorOf(db, username);
      await time(`at-risk list as ${username}`, async () => {
        const r = await paceRows({ db, actor, query, day: today });
        return `members ${String(r.members).padStart(4)}, at risk ${String(r.atRisk).padStart(4)}`;
      });
    }
  } finally {
    await database.close();
  }
}

await main();

/**
 * The nightly maintenance of the embedded database (core/maintenance.ts) measured: a fresh PGlite data directory with
 * the demo, then a simulated week of intake through the real HTTP API (app.inject), once without the nightly
 * VACUUM (ANALYZE) and once with it at 02:10 each night, the same workload from the same seed. Per table that changed:
 * table, index and total size and dead rows before the week and after it, in both runs; and what each night's
 * maintenance vacuumed and how long it held PGlite's one connection.
 *
 * The week (business time from Monday 2027-01-04, the clock pinned at each event): per day `--cases` reports at
 * 杭东社区's hall between 08:00 and 17:00 (hangdong records them), each then living its life over the next day or
 * two: 2 % rejected, 8 % accepted and left open, the rest accepted, dispatched to unit01's unit, acknowledged, started,
 * resolved, verified and rated by phone (回访; each a POST /api/cases/:id/transitions; each writes the case, an event, audit rows,
 * notifications and the case_stats rollup by trigger). Every user logs in at 08:00 and 14:00 (new sessions; the
 * morning's ends idle, and the user's next login drops it) and reads the bell at 12:00 and 17:30; sessions are touched
 * as requests come. Each hour the case sweep runs, and job_runs takes the writes of the server's per-minute sweep
 * ticks (one count each, 60 an hour; its result once an hour) and of the hourly jobs.
 * Run: node --import tsx bench/vacuum.ts [--days=7] [--cases=100] [--disk]   (default: PGlite in memory; sizes are the
 * same, and seeding the demo into a data directory on disk takes ~20 s on a loaded machine)
 *      node --import tsx bench/vacuum.ts --demo-only [--disk]   one maintenance of the fresh demo, its slowest tables
 */
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { setClock } from '../src/core/clock.js';
import type { Database } from '../src/core/db.js';
import { runMaintenance, type TableSize, tableSizes } from '../src/core/maintenance.js';
import { countJobRun } from '../src/core/periodic.js';
import { jobRuns } from '../src/core/system.schema.js';
import { roleBindings, users } from '../src/modules/auth/auth.schema.js';
import { pruneEndedSessions } from '../src/modules/auth/auth.sessions.js';
import { runCaseSweep, SWEEP_JOB } from '../src/modules/cases/dispatch/sweep.js';
import { seedDemo } from '../src/seed/demo.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { createRng } from '../src/seed/rng.js';
import { benchAppConfig, hallReports } from './intake-load.js';
import { loginCookieInject, openBenchDatabase } from './util.js';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const DAYS = arg('days', 7);
const CASES_PER_DAY = arg('cases', 100);
const ON_DISK = process.argv.includes('--disk');
const FIRST_DAY_MS = Date.parse('2027-01-04T00:00:00+08:00');
const HOUR = 3_600_000;
const USERS = ['hangdong', 'unit01', 'grid01', 'resident01'] as const;

type Step = { action: string; as: 'hangdong' | 'unit01'; body?: Record<string, unknown> };
type Event =
  | { at: number; kind: 'report'; c: number }
  | { at: number; kind: 'step'; c: number; step: Step }
  | { at: number; kind: 'login' | 'read' | 'sweep' | 'night' };

/** A case's life after its report, as steps hours after it. */
function lifeOf(rng: ReturnType<typeof createRng>, unitId: string): [number, Step][] {
  const roll = rng.next();
  if (roll < 0.02) return [[1, { action: 'reject', as: 'hangdong', body: { reason: '不属于受理范围' } }]];
  const accept: [number, Step] = [0.5, { action: 'accept', as: 'hangdong' }];
  if (roll < 0.1) return [accept];
  const dispatch = { unitIds: [unitId], instructions: '请派员到场处理', reason: '该单位有专业力量' };
  return [
    accept,
    [1, { action: 'dispatch', as: 'hangdong', body: dispatch }],
    [2, { action: 'acknowledge', as: 'unit01' }],
    [4, { action: 'start', as: 'unit01' }],
    [rng.int(6, 22), { action: 'resolve', as: 'unit01', body: { note: '已到场处理完毕' } }],
    [24, { action: 'verify', as: 'hangdong' }],
    [
      26,
      {
        action: 'rate',
        as: 'hangdong',
        body: { satisfaction: rng.chance(0.9) ? 'satisfied' : 'basically_satisfied', phoneVisit: true },
      },
    ],
  ];
}

/** Every event of the week in time order (the same for both runs: one seed). */
function planWeek(unitId: string): Event[] {
  const rng = createRng(17);
  const events: Event[] = [];
  let c = 0;
  for (let day = 0; day < DAYS; day++) {
    const d0 = FIRST_DAY_MS + day * 24 * HOUR;
    if (day > 0) events.push({ at: d0 + 2 * HOUR + 10 * 60_000, kind: 'night' });
    for (const h of [8, 14]) events.push({ at: d0 + h * HOUR, kind: 'login' });
    for (const h of [12, 17.5]) events.push({ at: d0 + h * HOUR, kind: 'read' });
    for (let h = 0; h < 24; h++) events.push({ at: d0 + h * HOUR + 30 * 60_000, kind: 'sweep' });
    for (let i = 0; i < CASES_PER_DAY; i++, c++) {
      const at = d0 + 8 * HOUR + Math.floor(rng.next() * 9 * HOUR);
      events.push({ at, kind: 'report', c });
      for (const [after, step] of lifeOf(rng, unitId)) events.push({ at: at + after * HOUR, kind: 'step', c, step });
    }
  }
  // The night after the last day, so both runs end at the same instant, after the last maintenance.
  events.push({ at: FIRST_DAY_MS + DAYS * 24 * HOUR + 2 * HOUR + 10 * 60_000, kind: 'night' });
  const end = FIRST_DAY_MS + DAYS * 24 * HOUR + 2 * HOUR + 20 * 60_000;
  return events.filter((e) => e.at <= end).sort((a, b) => a.at - b.at || kindOrder(a) - kindOrder(b));
}

function kindOrder(e: Event): number {
  return ['night', 'login', 'sweep', 'read', 'report', 'step'].indexOf(e.kind);
}

interface Night {
  day: string;
  ms: number;
  tables: number;
  pruned: number;
}

interface RunResult {
  before: Map<string, TableSize>;
  after: Map<string, TableSize>;
  dbBefore: number;
  dbAfter: number;
  nights: Night[];
  requests: number;
  seconds: number;
}

async function databaseBytes(database: Database): Promise<number> {
  const { rows } = (await database.db.execute(sql`select pg_database_size(current_database())::float8 as b`)) as {
    rows: { b: number }[];
  };
  return rows[0].b;
}

/** The demo in a fresh database, the app on it, and the week's events. */
async function setUp() {
  setClock(FIRST_DAY_MS + 6 * HOUR, { frozen: true });
  const database = await openBenchDatabase(null, { onDisk: ON_DISK });
  const db = database.db;
  await seedReferenceData({ db });
  await seedDemo({ db });
  const app = await buildApp({ config: benchAppConfig(), database, logger: false });
  const [unit] = await db
    .select({ id: roleBindings.scopeOrgId })
    .from(roleBindings)
    .innerJoin(users, eq(users.id, roleBindings.userId))
    .where(eq(users.username, 'unit01'));
  return { database, app, reports: await hallReports(db), events: planWeek(String(unit.id)) };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

/** Plays one event through the app (or the jobs); the state is the users' cookies and the cases' versions. */
function player({ app, database, reports }: Setup, nightly: boolean) {
  const cookies = new Map<string, string>();
  const cases = new Map<number, { id: string; version: number }>();
  const state = { requests: 0, nights: [] as Night[] };
  const call = async (as: string, url: string, payload: object, expected: number) => {
    state.requests++;
    const res = await app.inject({ method: 'POST', url, payload, headers: { cookie: cookies.get(as) ?? '' } });
    if (res.statusCode !== expected) throw new Error(`${as} POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; version: number };
  };
  const play = async (e: Event): Promise<void> => {
    setClock(e.at, { frozen: true });
    if (e.kind === 'login') {
      for (const u of USERS) cookies.set(u, await loginCookieInject(app, u));
      state.requests += USERS.length;
    } else if (e.kind === 'read') {
      for (const u of USERS) await call(u, '/api/notifications/read', {}, 200);
    } else if (e.kind === 'sweep') {
      await hourOfJobs(database);
    } else if (e.kind === 'night') {
      const at = new Date(e.at).toISOString();
      console.error(`  ${nightly ? 'nightly vacuum' : 'no vacuum'}: night ${at}, ${state.requests} requests`);
      if (nightly) state.nights.push(await night(database));
    } else if (e.kind === 'report') {
      const r = reports[e.c % reports.length];
      const body = { channel: 'hall', description: r.text, lng: r.p.lng, lat: r.p.lat, reporterName: `居民${e.c}` };
      cases.set(e.c, { id: (await call('hangdong', '/api/cases', body, 201)).id, version: 1 });
    } else if (e.kind === 'step') {
      const c = cases.get(e.c);
      if (!c) return;
      const body = { action: e.step.action, version: c.version, ...e.step.body };
      c.version = (await call(e.step.as, `/api/cases/${c.id}/transitions`, body, 200)).version;
    }
  };
  return { play, state };
}

/** The workload on one fresh database; `nightly` runs the maintenance at each night event. */
async function run(nightly: boolean): Promise<RunResult> {
  const setup = await setUp();
  const { database, app, events } = setup;
  const before = await tableSizes(database.db);
  const dbBefore = await databaseBytes(database);
  const { play, state } = player(setup, nightly);
  const started = performance.now();
  for (const e of events) await play(e);
  const seconds = (performance.now() - started) / 1000;
  const after = await tableSizes(database.db);
  const dbAfter = await databaseBytes(database);
  await app.close();
  await database.close();
  return { before, after, dbBefore, dbAfter, nights: state.nights, requests: state.requests, seconds };
}

/** An hour of the server's background writes: the sweep once, job_runs as its 60 per-minute ticks write it. */
async function hourOfJobs(database: Database): Promise<void> {
  const db = database.db;
  const result = await runCaseSweep({ db });
  await db.update(jobRuns).set({ lastResult: result }).where(eq(jobRuns.name, SWEEP_JOB));
  for (let tick = 0; tick < 60; tick++) {
    await countJobRun(db, SWEEP_JOB, { ok: true, durationMs: 3 });
  }
  for (const job of ['meetings-propose', 'backup']) await countJobRun(db, job, { ok: true, durationMs: 1 });
}

async function night(database: Database): Promise<Night> {
  const done = await runMaintenance(database, { endedSessions: pruneEndedSessions });
  const day = new Date(Date.parse(done.at) + 8 * HOUR).toISOString().slice(0, 10);
  return { day, ms: done.ms, tables: done.tables.length, pruned: done.pruned.endedSessions ?? 0 };
}

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')}`;

function report(without: RunResult, withVacuum: RunResult): void {
  const changed = [...without.after.keys()].filter((t) => {
    const b = without.before.get(t)?.totalBytes ?? 0;
    return (
      (without.after.get(t)?.totalBytes ?? 0) - b >= 16_384 || (withVacuum.after.get(t)?.totalBytes ?? 0) - b >= 16_384
    );
  });
  changed.sort((a, b) => (without.after.get(b)?.totalBytes ?? 0) - (without.after.get(a)?.totalBytes ?? 0));
  const cell = (s?: TableSize) =>
    s ? `${kb(s.tableBytes)} | ${kb(s.indexBytes)} | ${kb(s.totalBytes)} | ${s.deadRows}` : '';
  console.log(
    '\nkB: table | indexes | total | dead rows (pg_relation_size, pg_indexes_size, pg_total_relation_size, n_dead_tup)',
  );
  console.log('| table | before the week | after, no vacuum | after, nightly vacuum |');
  console.log('|---|---|---|---|');
  for (const t of changed) {
    console.log(
      `| ${t} | ${cell(without.before.get(t))} | ${cell(without.after.get(t))} | ${cell(withVacuum.after.get(t))} |`,
    );
  }
  const sum = (m: Map<string, TableSize>, k: keyof TableSize) => [...m.values()].reduce((n, s) => n + s[k], 0);
  for (const [name, r] of [
    ['no vacuum', without],
    ['nightly vacuum', withVacuum],
  ] as const) {
    console.log(
      `${name}: all tables ${kb(sum(r.before, 'totalBytes'))} → ${kb(sum(r.after, 'totalBytes'))} kB ` +
        `(indexes ${kb(sum(r.before, 'indexBytes'))} → ${kb(sum(r.after, 'indexBytes'))} kB, dead rows ` +
        `${sum(r.before, 'deadRows')} → ${sum(r.after, 'deadRows')}); database ${kb(r.dbBefore)} → ${kb(r.dbAfter)} kB; ` +
        `${r.requests} requests in ${r.seconds.toFixed(0)} s`,
    );
  }
  console.log('\n| night | tables vacuumed | ms | ended sessions pruned |\n|---|---|---|---|');
  for (const n of withVacuum.nights) console.log(`| ${n.day} | ${n.tables} | ${n.ms} | ${n.pruned} |`);
}

/** --demo-only: one maintenance of the freshly seeded demo (what the first night after a start does), the slowest tables. */
async function demoOnly(): Promise<void> {
  const { database, app } = await setUp();
  const done = await runMaintenance(database);
  const slowest = done.tables.sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(`${done.tables.length} tables in ${done.ms} ms; slowest:`);
  for (const t of slowest) console.log(`  ${t.table}: ${t.ms} ms, ${kb(t.before.totalBytes)} kB`);
  await app.close();
  await database.close();
}

console.log(`PGlite ${ON_DISK ? 'on disk' : 'in memory'}, demo + ${DAYS} days × ${CASES_PER_DAY} cases`);
if (process.argv.includes('--demo-only')) {
  await demoOnly();
} else {
  const without = await run(false);
  const withVacuum = await run(true);
  report(without, withVacuum);
}

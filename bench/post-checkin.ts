/**
 * The 报到证 QR check-in round trip at a post activity: a scanner's phone posts the token it read (POST
 * /api/post-activities/:id/checkins {token}); the server verifies the signature and expiry, looks the certificate up
 * (revocation), checks the member lives in the activity's community and records the check-in. 50 scanners at once
 * (autocannon, 50 connections, in a worker thread: bench/load-worker.ts) over HTTP on a loopback port, on the demo
 * (its ~1,600 certificates) with a hundred activities open now in each community, so every request is a first
 * check-in of a (member, activity) pair for the length of a run (169,200 pairs; at 2,000 check-ins/s three rounds and
 * the warm-up take ~70,000). Goal: p99 < 100 ms.
 * Then the CPU a check-in costs this process (--cpu=N check-ins, default 4,000; 0 skips it): the same requests through
 * app.inject, 50 in flight, no HTTP and no load generator on the process, CPU time over process.cpuUsage — a figure
 * that depends far less on what else the shared machine runs than the latencies do.
 * Run: node --import tsx bench/post-checkin.ts [seconds, default 10] [--rounds=3] [--cpu=4000] [--pg[=url]]
 */
import type { Result } from 'autocannon';
import { and, count, eq, gt, isNull, isNotNull } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import type { App } from '../src/core/http/types.js';
import { clock } from '../src/core/clock.js';
import { postActivities, postActivitySignups, postTypes } from '../src/modules/members/posts/posts.schema.js';
import { certificateToken } from '../src/modules/members/reports/reports.certificates.js';
import { memberCertificates } from '../src/modules/members/reports/reports.schema.js';
import { partyMembers } from '../src/modules/people/members/members.schema.js';
import { seedDemo } from '../src/seed/demo.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { benchAppConfig } from './intake-load.js';
import { runLoad } from './load-worker.js';
import { benchPostgresUrl, loginCookieInject, median, openBenchDatabase } from './util.js';

const CONNECTIONS = 50;
const ACTIVITIES_PER_COMMUNITY = 100;
const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = arg('rounds', 3);
const CPU_CHECKINS = arg('cpu', 4000);
const seconds = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10);
type Database = Awaited<ReturnType<typeof openBenchDatabase>>;
type Db = Database['db'];

/** Ten activities open now in every community with post types: started 10 minutes ago, three hours long. */
async function openActivities(db: Db): Promise<Map<string, string[]>> {
  const types = await db.selectDistinctOn([postTypes.communityId]).from(postTypes);
  const now = clock.nowMs();
  const rows = types.flatMap((t) =>
    Array.from({ length: ACTIVITIES_PER_COMMUNITY }, (_, i) => ({
      communityId: t.communityId,
      postTypeId: t.id,
      title: `压测岗位活动 ${i + 1}`,
      place: '党群服务中心',
      startsAt: new Date(now - 10 * 60_000),
      endsAt: new Date(now + 3 * 3_600_000),
      capacity: 10_000,
    })),
  );
  const created = await db
    .insert(postActivities)
    .values(rows)
    .returning({ id: postActivities.id, communityId: postActivities.communityId });
  const byCommunity = new Map<string, string[]>();
  for (const a of created) byCommunity.set(a.communityId, [...(byCommunity.get(a.communityId) ?? []), a.id]);
  return byCommunity;
}

/** One request per (member with a live certificate, open activity of their community): path and body. */
async function scans(db: Db, secret: string, activities: Map<string, string[]>) {
  const certs = await db
    .select({
      id: memberCertificates.id,
      expiresAt: memberCertificates.expiresAt,
      residence: partyMembers.residenceCommunityId,
    })
    .from(memberCertificates)
    .innerJoin(partyMembers, eq(partyMembers.id, memberCertificates.memberId))
    .where(and(isNull(memberCertificates.revokedAt), gt(memberCertificates.expiresAt, clock.now())));
  const bodies = certs.map((c) => JSON.stringify({ token: certificateToken(secret, c) }));
  const out: { path: string; body: string }[] = [];
  for (let round = 0; round < ACTIVITIES_PER_COMMUNITY; round++)
    certs.forEach((c, k) => {
      const id = c.residence ? activities.get(c.residence)?.[round] : undefined;
      if (id) out.push({ path: `/api/post-activities/${id}/checkins`, body: bodies[k] });
    });
  return { out, certificates: certs.length };
}

const line = (name: string, r: Result) =>
  `${name.padEnd(12)} ${r.requests.average.toFixed(0).padStart(5)} req/s   p50 ${String(r.latency.p50).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   max ${String(r.latency.max).padStart(4)} ms   2xx ${r['2xx']}  non-2xx ${r.non2xx}  errors ${r.errors}`;

/** The CPU one check-in costs this process: `scans` through app.inject, 50 in flight, and their latencies. */
async function cpuPerCheckin(app: App, headers: Record<string, string>, scans: { path: string; body: string }[]) {
  let next = 0;
  const latencies: number[] = [];
  let created = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      for (let i = next++; i < scans.length; i = next++) {
        const t = performance.now();
        const res = await app.inject({ method: 'POST', url: scans[i].path, payload: scans[i].body, headers });
        latencies.push(performance.now() - t);
        if (res.statusCode === 201) created++;
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))].toFixed(0);
  console.log(
    `in-process (app.inject, ${CONNECTIONS} in flight): ${scans.length} check-ins (${created} new), ` +
      `${((scans.length / wall) * 1000).toFixed(0)}/s, CPU ${((cpu.user + cpu.system) / 1000 / scans.length).toFixed(2)} ms a check-in, ` +
      `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`,
  );
}

async function main(): Promise<void> {
  const pgUrl = benchPostgresUrl();
  const database = await openBenchDatabase(pgUrl, { onDisk: true });
  const { db } = database;
  const t0 = performance.now();
  await seedReferenceData({ db });
  await seedDemo({ db });
  const config = benchAppConfig();
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const activities = await openActivities(db);
  const { out, certificates } = await scans(db, config.sessionSecret, activities);
  console.log(
    `database: ${pgUrl ? 'PostgreSQL (fresh database)' : 'PGlite (a data directory)'}; demo seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${certificates} live certificates, ${out.length} (member, activity) pairs; ${CONNECTIONS} scanners, ${ROUNDS} rounds of ${seconds} s`,
  );
  const headers = {
    cookie: await loginCookieInject(app, 'admin'),
    'content-type': 'application/json',
    accept: 'application/json',
  };
  let offset = 0;
  const load = async (d: number) => {
    // Each round starts where the last one stopped, so its scans are first check-ins.
    const mine = [...out.slice(offset), ...out.slice(0, offset)];
    const r = await runLoad({
      url: base,
      path: mine[0].path,
      paths: mine.map((m) => m.path),
      bodies: mine.map((m) => m.body),
      connections: CONNECTIONS,
      duration: d,
      headers,
    });
    offset = (offset + r.requests.total) % out.length;
    return r;
  };
  await load(2);
  const rounds: Result[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await load(seconds));
  rounds.forEach((r, i) => console.log(line(`round ${i + 1}`, r)));
  const [{ n }] = await db
    .select({ n: count() })
    .from(postActivitySignups)
    .where(isNotNull(postActivitySignups.checkedInAt));
  console.log(
    `p50 median ${median(rounds.map((r) => r.latency.p50))} ms, p99 median ${median(rounds.map((r) => r.latency.p99))} ms (goal < 100 ms); ${n} check-ins recorded in all`,
  );
  if (rounds.some((r) => r.non2xx || r.errors)) console.log('WARNING: some answers were not 2xx');
  if (CPU_CHECKINS > 0) await cpuPerCheckin(app, headers, out.slice(offset, offset + CPU_CHECKINS));
  await app.close();
  await database.close();
}

await main();

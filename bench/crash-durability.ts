/**
 * Crash durability under intake load. For each database (PGlite in a fresh DATA_DIR; a fresh PostgreSQL database,
 * dropped after) the real server runs as a child process (src/server.ts through tsx, demo seeded) and a few reporters
 * (the demo's resident and party member reporting online / 随手拍, three community admins recording hall reports) send
 * `POST /api/cases` with an Idempotency-Key each, CONNECTIONS at a time. At a random moment 1–4 s after the first
 * answer the server gets SIGKILL. A report counts as acknowledged when its 201 with the case id and number arrived;
 * requests in flight are unknown. The server is then restarted on the same data (timed), a sample of acknowledged
 * cases is read back through the API, every unknown request is retried with its key, the server is stopped cleanly and
 * the database is checked directly: every acknowledged case with its number, first event, audit row and idempotency
 * key; every report sent exists exactly once (found by its unique title); the case_stats rollup (with
 * case_stats_pending) equals a rebuild.
 * Exits 1 if any acknowledged case was lost or any other check failed. The server process, HTTP and stores are in
 * crash-durability-server.ts, the database checks in crash-durability-checks.ts, the printed rows in
 * crash-durability-report.ts.
 * Run: node --import tsx bench/crash-durability.ts [--db=pglite|postgres|both] [--rounds=3] [--seed=N] [--pg=url]
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Polygon } from 'geojson';
import { loadExamples } from '../src/modules/cases/classifier/data.js';
import { pointInGrid } from '../src/seed/cases-world.js';
import { createRng, type Rng } from '../src/seed/rng.js';
import { type AckCheck, checkAcknowledged, countByTitle, rollupDifferences } from './crash-durability-checks.js';
import { failed, HEADER, type RetryOutcome, type RoundRow, rowCells, seconds } from './crash-durability-report.js';
import {
  type Answer,
  agent,
  CONNECTIONS,
  children,
  getJson,
  login,
  pgliteStore,
  postgresStore,
  request,
  type Server,
  type Store,
  serverEnv,
  startServer,
  stopServer,
} from './crash-durability-server.js';

/** The kill falls uniformly in [KILL_FROM_MS, KILL_TO_MS] after the first acknowledged report; the load runs until then. */
const KILL_FROM_MS = 1_000;
const KILL_TO_MS = 4_000;
const FIRST_ACK_TIMEOUT_MS = 120_000;
const API_SAMPLE = 25;

interface Args {
  dbs: ('pglite' | 'postgres')[];
  rounds: number;
  seed: number;
  pgUrl: string;
}

function parseArgs(argv = process.argv.slice(2)): Args {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const db = value('db') ?? 'both';
  if (!['pglite', 'postgres', 'both'].includes(db)) throw new Error(`--db must be pglite, postgres or both, not ${db}`);
  return {
    dbs: db === 'both' ? ['pglite', 'postgres'] : [db as 'pglite' | 'postgres'],
    rounds: Number(value('rounds') ?? 3),
    seed: Number(value('seed') ?? randomBytes(4).readUInt32LE(0)),
    pgUrl: value('pg') ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  };
}

// ---------------------------------------------------------------- reporters and their reports

interface Reporter {
  username: string;
  userId: string;
  cookie: string;
  channel: 'online' | 'snap' | 'hall';
  leaves: Polygon[];
}

interface Me {
  user: { id: string };
  roles: { role: string; scopeOrgId: string | null }[];
}
interface Features {
  features: { geometry: Polygon }[];
}

/** The demo's one resident and one party member report for themselves; community admins record hall reports. */
const REPORTERS: { username: string; channel: Reporter['channel']; community?: string }[] = [
  { username: 'resident01', channel: 'online', community: 'hangdong' },
  { username: 'member01', channel: 'snap', community: 'hangdong' },
  { username: 'hangdong', channel: 'hall' },
  { username: 'sanfeng', channel: 'hall' },
  { username: 'juzizhou', channel: 'hall' },
];

async function setUpReporters(base: string, adminCookie: string): Promise<Reporter[]> {
  const cookies = new Map<string, string>();
  for (const r of REPORTERS) cookies.set(r.username, await login(base, r.username));
  // Residents report from points in their own community (杭东社区), staff in the community they administer.
  const communityOf = async (username: string) => {
    const me = await getJson<Me>(base, '/api/auth/me', cookies.get(username)!);
    return { userId: me.user.id, communityId: me.roles.find((x) => x.scopeOrgId)?.scopeOrgId ?? null };
  };
  const out: Reporter[] = [];
  for (const r of REPORTERS) {
    const { userId } = await communityOf(r.username);
    const { communityId } = await communityOf(r.community ?? r.username);
    if (!communityId) throw new Error(`no community for ${r.username}`);
    const geo = await getJson<Features>(base, `/api/grids/geojson?level=4&communityId=${communityId}`, adminCookie);
    out.push({
      username: r.username,
      userId,
      cookie: cookies.get(r.username)!,
      channel: r.channel,
      leaves: geo.features.map((f) => f.geometry),
    });
  }
  return out;
}

interface Sent {
  key: string;
  title: string;
  body: string;
  reporter: Reporter;
}

/** Makes report number `seq` of a round: real residents' wording, a point in a grid, a unique title and key. */
function reportMaker(rng: Rng, texts: string[], tag: string, round: number): (reporter: Reporter) => Sent {
  let seq = 0;
  return (reporter) => {
    const n = ++seq;
    const p = pointInGrid(rng, { boundary: rng.pick(reporter.leaves) });
    const title = `崩溃测试 ${tag}-${round}-${n}`;
    const staff =
      reporter.channel === 'hall'
        ? { reporterName: `居民${n}`, reporterPhone: `139${String(10_000_000 + (n % 10_000_000)).slice(-8)}` }
        : {};
    const body = JSON.stringify({
      channel: reporter.channel,
      title,
      description: rng.pick(texts),
      lng: p.lng,
      lat: p.lat,
      ...staff,
    });
    return { key: `crash-${tag}-${round}-${n}`, title, body, reporter };
  };
}

function postCase(base: string, s: Sent): Promise<Answer> {
  return request(base, {
    method: 'POST',
    path: '/api/cases',
    body: s.body,
    headers: { cookie: s.reporter.cookie, 'content-type': 'application/json', 'idempotency-key': s.key },
  });
}

/** The case a 201 names, or null: only a complete answer with an id and a number acknowledges a report. */
function acknowledged(res: Answer): { id: string; number: string } | null {
  if (res.status !== 201) return null;
  try {
    const body = JSON.parse(res.text) as { id?: unknown; number?: unknown };
    return typeof body.id === 'string' && typeof body.number === 'string' ? { id: body.id, number: body.number } : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- load, kill, retry

interface Acked extends Sent {
  id: string;
  number: string;
}
interface LoadOutcome {
  sent: Sent[];
  acked: Acked[];
  unknown: Sent[];
  rejected: { sent: Sent; status: number; text: string }[];
  firstAckMs: number;
  killAtMs: number;
}

/**
 * CONNECTIONS clients report back to back until the server is killed; nothing new starts after. The kill falls at a
 * random moment KILL_FROM_MS–KILL_TO_MS after the first acknowledgement, not after the first request: a server that
 * has just started may take seconds for its first answers on a busy machine (cold caches, the sweep at start), and a
 * kill before any answer would test nothing.
 */
async function loadUntilKilled(
  server: Server,
  reporters: Reporter[],
  next: (r: Reporter) => Sent,
  rng: Rng,
): Promise<LoadOutcome> {
  const out: LoadOutcome = { sent: [], acked: [], unknown: [], rejected: [], killAtMs: 0, firstAckMs: 0 };
  let stopping = false;
  let firstAck: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => {
    firstAck = resolve;
  });
  const client = async (c: number) => {
    while (!stopping) {
      const s = next(reporters[c % reporters.length]);
      out.sent.push(s);
      try {
        const res = await postCase(server.url, s);
        const ack = acknowledged(res);
        if (ack) out.acked.push({ ...s, ...ack });
        else out.rejected.push({ sent: s, status: res.status, text: res.text.slice(0, 200) });
        if (ack) firstAck();
      } catch {
        out.unknown.push(s);
      }
    }
  };
  const started = performance.now();
  const clients = Array.from({ length: CONNECTIONS }, (_, c) => client(c));
  const first = await Promise.race([
    answered.then(() => 'answered' as const),
    sleep(FIRST_ACK_TIMEOUT_MS, 'timeout' as const, { ref: false }),
  ]);
  if (first === 'timeout') {
    stopping = true;
    await Promise.all(clients);
    throw new Error(`no report acknowledged in ${FIRST_ACK_TIMEOUT_MS / 1000} s:\n${server.output()}`);
  }
  out.firstAckMs = performance.now() - started;
  await sleep(KILL_FROM_MS + rng.next() * (KILL_TO_MS - KILL_FROM_MS));
  stopping = true;
  server.child.kill('SIGKILL');
  out.killAtMs = performance.now() - started;
  // Answers the server wrote before it died may still be read now: they are acknowledged like any other.
  await Promise.all(clients);
  await server.exited;
  return out;
}

/** Every report without an answer (or with a non-2xx one) again, same key and body, all at once. */
async function retryWithSameKeys(base: string, items: Sent[]): Promise<RetryOutcome> {
  const out: RetryOutcome = { replayed: 0, created: 0, failed: [] };
  await Promise.all(
    items.map(async (s) => {
      const res = await postCase(base, s).catch(
        (err: unknown): Answer => ({ status: 0, headers: {}, text: String(err) }),
      );
      if (!acknowledged(res)) out.failed.push(`${s.key}: ${res.status} ${res.text.slice(0, 200)}`);
      else if (res.headers['idempotent-replayed'] === 'true') out.replayed++;
      else out.created++;
    }),
  );
  return out;
}

interface CaseDetail {
  number: string;
  events: { action: string }[];
}

/** A sample of acknowledged cases read back through the API by the county admin, right after the restart. */
async function readBackSample(
  base: string,
  adminCookie: string,
  acked: Acked[],
  rng: Rng,
): Promise<{ ok: number; of: number }> {
  const sample = Array.from({ length: Math.min(API_SAMPLE, acked.length) }, () => rng.pick(acked));
  let ok = 0;
  for (const a of sample) {
    const res = await request(base, { method: 'GET', path: `/api/cases/${a.id}`, headers: { cookie: adminCookie } });
    const detail = res.status === 200 ? (JSON.parse(res.text) as CaseDetail) : null;
    if (detail && detail.number === a.number && detail.events.some((e) => e.action === 'report')) ok++;
  }
  return { ok, of: sample.length };
}

// ---------------------------------------------------------------- rounds

interface RunContext {
  store: Store;
  env: NodeJS.ProcessEnv;
  reporters: Reporter[];
  adminCookie: string;
  rng: Rng;
  texts: string[];
  tag: string;
}

/** One round: load, SIGKILL, restart (timed), read back, retry, clean stop, then the checks in the database. */
async function runRound(ctx: RunContext, round: number, server: Server): Promise<RoundRow> {
  const load = await loadUntilKilled(server, ctx.reporters, reportMaker(ctx.rng, ctx.texts, ctx.tag, round), ctx.rng);
  const restarted = await startServer(ctx.env);
  const api = await readBackSample(restarted.url, ctx.adminCookie, load.acked, ctx.rng);
  const retry = await retryWithSameKeys(restarted.url, [...load.unknown, ...load.rejected.map((r) => r.sent)]);
  // Stopped before the checks: PGlite's data directory has one owner at a time, and on PostgreSQL no fold runs meanwhile.
  await stopServer(restarted);
  const database = await ctx.store.open();
  let ack: AckCheck;
  let titles: { duplicates: number; missing: number };
  let rollupDiffs: number;
  try {
    ack = await checkAcknowledged(database.db, load.acked);
    titles = await countByTitle(database.db, load.sent);
    rollupDiffs = await rollupDifferences(database.db);
  } finally {
    await database.close();
  }
  const detail = [
    ...(ack.found < load.acked.length
      ? [
          `acknowledged but: absent ${ack.absent}, other number ${ack.wrongNumber}, no event ${ack.noEvent}, no audit ${ack.noAudit}, no key ${ack.noKey}`,
        ]
      : []),
    ...load.rejected.slice(0, 3).map((r) => `answered ${r.status} during the load: ${r.text}`),
    ...retry.failed.slice(0, 3).map((f) => `retry failed: ${f}`),
  ];
  return {
    db: ctx.store.kind,
    round,
    sent: load.sent.length,
    acked: load.acked.length,
    found: ack.found,
    lost: load.acked.length - ack.found,
    inFlight: load.unknown.length,
    rejected: load.rejected.length,
    retry,
    duplicates: titles.duplicates,
    missing: titles.missing,
    rollupDiffs,
    api,
    firstAckMs: load.firstAckMs,
    killAtMs: load.killAtMs,
    restartMs: restarted.startMs,
    readyMs: restarted.readyMs,
    detail,
  };
}

async function runDatabase(kind: Store['kind'], args: Args, rng: Rng, texts: string[]): Promise<RoundRow[]> {
  const store = kind === 'pglite' ? pgliteStore() : await postgresStore(args.pgUrl);
  const env = serverEnv(store);
  try {
    let server: Server | null = await startServer(env);
    console.log(`${kind}: first start (migrations, reference data, demo seed) ${seconds(server.startMs)}`);
    const adminCookie = await login(server.url, 'admin');
    const ctx: RunContext = {
      store,
      env,
      reporters: await setUpReporters(server.url, adminCookie),
      adminCookie,
      rng,
      texts,
      tag: randomBytes(3).toString('hex'),
    };
    const rows: RoundRow[] = [];
    for (let round = 1; round <= args.rounds; round++) {
      // Each round after the first starts from a clean start on the data the previous round's checks left.
      server ??= await startServer(env);
      rows.push(await runRound(ctx, round, server));
      server = null;
      console.log(`  round ${round}: ${rowCells(rows[rows.length - 1]).join(' | ')}`);
      for (const d of rows[rows.length - 1].detail) console.log(`    ${d}`);
    }
    return rows;
  } finally {
    for (const child of children) child.kill('SIGKILL');
    while (children.size) await sleep(50);
    await store.dispose();
  }
}

async function main(): Promise<void> {
  const args = parseArgs();
  const rng = createRng(args.seed);
  const texts = loadExamples()
    .map((e) => e.text)
    .filter((t) => t.length >= 6);
  console.log(
    `crash durability: ${args.rounds} rounds per database, ${CONNECTIONS} concurrent reports, SIGKILL ${KILL_FROM_MS / 1000}–${KILL_TO_MS / 1000} s after the first answer, seed ${args.seed}`,
  );
  const rows: RoundRow[] = [];
  for (const kind of args.dbs) rows.push(...(await runDatabase(kind, args, rng, texts)));
  console.log(`\n| ${HEADER.join(' | ')} |\n|${HEADER.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${rowCells(r).join(' | ')} |`);
  const bad = rows.filter(failed);
  console.log(
    bad.length
      ? `\nFAILED in ${bad.length} round(s): see above`
      : '\nno acknowledged report lost, no duplicate after retry, rollup = rebuild in every round',
  );
  agent.destroy();
  process.exitCode = bad.length ? 1 : 0;
}

await main();

/**
 * `bench/cases-intake.ts --pg --processes`: intake with one and with two app processes on PostgreSQL, beside the same
 * one-row-insert baseline, in one run. The baseline is served by the bench process's own app (one Node process, as
 * in the default mode); the intake by real server processes (`src/server.ts`, the same database): one with WORKERS=1
 * and one with WORKERS=2 (node:cluster, one port), both started once and measured in alternating rounds. Each run
 * also reports how many cores each party took (CPU seconds from /proc over wall seconds): the bench process (the load
 * generator, and for the baseline also the app), the server processes, and PostgreSQL (its backends on this database
 * and its own WAL and checkpoint processes).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result } from 'autocannon';
import type { Db } from '../src/core/db.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { loginCookie, type ServerProcess, startServer } from '../test/server-process.js';
import { childrenOf, describeCores, type Groups, measureCores, postgresPids } from './cpu.js';
import { browserHeaders, line } from './intake-load.js';
import { runLoad } from './load-worker.js';
import { median } from './util.js';

const CONNECTIONS = 50;

interface Measured {
  result: Result;
  cores: Record<string, number>;
}

async function startIntakeServer(databaseUrl: string, workers: number): Promise<ServerProcess> {
  return startServer(
    {
      DATABASE_URL: databaseUrl,
      WORKERS: String(workers),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      // As the in-process app: the write limit's check runs, its limit out of reach.
      RATE_LIMIT_WRITES_PER_MINUTE: '1000000000',
      CLOCK_START: new Date().toISOString(),
      DATA_DIR: path.join(mkdtempSync(path.join(os.tmpdir(), 'lj-bench-proc-')), 'data'),
    },
    180_000,
  );
}

export async function runProcessesMode(opts: {
  db: Db;
  databaseUrl: string;
  seconds: number;
  rounds: number;
  bodies: string[];
  /** The in-process app's URL and a session cookie of it, for the baseline route. */
  base: string;
  baseCookie: string;
}): Promise<void> {
  const servers = [await startIntakeServer(opts.databaseUrl, 1), await startIntakeServer(opts.databaseUrl, 2)];
  try {
    const cookies = await Promise.all(servers.map((s) => loginCookie(s.url, 'hangdong', DEMO_PASSWORD)));
    const pg = () => postgresPids(opts.db);
    const serverPids = (s: ServerProcess) => () => [s.child.pid ?? 0, ...childrenOf(s.child.pid ?? 0)];
    const load = (url: string, cookie: string, pathname: string, duration: number, groups: Groups) =>
      measureCores(groups, () =>
        runLoad({
          url,
          path: pathname,
          connections: CONNECTIONS,
          duration,
          headers: browserHeaders(cookie, url),
          bodies: opts.bodies,
        }),
      );
    const baseline = (d: number) =>
      load(opts.base, opts.baseCookie, '/bench/baseline', d, { 'bench process': () => [process.pid], postgres: pg });
    const intake = (i: number, d: number) =>
      load(servers[i].url, cookies[i], '/api/cases', d, {
        'load generator': () => [process.pid],
        servers: serverPids(servers[i]),
        postgres: pg,
      });
    await baseline(2);
    await intake(0, 3);
    await intake(1, 3);
    const rounds: { baseline: Measured; one: Measured; two: Measured }[] = [];
    for (let r = 0; r < opts.rounds; r++) {
      const b = await baseline(opts.seconds);
      // One and two processes swap places every round, so neither always runs right after the other's writes.
      const [x, y] = r % 2 === 0 ? [0, 1] : [1, 0];
      const first = await intake(x, opts.seconds);
      const second = await intake(y, opts.seconds);
      rounds.push({ baseline: b, one: x === 0 ? first : second, two: x === 0 ? second : first });
    }
    report(rounds, opts);
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
  }
}

function report(
  rounds: { baseline: Measured; one: Measured; two: Measured }[],
  opts: { seconds: number; rounds: number },
): void {
  console.log(
    `PostgreSQL, ${os.cpus().length} cores on this machine (load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}); ` + `${CONNECTIONS} connections, ${opts.rounds} rounds of ${opts.seconds} s each, after a warm-up`,
  );
  const show = (name: string, m: Measured) =>
    console.log(`${line(name, m.result)}\n${' '.repeat(44)}cores: ${describeCores(m.cores)}`);
  rounds.forEach((r, i) => {
    show(`round ${i + 1}: baseline (insert one row)`, r.baseline);
    show(`round ${i + 1}: POST /api/cases, 1 process`, r.one);
    show(`round ${i + 1}: POST /api/cases, 2 processes`, r.two);
  });
  const per = (f: (r: (typeof rounds)[number]) => number) => {
    const xs = rounds.map(f);
    return `${xs.map((x) => x.toFixed(2)).join(', ')}; median ${median(xs).toFixed(2)}`;
  };
  const rate = (m: Measured) => m.result.requests.average;
  console.log(`1 process / baseline per round: ${per((r) => rate(r.one) / rate(r.baseline))}x`);
  console.log(`2 processes / baseline per round: ${per((r) => rate(r.two) / rate(r.baseline))}x`);
  console.log(`2 processes / 1 process per round: ${per((r) => rate(r.two) / rate(r.one))}x`);
  console.log(
    `p99 1 process: ${per((r) => r.one.result.latency.p99)} ms; 2 processes: ${per((r) => r.two.result.latency.p99)} ms`,
  );
  const failed = rounds.flatMap((r) => [r.one, r.two]).filter((m) => m.result.non2xx > 0 || m.result.errors > 0);
  if (failed.length) console.log(`WARNING: ${failed.length} intake runs had non-2xx answers or errors`);
}

/**
 * CPU time of processes, from /proc (Linux): how many cores the load generator, the app processes and PostgreSQL each
 * took during a bench run (CPU seconds / wall seconds).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/core/db.js';

/** Kernel clock ticks per second (USER_HZ), 100 on every Linux this runs on. */
const TICKS = 100;

/** user + system CPU seconds of a process so far (0 if it is gone). */
function cpuOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces, hence the last ')'): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** The direct children of a process (a cluster primary's workers). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** PostgreSQL's processes that work for this bench: its database's backends and the server's own (WAL, checkpoints). */
export async function postgresPids(db: Db): Promise<number[]> {
  const rows = (await db.execute(
    sql`select pid from pg_stat_activity where datname = current_database() or backend_type <> 'client backend'`,
  )) as unknown as { rows: { pid: number }[] };
  return rows.rows.map((r) => r.pid);
}

export type Groups = Record<string, () => number[] | Promise<number[]>>;

/** Busy CPU seconds of the whole machine so far (every process, this bench's and anyone else's). */
function machineBusy(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal: all but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = ticks;
  return (user + nice + system + irq + softirq + (steal ?? 0)) / TICKS;
}

/**
 * Cores each group of processes used while `run` ran: CPU seconds over the run's wall seconds, per process (one that
 * ended before the run's end is left out, one born during it counted whole), and `other`: the rest of the machine's busy time, i.e. work that is not this bench's.
 */
export async function measureCores<T>(
  groups: Groups,
  run: () => Promise<T>,
): Promise<{ result: T; cores: Record<string, number> }> {
  const pids: Record<string, number[]> = {};
  for (const [name, of] of Object.entries(groups)) pids[name] = await of();
  const before = new Map(
    Object.values(pids)
      .flat()
      .map((pid) => [pid, cpuOf(pid)]),
  );
  const busyBefore = machineBusy();
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  const busy = machineBusy() - busyBefore;
  const cores: Record<string, number> = {};
  for (const [name, of] of Object.entries(groups)) {
    // Processes born during the run (a pool's new connections) count from zero; ones that ended are left out.
    const xs = [...new Set([...pids[name], ...(await of())])];
    const used = xs.reduce((sum, pid) => {
      const after = cpuOf(pid);
      return after > 0 ? sum + after - (before.get(pid) ?? 0) : sum;
    }, 0);
    cores[name] = used / seconds;
  }
  const ours = Object.values(cores).reduce((a, b) => a + b, 0);
  cores.other = Math.max(0, busy / seconds - ours);
  return { result, cores };
}

export function describeCores(cores: Record<string, number>): string {
  return Object.entries(cores)
    .map(([name, n]) => `${name} ${n.toFixed(2)}`)
    .join(', ');
}

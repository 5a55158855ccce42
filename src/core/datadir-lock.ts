import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BackupError } from './backup/errors.js';

/**
 * PGlite takes no lock on its data directory, and two processes writing one would corrupt it. So whatever opens a
 * DATA_DIR's embedded database (the server, `npm run backup`, `npm run restore`, `npm run seed`) claims it first with
 * `DATA_DIR/lianjian.pid`; a claim whose process is gone (a crash, a kill -9) is taken over.
 *
 * The file holds the pid and, on Linux, which process that was (boot id and start time from /proc): after a power cut
 * the stale file's pid may belong to some other process by then, and a server that then refused to start would be
 * worse than no lock.
 */
export const LOCK_FILE = 'lianjian.pid';

/** Boot id and start time of a process ('' where /proc does not tell): a pid names one process only with these. */
function identityOf(pid: number): string {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start at ') '; start time is field 22, the 20th after it.
    const started = stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[19];
    return started ? `${boot}:${started}` : '';
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive but another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(file: string): number | null {
  let pid: number;
  let identity: string;
  try {
    const [first, second = ''] = readFileSync(file, 'utf8').trim().split(/\s+/);
    pid = Number(first);
    identity = second;
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return null;
  // A living process with that pid, but not the one that wrote the claim (another boot, a later start): stale.
  if (identity && identityOf(pid) && identityOf(pid) !== identity) return null;
  return pid;
}

/** Claims a data directory for this process; returns the release. Throws DATA_DIR_BUSY while another holds it. */
export function claimDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const pid = holder(file);
  if (pid !== null) throw new BackupError('DATA_DIR_BUSY', { dir: dataDir, pid });
  rmSync(file, { force: true });
  try {
    // 'wx': if another process claimed it since the look above, this one fails instead of taking it over.
    writeFileSync(file, `${process.pid} ${identityOf(process.pid)}`.trim(), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    throw new BackupError('DATA_DIR_BUSY', { dir: dataDir, pid: holder(file) ?? '?' });
  }
  return () => {
    if (holder(file) === null) rmSync(file, { force: true });
  };
}

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BackupError } from './backup/errors.js';

/**
 * PGlite takes no lock on its data directory, and two processes writing one would corrupt it. So whatever opens a
 * DATA_DIR's embedded database (the server, `npm run backup`, `npm run restore`, `npm run seed`) claims it first with
 * `DATA_DIR/lianjian.pid`; a claim whose process is gone (a crash, a kill -9) is taken over.
 */
export const LOCK_FILE = 'lianjian.pid';

function holder(file: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(file, 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    // EPERM: alive but another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
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
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    throw new BackupError('DATA_DIR_BUSY', { dir: dataDir, pid: holder(file) ?? '?' });
  }
  return () => {
    if (holder(file) === null) rmSync(file, { force: true });
  };
}

import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { nowMs } from '../clock.js';
import type { Database } from '../db.js';
import { inQuietHours, type QuietHours } from '../maintenance.js';
import { readManifest } from './manifest.js';
import { BACKUP_PREFIX, createBackup } from './write.js';

/**
 * Deletes the oldest complete backups beyond `keep` (names sort by time). A `.partial` folder is a backup being
 * written or one that failed: it is left alone unless it is older than the newest complete one.
 */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith(BACKUP_PREFIX)).sort();
  const complete = names.filter((n) => !n.endsWith('.partial'));
  const newest = complete[complete.length - 1];
  const stale = names.filter((n) => n.endsWith('.partial') && newest !== undefined && n < newest);
  const removed = [...complete.slice(0, Math.max(0, complete.length - keep)), ...stale];
  for (const name of removed) await rm(path.join(dir, name), { recursive: true, force: true });
  return removed;
}

/** When the newest complete backup in `dir` was taken (business time, from its manifest), or null. */
async function newestBackupAt(dir: string): Promise<number | null> {
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => n.startsWith(BACKUP_PREFIX) && !n.endsWith('.partial'))
    .sort();
  const newest = names[names.length - 1];
  if (!newest) return null;
  try {
    return Date.parse(readManifest(path.join(dir, newest)).createdAt);
  } catch {
    return null;
  }
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface BackupSchedule {
  backupDir: string;
  uploadsDir: string;
  keep: number;
  everyMs: number;
  /**
   * County hours to wait for (PGlite with MAINTENANCE_HOURS): a PGlite backup holds the one connection, so intake
   * waits while it runs (about 1.5 minutes at a million cases, docs/OPERATIONS.md); at night nobody notices.
   */
  quietHours?: QuietHours | null;
}

/**
 * The server's job (src/background.ts), checked every hour or so: a backup when the newest one is `everyMs` old (or
 * there is none), then the retention. So a restart neither skips a due backup nor takes one more than needed. With
 * quiet hours a due backup waits for them (an hour early counts as due, so a nightly backup keeps its hour), unless
 * it is a day late: a server that is never up at night still backs up. The first backup is taken at once.
 */
export async function backupIfDue(
  database: Database,
  opts: BackupSchedule,
): Promise<{ dir: string; removed: string[] } | null> {
  const last = await newestBackupAt(opts.backupDir);
  if (last !== null && !backupDue(nowMs() - last, opts)) return null;
  return scheduledBackup(database, opts);
}

function backupDue(ageMs: number, opts: BackupSchedule): boolean {
  if (!opts.quietHours) return ageMs >= opts.everyMs;
  if (ageMs >= opts.everyMs + DAY_MS) return true;
  return ageMs >= opts.everyMs - HOUR_MS && inQuietHours(opts.quietHours, new Date(nowMs()));
}

/** One backup, then the retention. */
export async function scheduledBackup(
  database: Database,
  opts: { backupDir: string; uploadsDir: string; keep: number },
): Promise<{ dir: string; removed: string[] }> {
  const { dir } = await createBackup(database, { outDir: opts.backupDir, uploadsDir: opts.uploadsDir });
  return { dir, removed: await pruneBackups(opts.backupDir, opts.keep) };
}

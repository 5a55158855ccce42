import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openTestDatabase, scratchPostgresDatabase } from '../../../test/app.js';
import { seedTestWorld } from '../../../test/world.js';
import { rowsOf } from '../bulk.js';
import { TEST_CLOCK } from '../../../test/clock.js';
import { advanceClock, setClock } from '../clock.js';
import { type Database, openDatabase } from '../db.js';
import { LOCK_FILE } from '../datadir-lock.js';
import { ROOT_DIR } from '../paths.js';
import { TEMPLATE_FILE } from '../pglite-template.js';
import { ident, publicTables, targetContents } from './catalog.js';
import { BackupError, type BackupErrorCode } from './errors.js';
import { MANIFEST_FILE, type ManifestBody, sha256Hex } from './manifest.js';
import { restoreBackup } from './restore.js';
import { backupIfDue, pruneBackups, scheduledBackup } from './schedule.js';
import { createBackup } from './write.js';

/** A database nothing has touched (no migrations): what `npm run restore` expects. */
async function openEmptyDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url && inject('pgTemplateDb')) return scratchPostgresDatabase(url, { prefix: 'lj_r' });
  const blank = existsSync(TEMPLATE_FILE) ? new Blob([readFileSync(TEMPLATE_FILE)]) : undefined;
  return openDatabase({ dataDir: 'memory://', loadDataDir: blank, migrate: false });
}

/** Every table's row count and the sha256 of its rows as JSON lines in key order (what a backup's content hash is). */
async function tableDigests(database: Database): Promise<Map<string, { rows: number; sha256: string }>> {
  const out = new Map<string, { rows: number; sha256: string }>();
  for (const t of await publicTables(database.db)) {
    const order = t.key.length > 0 ? t.key.map(ident).join(', ') : 't::text';
    const rows = await rowsOf<{ j: string }>(
      database.db,
      sql.raw(`select to_jsonb(t)::text as j from ${ident(t.name)} t order by ${order}`),
    );
    out.set(t.name, { rows: rows.length, sha256: sha256Hex(rows.map((r) => `${r.j}\n`).join('')) });
  }
  return out;
}

/** Each write adds one audit row and counts it in job_runs, in one transaction: a consistent copy has them equal. */
async function drillWrite(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`insert into audit_log (action, entity_type) values ('drill', 'backup')`);
    await tx.execute(sql`insert into job_runs (name, last_run_at, runs) values ('drill', now(), 1)
      on conflict (name) do update set runs = job_runs.runs + 1`);
  });
}

async function drillCounts(database: Database): Promise<{ audits: number; runs: number }> {
  const [row] = await rowsOf<{ audits: number; runs: number }>(
    database.db,
    sql`select (select count(*)::int from audit_log where action = 'drill') as audits,
      coalesce((select runs from job_runs where name = 'drill'), 0) as runs`,
  );
  return row;
}

async function refusal(promise: Promise<unknown>): Promise<BackupErrorCode> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof BackupError)) throw new Error(`expected a BackupError, got ${String(err)}`);
  expect(err.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
  return err.code;
}

/** Runs src/cli.ts (through tsx) as `npm run backup`/`restore` would, with the given environment. */
function cli(args: string[], env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  // The embedded database: whatever DATABASE_URL the suite runs with is not passed on.
  const { DATABASE_URL: _, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'src/cli.ts'), ...args], {
      cwd: ROOT_DIR,
      env: { ...inherited, NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('backup and restore', () => {
  let source: Database;
  let target: Database;
  let work: string;
  let backupDir: string;
  let manifest: ManifestBody;
  let atBackup: Map<string, { rows: number; sha256: string }>;
  /** The source's drill writes once the backup was done: more than the backup holds (writes went on after it). */
  let drillAfterBackup = 0;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'lj-backup-test-'));
    [source, target] = await Promise.all([openTestDatabase(), openEmptyDatabase()]);
    await seedTestWorld(source.db);
    mkdirSync(path.join(work, 'uploads/2027/01'), { recursive: true });
    writeFileSync(path.join(work, 'uploads/2027/01/a.jpg'), randomBytes(3000));
    writeFileSync(path.join(work, 'uploads/2027/01/b.jpg.123.tmp'), 'half written');
  });

  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up while writes go on: the copy is of one instant', async () => {
    let writing = true;
    let writesDuringBackup = 0;
    let backingUp = false;
    const writer = (async () => {
      // Yield between writes as requests do: PGlite answers without I/O, so a bare loop would starve the timers.
      while (writing) {
        await drillWrite(source);
        if (backingUp) writesDuringBackup++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await drillWrite(source);
    backingUp = true;
    const backup = await createBackup(source, {
      outDir: path.join(work, 'backups'),
      uploadsDir: path.join(work, 'uploads'),
    });
    backingUp = false;
    writing = false;
    await writer;
    ({ dir: backupDir, manifest } = backup);
    expect(writesDuringBackup).toBeGreaterThan(0);
    drillAfterBackup = (await drillCounts(source)).audits;
    expect(path.basename(backupDir)).toMatch(/^lianjian-backup-\d{8}-\d{6}$/);
    const tableNames = (await publicTables(source.db)).map((t) => t.name);
    expect(manifest.tables.map((t) => t.name)).toEqual(tableNames);
    expect(manifest.uploads.map((u) => u.path)).toEqual(['2027/01/a.jpg']);
    expect(manifest.tables.find((t) => t.name === 'audit_log')?.rows).toBeGreaterThan(0);
  });

  it('refuses a tampered, truncated or edited backup, writing nothing', async () => {
    const copy = (name: string) => {
      const dir = path.join(work, name);
      cpSync(backupDir, dir, { recursive: true });
      return dir;
    };
    const tampered = copy('tampered');
    const file = path.join(tampered, 'tables/users.jsonl.gz');
    const bytes = readFileSync(file);
    bytes[bytes.length - 12] ^= 0xff;
    writeFileSync(file, bytes);
    const truncated = copy('truncated');
    const big = manifest.tables.reduce((a, b) => (a.rows > b.rows ? a : b));
    truncateSync(path.join(truncated, big.file), 40);
    const edited = copy('edited');
    const text = readFileSync(path.join(edited, MANIFEST_FILE), 'utf8');
    writeFileSync(
      path.join(edited, MANIFEST_FILE),
      text.replace(/"rows": ?(\d+)/, (_, n: string) => `"rows": ${Number(n) + 1}`),
    );
    const uploadsDir = path.join(work, 'restored-uploads-refused');
    expect(await refusal(restoreBackup(target, { backupDir: tampered, uploadsDir }))).toBe('BACKUP_FILE_MISMATCH');
    expect(await refusal(restoreBackup(target, { backupDir: truncated, uploadsDir }))).toBe('BACKUP_FILE_MISMATCH');
    expect(await refusal(restoreBackup(target, { backupDir: edited, uploadsDir }))).toBe('BACKUP_MANIFEST_TAMPERED');
    expect(await targetContents(target.db)).toBeNull();
    expect(existsSync(uploadsDir)).toBe(false);
  });

  it('the CLI refuses, exit status 2 and both languages, and leaves the data directory as it was', async () => {
    const tampered = path.join(work, 'tampered');
    const dataDir = path.join(work, 'cli-target');
    const restore = await cli(['restore', tampered, '--data-dir', dataDir], {});
    expect(restore.status).toBe(2);
    expect(restore.stderr).toMatch(/BACKUP_FILE_MISMATCH: .*[\u4e00-\u9fff].* \/ the backup file/);
    expect(existsSync(dataDir)).toBe(false);
    // A server holds this DATA_DIR (here: this process): the CLI neither backs up nor restores into it.
    const held = path.join(work, 'held');
    mkdirSync(held);
    writeFileSync(path.join(held, LOCK_FILE), String(process.pid));
    const backup = await cli(['backup'], { DATA_DIR: held });
    expect(backup.status).toBe(2);
    expect(backup.stderr).toContain(`DATA_DIR_BUSY`);
    expect(backup.stderr).toContain(String(process.pid));
    expect(readdirSync(held)).toEqual([LOCK_FILE]);
  });

  it('refuses a backup of a newer schema than this code', async () => {
    const newer = path.join(work, 'newer');
    cpSync(backupDir, newer, { recursive: true });
    const body: ManifestBody = { ...manifest, schema: { tag: '9999_from_the_future', hash: 'x', when: 4e12 } };
    writeFileSync(path.join(newer, MANIFEST_FILE), JSON.stringify({ sha256: sha256Hex(JSON.stringify(body)), body }));
    const uploadsDir = path.join(work, 'restored-uploads-newer');
    expect(await refusal(restoreBackup(target, { backupDir: newer, uploadsDir }))).toBe('BACKUP_SCHEMA_NEWER');
    expect(await targetContents(target.db)).toBeNull();
  });

  it('refuses a target that is not empty, changing nothing in it', async () => {
    const used = await openTestDatabase();
    try {
      const before = await tableDigests(used);
      const uploadsDir = path.join(work, 'restored-uploads-used');
      expect(await refusal(restoreBackup(used, { backupDir, uploadsDir }))).toBe('RESTORE_TARGET_NOT_EMPTY');
      expect(await tableDigests(used)).toEqual(before);
      mkdirSync(uploadsDir);
      writeFileSync(path.join(uploadsDir, 'x.jpg'), 'x');
      expect(await refusal(restoreBackup(target, { backupDir, uploadsDir }))).toBe('RESTORE_TARGET_NOT_EMPTY');
      expect(await targetContents(target.db)).toBeNull();
    } finally {
      await used.close();
    }
  });

  it('restores into an empty database: every table equal to the snapshot, uploads copied', async () => {
    const uploadsDir = path.join(work, 'restored-uploads');
    await restoreBackup(target, { backupDir, uploadsDir });
    atBackup = await tableDigests(target);
    for (const t of manifest.tables)
      expect(atBackup.get(t.name), t.name).toEqual({ rows: t.rows, sha256: t.contentSha256 });
    const drill = await drillCounts(target);
    expect(drill.audits).toBe(drill.runs);
    expect(drill.audits).toBeGreaterThan(0);
    expect(drill.audits).toBeLessThan(drillAfterBackup);
    expect(readdirSync(path.join(uploadsDir, '2027/01'))).toEqual(['a.jpg']);
    expect(readFileSync(path.join(uploadsDir, '2027/01/a.jpg'))).toEqual(
      readFileSync(path.join(work, 'uploads/2027/01/a.jpg')),
    );
    // Sequences go on after the restored rows: a new audit row gets a new id.
    await drillWrite(target);
    expect((await drillCounts(target)).audits).toBe(drill.audits + 1);
  });

  it('keeps the newest BACKUP_KEEP backups', async () => {
    const dir = path.join(work, 'retention');
    mkdirSync(dir);
    for (const stamp of ['20200101-000000', '20200102-000000', '20200103-000000', '20200103-000000.partial']) {
      mkdirSync(path.join(dir, `lianjian-backup-${stamp}`));
    }
    expect(await pruneBackups(dir, 2)).toEqual(['lianjian-backup-20200101-000000']);
    const { dir: made, removed } = await scheduledBackup(source, {
      backupDir: dir,
      uploadsDir: path.join(work, 'uploads'),
      keep: 2,
    });
    expect(removed).toContain('lianjian-backup-20200102-000000');
    expect(readdirSync(dir).sort()).toEqual(['lianjian-backup-20200103-000000', path.basename(made)].sort());
    // The server's job: nothing while the newest backup is younger than BACKUP_EVERY_HOURS, a backup once it is not.
    const opts = { backupDir: dir, uploadsDir: path.join(work, 'uploads'), keep: 2 };
    expect(await backupIfDue(source, { ...opts, everyMs: 3_600_000 })).toBeNull();
    advanceClock(3_600_000);
    expect((await backupIfDue(source, { ...opts, everyMs: 3_600_000 }))?.removed).toEqual([
      'lianjian-backup-20200103-000000',
    ]);
  });

  it('waits for the quiet hours when it has them (PGlite), unless a day late', async () => {
    const opts = {
      backupDir: path.join(work, 'nightly'),
      uploadsDir: path.join(work, 'uploads'),
      keep: 5,
      everyMs: 24 * 3_600_000,
      quietHours: { from: 2, to: 5 },
    };
    const takenAt = async (at: string) => {
      setClock(at, { frozen: true });
      return (await backupIfDue(source, opts)) !== null;
    };
    try {
      expect(await takenAt('2027-01-10T12:00:00+08:00')).toBe(true); // the first backup: at once
      expect(await takenAt('2027-01-11T12:00:00+08:00')).toBe(false); // due, but midday
      expect(await takenAt('2027-01-12T02:30:00+08:00')).toBe(true); // due, at night
      expect(await takenAt('2027-01-13T01:30:00+08:00')).toBe(false); // 23 h, not yet night
      expect(await takenAt('2027-01-13T02:10:00+08:00')).toBe(true); // an hour early counts: it keeps its hour
      expect(await takenAt('2027-01-15T06:00:00+08:00')).toBe(true); // over a day late: not waiting any longer
      expect(readdirSync(opts.backupDir)).toHaveLength(4);
    } finally {
      setClock(TEST_CLOCK);
    }
  });
});

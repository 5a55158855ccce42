/**
 * Upgrades, with a real server process (docs/OPERATIONS.md, "Upgrades"): the previous release's data directory
 * (test/fixtures/upgrade/, remade at each release by scripts/make-upgrade-fixture.mjs) started on this code, and a
 * data directory from a newer release refused. With TEST_DATABASE_URL, the same refusal and the pre-upgrade backup on
 * a PostgreSQL database of their own.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scratchPostgresDatabase } from '../test/app.js';
import { loginCookie, type ServerProcess, spawnServer, startServer, tempDataDir } from '../test/server-process.js';
import { verifyBackup } from './core/backup/restore.js';
import {
  type AppliedMigration,
  appliedMigrations,
  codeSchemaVersion,
  journalEntries,
  migrateTo,
  versionOf,
} from './core/backup/schema-version.js';
import { rowsOf } from './core/bulk.js';
import { type Database, openDatabase } from './core/db.js';
import { ROOT_DIR } from './core/paths.js';
import { PRE_UPGRADE_PREFIX } from './core/upgrade.js';

const FIXTURE_DIR = path.join(ROOT_DIR, 'test/fixtures/upgrade');
const fixture = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'fixture.json'), 'utf8')) as {
  release: string;
  schema: { tag: string; when: number };
  tables: Record<string, number>;
};
const code = codeSchemaVersion();
const PG_URL = process.env.TEST_DATABASE_URL;
const START_WITHIN_MS = 180_000;

/** The fixture unpacked into `<dataDir>/pglite` (PGlite writes the dump's files out and closes cleanly). */
async function unpackFixture(dataDir: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const dump = brotliDecompressSync(readFileSync(path.join(FIXTURE_DIR, 'datadir.tar.br')));
  const client = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), loadDataDir: new Blob([dump]) });
  await client.close();
}

async function withPglite<T>(dataDir: string, read: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite'), migrate: false });
  try {
    return await read(database);
  } finally {
    await database.close();
  }
}

async function rowCounts(database: Database, tables: string[]): Promise<Record<string, number>> {
  const present = new Set(
    (
      await rowsOf<{ name: string }>(
        database.db,
        sql`select tablename as name from pg_tables where schemaname = 'public'`,
      )
    ).map((r) => r.name),
  );
  const out: Record<string, number> = {};
  for (const t of tables.filter((name) => present.has(name))) {
    out[t] = (await rowsOf<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from "${t}"`)))[0].n;
  }
  return out;
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}

const futureRow = { hash: 'from-a-newer-release', when: code.when + 86_400_000 };
const addFutureMigration = (database: Database) =>
  database.db.execute(
    sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${futureRow.hash}, ${futureRow.when})`,
  );

/**
 * Runs a server expected to refuse to start: its exit status and what it printed. (startServer waits for a URL; this
 * waits for the exit, with the same test environment but the output kept whole.)
 */
async function refusedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawnServer(env);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), START_WITHIN_MS);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}

function expectNewerMessage(output: string): void {
  expect(output).toContain('UPGRADE_SCHEMA_NEWER');
  expect(output).toContain(`unknown-${futureRow.when}`);
  expect(output).toContain(code.tag);
  expect(output).toMatch(/比本程序更新.*is newer than this code’s/);
}

describe(`the previous release's data directory (${fixture.schema.tag}, ${fixture.release.slice(0, 7)})`, () => {
  const dataDir = tempDataDir();
  const older = fixture.schema.when < code.when;
  let server: ServerProcess;

  beforeAll(async () => {
    await unpackFixture(dataDir);
    server = await startServer({ DATA_DIR: dataDir }, START_WITHIN_MS);
  }, START_WITHIN_MS + 30_000);
  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it(`starts on this code (${older ? `an upgrade from ${fixture.schema.tag} to ${code.tag}` : 'the same schema: nothing to migrate'}), demo login and lists work`, async () => {
    expect(server.output()).toContain('running at');
    const cookie = await loginCookie(server.url, 'admin', 'lianjian2026');
    const res = await fetch(`${server.url}/api/cases?pageSize=20`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; items: unknown[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.total).toBeGreaterThan(0);
    expect(body.total).toBeLessThanOrEqual(fixture.tables.cases);
    if (older) expect(server.output()).toContain(`before upgrade from ${fixture.schema.tag} to ${code.tag}`);
    await stop(server);
  });

  it('is at this code’s newest migration with every table’s rows still there', async () => {
    const { applied, counts } = await withPglite(dataDir, async (database) => ({
      applied: await appliedMigrations(database.db),
      counts: await rowCounts(database, Object.keys(fixture.tables)),
    }));
    expect(applied.at(-1)?.when).toBe(code.when);
    for (const [table, rows] of Object.entries(counts)) {
      expect({ table, rows: rows >= fixture.tables[table] }).toEqual({ table, rows: true });
    }
    expect(Object.keys(counts).length).toBeGreaterThan(Object.keys(fixture.tables).length / 2);
  });

  it(older ? 'left a pre-upgrade backup at the fixture’s version' : 'took no pre-upgrade backup', async () => {
    const backups = readdirSync(path.join(dataDir, 'backups'), { withFileTypes: true }).filter((d) =>
      d.name.startsWith(PRE_UPGRADE_PREFIX),
    );
    if (!older) {
      expect(backups).toHaveLength(0);
      return;
    }
    expect(backups).toHaveLength(1);
    const manifest = await verifyBackup(path.join(dataDir, 'backups', backups[0].name));
    expect(manifest.schema.tag).toBe(fixture.schema.tag);
    expect(manifest.note).toBe(`before upgrade from ${fixture.schema.tag} to ${code.tag}`);
    for (const t of manifest.tables) {
      if (t.name in fixture.tables)
        expect({ table: t.name, rows: t.rows }).toEqual({ table: t.name, rows: fixture.tables[t.name] });
    }
  });
});

describe('a data directory from a newer release', () => {
  it(
    'is refused with a message naming both versions, exit status non-zero, nothing changed',
    async () => {
      const dataDir = tempDataDir();
      await unpackFixture(dataDir);
      const before = await withPglite(dataDir, async (database) => {
        await addFutureMigration(database);
        return appliedMigrations(database.db);
      });
      const { code: status, output } = await refusedStart({ DATA_DIR: dataDir });
      expect(status).not.toBe(0);
      expectNewerMessage(output);
      expect(await withPglite(dataDir, (database) => appliedMigrations(database.db))).toEqual(before);
      expect(existsSync(path.join(dataDir, 'backups'))).toBe(false);
    },
    START_WITHIN_MS,
  );
});

describe.skipIf(!PG_URL)('on PostgreSQL', () => {
  const urlOf = (database: Database) => String(database.pool?.options.connectionString);

  it(
    'two processes starting together on a database one migration behind: one backs up and migrates, once',
    async () => {
      const database = await scratchPostgresDatabase(PG_URL ?? '', { prefix: 'lj_up' });
      const entries = journalEntries();
      const previous = entries[entries.length - 2];
      const backupDir = path.join(path.dirname(tempDataDir()), 'backups');
      try {
        await migrateTo(database, versionOf(previous));
        const env = { DATABASE_URL: urlOf(database), BACKUP_DIR: backupDir, SEED_DEMO: 'false' };
        const servers = await Promise.all(
          [tempDataDir(), tempDataDir()].map((dir) => startServer({ ...env, DATA_DIR: dir }, START_WITHIN_MS)),
        );
        for (const server of servers) await stop(server);
        const applied = await appliedMigrations(database.db);
        expect(applied.at(-1)?.when).toBe(code.when);
        expect(applied).toHaveLength(entries.length);
        const backups = readdirSync(backupDir).filter((n) => n.startsWith(PRE_UPGRADE_PREFIX));
        expect(backups).toHaveLength(1);
        const manifest = await verifyBackup(path.join(backupDir, backups[0]));
        expect(manifest).toMatchObject({ database: 'postgres', schema: { tag: previous.tag } });
      } finally {
        await database.close();
      }
    },
    START_WITHIN_MS,
  );

  it(
    'refuses a database with a newer migration applied, changing nothing',
    async () => {
      const database = await scratchPostgresDatabase(PG_URL ?? '', {
        prefix: 'lj_up',
        template: inject('pgTemplateDb'),
      });
      const dataDir = tempDataDir();
      try {
        await addFutureMigration(database);
        const before: AppliedMigration[] = await appliedMigrations(database.db);
        const refused = await refusedStart({ DATABASE_URL: urlOf(database), DATA_DIR: dataDir, SEED_DEMO: 'false' });
        expect(refused.code).not.toBe(0);
        expectNewerMessage(refused.output);
        expect(await appliedMigrations(database.db)).toEqual(before);
        expect(existsSync(path.join(dataDir, 'backups'))).toBe(false);
      } finally {
        await database.close();
      }
    },
    START_WITHIN_MS,
  );
});

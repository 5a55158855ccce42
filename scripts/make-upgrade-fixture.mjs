#!/usr/bin/env node
// Remakes test/fixtures/upgrade/ (docs/OPERATIONS.md, "Upgrades"): the data directory a release's demo leaves, which
// src/upgrade.api.test.ts starts the current server on. Run it at each release with that release's commit:
//
//   node scripts/make-upgrade-fixture.mjs <release-commit>
//
// It checks the commit out in a temporary git worktree (sharing this checkout's node_modules), builds its server,
// starts it on an empty DATA_DIR with the demo at a pinned clock, stops it, and stores the PGlite directory as a
// brotli-compressed PGlite dump (datadir.tar.br) with fixture.json: the release, its schema tag and every table's rows.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, brotliCompressSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test/fixtures/upgrade');
/** The suites' default instant (test/clock.ts): the demo is seeded as a first start then. */
const CLOCK = '2026-12-07T10:00:00+08:00';

const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/** Starts the release's server on `dataDir` with the demo, waits for its banner, stops it (SIGTERM: a clean close). */
async function seedWithRelease(worktree, dataDir) {
  const child = spawn(process.execPath, ['dist/src/server.js'], {
    cwd: worktree,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLOCK_START: CLOCK,
      NODE_ENV: 'development',
      SEED_DEMO: 'true',
      BACKUP_EVERY_HOURS: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d.toString();
      if (out.includes('running at')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`the release's server exited early:\n${out}`)));
  });
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`the release's server stopped with ${code}:\n${out}`);
}

/**
 * Every public table's row count and the schema tag (the last applied migration, named by the release's journal).
 * Then checkpoints with a small WAL budget so recycled 16 MB segments of old WAL (incompressible) are removed and the
 * current one is new and zero-filled: the same rows and catalog, a quarter of the compressed size.
 */
async function describeAndDump(pgliteDir, journal) {
  const client = await PGlite.create({ dataDir: pgliteDir });
  try {
    const tables = {};
    const names = await client.query(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
    );
    for (const { name } of names.rows) {
      const r = await client.query(`select count(*)::int as n from "${name.replaceAll('"', '""')}"`);
      tables[name] = r.rows[0].n;
    }
    const last = await client.query(
      'select created_at::text as "when" from drizzle.__drizzle_migrations order by created_at desc limit 1',
    );
    const when = Number(last.rows[0].when);
    const entry = journal.entries.find((e) => e.when === when);
    if (!entry) throw new Error(`the release's journal has no migration created at ${when}`);
    for (const s of ["alter system set min_wal_size = '32MB'", "alter system set max_wal_size = '32MB'"]) {
      await client.exec(s);
    }
    await client.query('select pg_reload_conf()');
    for (let i = 0; i < 3; i++) {
      await client.exec('checkpoint');
      await client.query('select pg_switch_wal()');
    }
    await client.exec('alter system reset all');
    await client.query('select pg_reload_conf()');
    await client.exec('checkpoint');
    const dump = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
    return { tables, schema: { tag: entry.tag, when }, dump };
  } finally {
    await client.close();
  }
}

async function main() {
  const rev = process.argv[2];
  if (!rev) throw new Error('usage: node scripts/make-upgrade-fixture.mjs <release-commit>');
  const commit = git('rev-parse', '--verify', `${rev}^{commit}`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lj-upgrade-fixture-'));
  const worktree = path.join(tmp, 'release');
  const dataDir = path.join(tmp, 'data');
  git('worktree', 'add', '--detach', worktree, commit);
  try {
    // The release's own dependencies would be `npm ci` there; this checkout's are a superset while releases are close.
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(worktree, 'node_modules'));
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: worktree,
      stdio: 'inherit',
    });
    await seedWithRelease(worktree, dataDir);
    const uploads = path.join(dataDir, 'uploads');
    if (existsSync(uploads) && readdirSync(uploads).length > 0) {
      throw new Error('the demo now writes uploads: store DATA_DIR/uploads in the fixture too (this script does not)');
    }
    const journal = JSON.parse(readFileSync(path.join(worktree, 'migrations/meta/_journal.json'), 'utf8'));
    const { tables, schema, dump } = await describeAndDump(path.join(dataDir, 'pglite'), journal);
    const packed = brotliCompressSync(dump, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        // A 16 MB window: the template databases (base/1, base/4) are near copies of each other, 7 MB apart.
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: dump.length,
      },
    });
    writeFileSync(path.join(OUT, 'datadir.tar.br'), packed);
    const pglite = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'));
    const fixture = {
      release: commit,
      madeWith: `demo seeded by the release's server at CLOCK_START=${CLOCK}; PGlite ${pglite.version}`,
      schema,
      dumpBytes: dump.length,
      compressedBytes: packed.length,
      tables,
    };
    writeFileSync(path.join(OUT, 'fixture.json'), `${JSON.stringify(fixture, null, 2)}\n`);
    console.log(`test/fixtures/upgrade: ${schema.tag}, ${Object.keys(tables).length} tables, ${packed.length} bytes`);
  } finally {
    git('worktree', 'remove', '--force', worktree);
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

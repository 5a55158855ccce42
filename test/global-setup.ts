import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/core/db.js';
import { initdbTemplate } from '../src/core/pglite-template.js';
import { seedReferenceData } from '../src/seed/reference.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data directory dump, so each test file skips initdb and migrations. */
    pgliteTemplate: string;
    /** On PostgreSQL: a migrated template database that each test file copies. */
    pgTemplateDb: string;
  }
}

/** Builds one migrated template per run; test files start their fresh database from it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `lj_tpl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const tplUrl = withDatabase(url, name);
    const database = await openDatabase({ databaseUrl: tplUrl });
    await seedReferenceData({ db: database.db });
    await database.close();
    project.provide('pgTemplateDb', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: initdbTemplate() });
  await seedReferenceData({ db: database.db });
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const file = path.join(os.tmpdir(), `lj-template-${process.pid}-${randomBytes(4).toString('hex')}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplateDb', '');
  return async () => rmSync(file, { force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

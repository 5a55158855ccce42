import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asc, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { limitToWorkingMinutes } from '../../core/calendar.js';
import { assertFound, updateVersioned } from '../../core/crud.js';
import type { Db } from '../../core/db.js';
import { CASES_DATA_DIR } from './classifier/data.js';
import { caseCategories } from './cases.schema.js';

type Priority = 'urgent' | 'ordinary' | 'complex';
interface CategoryFile {
  categories: {
    code: string;
    name: string;
    nameEn: string;
    children: {
      code: string;
      name: string;
      nameEn: string;
      priority: Priority;
      responseHours: number;
      resolutionHours?: number;
      resolutionWorkingDays?: number;
    }[];
  }[];
}

export type CategoryRow = typeof caseCategories.$inferSelect;

/** The default tree (datasets/cases/categories.json), as rows with clocks in working minutes. */
export function defaultCategoryRows(): (typeof caseCategories.$inferInsert)[] {
  const file = JSON.parse(readFileSync(path.join(CASES_DATA_DIR, 'categories.json'), 'utf8')) as CategoryFile;
  return file.categories.flatMap((top, i) => [
    { code: top.code, parentCode: null, name: top.name, nameEn: top.nameEn, sort: i * 100 },
    ...top.children.map((c, j) => ({
      code: c.code,
      parentCode: top.code,
      name: c.name,
      nameEn: c.nameEn,
      priority: c.priority,
      sort: i * 100 + j + 1,
      responseMinutes: limitToWorkingMinutes({ hours: c.responseHours }),
      resolutionMinutes: limitToWorkingMinutes(
        c.resolutionWorkingDays !== undefined
          ? { workingDays: c.resolutionWorkingDays }
          : { hours: c.resolutionHours ?? 24 },
      ),
    })),
  ]);
}

/** Reference data every database needs: inserted once into an empty table. */
export async function seedCaseCategories(opts: { db: Db }): Promise<number> {
  const [{ n }] = await opts.db.select({ n: count() }).from(caseCategories);
  if (n > 0) return 0;
  const rows = defaultCategoryRows();
  await opts.db
    .insert(caseCategories)
    .values(rows.filter((r) => !r.parentCode))
    .onConflictDoNothing();
  await opts.db
    .insert(caseCategories)
    .values(rows.filter((r) => r.parentCode))
    .onConflictDoNothing();
  return rows.length;
}

// Categories change rarely and are read on every intake: a short per-process cache, dropped on local edits.
let cache: { rows: CategoryRow[]; at: number } | null = null;
const TTL_MS = 5000;

export async function allCategories(db: Db, now = performance.now()): Promise<CategoryRow[]> {
  if (cache && now - cache.at < TTL_MS) return cache.rows;
  const rows = await db.select().from(caseCategories).orderBy(asc(caseCategories.sort));
  cache = { rows, at: now };
  return rows;
}

export async function subCategory(db: Db, code: string): Promise<CategoryRow | undefined> {
  return (await allCategories(db)).find((c) => c.code === code && c.parentCode !== null);
}

export async function updateCategory(opts: {
  db: Db;
  actor: Actor;
  code: string;
  input: { priority?: Priority; responseMinutes?: number; resolutionMinutes?: number; version: number };
}): Promise<CategoryRow> {
  const after = await opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(caseCategories).where(eq(caseCategories.code, opts.code));
    assertFound(before?.parentCode ? before : undefined, 'category');
    const { version, ...values } = opts.input;
    const row = await updateVersioned({
      db: tx,
      table: caseCategories,
      key: caseCategories.code,
      id: opts.code,
      version,
      values,
      entity: 'category',
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'case_category.update',
      entityType: 'case_category',
      entityId: opts.code,
      before,
      after: row,
    });
    return row;
  });
  forgetCategories();
  return after;
}

/** Drops the cached categories (after a local edit; tests between files, whose databases differ). */
export function forgetCategories(): void {
  cache = null;
}

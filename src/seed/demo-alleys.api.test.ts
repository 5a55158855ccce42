import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/app.js';
import { actorFor } from '../../test/cases-stats.js';
import { hashPassword } from '../core/auth/password.js';
import { addDays } from '../core/calendar.js';
import type { Database } from '../core/db.js';
import { TASK_DUE_DAYS } from '../modules/alleys/alleys.enums.js';
import {
  alleyInspectionItems,
  alleyInspections,
  alleyRegionItems,
  alleyTasks,
} from '../modules/alleys/alleys.schema.js';
import { listTasks } from '../modules/alleys/alleys.tasks.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';

let db: Database;
type Inspection = typeof alleyInspections.$inferSelect;
let inspections: Inspection[];
let found: (typeof alleyInspectionItems.$inferSelect)[];
let tasks: (typeof alleyTasks.$inferSelect)[];

/** The county day of an instant (UTC+8 all year). */
const countyDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  db = await openTestDatabase();
  await seedDemo({ db: db.db, passwordHash: await hashPassword(DEMO_PASSWORD) });
  [inspections, found, tasks] = await Promise.all([
    db.db.select().from(alleyInspections),
    db.db.select().from(alleyInspectionItems),
    db.db.select().from(alleyTasks),
  ]);
}, 120_000);
afterAll(async () => {
  await db?.close();
});

describe('the demo’s alley tasks and links', () => {
  it('leaves open tasks exactly for the weak items of each region’s latest inspection, due 14 days after it', () => {
    const latest = new Map<string, Inspection>();
    for (const i of inspections) {
      const seen = latest.get(i.regionId);
      if (!seen || seen.inspectedAt < i.inspectedAt) latest.set(i.regionId, i);
    }
    const weakNow = [...latest.values()].flatMap((i) =>
      found.filter((f) => f.inspectionId === i.id && f.status !== 'present').map((f) => `${i.regionId}:${f.item}`),
    );
    const open = tasks.filter((t) => t.state === 'open');
    expect(open.map((t) => `${t.regionId}:${t.item}`).sort()).toEqual(weakNow.sort());
    expect(open.length).toBeGreaterThan(20);
    const byId = new Map(inspections.map((i) => [i.id, i]));
    for (const t of open) {
      const opened = byId.get(t.openedByInspectionId);
      expect(t.dueOn).toBe(addDays(countyDay(opened?.inspectedAt ?? new Date(0)), TASK_DUE_DAYS));
    }
  });

  it('has done tasks for items fixed later, each closed by a later inspection that found the item present', () => {
    const done = tasks.filter((t) => t.state === 'done');
    expect(done.length).toBeGreaterThan(50);
    const byId = new Map(inspections.map((i) => [i.id, i]));
    for (const t of done) {
      const closing = byId.get(t.closedByInspectionId ?? '');
      const opening = byId.get(t.openedByInspectionId);
      expect(closing?.regionId).toBe(t.regionId);
      expect((closing?.inspectedAt ?? 0) > (opening?.inspectedAt ?? 0)).toBe(true);
      expect(found.find((f) => f.inspectionId === closing?.id && f.item === t.item)?.status).toBe('present');
      expect(t.closedAt).toEqual(closing?.inspectedAt);
    }
    // At most one open task per region and item (the partial unique index held while writing).
    const keys = tasks.filter((t) => t.state === 'open').map((t) => `${t.regionId}:${t.item}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('records a cleaning company on most regions', async () => {
    const companies = (await db.db.select().from(alleyRegionItems)).filter((i) => i.item === 'cleaningCompany');
    const named = companies.filter((i) => i.companyName);
    expect(named.length).toBeGreaterThanOrEqual(50);
    expect(named.length).toBeLessThan(62);
    for (const c of named) expect(c.contractUntil).toMatch(/^\d{4}-12-31$/);
  });

  it('shows alley01 only their region’s tasks, and lets them close its open ones', async () => {
    const actor = await actorFor(db.db, 'alley01');
    const page = await listTasks({ db: db.db, actor, query: { page: 1, pageSize: 200, state: 'open' } });
    expect(new Set(page.items.map((t) => t.regionCode)).size).toBeLessThanOrEqual(1);
    expect(page.items.every((t) => t.mayClose && !t.mayCancel)).toBe(true);
  });
});

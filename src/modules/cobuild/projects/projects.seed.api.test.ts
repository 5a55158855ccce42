import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/app.js';
import type { Database } from '../../../core/db.js';
import { seedCobuildProjects } from '../../../seed/cobuild-projects.js';
import { buildDemo, createRng, writeDemo } from '../../../seed/demo.js';
import { demoTime } from '../../../seed/demo-types.js';
import { organisations } from '../../org/org.schema.js';
import { deriveStatus, type ProjectStatus, rollUp } from './projects.rollup.js';
import { PROJECT_DOMAINS, projectMilestones, projectPlans, projects, projectUnits } from './projects.schema.js';

/** The demo's project lists as built for 2026-11-25: on their own (no pairing seeded: the nearest-units fallback), fast and consistent. */
const time = demoTime('2026-11-25');
let database: Database;
let elapsedMs = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  const data = buildDemo(createRng(), 'x', time);
  await writeDemo(database.db, data);
  const started = performance.now();
  await database.db.transaction((tx) => seedCobuildProjects(tx, data, time));
  elapsedMs = performance.now() - started;
});
afterAll(async () => {
  await database?.close();
});

describe('the 2026 demo project lists', () => {
  it('gives each of the 11 communities an approved plan with 150+ projects over the six domains', async () => {
    const db = database.db;
    const plans = await db.select().from(projectPlans).where(eq(projectPlans.year, 2026));
    expect(plans).toHaveLength(11);
    expect(plans.every((p) => p.status === 'approved')).toBe(true);
    const rows = await db.select().from(projects).where(eq(projects.year, 2026));
    const top = rows.filter((p) => !p.parentId);
    expect(top.length).toBeGreaterThanOrEqual(150);
    for (const d of PROJECT_DOMAINS.slice(0, 6))
      expect(top.filter((p) => p.domain === d).length).toBeGreaterThanOrEqual(20);
    expect(rows.some((p) => p.parentId)).toBe(true);
    console.info(`seedCobuildProjects: ${elapsedMs.toFixed(0)} ms, ${rows.length} projects`);
    expect(elapsedMs).toBeLessThan(1500);
  });

  it('has realistic progress as of 2026-11-25: most done or under way, some delayed, a few cancelled', async () => {
    const rows = await database.db.select().from(projects).where(eq(projects.year, 2026));
    const counts: Partial<Record<ProjectStatus, number>> = {};
    for (const p of rows) {
      const s = deriveStatus(p, '2026-11-25');
      counts[s] = (counts[s] ?? 0) + 1;
    }
    expect((counts.done ?? 0) + (counts.in_progress ?? 0)).toBeGreaterThan(rows.length * 0.6);
    expect(counts.delayed ?? 0).toBeGreaterThan(3);
    expect(counts.cancelled ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('stores progress that matches the roll-up of milestones and sub-projects, and units on every project', async () => {
    const db = database.db;
    const rows = await db.select().from(projects).orderBy(asc(projects.id));
    const ms = await db.select().from(projectMilestones);
    const units = await db.select().from(projectUnits);
    for (const p of rows) {
      const expected = rollUp({
        milestones: ms.filter((m) => m.projectId === p.id),
        children: rows.filter((c) => c.parentId === p.id),
        manualProgress: p.manualProgress,
      });
      expect(p.progress, p.name).toBe(expected);
      expect(units.filter((u) => u.projectId === p.id && u.role === 'lead')).toHaveLength(1);
    }
  });

  it('puts unit01 (U001) on projects of 杭东社区', async () => {
    const db = database.db;
    const [u1] = await db.select().from(organisations).where(eq(organisations.code, 'U001'));
    const [hd] = await db.select().from(organisations).where(eq(organisations.name, '杭东社区'));
    const on = await db
      .select({ c: projects.communityId })
      .from(projectUnits)
      .innerJoin(projects, eq(projects.id, projectUnits.projectId))
      .where(eq(projectUnits.unitId, u1.id));
    expect(on.some((r) => r.c === hd.id)).toBe(true);
  });
});

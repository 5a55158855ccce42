/** Shared by the case-statistics API tests: case rows written straight to the tables, actors, queries. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor } from '../src/core/auth/actor.js';
import { localInstant } from '../src/core/calendar.js';
import type { Db } from '../src/core/db.js';
import { roleBindings, users } from '../src/modules/auth/auth.schema.js';
import { caseDispatches, cases } from '../src/modules/cases/cases.schema.js';
import { type CaseStatsQuery, ZCaseStatsQuery } from '../src/modules/cases/stats/stats.contracts.js';

export type CaseInsert = typeof cases.$inferInsert;
export type DispatchInsert = typeof caseDispatches.$inferInsert;
export type CaseRow = typeof cases.$inferSelect;
export type DispatchRow = typeof caseDispatches.$inferSelect;

export const at = (day: string, time = '10:00') => localInstant(day, time);
let numbers = 0;

export function caseRow(
  p: Partial<CaseInsert> & Pick<CaseInsert, 'gridId' | 'communityId' | 'reportedAt'>,
): CaseInsert {
  numbers += 1;
  const reported = p.reportedAt as Date;
  return {
    id: randomUUID(),
    number: `T${numbers}`,
    channel: 'hall',
    title: '测试',
    description: '测试事项',
    categoryCode: 'environment.garbage',
    priority: 'ordinary',
    responseDueAt: new Date(reported.getTime() + 86_400_000),
    resolutionDueAt: new Date(reported.getTime() + 7 * 86_400_000),
    ...p,
  };
}

export async function insertCases(db: Db, rows: CaseInsert[], dispatches: DispatchInsert[] = []): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insert(cases).values(rows.slice(i, i + 200));
  for (let i = 0; i < dispatches.length; i += 200) await db.insert(caseDispatches).values(dispatches.slice(i, i + 200));
}

export async function actorFor(db: Db, username: string): Promise<Actor> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const bindings = await db
    .select({ role: roleBindings.role, scopeOrgId: roleBindings.scopeOrgId, scopeGridId: roleBindings.scopeGridId })
    .from(roleBindings)
    .where(eq(roleBindings.userId, u.id));
  return {
    userId: u.id,
    username,
    displayName: u.displayName,
    personId: u.personId,
    locale: 'zh-CN',
    bindings,
    ip: null,
    requestId: null,
  };
}

export const query = (q: Record<string, string | number> = {}): CaseStatsQuery => ZCaseStatsQuery.parse(q);

// Excel and CSV exports of the case list and the statistics views: round trips against the API, scope, audit.
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { type CaseInsert, caseRow, insertCases } from '../../../test/cases-stats.js';
import { api, expectOk, type Page } from '../../../test/http.js';
import { auditLog } from '../../core/audit.schema.js';
import { addDays } from '../../core/calendar.js';
import { clock } from '../../core/clock.js';
import type { CaseSummary } from './cases.contracts.js';
import type { CaseStats } from './stats/stats.contracts.js';

const DAY = 86_400_000;
const now = clock.now();

/** RFC 4180 with a byte-order mark, as core/excel/csv.ts writes it. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

async function sheetRows(res: LightMyRequestResponse): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const out: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
}

describe('exports of cases and statistics', () => {
  let ctx: TestContext;
  const call = (url: string, as: string) => api(ctx)('GET', url, { as });

  beforeAll(async () => {
    ctx = await createTestContext();
    const w = ctx.world;
    const rows: CaseInsert[] = [];
    for (let i = 0; i < 60; i++) {
      const place = i % 3 === 0 ? w.grids.gB1 : w.grids.gA111;
      rows.push(
        caseRow({
          gridId: place.id,
          communityId: place.communityId,
          channel: i % 5 === 0 ? 'community_whistle' : 'hall',
          whistle: i % 5 === 0 ? 'community' : i % 2 ? 'resident' : null,
          reportedAt: new Date(now.getTime() - (i + 1) * DAY),
          resolvedAt: i % 4 ? new Date(now.getTime() - i * DAY) : null,
          status: i % 4 ? 'resolved' : 'accepted',
          title: i === 0 ? '=SUM(A1) 井盖' : i === 1 ? '路灯不亮, "很久了"\n请处理' : `事项${i}`,
        }),
      );
    }
    await insertCases(ctx.database.db, rows);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('the case list as Excel and CSV: the rows of the list with its filters, in its order, for the actor scope; audited', async () => {
    for (const [as, qs] of [
      ['admin', 'whistle=any&sort=number'],
      ['admin', ''],
      ['hangdong', 'status=resolved'],
    ] as const) {
      const list = expectOk<Page<CaseSummary>>(await call(`/api/cases?${qs}&pageSize=200`, as));
      expect(list.total).toBeGreaterThan(5);
      const numbers = list.items.map((c) => c.number);
      const xlsx = await call(`/api/cases/export.xlsx?${qs}`, as);
      expect(xlsx.statusCode, xlsx.body).toBe(200);
      expect(xlsx.headers['x-export-rows']).toBe(String(list.total));
      const sheet = await sheetRows(xlsx);
      expect(sheet[0][0]).toBe('编号');
      expect(sheet.slice(1).map((r) => r[0])).toEqual(numbers);
      const csv = await call(`/api/cases/export.csv?${qs}`, as);
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-disposition']).toContain('.csv');
      const parsed = parseCsv(csv.rawPayload.toString('utf8'));
      expect(parsed.slice(1).map((r) => r[0])).toEqual(numbers);
      expect(parsed.slice(1).map((r) => r[1])).toEqual(
        list.items.map((c) => (c.title.startsWith('=') ? `'${c.title}` : c.title)),
      );
    }
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'case.export'));
    expect(audits.length).toBe(6);
    expect(audits.some((a) => JSON.stringify(a.after).includes('"format":"csv"'))).toBe(true);
  });

  it('a statistics view as Excel and CSV: the groups and the total, or the figures, as GET /api/cases/stats gives them', async () => {
    const period = `from=${addDays(clock.today(), -90)}&to=${clock.today()}`;
    const stats = expectOk<CaseStats>(await call(`/api/cases/stats?${period}&groupBy=community`, 'admin'));
    const csv = parseCsv(
      (await call(`/api/cases/stats/export.csv?${period}&groupBy=community`, 'admin')).rawPayload.toString('utf8'),
    );
    expect(csv[0].slice(0, 3)).toEqual(['社区', '反映', '群众吹哨']);
    expect(csv.slice(1).map((r) => [r[0], Number(r[1]), Number(r[4])])).toEqual([
      ...stats.groups.map((g) => [g.name, g.raised, g.resolved]),
      ['合计', stats.totals.raised, stats.totals.resolved],
    ]);
    const xlsx = await sheetRows(await call(`/api/cases/stats/export.xlsx?${period}&view=figures`, 'admin'));
    expect(xlsx.slice(1).map((r) => r[1])).toEqual(Object.values(stats.figures).map((f) => f.count));
    expect(xlsx[6][3]).toBe(stats.figures.whistleResponseRate.rate);
    const scoped = expectOk<CaseStats>(await call(`/api/cases/stats?${period}`, 'hangdong'));
    const mine = await sheetRows(await call(`/api/cases/stats/export.xlsx?${period}`, 'hangdong'));
    expect(mine.at(-1)?.slice(0, 2)).toEqual(['合计', scoped.totals.raised]);
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.stats_export'), eq(auditLog.entityType, 'case_stats')));
    expect(audit).toBeDefined();
  });

  it('refuses those without statistics (403) and bad parameters (400)', async () => {
    for (const url of ['/api/cases/export.xlsx', '/api/cases/export.csv', '/api/cases/stats/export.csv']) {
      expect((await call(url, 'resident01')).statusCode, url).toBe(403);
    }
    expect((await call('/api/cases/stats/export.csv?view=other', 'admin')).statusCode).toBe(400);
    expect((await call('/api/cases/export.csv?counted=never', 'admin')).statusCode).toBe(400);
  });
});

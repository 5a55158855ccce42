import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XLSX_MIME } from '../../core/excel/excel.js';
import { auditLog } from '../../core/audit.schema.js';
import { ctx, importFile, reportOf, setupPeopleExcelApi, TITLES } from '../../../test/api-setup/people.excel.js';

setupPeopleExcelApi();

describe('people Excel template', () => {
  it('downloads with a Chinese file name, and its example row re-imports cleanly', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/people/import-template.xlsx',
      headers: { cookie: await ctx.cookieFor('hangdong') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('人员导入模板.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const [data, notes] = wb.worksheets;
    expect(notes.name).toBe('填写说明');
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(TITLES);
    // The grid drop-down offers only hangdong's grids.
    const lists = wb.getWorksheet('下拉选项')!;
    const codes = lists.getColumn(2).values.slice(2).map(String);
    expect(codes).toContain('350723001001');
    expect(codes).not.toContain('350723002001');
    // Copy the example row from the notes sheet to the data sheet and import the template itself.
    data.getRow(2).values = (notes.getRow(3).values as ExcelJS.CellValue[]).slice(1);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const report = reportOf(await importFile('hangdong', file));
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({
      totalRows: 1,
      validRows: 1,
      inserted: 1,
      updated: 0,
      errorCount: 0,
      committed: true,
    });
  });

  it('is refused to a resident (no people.import)', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/people/import-template.xlsx',
      headers: { cookie: await ctx.cookieFor('resident01') },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('people Excel export', () => {
  it('exports only what the actor may see, with phones masked, and audits it', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/people/export.xlsx',
      headers: { cookie: await ctx.cookieFor('hangdong') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const rows = wb.worksheets[0].getSheetValues().slice(2) as unknown[][];
    const names = rows.map((r) => r[1]);
    expect(names).toContain('王小明');
    expect(names).not.toContain('李小红');
    expect(rows.map((r) => r[9])).not.toContain('三凤社区');
    expect(rows.find((r) => r[1] === '王小明')?.[4]).toBe('138****1111');
    expect(rows.find((r) => r[1] === '王小明')?.[5]).toBe('350723********1234');
    expect(Number(res.headers['x-export-rows'])).toBe(rows.length);
    const [audit] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'person.export'));
    expect(audit.after).toMatchObject({ rows: rows.length, truncated: false });
  });

  it('applies the list filters', async () => {
    const admin = await ctx.cookieFor('admin');
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/people/export.xlsx?communityId=${ctx.world.communityB.id}`,
      headers: { cookie: admin },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const names = (wb.worksheets[0].getSheetValues().slice(2) as unknown[][]).map((r) => r[1]).sort();
    expect(names).toEqual(['李小红', '赵党员']);
  });
});

import { count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../core/audit.schema.js';
import { people } from './people.schema.js';
import {
  ctx,
  idNumber,
  importFile,
  multipart,
  peopleCount,
  person,
  reportOf,
  setupPeopleExcelApi,
  workbook,
} from '../../../test/api-setup/people.excel.js';

setupPeopleExcelApi();

describe('people Excel import', () => {
  it('partial: reports row, column and reason, and inserts the valid rows', async () => {
    const before = await peopleCount();
    const file = await workbook([
      person(1),
      person(2, { phone: '12345' }),
      person(3, { idNumber: '350723195001010011' }),
      person(4, { homeGridCode: '999' }),
      person(5, { gender: '男' }),
      person(6),
      person(7, { name: null, birthDate: '1950-13-01', roles: '居民、队长' }),
      person(6, { name: '重复' }),
    ]);
    const res = await importFile('hangdong', file);
    expect(res.statusCode).toBe(200);
    const report = reportOf(res);
    expect(report).toMatchObject({
      totalRows: 8,
      validRows: 2,
      inserted: 2,
      updated: 0,
      committed: true,
      errorCount: 8,
    });
    expect(report.errors).toEqual([
      { row: 3, column: '手机号', reason: '应为 1 开头的 11 位手机号码' },
      { row: 4, column: '身份证号', reason: '不是有效的 18 位身份证号（出生日期或校验位不对）' },
      { row: 5, column: '网格编码', reason: '网格编码“999”不存在' },
      { row: 6, column: '性别', reason: '与身份证号中的性别不一致' },
      { row: 8, column: '姓名', reason: '必填' },
      { row: 8, column: '出生日期', reason: '无法识别的日期，请填写如 1990-01-02' },
      { row: 8, column: '身份', reason: expect.stringContaining('无法识别的身份“队长”') },
      { row: 9, column: '身份证号', reason: '与第 7 行的身份证号重复' },
    ]);
    expect(await peopleCount()).toBe(before + 2);
    const [p] = await ctx.database.db
      .select()
      .from(people)
      .where(eq(people.idNumber, idNumber(1)));
    expect(p).toMatchObject({
      name: '导入1',
      gender: 'female',
      birthDate: '1950-01-01',
      communityId: ctx.world.communityA.id,
      roles: ['resident'],
    });
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'person.import'));
    expect(audits.at(-1)?.after).toMatchObject({ fileName: 'people.xlsx', inserted: 2, updated: 0, errorCount: 8 });
  });

  it('gives reasons in the request language', async () => {
    const res = await importFile('hangdong', await workbook([person(30, { phone: '1' })]), '?dryRun=true', {
      'accept-language': 'en',
    });
    expect(reportOf(res).errors).toEqual([
      { row: 2, column: '手机号', reason: 'must be an 11-digit mobile number starting with 1' },
    ]);
  });

  it('all_or_nothing: one bad row means nothing is written', async () => {
    const before = await peopleCount();
    const res = await importFile(
      'hangdong',
      await workbook([person(40), person(41), person(42, { phone: 'x' })]),
      '?mode=all_or_nothing',
    );
    expect(reportOf(res)).toMatchObject({
      totalRows: 3,
      validRows: 2,
      inserted: 0,
      updated: 0,
      errorCount: 1,
      committed: false,
    });
    expect(await peopleCount()).toBe(before);
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const before = await peopleCount();
    const res = await importFile(
      'hangdong',
      await workbook([person(50), person(1, { name: '导入1改' })]),
      '?dryRun=true',
    );
    expect(reportOf(res)).toMatchObject({ totalRows: 2, validRows: 2, inserted: 1, updated: 1, committed: false });
    expect(await peopleCount()).toBe(before);
  });

  it('updates people whose ID number exists, keeping what empty cells leave out', async () => {
    await importFile('hangdong', await workbook([person(90, { roles: '志愿者' })]));
    const res = await importFile(
      'hangdong',
      await workbook([
        { name: '导入90改', idNumber: idNumber(90), homeGridCode: '350723001002', phone: null, roles: '' },
      ]),
    );
    expect(reportOf(res)).toMatchObject({ inserted: 0, updated: 1, committed: true });
    const [p] = await ctx.database.db
      .select()
      .from(people)
      .where(eq(people.idNumber, idNumber(90)));
    expect(p).toMatchObject({
      name: '导入90改',
      homeGridId: ctx.world.grids.gA2.id,
      phone: person(90).phone,
      roles: ['volunteer'],
      version: 2,
    });
  });

  it("rejects grids and people outside the actor's community as row errors", async () => {
    const sanfeng = await importFile('sanfeng', await workbook([person(62, { homeGridCode: '350723002001' })]));
    expect(reportOf(sanfeng)).toMatchObject({ inserted: 1, committed: true });
    const res = await importFile(
      'hangdong',
      await workbook([person(60, { homeGridCode: '350723002001' }), person(62), person(61, { homeGridCode: null })]),
    );
    expect(reportOf(res).errors).toEqual([
      { row: 2, column: '网格编码', reason: '网格“350723002001”不在您的管理范围内' },
      { row: 3, column: '身份证号', reason: '该身份证号已登记在您管理范围以外的人员名下' },
      { row: 4, column: '网格编码', reason: '请填写网格编码：导入的人员须住在您管理的网格内' },
    ]);
    const [p] = await ctx.database.db
      .select()
      .from(people)
      .where(eq(people.idNumber, idNumber(62)));
    expect(p.homeGridId).toBe(ctx.world.grids.gB1.id);
  });

  it('is refused to a resident (no people.import)', async () => {
    expect((await importFile('resident01', await workbook([person(70)]))).statusCode).toBe(403);
  });
});

describe('people Excel import: bad files', () => {
  const expectInvalid = async (
    res: { statusCode: number; json(): { error: { code: string; message: string } } },
    text: string,
  ) => {
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_FILE');
    expect(res.json().error.message).toContain(text);
  };

  it('a text file renamed .xlsx is INVALID_FILE', async () => {
    await expectInvalid(await importFile('hangdong', Buffer.from('姓名,手机号\n张三,13800138000\n')), '不是 Excel');
  });

  it('a zip that is not a workbook, a truncated workbook and an empty file are INVALID_FILE', async () => {
    const noSheets = new ExcelJS.Workbook();
    const zip = Buffer.from(await noSheets.xlsx.writeBuffer());
    await expectInvalid(await importFile('hangdong', zip), '没有 Excel 工作表');
    const real = await workbook([person(80)]);
    await expectInvalid(await importFile('hangdong', real.subarray(0, real.length - 30)), '损坏');
    await expectInvalid(await importFile('hangdong', Buffer.alloc(0)), '不是 Excel');
  });

  it('a wrong header says which columns are missing; an empty sheet or no data rows say so', async () => {
    await expectInvalid(
      await importFile('hangdong', await workbook([person(81)], ['姓名', '性别', '电话'])),
      '缺少列：出生日期、手机号、身份证号',
    );
    const en = await importFile('hangdong', await workbook([], ['姓名']), '', { 'accept-language': 'en' });
    expect(en.json().error.message).toContain('missing columns: 性别, 出生日期');
    await expectInvalid(await importFile('hangdong', await workbook([])), '表头下面没有数据行');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('人员');
    await expectInvalid(
      await importFile('hangdong', Buffer.from(await empty.xlsx.writeBuffer())),
      '第一个工作表是空的',
    );
  });

  it('a request that is not multipart is 415, a form without the file is 400, a file over 20 MB is 413', async () => {
    const cookie = await ctx.cookieFor('hangdong');
    const json = await ctx.app.inject({
      method: 'POST',
      url: '/api/people/import',
      headers: { cookie },
      payload: { rows: [] },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const other = multipart(Buffer.from('x'), 'a.xlsx', 'attachment');
    const noFile = await ctx.app.inject({
      method: 'POST',
      url: '/api/people/import',
      headers: { ...other.headers, cookie },
      payload: other.payload,
    });
    expect(noFile.statusCode).toBe(400);
    const big = await importFile('hangdong', Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('more than 100,000 data rows is 413 IMPORT_TOO_MANY_ROWS with a clear reason', async () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => ({ name: `n${i}` }));
    const res = await importFile('admin', await workbook(rows));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'IMPORT_TOO_MANY_ROWS',
      message: '数据超过 100000 行，请拆分成多个文件导入',
    });
  });

  it('a file of 100,000 bad rows returns a report quickly and writes nothing', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ name: `坏${i}`, phone: '12', idNumber: 'X' }));
    const file = await workbook(rows);
    const before = await peopleCount();
    const started = Date.now();
    const res = await importFile('admin', file);
    const ms = Date.now() - started;
    expect(res.statusCode).toBe(200);
    const report = reportOf(res);
    expect(report).toMatchObject({
      totalRows: 100_000,
      validRows: 0,
      inserted: 0,
      errorCount: 200_000,
      committed: false,
    });
    expect(report.errors).toHaveLength(1000);
    expect(report.errors[0]).toMatchObject({ row: 2, column: '手机号' });
    expect(await peopleCount()).toBe(before);
    console.info(`100,000 bad rows reported in ${ms} ms`);
    expect(ms).toBeLessThan(20_000);
  }, 60_000);

  it('imports 20,000 valid rows in one go', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => person(100_000 + i));
    const file = await workbook(rows);
    const before = await peopleCount();
    const started = Date.now();
    const res = await importFile('hangdong', file);
    const ms = Date.now() - started;
    expect(reportOf(res)).toMatchObject({
      totalRows: 20_000,
      validRows: 20_000,
      inserted: 20_000,
      updated: 0,
      errorCount: 0,
      committed: true,
    });
    expect(await peopleCount()).toBe(before + 20_000);
    const sample = await ctx.database.db
      .select({ n: count() })
      .from(people)
      .where(inArray(people.idNumber, [idNumber(100_000), idNumber(119_999)]));
    expect(sample[0].n).toBe(2);
    console.info(`20,000 people imported in ${ms} ms`);
    expect(ms).toBeLessThan(20_000);
  }, 60_000);
});

import { PassThrough } from 'node:stream';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { XLSX_MIME } from '../../../core/excel/excel.js';
import { idCheckChar } from '../../../core/idcard.js';
import { auditLog } from '../../../core/audit.schema.js';
import { PERSON_COLUMNS } from '../people.excel.js';
import { people } from '../people.schema.js';
import { MEMBER_COLUMNS } from './members.excel.js';
import { partyMembers } from './members.schema.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

type Row = Record<string, string | number | null>;

/** A valid ID number per sequence number, born from 1960-01-01 on (none clashes with the test world). */
function idNumber(i: number): string {
  const born = new Date(Date.UTC(1960, 0, 1) + Math.floor(i / 999) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const first17 = `350723${born}${String((i % 999) + 1).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

async function workbook(rows: Row[], columns = MEMBER_COLUMNS): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('党员');
  ws.addRow(columns.map((c) => c.title)).commit();
  for (const r of rows) ws.addRow(columns.map((c) => r[c.key] ?? null)).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** A multipart/form-data body by hand: the file in the field `file`. */
function multipart(file: Buffer, filename = 'members.xlsx') {
  const boundary = `----lianjian${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function importFile(user: string, file: Buffer, query = '', url = '/api/party-members/import') {
  const body = multipart(file);
  return ctx.app.inject({
    method: 'POST',
    url: `${url}${query}`,
    payload: body.payload,
    headers: { ...body.headers, cookie: await ctx.cookieFor(user) },
  });
}

/** The import report of a 200 response (the body is shown when the status is not 200). */
function reportOf(res: { statusCode: number; body: string; json(): Record<string, unknown> & { errors: unknown[] } }) {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const memberCount = async () => (await ctx.database.db.select({ n: count() }).from(partyMembers))[0].n;
const peopleCount = async () => (await ctx.database.db.select({ n: count() }).from(people))[0].n;
const member = (i: number, extra: Row = {}): Row => ({
  name: `党员${i}`,
  idNumber: idNumber(i),
  kind: '在职党员',
  unitCode: 'U001',
  residenceCommunity: '杭东社区',
  branch: '杭东社区第一党支部',
  joinedAt: '2015-07-01',
  homeGridCode: '350723001001',
  ...extra,
});

async function loadXlsx(payload: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ExcelJS.Buffer);
  return wb;
}

describe('Party-member Excel template and export', () => {
  it('the template downloads with a Chinese file name and its example row imports as it stands', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/party-members/import-template.xlsx',
      headers: { cookie: await ctx.cookieFor('hangdong') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('党员导入模板.xlsx')}`);
    const wb = await loadXlsx(res.rawPayload);
    const data = wb.worksheets[0];
    const notes = wb.getWorksheet('填写说明')!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(MEMBER_COLUMNS.map((c) => c.title));
    data.getRow(2).values = (notes.getRow(3).values as ExcelJS.CellValue[]).slice(1);
    const report = reportOf(await importFile('hangdong', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ totalRows: 1, inserted: 1, updated: 0, committed: true });
  });

  it('template and import are refused without members.import', async () => {
    const resident = await ctx.cookieFor('resident01');
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: '/api/party-members/import-template.xlsx',
          headers: { cookie: resident },
        })
      ).statusCode,
    ).toBe(403);
    expect((await importFile('unit01', await workbook([member(1)]))).statusCode).toBe(403);
  });

  it('the export holds only the members the actor may see, phones masked, and is audited', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/party-members/export.xlsx',
      headers: { cookie: await ctx.cookieFor('unit01') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('党员名单-')}`);
    const rows = (await loadXlsx(res.rawPayload)).worksheets[0].getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => r[1])).toContain('张党员');
    expect(rows.map((r) => r[1])).not.toContain('赵党员');
    expect(rows.find((r) => r[1] === '张党员')?.[3]).toBe('137****3333');
    expect(rows.find((r) => r[1] === '张党员')?.[4]).toBe('在职党员');
    const [audit] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'party_member.export'));
    expect(audit.after).toMatchObject({ rows: rows.length, truncated: false });
  });

  it('the export applies the list filters', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/party-members/export.xlsx?unitId=${ctx.world.unit2.id}`,
      headers: { cookie: await ctx.cookieFor('admin') },
    });
    const rows = (await loadXlsx(res.rawPayload)).worksheets[0].getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => r[1])).toEqual(['赵党员']);
  });
});

describe('Party-member Excel import', () => {
  it('partial: validates kind, unit, community, branch and scope per row, and inserts the valid rows', async () => {
    const [members, persons] = [await memberCount(), await peopleCount()];
    const res = await importFile(
      'hangdong',
      await workbook([
        member(1),
        member(2, { kind: '党员' }),
        member(3, { unitCode: null }),
        member(4, { unitCode: 'U999' }),
        member(5, { residenceCommunity: '不存在社区', branch: null }),
        member(6, { residenceCommunity: '三凤社区' }),
        member(7, { idNumber: null }),
        member(8, { residenceCommunity: '三凤社区', unitCode: 'U002', branch: null }),
        member(9, { kind: '退休党员', unitCode: null, branch: null, joinedAt: '2015-02-30' }),
        member(10, { kind: '普通党员', unitCode: null, branch: null, homeGridCode: '350723002001' }),
      ]),
    );
    const report = reportOf(res);
    expect(report.errors).toEqual([
      { row: 3, column: '党员类别', reason: '应为以下之一：在职党员、流动党员、退休党员、普通党员' },
      { row: 4, column: '单位编码', reason: '在职党员须填写所在单位的编码' },
      { row: 5, column: '单位编码', reason: '单位编码“U999”不存在' },
      { row: 6, column: '居住社区', reason: '找不到名为“不存在社区”的社区' },
      { row: 7, column: '所在支部', reason: '在所填的居住社区和单位下找不到支部“杭东社区第一党支部”' },
      { row: 8, column: '身份证号', reason: '必填' },
      { row: 9, column: '居住社区', reason: '该党员不在您的管理范围内：居住社区或单位须是您管理的' },
      { row: 10, column: '入党日期', reason: '无法识别的日期，请填写如 1990-01-02' },
      { row: 11, column: '网格编码', reason: '网格“350723002001”不在您的管理范围内' },
    ]);
    expect(report).toMatchObject({
      totalRows: 10,
      validRows: 1,
      inserted: 1,
      updated: 0,
      errorCount: 9,
      committed: true,
    });
    expect(await memberCount()).toBe(members + 1);
    expect(await peopleCount()).toBe(persons + 1);
    const [p] = await ctx.database.db
      .select()
      .from(people)
      .where(eq(people.idNumber, idNumber(1)));
    const [m] = await ctx.database.db.select().from(partyMembers).where(eq(partyMembers.personId, p.id));
    expect(m).toMatchObject({
      kind: 'in_service',
      unitId: ctx.world.unit1.id,
      branchId: ctx.world.branchA.id,
      residenceCommunityId: ctx.world.communityA.id,
      joinedAt: '2015-07-01',
    });
    expect(p).toMatchObject({
      name: '党员1',
      homeGridId: ctx.world.grids.gA1.id,
      communityId: ctx.world.communityA.id,
    });
  });

  it('matches people by ID number: an existing person is linked, not duplicated; another name is a row error', async () => {
    const people0 = { name: '已登记', idNumber: idNumber(20), homeGridCode: '350723001001' };
    const cols = PERSON_COLUMNS;
    const body = multipart(await workbook([people0], cols));
    await ctx.app.inject({
      method: 'POST',
      url: '/api/people/import',
      payload: body.payload,
      headers: { ...body.headers, cookie: await ctx.cookieFor('hangdong') },
    });
    const persons = await peopleCount();
    const res = await importFile(
      'hangdong',
      await workbook([member(20, { name: '已登记' }), member(21), member(21, { name: '别名' })]),
    );
    expect(reportOf(res)).toMatchObject({
      inserted: 2,
      updated: 0,
      committed: true,
      errors: [{ row: 4, column: '身份证号', reason: '与第 3 行的身份证号重复' }],
    });
    expect(await peopleCount()).toBe(persons + 1);
    const mismatch = await importFile('hangdong', await workbook([member(20, { name: '别名' })]), '?dryRun=true');
    expect(reportOf(mismatch).errors).toEqual([
      { row: 2, column: '姓名', reason: '该身份证号已登记，但姓名与登记的不一致' },
    ]);
  });

  it('updates an existing member record, keeping what empty cells leave out', async () => {
    const res = await importFile(
      'hangdong',
      await workbook([member(21, { kind: '退休党员', unitCode: null, branch: null, joinedAt: null })]),
    );
    expect(reportOf(res)).toMatchObject({ inserted: 0, updated: 1, committed: true });
    const [p] = await ctx.database.db
      .select()
      .from(people)
      .where(eq(people.idNumber, idNumber(21)));
    const [m] = await ctx.database.db.select().from(partyMembers).where(eq(partyMembers.personId, p.id));
    expect(m).toMatchObject({
      kind: 'retired',
      unitId: ctx.world.unit1.id,
      branchId: ctx.world.branchA.id,
      joinedAt: '2015-07-01',
      version: 2,
    });
    const [audit] = (
      await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'party_member.import'))
    ).slice(-1);
    expect(audit.after).toMatchObject({ fileName: 'members.xlsx', inserted: 0, updated: 1, peopleCreated: 0 });
  });

  it('all_or_nothing writes nothing when a row is bad; a dry run writes nothing at all', async () => {
    const [members, persons] = [await memberCount(), await peopleCount()];
    const bad = await importFile(
      'hangdong',
      await workbook([member(30), member(31, { kind: '?' })]),
      '?mode=all_or_nothing',
    );
    expect(reportOf(bad)).toMatchObject({ validRows: 1, inserted: 0, errorCount: 1, committed: false });
    const dry = await importFile('hangdong', await workbook([member(30), member(21)]), '?dryRun=true');
    expect(reportOf(dry)).toMatchObject({ validRows: 2, inserted: 1, updated: 1, committed: false });
    expect([await memberCount(), await peopleCount()]).toEqual([members, persons]);
  });

  it('a text file renamed .xlsx is INVALID_FILE; a people sheet is told which columns it lacks', async () => {
    const text = await importFile('hangdong', Buffer.from('hello, not a workbook'));
    expect(text.statusCode).toBe(400);
    expect(text.json().error.code).toBe('INVALID_FILE');
    const wrong = await importFile('hangdong', await workbook([{ name: 'x' }], PERSON_COLUMNS));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('缺少列：党员类别、单位编码、居住社区、所在支部、入党日期');
  });

  it('imports 6,000 new members (people created too) across several statements', async () => {
    const [members, persons] = [await memberCount(), await peopleCount()];
    const rows = Array.from({ length: 6000 }, (_, i) => member(1000 + i));
    const started = Date.now();
    const res = await importFile('admin', await workbook(rows));
    expect(reportOf(res)).toMatchObject({ totalRows: 6000, inserted: 6000, errorCount: 0, committed: true });
    expect([await memberCount(), await peopleCount()]).toEqual([members + 6000, persons + 6000]);
    console.info(`6,000 members imported in ${Date.now() - started} ms`);
  }, 60_000);
});

import { clock } from '../../../core/clock.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptTestPairing } from '../../../../test/cobuild.js';
import { api, expectError, expectOk, type Page } from '../../../../test/http.js';
import { createUploadTestContext, samplePhoto } from '../../../../test/photos.js';
import type { TestContext } from '../../../../test/app.js';
import { XLSX_MIME } from '../../../core/excel/excel.js';
import type { EvidenceView, PlanImportReport, ProjectDetail, ProjectView } from './projects.contracts.js';
import { PLAN_COLUMNS } from './projects.excel.js';
import { countyToday } from './projects.rollup.js';

let ctx: TestContext & { dataDir: string };
let call: ReturnType<typeof api>;
const Y = Number(countyToday(clock.now()).slice(0, 4));

beforeAll(async () => {
  ctx = await createUploadTestContext();
  call = api(ctx);
  const { communityA: a, communityB: b, unit1, unit2 } = ctx.world;
  await adoptTestPairing(ctx.database.db, {
    year: Y,
    pairs: [a, b].flatMap((c) => [unit1, unit2].map((u) => ({ communityId: c.id, unitId: u.id }))),
  });
});
afterAll(async () => {
  await ctx?.close();
});

function multipart(file: Buffer, filename: string, contentType: string) {
  const boundary = `----lj${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(
  url: string,
  as: string,
  file: Buffer,
  filename: string,
  contentType = XLSX_MIME,
  lang = 'zh-CN',
) {
  const form = multipart(file, filename, contentType);
  return ctx.app.inject({
    method: 'POST',
    url,
    payload: form.payload,
    headers: { ...form.headers, cookie: await ctx.cookieFor(as), 'accept-language': lang },
  });
}

async function download(url: string, as: string) {
  const res = await ctx.app.inject({ method: 'GET', url, headers: { cookie: await ctx.cookieFor(as) } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX_MIME);
  return res.rawPayload;
}

async function sheetOf(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

describe('Excel import and export of a plan', () => {
  it('offers a template with drop-downs of the domains and the paired units', async () => {
    const wb = await sheetOf(
      await download(
        `/api/project-plans/import-template.xlsx?communityId=${ctx.world.communityA.id}&year=${Y}`,
        'hangdong',
      ),
    );
    expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe('项目名称');
    const lists = wb.getWorksheet('下拉选项');
    const values = lists ? lists.getSheetValues().flat().map(String) : [];
    expect(values).toEqual(expect.arrayContaining(['老旧小区改造', '防汛', '县司法局党组', '县卫健局党组']));
    expectError(
      await call('GET', `/api/project-plans/import-template.xlsx?communityId=${ctx.world.communityA.id}&year=${Y}`, {
        as: 'sanfeng',
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('reports every bad row and writes nothing, then imports a good file; the export imports again elsewhere', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('共建项目');
    ws.addRow(PLAN_COLUMNS.map((c) => c.title));
    const row = (v: Record<string, string | number>) => ws.addRow(PLAN_COLUMNS.map((c) => v[c.key] ?? null));
    row({
      name: '北门小区老旧小区改造提升工程',
      domain: '老旧小区改造',
      leadUnit: '县卫健局党组',
      partnerUnits: '县司法局党组',
      budget: 800000,
      startOn: `${Y}-03-01`,
      endOn: `${Y}-11-30`,
      milestones: `方案设计:${Y}-04-30:1；施工:${Y}-10-31:3`,
    });
    row({
      name: '北门小区一期',
      domain: '老旧小区改造',
      leadUnit: '县卫健局党组',
      startOn: `${Y}-03-01`,
      endOn: `${Y}-06-30`,
      parent: '北门小区老旧小区改造提升工程',
    });
    row({
      name: '汛前排水管网清淤',
      domain: '防汛',
      leadUnit: '县司法局党组',
      startOn: `${Y}-04-01`,
      endOn: `${Y}-05-31`,
    });
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    row({ name: '坏行', domain: '不存在', leadUnit: '不认识的单位', startOn: 'x', endOn: `${Y}-01-01`, budget: -5 });
    row({
      name: '汛前排水管网清淤',
      domain: '防汛',
      leadUnit: '县司法局党组',
      startOn: `${Y}-04-01`,
      endOn: `${Y}-05-01`,
    });
    row({ name: '结束早于开始', domain: '防汛', leadUnit: '县司法局党组', startOn: `${Y}-04-01`, endOn: `${Y}-03-01` });
    const bad = Buffer.from(await wb.xlsx.writeBuffer());

    const url = `/api/project-plans/import?communityId=${ctx.world.communityA.id}&year=${Y}`;
    const report = expectOk<PlanImportReport>(await upload(url, 'hangdong', bad, 'plan.xlsx'));
    expect(report).toMatchObject({ totalRows: 6, committed: false, inserted: 0 });
    const columns = report.errors.filter((e) => e.row === 5).map((e) => e.column);
    expect(columns).toEqual(expect.arrayContaining(['领域', '牵头单位', '开始日期', '预算（元）']));
    expect(report.errors.some((e) => e.row === 6 && e.column === '项目名称')).toBe(true);
    expect(report.errors.some((e) => e.row === 7 && e.reason.includes('早于'))).toBe(true);
    expect(expectOk<Page<ProjectView>>(await call('GET', `/api/projects?year=${Y}`, { as: 'hangdong' })).total).toBe(0);

    expect(
      (
        await upload(
          `/api/project-plans/import?communityId=${ctx.world.communityB.id}&year=${Y}`,
          'hangdong',
          good,
          'plan.xlsx',
        )
      ).statusCode,
    ).toBe(403);

    const ok = expectOk<PlanImportReport>(await upload(url, 'hangdong', good, 'plan.xlsx'));
    expect(ok).toMatchObject({ totalRows: 3, inserted: 3, committed: true, errorCount: 0 });
    const mine = expectOk<Page<ProjectView>>(
      await call('GET', `/api/projects?year=${Y}&communityId=${ctx.world.communityA.id}&sort=name`, { as: 'hangdong' }),
    ).items;
    const parent = mine.find((p) => p.name === '北门小区老旧小区改造提升工程')!;
    expect(parent.units.map((u) => [u.unitName, u.role])).toEqual([
      ['县卫健局党组', 'lead'],
      ['县司法局党组', 'partner'],
    ]);
    expect(mine.find((p) => p.name === '北门小区一期')?.parentId).toBe(parent.id);

    // Round trip: the export of 杭东's plan imports as it stands into 三凤's plan.
    const exported = await download(
      `/api/project-plans/export.xlsx?communityId=${ctx.world.communityA.id}&year=${Y}`,
      'hangdong',
    );
    const again = expectOk<PlanImportReport>(
      await upload(
        `/api/project-plans/import?communityId=${ctx.world.communityB.id}&year=${Y}`,
        'sanfeng',
        exported,
        'export.xlsx',
      ),
    );
    expect(again).toMatchObject({ inserted: 3, committed: true });
    const theirs = expectOk<Page<ProjectView>>(
      await call('GET', `/api/projects?year=${Y}&communityId=${ctx.world.communityB.id}&sort=name`, { as: 'sanfeng' }),
    ).items;
    const strip = (p: ProjectView) => [
      p.name,
      p.domain,
      p.budget,
      p.startOn,
      p.endOn,
      p.units.map((u) => u.unitName + u.role).join(),
    ];
    expect(theirs.map(strip)).toEqual(mine.map(strip));
    const detail = expectOk<ProjectDetail>(
      await call('GET', `/api/projects/${theirs.find((p) => p.name === parent.name)!.id}`, { as: 'sanfeng' }),
    );
    expect(detail.children.map((c) => c.name)).toEqual(['北门小区一期']);
    const list = await download(`/api/projects/export.xlsx?year=${Y}&domain=flood_control`, 'admin');
    const rows = (await sheetOf(list)).worksheets[0].rowCount;
    expect(rows).toBe(3);
  });
});

describe('evidence', () => {
  let project: ProjectView;
  beforeAll(async () => {
    project = expectOk<Page<ProjectView>>(
      await call('GET', `/api/projects?year=${Y}&communityId=${ctx.world.communityA.id}&q=汛前`, { as: 'hangdong' }),
    ).items[0];
  });

  it('stores a photo re-encoded with a thumbnail and a PDF as it is, for those who track the project', async () => {
    const photo = expectOk<EvidenceView>(
      await upload(`/api/projects/${project.id}/evidence`, 'unit01', await samplePhoto(), 'site.png', 'image/png'),
      201,
    );
    expect(photo).toMatchObject({ kind: 'photo', mime: 'image/jpeg', width: 640 });
    const thumb = await ctx.app.inject({
      method: 'GET',
      url: photo.thumbUrl!,
      headers: { cookie: await ctx.cookieFor('hangdong') },
    });
    expect(thumb.statusCode).toBe(200);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const doc = expectOk<EvidenceView>(
      await upload(`/api/projects/${project.id}/evidence`, 'hangdong', pdf, '验收报告.pdf', 'application/pdf'),
      201,
    );
    expect(doc).toMatchObject({ kind: 'file', mime: 'application/pdf', fileName: '验收报告.pdf', thumbUrl: null });
    const file = await ctx.app.inject({
      method: 'GET',
      url: doc.url,
      headers: { cookie: await ctx.cookieFor('unit01') },
    });
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(existsSync(path.join(ctx.dataDir, 'uploads', 'projects', project.id))).toBe(true);
    const bad = await upload(
      `/api/projects/${project.id}/evidence`,
      'hangdong',
      Buffer.from('#!/bin/sh\necho hi\n'),
      'a.pdf',
      'application/pdf',
      'en',
    );
    expect(expectError(bad, 400, 'INVALID_FILE').error.message).toContain('PDF');
    expectError(
      await upload(`/api/projects/${project.id}/evidence`, 'grid01', pdf, 'x.pdf', 'application/pdf'),
      403,
      'FORBIDDEN',
    );
    expectError(
      await ctx.app.inject({ method: 'GET', url: doc.url, headers: { cookie: await ctx.cookieFor('sanfeng') } }),
      404,
      'NOT_FOUND',
    );
    const detail = expectOk<ProjectDetail>(await call('GET', `/api/projects/${project.id}`, { as: 'hangdong' }));
    expect(detail.evidence.map((e) => e.kind)).toEqual(['photo', 'file']);
  });
});

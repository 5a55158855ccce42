import { count, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { highRatioBomb, lyingSizeBomb, manyRowsBomb, sharedStringsBomb, xlsxForm } from '../../../test/xlsx-bombs.js';
import { auditLog } from '../audit.schema.js';
import { projects } from '../../modules/cobuild/projects/projects.schema.js';
import { PLAN_COLUMNS } from '../../modules/cobuild/projects/projects.excel.js';
import { MEMBER_COLUMNS } from '../../modules/people/members/members.excel.js';
import { partyMembers } from '../../modules/people/members/members.schema.js';
import { PERSON_COLUMNS } from '../../modules/people/people.excel.js';
import { people } from '../../modules/people/people.schema.js';

/**
 * Hostile workbooks through every Excel import endpoint: each is refused with its code within seconds, the process
 * heap grows by less than 300 MB while it is read (the 5,000,000-row file took 5 GB and the process before), and
 * nothing is written.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

const titles = (columns: { title: string }[]) => columns.map((c) => c.title);

/** Posts the file, sampling the heap while the request runs; returns the response, its time and the heap growth. */
async function post(url: string, file: Buffer, lang = 'zh-CN') {
  const form = xlsxForm(file);
  const headers = { ...form.headers, cookie: await ctx.cookieFor('hangdong'), 'accept-language': lang };
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 10);
  const started = performance.now();
  const res = await ctx.app.inject({ method: 'POST', url, payload: form.payload, headers });
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { res, ms, heapGrowthMb: (Math.max(peak, process.memoryUsage().heapUsed) - before) / 2 ** 20 };
}

/** Counts of every table an import could write to, and of its audit rows. */
async function written() {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0].n;
  const db = ctx.database.db;
  return Promise.all([
    n(db.select({ n: count() }).from(people)),
    n(db.select({ n: count() }).from(partyMembers)),
    n(db.select({ n: count() }).from(projects)),
    n(db.select({ n: count() }).from(auditLog).where(like(auditLog.action, '%import'))),
  ]);
}

async function expectRefused(url: string, file: Buffer, status: number, code: string, lang = 'zh-CN') {
  const before = await written();
  const { res, ms, heapGrowthMb } = await post(url, file, lang);
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ error: { code: string; message: string; details?: Record<string, unknown> } }>();
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(JSON.stringify(body)).not.toMatch(/cause|Error:|stream|expected \d/);
  expect(ms).toBeLessThan(20_000);
  expect(heapGrowthMb).toBeLessThan(300);
  expect(await written()).toEqual(before);
  console.info(`${url.split('?')[0]} ${code}: ${ms.toFixed(0)} ms, heap +${heapGrowthMb.toFixed(0)} MB`);
  return body.error;
}

const PEOPLE = '/api/people/import';

describe('Excel import limits: people', () => {
  it('5,000,000 one-cell rows (a ~0.6 MB file) is 413 IMPORT_TOO_MANY_ROWS', async () => {
    const error = await expectRefused(PEOPLE, await manyRowsBomb(titles(PERSON_COLUMNS)), 413, 'IMPORT_TOO_MANY_ROWS');
    expect(error.message).toBe('数据超过 100000 行，请拆分成多个文件导入');
  }, 60_000);

  it('5,000,000 blank rows is 413 IMPORT_TOO_LARGE, in English on request', async () => {
    const error = await expectRefused(
      PEOPLE,
      await manyRowsBomb(titles(PERSON_COLUMNS), 5_000_000, true),
      413,
      'IMPORT_TOO_LARGE',
      'en',
    );
    expect(error.message).toContain('the sheet has more than 250000 rows');
    expect(error.details).toEqual({ limit: 'sheetRows', max: 250_000 });
  }, 60_000);

  it('a shared-strings table of 20,000,000 entries is refused before it is read', async () => {
    const error = await expectRefused(PEOPLE, await sharedStringsBomb(titles(PERSON_COLUMNS)), 413, 'IMPORT_TOO_LARGE');
    expect(error.message).toBe('导入文件超出处理上限：文字表解压后超过 64 MB；请拆分成较小的文件后再导入');
  }, 60_000);

  it('1,500,000 distinct shared strings stop at the 1,000,000th', async () => {
    const error = await expectRefused(
      PEOPLE,
      await sharedStringsBomb(titles(PERSON_COLUMNS), 1_500_000, true),
      413,
      'IMPORT_TOO_LARGE',
    );
    expect(error.details).toEqual({ limit: 'sharedStrings', max: 1_000_000 });
  }, 60_000);

  it('a part whose header understates its size is 400 INVALID_FILE (damaged)', async () => {
    const error = await expectRefused(PEOPLE, await lyingSizeBomb(titles(PERSON_COLUMNS)), 400, 'INVALID_FILE');
    expect(error.details).toEqual({ problem: 'damaged' });
  }, 60_000);

  it('a part compressed ~1000 to 1 is 413 IMPORT_TOO_LARGE (ratio)', async () => {
    const error = await expectRefused(PEOPLE, await highRatioBomb(titles(PERSON_COLUMNS)), 413, 'IMPORT_TOO_LARGE');
    expect(error.details).toEqual({ limit: 'ratio', max: 100 });
  }, 60_000);
});

describe('Excel import limits: Party members and project plans share them', () => {
  it('Party members: 5,000,000 rows and a 20,000,000-entry shared-strings table are refused', async () => {
    const url = '/api/party-members/import';
    await expectRefused(url, await manyRowsBomb(titles(MEMBER_COLUMNS)), 413, 'IMPORT_TOO_MANY_ROWS');
    await expectRefused(url, await sharedStringsBomb(titles(MEMBER_COLUMNS)), 413, 'IMPORT_TOO_LARGE');
  }, 90_000);

  it("project plans: 5,000,000 rows stop at the plan's 2,000-row cap", async () => {
    const url = `/api/project-plans/import?communityId=${ctx.world.communityA.id}&year=2025`;
    const error = await expectRefused(url, await manyRowsBomb(titles(PLAN_COLUMNS)), 413, 'IMPORT_TOO_MANY_ROWS');
    expect(error.message).toBe('数据超过 2000 行，请拆分成多个文件导入');
    await expectRefused(url, await highRatioBomb(titles(PLAN_COLUMNS)), 413, 'IMPORT_TOO_LARGE');
  }, 90_000);
});

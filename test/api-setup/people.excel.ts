// Shared setup of people.excel.api.test.ts and people.excel.import.api.test.ts: one test context per file and the
// workbook/import helpers. Call setupPeopleExcelApi() at the top of the test file; `ctx` is a live binding.
import { PassThrough } from 'node:stream';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestContext, type TestContext } from '../app.js';
import { XLSX_MIME } from '../../src/core/excel/excel.js';
import { idCheckChar } from '../../src/core/idcard.js';
import { PERSON_COLUMNS } from '../../src/modules/people/people.excel.js';
import { people } from '../../src/modules/people/people.schema.js';

export let ctx: TestContext;
export function setupPeopleExcelApi(): void {
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx?.close();
  });
}

export const TITLES = PERSON_COLUMNS.map((c) => c.title);
export type Row = Record<string, string | number | null>;

/** A valid ID number per sequence number: births from 1950-01-01 on, so none clashes with the test world. */
export function idNumber(i: number): string {
  const born = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 999) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const first17 = `350723${born}${String((i % 999) + 1).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** Builds an .xlsx with the streaming writer (fast enough for 100,000 rows); rows are keyed by column key. */
export async function workbook(rows: Row[], titles: string[] = TITLES): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('人员');
  ws.addRow(titles).commit();
  const keys = PERSON_COLUMNS.map((c) => c.key);
  for (const r of rows) ws.addRow(keys.map((k) => r[k] ?? null)).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** A multipart/form-data body by hand: the file in the field `file`. */
export function multipart(file: Buffer, filename = 'people.xlsx', field = 'file') {
  const boundary = `----lianjian${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function importFile(user: string, file: Buffer, query = '', extraHeaders: Record<string, string> = {}) {
  const body = multipart(file);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/people/import${query}`,
    payload: body.payload,
    headers: { ...body.headers, cookie: await ctx.cookieFor(user), ...extraHeaders },
  });
}

/** The import report of a 200 response (the body is shown when the status is not 200). */
export function reportOf(res: {
  statusCode: number;
  body: string;
  json(): Record<string, unknown> & { errors: unknown[] };
}) {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export const peopleCount = async () => (await ctx.database.db.select({ n: count() }).from(people))[0].n;
export const person = (i: number, extra: Row = {}): Row => ({
  name: `导入${i}`,
  idNumber: idNumber(i),
  phone: `139${String(i).padStart(8, '0')}`,
  homeGridCode: '350723001001',
  roles: '居民',
  ...extra,
});

import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { countyYear } from '../src/core/clock.js';
import type { TestContext } from './app.js';
import { JUNK_STRINGS } from './fuzz-arbitraries.js';
import type { SampleFile } from './fuzz-http.js';
import { samplePhoto } from './photos.js';

/**
 * Files for the multipart routes of the write-route fuzz: small real images, and for each import its template from
 * the server (project plans: community A, this year), empty and with rows of plausible and junk cells.
 */
export interface SampleFiles {
  all: SampleFile[];
  images: SampleFile[];
  /** The workbooks for the import at this path (…/import). */
  workbooks(importPath: string): SampleFile[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const cell = fc.oneof(
  fc.constantFrom<unknown>(
    '王小明',
    '男',
    '女',
    '13800001111',
    '350723199001011234',
    '杭东社区',
    '2026-03-01',
    'in_service',
    '县司法局党组',
    'U001',
    'C001',
  ),
  fc.constantFrom<unknown>(...JUNK_STRINGS),
  fc.integer(),
  fc.double(),
  fc.constant(null),
);

async function withRows(template: Buffer, rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'string' ? v.replaceAll('\u0000', '') : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function workbooksFor(ctx: TestContext, importPath: string, seed: number): Promise<SampleFile[]> {
  const query = `?communityId=${ctx.world.communityA.id}&year=${countyYear()}`;
  const res = await ctx.app.inject({
    method: 'GET',
    url: `${importPath}-template.xlsx${query}`,
    headers: { cookie: await ctx.cookieFor('admin') },
  });
  if (res.statusCode !== 200) throw new Error(`${importPath}-template.xlsx: ${res.statusCode}`);
  const template = res.rawPayload;
  const sheets = fc.sample(fc.array(fc.array(cell, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }), {
    seed,
    numRuns: 3,
  });
  const filled = await Promise.all(sheets.map((rows) => withRows(template, rows)));
  return [template, ...filled].map((data, i) => ({ name: `import-${i}.xlsx`, type: XLSX, data }));
}

export async function sampleFiles(ctx: TestContext, seed: number): Promise<SampleFiles> {
  const images: SampleFile[] = [
    { name: 'photo.jpg', type: 'image/jpeg', data: await samplePhoto({ width: 48, height: 32 }) },
    { name: 'photo.png', type: 'image/png', data: await samplePhoto({ width: 32, height: 48, format: 'png' }) },
    { name: 'photo.webp', type: 'image/webp', data: await samplePhoto({ width: 40, height: 40, format: 'webp' }) },
  ];
  const imports = ['/api/people/import', '/api/party-members/import', '/api/project-plans/import'];
  const books = new Map<string, SampleFile[]>();
  for (const p of imports) books.set(p, await workbooksFor(ctx, p, seed));
  return {
    all: [...images, ...[...books.values()].flat()],
    images,
    workbooks: (importPath) => books.get(importPath) ?? [],
  };
}

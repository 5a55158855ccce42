import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildZip,
  headerRow,
  highRatioBomb,
  lyingSizeBomb,
  manyRowsBomb,
  repeat,
  sharedStringsBomb,
  sheetXml,
  workbookParts,
} from '../../../test/xlsx-bombs.js';
import { type ExcelColumn, readSheet } from './excel.js';
import type { ImportLimits } from './limits.js';

const COLUMNS: ExcelColumn[] = [
  { key: 'name', title: '姓名', required: true },
  { key: 'phone', title: '手机号' },
];
const TITLES = COLUMNS.map((c) => c.title);

/** A workbook from exceljs's streaming writer: it puts the sheet before the shared strings, the reader's hard case. */
async function streamedWorkbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('人员');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

const read = (buf: Buffer, limits: Partial<ImportLimits> = {}, maxRows?: number) =>
  readSheet(buf, { columns: COLUMNS, locale: 'en', limits, maxRows });

/** The error a read fails with, for toMatchObject. */
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('the read succeeded');
    },
    (e: unknown) => e,
  );

describe('reading an uploaded sheet', () => {
  it("gives the rows exceljs's whole-workbook reader sees, skipping blank ones", async () => {
    const buf = await streamedWorkbook([
      [null],
      ['姓名', '手机号'],
      ['张三', 13900000001],
      [null, null],
      ['李四', '139'],
    ]);
    const streamed = await readSheet(buf, { columns: COLUMNS, locale: 'zh-CN' });
    expect(streamed).toEqual([
      { row: 3, cells: { name: '张三', phone: 13900000001 } },
      { row: 5, cells: { name: '李四', phone: '139' } },
    ]);
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.load(buf as unknown as ExcelJS.Buffer);
    for (const { row, cells } of streamed) {
      expect([whole.worksheets[0].getCell(row, 1).value, whole.worksheets[0].getCell(row, 2).value]).toEqual([
        cells.name,
        cells.phone,
      ]);
    }
  });

  it('reads the first of two sheets of a workbook written whole, every time (exceljs#3064 lost its workbook part)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('人员').addRows([
      ['姓名', '手机号'],
      ['王五', '13900000002'],
    ]);
    wb.addWorksheet('说明').addRow(['第二个工作表']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const reads = await Promise.all(
      Array.from({ length: 30 }, () => readSheet(buf, { columns: COLUMNS, locale: 'zh-CN' })),
    );
    for (const rows of reads) expect(rows).toEqual([{ row: 2, cells: { name: '王五', phone: '13900000002' } }]);
  });

  it('calls a sheet with only a header "no rows"', async () => {
    const buf = await streamedWorkbook([['姓名', '手机号']]);
    await expect(read(buf)).rejects.toMatchObject({ code: 'INVALID_FILE', details: { problem: 'no_rows' } });
  });

  it('keeps Chinese text whole however the XML is cut into chunks', async () => {
    const name = '欧阳'.repeat(40_000);
    const buf = await buildZip(
      workbookParts({
        body: sheetXml([headerRow(TITLES), `<row r="2"><c r="A2" t="inlineStr"><is><t>${name}</t></is></c></row>`]),
        stored: true,
      }),
    );
    expect(await read(buf)).toEqual([{ row: 2, cells: { name, phone: null } }]);
  });
});

describe('reading an uploaded sheet: hard limits', () => {
  const rows = (row: string, count: number) =>
    buildZip(workbookParts({ body: sheetXml([headerRow(TITLES)], repeat(row, count)) }));

  it('more data rows than maxRows is IMPORT_TOO_MANY_ROWS', async () => {
    const e = await failure(read(await manyRowsBomb(TITLES, 3000), {}, 2000));
    expect(e).toMatchObject({
      code: 'IMPORT_TOO_MANY_ROWS',
      status: 413,
      params: { max: 2000 },
      details: { limit: 'rows', max: 2000 },
    });
  });

  it('blank rows count as sheet rows, cells as the slots a row reaches', async () => {
    expect(await failure(read(await manyRowsBomb(TITLES, 5000, true), { sheetRows: 1000 }))).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      details: { limit: 'sheetRows', max: 1000 },
    });
    // One value in column XFD makes a row of 16,384 cells: 300 such rows pass 4,000,000.
    expect(await failure(read(await rows('<row r="2"><c r="XFD2"><v>1</v></c></row>', 300)))).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      details: { limit: 'cells', max: 4_000_000 },
    });
  });

  it('shared strings are counted while they are read, and their part is capped in bytes', async () => {
    expect(await failure(read(await sharedStringsBomb(TITLES, 5000), { sharedStrings: 1000 }))).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      details: { limit: 'sharedStrings', max: 1000 },
    });
    expect(
      await failure(read(await sharedStringsBomb(TITLES, 200_000), { sharedStringBytes: 1024 * 1024 })),
    ).toMatchObject({ code: 'IMPORT_TOO_LARGE', details: { limit: 'sharedStringBytes', max: 1 } });
  });

  it('a part that unpacks to more than its header says is damaged; one that says it is too large is refused unread', async () => {
    expect(await failure(read(await lyingSizeBomb(TITLES)))).toMatchObject({
      code: 'INVALID_FILE',
      details: { problem: 'damaged' },
    });
    const honest = await buildZip(workbookParts({ body: sheetXml([headerRow(TITLES)], repeat('<x/>', 500_000)) }));
    expect(await failure(read(honest, { partBytes: 1024 * 1024 }))).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      details: { limit: 'partBytes' },
    });
    expect(await failure(read(honest, { totalBytes: 1024 * 1024 }))).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      details: { limit: 'totalBytes' },
    });
    const styles = { name: 'xl/styles.xml', body: repeat('<xf numFmtId="14"/>', 1_000_000) };
    const styled = await buildZip(workbookParts({ body: sheetXml([headerRow(TITLES)]) }, [styles]));
    expect(await failure(read(styled))).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      details: { limit: 'metadataBytes', max: 16 },
    });
  });

  it('a part compressed more than 100 to 1 stops once it has unpacked past the floor', async () => {
    const started = performance.now();
    expect(await failure(read(await highRatioBomb(TITLES)))).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      details: { limit: 'ratio', max: 100 },
    });
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('a cell longer than the text limit, or text split by thousands of comments, is refused', async () => {
    const long = `<row r="2"><c r="A2" t="inlineStr"><is><t>${'a'.repeat(2 * 1024 * 1024)}</t></is></c></row>`;
    expect(await failure(read(await rows(long, 1)))).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      details: { limit: 'textLength' },
    });
    const split = `<row r="2"><c r="A2" t="inlineStr"><is><t>${'a<!---->'.repeat(5000)}</t></is></c></row>`;
    expect(await failure(read(await rows(split, 1)))).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      details: { limit: 'xmlOddities', max: 1000 },
    });
  });

  it('too many zip entries, or no time left, is refused', async () => {
    const small = await streamedWorkbook([['姓名'], ['张三']]);
    expect(await failure(read(small, { entries: 3 }))).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      details: { limit: 'entries', max: 3 },
    });
    expect(await failure(read(small, { seconds: 0 }))).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      details: { limit: 'seconds', max: 0 },
    });
  });

  it("a changed byte in a stored part fails its CRC; the reader's own words never reach the details", async () => {
    const buf = await buildZip(
      workbookParts({
        body: sheetXml([headerRow(TITLES), '<row r="2"><c r="A2"><v>12345</v></c></row>']),
        stored: true,
      }),
    );
    const at = buf.indexOf('12345');
    buf[at] = '9'.charCodeAt(0);
    const e = await failure(read(buf));
    expect(e).toMatchObject({ code: 'INVALID_FILE', details: { problem: 'damaged' } });
    expect(JSON.stringify((e as { details: unknown }).details)).not.toMatch(/CRC|cause/);
  });
});

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ExcelColumn, readSheet, readSheetWhole } from './excel.js';

const COLUMNS: ExcelColumn[] = [{ key: 'name', title: '姓名', required: true }, { key: 'phone', title: '手机号' }];

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

describe('reading an uploaded sheet', () => {
  it('the streaming and the whole-workbook readers give the same rows', async () => {
    const buf = await streamedWorkbook([[null], ['姓名', '手机号'], ['张三', 13900000001], [null, null], ['李四', '139']]);
    const streamed = await readSheet(buf, { columns: COLUMNS, locale: 'zh-CN' });
    expect(streamed).toEqual([{ row: 3, cells: { name: '张三', phone: 13900000001 } }, { row: 5, cells: { name: '李四', phone: '139' } }]);
    expect(await readSheetWhole(buf, { columns: COLUMNS, locale: 'zh-CN' })).toEqual(streamed);
  });

  it('reads the first of two sheets of a workbook written whole, every time (exceljs#3064 lost its workbook part)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('人员').addRows([['姓名', '手机号'], ['王五', '13900000002']]);
    wb.addWorksheet('说明').addRow(['第二个工作表']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const reads = await Promise.all(Array.from({ length: 30 }, () => readSheet(buf, { columns: COLUMNS, locale: 'zh-CN' })));
    for (const rows of reads) expect(rows).toEqual([{ row: 2, cells: { name: '王五', phone: '13900000002' } }]);
  });

  it('both readers call a sheet with only a header "no rows"', async () => {
    const buf = await streamedWorkbook([['姓名', '手机号']]);
    for (const read of [readSheet, readSheetWhole]) {
      await expect(read(buf, { columns: COLUMNS, locale: 'en' })).rejects.toMatchObject({ code: 'INVALID_FILE', details: { problem: 'no_rows' } });
    }
  });
});

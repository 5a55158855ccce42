import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { inflateParts } from './excel-zip.js';

/**
 * The rows of an upload's first worksheet with exceljs's streaming sheet parser, fed the archive's parts in the order
 * it needs: the workbook relations, the workbook, the shared strings and the styles before any worksheet. exceljs's
 * own WorkbookReader reads the parts in stored order in one streaming pass and, under load, sometimes reaches a
 * worksheet before the workbook (exceljs#3064), which showed as "no rows" or "reading 'sheets'" on good files. The
 * parser methods used here are exceljs 4's (package.json pins ^4.4.0); the test in excel.test.ts would catch a change.
 */
interface WorkbookParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The first worksheet in the workbook's order (else the lowest-numbered one), or null if there is none. */
export async function firstWorksheetRows(exceljs: typeof ExcelJS, buf: Buffer): Promise<AsyncIterable<ExcelJS.Row> | null> {
  const parts = inflateParts(buf);
  const part = (name: string) => Readable.from([parts.get(name) ?? Buffer.alloc(0)]);
  const reader = new exceljs.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  }) as unknown as WorkbookParts;
  if (parts.has('xl/_rels/workbook.xml.rels')) await reader._parseRels(part('xl/_rels/workbook.xml.rels'));
  await reader._parseWorkbook(part('xl/workbook.xml'));
  if (parts.has('xl/sharedStrings.xml')) for await (const _ of reader._parseSharedStrings(part('xl/sharedStrings.xml'))) void _;
  if (parts.has('xl/styles.xml')) await reader._parseStyles(part('xl/styles.xml'));
  const sheetNo = firstSheetNo(reader, [...parts.keys()]);
  if (!sheetNo) return null;
  for (const event of reader._parseWorksheet(part(`xl/worksheets/sheet${sheetNo}.xml`), sheetNo)) {
    if (event.eventType === 'worksheet') return event.value;
  }
  return null;
}

function firstSheetNo(reader: WorkbookParts, names: string[]): string | null {
  const first = reader.model?.sheets?.[0];
  const target = first && reader.workbookRels?.find((r) => r.Id === first.rId)?.Target;
  const fromModel = target?.match(/sheet(\d+)\.xml$/)?.[1];
  if (fromModel && names.includes(`xl/worksheets/sheet${fromModel}.xml`)) return fromModel;
  const numbers = names.flatMap((n) => SHEET_PART.exec(n)?.[1] ?? []).map(Number).sort((a, b) => a - b);
  return numbers.length ? String(numbers[0]) : null;
}

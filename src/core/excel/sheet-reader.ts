import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { ReadBudget } from './limits.js';
import { SHARED_STRINGS_PART, SHEET_PART, type XlsxArchive } from './zip.js';

/**
 * The rows of an upload's first worksheet with exceljs's streaming sheet parser, fed the archive's parts in the order
 * it needs: the workbook relations, the workbook, the shared strings and the styles before any worksheet. exceljs's
 * own WorkbookReader reads the parts in stored order in one streaming pass and, under load, sometimes reaches a
 * worksheet before the workbook (exceljs#3064), which showed as "no rows" or "reading 'sheets'" on good files. The
 * parser methods used here are exceljs 4.4.0's (pinned exactly in package.json); excel.test.ts would catch a change.
 *
 * Shared strings are taken one by one ('emit') and counted, so a table of millions of strings stops at the limit;
 * rows are counted with their cells as exceljs yields them.
 */
interface WorkbookParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<{ index: number; text: unknown }>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    entry: AsyncIterable<unknown>,
    sheetNo: string,
  ): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  /** Read by the worksheet parser to resolve shared-string cells. */
  sharedStrings?: unknown[];
}

const RELS_PART = 'xl/_rels/workbook.xml.rels';
const STYLES_PART = 'xl/styles.xml';

/** The first worksheet in the workbook's order (else the lowest-numbered one), or null if there is none. */
export async function firstWorksheetRows(
  exceljs: typeof ExcelJS,
  archive: XlsxArchive,
  budget: ReadBudget,
): Promise<AsyncIterable<ExcelJS.Row> | null> {
  const reader = new exceljs.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookParts;
  if (archive.has(RELS_PART)) await reader._parseRels(archive.part(RELS_PART));
  await reader._parseWorkbook(archive.part('xl/workbook.xml'));
  if (archive.has(SHARED_STRINGS_PART))
    reader.sharedStrings = await sharedStrings(reader, archive.part(SHARED_STRINGS_PART), budget);
  if (archive.has(STYLES_PART)) await reader._parseStyles(archive.part(STYLES_PART));
  const sheetNo = firstSheetNo(reader, archive.names());
  if (!sheetNo) return null;
  for (const event of reader._parseWorksheet(archive.part(`xl/worksheets/sheet${sheetNo}.xml`), sheetNo)) {
    if (event.eventType === 'worksheet') return countedRows(event.value, budget);
  }
  return null;
}

async function sharedStrings(reader: WorkbookParts, part: Readable, budget: ReadBudget): Promise<unknown[]> {
  const table: unknown[] = [];
  for await (const { text } of reader._parseSharedStrings(part)) {
    if (table.length === budget.limits.sharedStrings) budget.fail('sharedStrings');
    table.push(text);
  }
  return table;
}

/** The sheet's rows, failing once there are more row elements or cell slots than the limits allow. */
async function* countedRows(rows: AsyncIterable<ExcelJS.Row>, budget: ReadBudget): AsyncGenerator<ExcelJS.Row> {
  let count = 0;
  let cells = 0;
  for await (const row of rows) {
    budget.check();
    if (++count > budget.limits.sheetRows) budget.fail('sheetRows');
    cells += row.cellCount;
    if (cells > budget.limits.cells) budget.fail('cells');
    yield row;
  }
}

function firstSheetNo(reader: WorkbookParts, names: string[]): string | null {
  const first = reader.model?.sheets?.[0];
  const target = first && reader.workbookRels?.find((r) => r.Id === first.rId)?.Target;
  const fromModel = target?.match(/sheet(\d+)\.xml$/)?.[1];
  if (fromModel && names.includes(`xl/worksheets/sheet${fromModel}.xml`)) return fromModel;
  const numbers = names
    .flatMap((n) => SHEET_PART.exec(n)?.[1] ?? [])
    .map(Number)
    .sort((a, b) => a - b);
  return numbers.length ? String(numbers[0]) : null;
}

import { PassThrough, type Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { localDayOf } from '../calendar.js';
import { AppError, isAppError } from '../errors.js';
import type { ExcelColumn } from './columns.js';
import { exceljs } from './lib.js';
import { IMPORT_LIMITS, ImportLimitError, type ImportLimits, LIMIT_REASONS, ReadBudget } from './limits.js';
import { firstWorksheetRows } from './sheet-reader.js';
import { openXlsx, type XlsxArchive, XlsxProblem } from './zip.js';
import type { Locale } from '../i18n.js';

/**
 * Excel import and export, driven by column definitions: the same list of columns builds the template, checks
 * the header of an upload and names the columns in row errors. Domain rules stay in the modules.
 */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_IMPORT_ROWS = 100_000;
/** Rows an export of people or Party members holds at most (masked PII, streamed). */
export const MAX_EXPORT_ROWS = 100_000;

export { type ExcelColumn, withExamples } from './columns.js';

export type Cell = string | number | boolean | Date | null;
export interface SheetRow {
  /** 1-based, as Excel shows it. */
  row: number;
  cells: Record<string, Cell>;
}

type FileProblem =
  | 'not_xlsx'
  | 'xls'
  | 'damaged'
  | 'not_workbook'
  | 'empty'
  | 'no_rows'
  | 'missing_columns'
  | 'no_file';

const FILE_PROBLEMS: Record<Locale, Record<FileProblem, string>> = {
  'zh-CN': {
    not_xlsx: '不是 Excel（.xlsx）文件',
    xls: '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入',
    damaged: '文件已损坏或不完整',
    not_workbook: '压缩包中没有 Excel 工作表，不是有效的 .xlsx 文件',
    empty: '第一个工作表是空的',
    no_rows: '表头下面没有数据行',
    missing_columns: '缺少列：{columns}（请使用导入模板）',
    no_file: '请在表单字段 file 中上传 .xlsx 文件',
  },
  en: {
    not_xlsx: 'it is not an Excel (.xlsx) file',
    xls: 'it is an old .xls file; save it as .xlsx in Excel and import that',
    damaged: 'the file is damaged or incomplete',
    not_workbook: 'the archive holds no worksheet, so it is not a valid .xlsx file',
    empty: 'the first worksheet is empty',
    no_rows: 'there are no data rows below the header',
    missing_columns: 'missing columns: {columns} (use the import template)',
    no_file: 'upload the .xlsx file in the form field "file"',
  },
};

/** Fills {name} placeholders of a message. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

function fileError(
  locale: Locale,
  problem: FileProblem,
  params: Record<string, string | number> = {},
  details?: unknown,
): AppError {
  return new AppError(
    'INVALID_FILE',
    { reason: format(FILE_PROBLEMS[locale][problem], params) },
    details ?? { problem },
  );
}

/** exceljs cell values (rich text, formulas, hyperlinks…) reduced to what validation needs. */
export function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('error' in v) return String(v.error);
  if ('result' in v) return toCell(v.result as ExcelJS.CellValue);
  if ('text' in v) return typeof v.text === 'string' ? v.text : toCell(v.text as ExcelJS.CellValue);
  return null;
}

const normaliseHeader = (s: string) => s.replace(/[\s*＊:：]/g, '').toLowerCase();

/** Maps each column to its 1-based position in the header row, or reports the missing ones. */
function matchHeader(header: Cell[], columns: ExcelColumn[], locale: Locale): Map<string, number> {
  const positions = new Map<string, number>();
  header.forEach((c, i) => {
    if (c === null) return;
    const h = normaliseHeader(String(c));
    const col = columns.find((x) => normaliseHeader(x.title) === h || x.key.toLowerCase() === h);
    if (col && !positions.has(col.key)) positions.set(col.key, i);
  });
  const missing = columns.filter((c) => !positions.has(c.key));
  if (missing.length) {
    const sep = locale === 'en' ? ', ' : '、';
    throw fileError(
      locale,
      'missing_columns',
      { columns: missing.map((c) => c.title).join(sep) },
      { problem: 'missing_columns', columns: missing.map((c) => c.title) },
    );
  }
  return positions;
}

/**
 * Reads the first worksheet of an uploaded .xlsx: the first non-empty row is the header, later non-empty rows are
 * data. The archive's parts are streamed (zip.ts) under the hard limits of limits.ts, so a file that
 * unpacks to gigabytes is refused within seconds having held a few megabytes: more than `maxRows` data rows is 413
 * IMPORT_TOO_MANY_ROWS, any other limit 413 IMPORT_TOO_LARGE, a bad file INVALID_FILE with a reason in the request's
 * language (what the zip or XML reader said is logged, not sent).
 */
export async function readSheet(buf: Buffer, opts: ReadOptions): Promise<SheetRow[]> {
  const budget = new ReadBudget({ ...IMPORT_LIMITS, ...opts.limits });
  let archive: XlsxArchive | undefined;
  // The limits are checked at every chunk; the timer covers a parser left waiting on a part that never ends.
  const timer = setTimeout(() => archive?.abort(budget.expire()), budget.limits.seconds * 1000);
  try {
    archive = await openXlsx(buf, budget);
    const sheet = await firstWorksheetRows(await exceljs(), archive, budget);
    if (!sheet) throw fileError(opts.locale, 'empty');
    return await readRows(sheet, opts);
  } catch (e) {
    throw importError(e, opts.locale, uploadLoggers.get(buf));
  } finally {
    clearTimeout(timer);
    archive?.close();
  }
}

type ReadOptions = { columns: ExcelColumn[]; locale: Locale; maxRows?: number; limits?: Partial<ImportLimits> };

/** Every way a read can fail, as the AppError the client gets. */
function importError(e: unknown, locale: Locale, log: FastifyBaseLogger | undefined): AppError {
  if (isAppError(e)) return e;
  if (e instanceof ImportLimitError) {
    log?.info({ limit: e.limit, max: e.max }, 'import file over a limit');
    return new AppError(
      'IMPORT_TOO_LARGE',
      { reason: format(LIMIT_REASONS[locale][e.limit], { max: e.max }) },
      { limit: e.limit, max: e.max },
    );
  }
  const problem = e instanceof XlsxProblem ? e.problem : 'damaged';
  if (problem === 'damaged') log?.warn({ err: e instanceof XlsxProblem ? e.cause : e }, 'import file unreadable');
  return fileError(locale, problem);
}

async function readRows(sheet: AsyncIterable<ExcelJS.Row>, opts: ReadOptions): Promise<SheetRow[]> {
  const max = opts.maxRows ?? MAX_IMPORT_ROWS;
  let positions: Map<string, number> | null = null;
  const rows: SheetRow[] = [];
  for await (const row of sheet) {
    const values = (row.values as ExcelJS.CellValue[]).map(toCell);
    if (!values.some((v) => v !== null && String(v).trim() !== '')) continue;
    if (!positions) {
      positions = matchHeader(values, opts.columns, opts.locale);
      continue;
    }
    if (rows.length === max) throw new AppError('IMPORT_TOO_MANY_ROWS', { max }, { limit: 'rows', max });
    const cells: Record<string, Cell> = {};
    for (const [key, i] of positions) cells[key] = values[i] ?? null;
    rows.push({ row: row.number, cells });
  }
  if (!positions) throw fileError(opts.locale, 'empty');
  if (!rows.length) throw fileError(opts.locale, 'no_rows');
  return rows;
}

/** A cell as trimmed text; numbers as Excel shows them, dates as YYYY-MM-DD. */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return isoDay(c);
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  return String(c).trim();
}

/** exceljs hands dates over as UTC midnight of the day shown in the cell. */
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A date cell as YYYY-MM-DD, undefined when empty, null when unreadable. Accepts real date cells, Excel serial
 * numbers (when the styles were not read yet), 1990-01-02, 1990/1/2, 1990.1.2, 19900102 and 1990年1月2日.
 */
export function cellDate(c: Cell): string | null | undefined {
  if (c === null || (typeof c === 'string' && !c.trim())) return undefined;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : isoDay(c);
  // Serial day numbers below 100000 reach the year 2173; larger numbers are read as 19900102.
  if (typeof c === 'number' && Number.isInteger(c) && c > 0 && c < 100_000) {
    return isoDay(new Date(Date.UTC(1899, 11, 30) + c * 86_400_000));
  }
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(cellText(c));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return isoDay(date);
}

export { buildTemplate, type TemplateSpec } from './template.js';

export interface RowError {
  row: number;
  /** The column title as the header of the file shows it. */
  column: string;
  reason: string;
}

export const MAX_LISTED_ERRORS = 1000;

/**
 * Row errors of one import, gathered over several passes (cell checks, duplicates, database look-ups) and listed
 * in sheet order; only the first 1,000 are listed, all are counted.
 */
export class RowErrors {
  private readonly byRow = new Map<number, (RowError & { at: number })[]>();
  private readonly titles: Map<string, { title: string; at: number }>;
  count = 0;

  constructor(columns: ExcelColumn[]) {
    this.titles = new Map(columns.map((c, at) => [c.key, { title: c.title, at }]));
  }

  add(row: number, key: string, reason: string): void {
    const col = this.titles.get(key) ?? { title: key, at: this.titles.size };
    const list = this.byRow.get(row) ?? [];
    list.push({ row, column: col.title, reason, at: col.at });
    this.byRow.set(row, list);
    this.count++;
  }

  has(row: number): boolean {
    return this.byRow.has(row);
  }

  list(): RowError[] {
    const out: RowError[] = [];
    for (const row of [...this.byRow.keys()].sort((a, b) => a - b)) {
      for (const { at: _, ...e } of this.byRow.get(row)!.sort((a, b) => a.at - b.at)) {
        if (out.length === MAX_LISTED_ERRORS) return out;
        out.push(e);
      }
    }
    return out;
  }
}

export interface ExportColumn<T> {
  title: string;
  width?: number;
  value: (row: T) => string | number | null;
}

/**
 * Streams a one-sheet workbook into `out`, committing each row as it is written so memory stays flat however
 * many rows there are. Text cells are stored inline rather than in a shared-string table held until the end.
 */
export async function writeSheetStream<T>(
  out: Writable,
  spec: { sheetName: string; columns: ExportColumn<T>[]; batches: AsyncIterable<T[]> },
): Promise<void> {
  const wb = new (await exceljs()).stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c.title, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const batch of spec.batches) {
    for (const r of batch) ws.addRow(spec.columns.map((c) => c.value(r))).commit();
  }
  ws.commit();
  await wb.commit();
}

/** A county day as it appears in export file names: 20260320. */
export const fileDay = (now: Date) => localDayOf(now).replaceAll('-', '');

/** attachment; filename="ascii"; filename*=UTF-8''… (RFC 6266 / 5987) so browsers keep the Chinese name. */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback.replace(/["\\]/g, '')}"; filename*=UTF-8''${encoded}`;
}

/**
 * The uploaded workbook of a multipart/form-data request, from the form field `file`. Anything but multipart is
 * 415; no file is 400; a file over the upload limit is 413 (raised by @fastify/multipart while buffering).
 */
export async function receiveUpload(req: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const part = await req.file();
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw fileError(req.locale, 'no_file');
  }
  const buffer = await part.toBuffer();
  uploadLoggers.set(buffer, req.log);
  return { buffer, fileName: part.filename };
}

/**
 * The request log of each upload, so that readSheet, called by a module's service with the bytes alone, can log why
 * a file was refused (the reader's own words stay out of the response). Weak: an upload's entry goes with it.
 */
const uploadLoggers = new WeakMap<Buffer, FastifyBaseLogger>();

export interface Download {
  fileName: string;
  /** Sent in filename="…" for clients that ignore filename*. */
  asciiName: string;
  body: Buffer | ((out: Writable) => Promise<void>);
  headers?: Record<string, string>;
  /** The content type; a workbook when absent (a CSV export says text/csv). */
  mime?: string;
}

/** Sends a workbook as an attachment; a streamed body is written while the response goes out. */
export function sendWorkbook(req: FastifyRequest, reply: FastifyReply, d: Download): FastifyReply {
  reply.header('content-disposition', contentDisposition(d.fileName, d.asciiName)).type(d.mime ?? XLSX_MIME);
  for (const [k, v] of Object.entries(d.headers ?? {})) reply.header(k, v);
  if (Buffer.isBuffer(d.body)) return reply.send(d.body);
  const out = new PassThrough();
  d.body(out).catch((err: unknown) => {
    // The status line is gone by now: all that is left is to cut the download short and log why.
    req.log.error({ err }, 'workbook stream failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply.send(out);
}

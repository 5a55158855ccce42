import type { Writable } from 'node:stream';
import { type AuditEntry, recordAudit } from '../audit.js';
import type { Db } from '../db.js';
import { CSV_MIME, writeCsvStream } from './csv.js';
import { type Download, type ExportColumn, MAX_EXPORT_ROWS, writeSheetStream } from './excel.js';

/** One batch holding every row, for an export that reads its rows in one query. */
export async function* allAtOnce<T>(rows: T[]): AsyncIterable<T[]> {
  yield rows;
}

/** Rows fetched per query while a large export streams. */
const EXPORT_BATCH = 2000;

/** The ids of an export's id query, read with a limit of one over the cap: the extra one says the list was cut. */
function capIds(rows: readonly { id: string }[]): { ids: string[]; truncated: boolean } {
  return { ids: rows.slice(0, MAX_EXPORT_ROWS).map((r) => r.id), truncated: rows.length > MAX_EXPORT_ROWS };
}

/**
 * The rows of these ids in their order, EXPORT_BATCH per query while the file streams, so neither the database nor
 * memory holds the whole download; a row deleted since the ids were read is left out.
 */
async function* batchesByIds<R extends { id: string }, V>(
  ids: readonly string[],
  load: (chunk: string[]) => Promise<R[]>,
  present: (row: R) => V,
): AsyncIterable<V[]> {
  for (let i = 0; i < ids.length; i += EXPORT_BATCH) {
    const chunk = ids.slice(i, i + EXPORT_BATCH);
    const byId = new Map((await load(chunk)).map((r) => [r.id, r]));
    yield chunk.flatMap((id) => {
      const r = byId.get(id);
      return r ? [present(r)] : [];
    });
  }
}

/** What an audited export says about itself: who, the audit action, the filter, the file and its columns. */
interface ExportSpec<T> {
  actor: AuditEntry['actor'];
  action: string;
  entityType: string;
  filter: unknown;
  rows: number;
  truncated: boolean;
  fileName: string;
  asciiName: string;
  sheetName: string;
  columns: ExportColumn<T>[];
  batches: () => AsyncIterable<T[]>;
  /** xlsx (the default) or csv: the same rows; a CSV's file names end in .csv instead of .xlsx. */
  format?: ExportFormat;
}

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
const asCsvName = (name: string) => name.replace(/\.xlsx$/, '') + '.csv';

/**
 * A list's Excel export: first its audit row (the filter, how many rows, whether the cap cut the list short), then
 * the download, one sheet streamed while the response goes out, whose x-export-rows and x-export-truncated headers
 * tell the web how many rows came and whether there were more. `batches` is called when the body is written.
 */
export async function auditedExport<T>(db: Db, spec: ExportSpec<T>): Promise<Download> {
  const { rows, truncated } = spec;
  await recordAudit(db, {
    actor: spec.actor,
    action: spec.action,
    entityType: spec.entityType,
    after: { filter: spec.filter, rows, truncated, format: spec.format ?? 'xlsx' },
  });
  const headers = { 'x-export-rows': String(rows), 'x-export-truncated': String(truncated) };
  if (spec.format === 'csv')
    return {
      fileName: asCsvName(spec.fileName),
      asciiName: asCsvName(spec.asciiName),
      headers,
      mime: CSV_MIME,
      body: (out: Writable) => writeCsvStream(out, { columns: spec.columns, batches: spec.batches() }),
    };
  return {
    fileName: spec.fileName,
    asciiName: spec.asciiName,
    headers,
    body: (out: Writable) =>
      writeSheetStream(out, { sheetName: spec.sheetName, columns: spec.columns, batches: spec.batches() }),
  };
}

/**
 * An export of a list too long to read at once (people, Party members): `idRows` are the list's ids in its order,
 * read with a limit of MAX_EXPORT_ROWS + 1; the rows are loaded EXPORT_BATCH ids at a time while the file streams.
 */
export function auditedExportByIds<R extends { id: string }, T>(
  db: Db,
  spec: Omit<ExportSpec<T>, 'rows' | 'truncated' | 'batches'> & {
    idRows: readonly { id: string }[];
    load: (chunk: string[]) => Promise<R[]>;
    present: (row: R) => T;
  },
): Promise<Download> {
  const { idRows, load, present, ...rest } = spec;
  const { ids, truncated } = capIds(idRows);
  return auditedExport(db, { ...rest, rows: ids.length, truncated, batches: () => batchesByIds(ids, load, present) });
}

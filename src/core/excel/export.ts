import type { Writable } from 'node:stream';
import { type AuditEntry, recordAudit } from '../audit.js';
import type { Db } from '../db.js';
import { type Download, type ExportColumn, writeSheetStream } from './excel.js';

/** One batch holding every row, for an export that reads its rows in one query. */
export async function* allAtOnce<T>(rows: T[]): AsyncIterable<T[]> {
  yield rows;
}

/**
 * A list's Excel export: first its audit row (the filter, how many rows, whether the cap cut the list short), then
 * the download, one sheet streamed while the response goes out, whose x-export-rows and x-export-truncated headers
 * tell the web how many rows came and whether there were more. `batches` is called when the body is written.
 */
export async function auditedExport<T>(
  db: Db,
  spec: {
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
  },
): Promise<Download> {
  const { rows, truncated } = spec;
  await recordAudit(db, {
    actor: spec.actor,
    action: spec.action,
    entityType: spec.entityType,
    after: { filter: spec.filter, rows, truncated },
  });
  return {
    fileName: spec.fileName,
    asciiName: spec.asciiName,
    headers: { 'x-export-rows': String(rows), 'x-export-truncated': String(truncated) },
    body: (out: Writable) =>
      writeSheetStream(out, { sheetName: spec.sheetName, columns: spec.columns, batches: spec.batches() }),
  };
}

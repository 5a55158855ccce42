import type { Writable } from 'node:stream';
import type { ExportColumn } from './excel.js';

/*
 * CSV downloads of the same lists as the Excel exports: UTF-8 with a byte-order mark (so Excel opens Chinese text
 * right), CRLF line ends and RFC 4180 quoting. A text cell that a spreadsheet would read as a formula (= + - @, tab,
 * carriage return) gets a leading apostrophe, so a resident's text can never run as one (CSV injection).
 */

export const CSV_MIME = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';

function cell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Writes the header and each batch's rows as they come, waiting when `out` is full. */
export async function writeCsvStream<T>(
  out: Writable,
  spec: { columns: ExportColumn<T>[]; batches: AsyncIterable<T[]> },
): Promise<void> {
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(text)) resolve();
      else {
        out.once('drain', resolve);
        out.once('error', reject);
      }
    });
  await write(`${BOM}${spec.columns.map((c) => cell(c.title)).join(',')}\r\n`);
  for await (const batch of spec.batches) {
    if (batch.length)
      await write(batch.map((r) => `${spec.columns.map((c) => cell(c.value(r))).join(',')}\r\n`).join(''));
  }
  out.end();
}

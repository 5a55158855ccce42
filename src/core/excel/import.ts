import type { Actor } from '../auth/actor.js';
import type { ImportReport } from '../contracts.js';
import type { Db } from '../db.js';
import { type Cell, cellText, format, type RowErrors, type SheetRow } from './excel.js';
import type { Locale } from '../i18n.js';

/**
 * What every Excel import shares once the sheet is read (excel.ts): the options a route passes, the row-error reasons
 * any column may have, reading a cell as text, and the rule for when the valid rows are written. The checks of a
 * domain's columns, and what a row becomes, stay in its module.
 */
export interface ImportOptions {
  db: Db;
  actor: Actor;
  file: Buffer;
  fileName: string;
  /** all_or_nothing: one bad row rejects the file; partial: valid rows go in, bad rows are reported. */
  mode: 'partial' | 'all_or_nothing';
  dryRun: boolean;
  locale: Locale;
}

export const IMPORT_REASONS = {
  'zh-CN': {
    required: '必填',
    too_long: '不能超过 {max} 个字',
    date: '无法识别的日期，请填写如 1990-01-02',
  },
  en: {
    required: 'required',
    too_long: 'at most {max} characters',
    date: 'not a date; write it like 1990-01-02',
  },
} as const;
export type ImportReason = keyof (typeof IMPORT_REASONS)['zh-CN'];

/** A row-error message any import may give, in the request's language. */
export const importReason = (locale: Locale, r: ImportReason, params?: Record<string, string | number>) =>
  format(IMPORT_REASONS[locale][r], params);

/** A cell of a row as trimmed text; '' when the column is absent or the cell empty. */
export const textOf = (r: SheetRow, key: string) => cellString(r.cells[key]);
export const cellString = (c: Cell | undefined) => (c === undefined ? '' : cellText(c));

/** A free-text cell of at most `max` characters (longer is a row error); null when empty. */
export function boundedText(errors: RowErrors, locale: Locale, r: SheetRow, key: string, max: number): string | null {
  const v = textOf(r, key);
  if (v.length > max) errors.add(r.row, key, importReason(locale, 'too_long', { max }));
  return v || null;
}

/** A validated file: how many rows it had, the errors found, and how many valid rows update existing records. */
export interface ImportPlan {
  totalRows: number;
  errors: RowErrors;
  validRows: number;
  updates: number;
}

/**
 * The report of an import, writing the valid rows (one transaction, through `write`) unless this is a dry run, an
 * all-or-nothing import with errors, or there is nothing valid. A dry run reports what it would insert and update,
 * with committed: false.
 */
export async function applyImport(
  opts: ImportOptions,
  plan: ImportPlan,
  write: (tx: Db, counts: { inserted: number; updated: number }) => Promise<void>,
): Promise<ImportReport> {
  const { errors } = plan;
  const report = {
    totalRows: plan.totalRows,
    validRows: plan.validRows,
    errors: errors.list(),
    errorCount: errors.count,
  };
  if (opts.mode === 'all_or_nothing' && errors.count) return { ...report, inserted: 0, updated: 0, committed: false };
  const counts = { inserted: plan.validRows - plan.updates, updated: plan.updates };
  if (opts.dryRun || !plan.validRows) return { ...report, ...counts, committed: false };
  await opts.db.transaction((tx) => write(tx, counts));
  return { ...report, ...counts, committed: true };
}

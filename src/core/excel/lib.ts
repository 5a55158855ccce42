import type ExcelJS from 'exceljs';

/** exceljs takes ~0.25 s to load: only imports and exports pay for it, not every server start. */
export async function exceljs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

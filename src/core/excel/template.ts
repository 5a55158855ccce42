import type ExcelJS from 'exceljs';
import type { ExcelColumn } from './columns.js';
import { exceljs } from './lib.js';

/** Rows of the template that carry drop-downs and text formats. */
const TEMPLATE_ROWS = 5000;

export interface TemplateSpec {
  sheetName: string;
  columns: ExcelColumn[];
  /** Drop-down values per column key, written to a hidden sheet (Excel limits inline lists to 255 characters). */
  lists?: Record<string, string[]>;
  /** Extra reference tables for the notes sheet, e.g. grid codes with their names. */
  references?: { title: string; header: string[]; rows: string[][] }[];
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

/**
 * The import template: a data sheet whose first row holds the column titles (required ones in red, each with a
 * comment), drop-downs and text formats on the rows below; a notes sheet with an example row and one line per
 * column; a hidden sheet with the drop-down values. The example sits on the notes sheet so that it is never
 * imported by accident.
 */
export async function buildTemplate(spec: TemplateSpec): Promise<Buffer> {
  const wb = new (await exceljs()).Workbook();
  const data = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = spec.columns.map((c) => ({ key: c.key, width: c.width ?? 14, style: c.text ? { numFmt: '@' } : {} }));
  const header = data.getRow(1);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.title;
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = HEADER_FILL;
    if (c.note) cell.note = `${c.required ? '必填。' : ''}${c.note}`;
  });
  addNotesSheet(wb, spec);
  addDropDowns(wb, data, spec);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** exceljs supports range validations at run time but leaves them out of its type definitions. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function addDropDowns(wb: ExcelJS.Workbook, data: ExcelJS.Worksheet, spec: TemplateSpec): void {
  const lists = Object.entries(spec.lists ?? {}).filter(([, values]) => values.length);
  if (!lists.length) return;
  const sheet = wb.addWorksheet('下拉选项', { state: 'hidden' });
  lists.forEach(([key, values], i) => {
    const col = sheet.getColumn(i + 1);
    col.values = [key, ...values];
    const letter = col.letter;
    const dataCol = data.getColumn(key);
    (data as unknown as RangeValidations).dataValidations.add(
      `${dataCol.letter}2:${dataCol.letter}${TEMPLATE_ROWS + 1}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`'下拉选项'!$${letter}$2:$${letter}$${values.length + 1}`],
        // A warning, not a stop: the importer checks every value anyway, and lists may be longer than what fits.
        showErrorMessage: true,
        errorStyle: 'warning',
        error: '请从下拉列表中选择',
      },
    );
  });
}

function addNotesSheet(wb: ExcelJS.Workbook, spec: TemplateSpec): void {
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [{ width: 16 }, { width: 16 }, { width: 10 }, { width: 60 }, { width: 24 }];
  notes.addRow([`填写示例（请在“${spec.sheetName}”工作表中从第 2 行起填写，不要修改第 1 行的列名）`]).font = {
    bold: true,
  };
  notes.addRow(spec.columns.map((c) => c.title)).font = { bold: true };
  notes.addRow(spec.columns.map((c) => c.example ?? ''));
  notes.addRow([]);
  notes.addRow(['列名', '字段', '必填', '说明', '示例']).font = { bold: true };
  for (const c of spec.columns) notes.addRow([c.title, c.key, c.required ? '是' : '', c.note ?? '', c.example ?? '']);
  for (const ref of spec.references ?? []) {
    notes.addRow([]);
    notes.addRow([ref.title]).font = { bold: true };
    notes.addRow(ref.header).font = { bold: true };
    for (const r of ref.rows) notes.addRow(r);
  }
}

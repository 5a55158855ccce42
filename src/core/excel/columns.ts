/**
 * The column definition every Excel feature is driven by: the same list builds the template, checks the header of an
 * upload and names the columns in row errors. Its own file so that the reader (excel.ts) and the template writer
 * (template.ts) share it without importing each other.
 */
export interface ExcelColumn {
  key: string;
  /** The Chinese header users see; an upload may use this or the key. */
  title: string;
  required?: boolean;
  width?: number;
  /** Shown on the notes sheet and as a comment on the header cell. */
  note?: string;
  example?: string;
  /** Excel would turn 18-digit ID numbers into 3.5E+17 and drop leading zeros: such columns are formatted as text. */
  text?: boolean;
}

/** The columns with some examples replaced (e.g. by a grid the actor manages, so the example row imports as is). */
export function withExamples(columns: ExcelColumn[], examples: Record<string, string | undefined>): ExcelColumn[] {
  return columns.map((c) => (examples[c.key] ? { ...c, example: examples[c.key] } : c));
}

/**
 * The hard limits of reading an uploaded workbook, checked while the parts stream in, never after a part has been
 * held whole. A 725 KB upload can unpack to gigabytes (5,000,000 one-cell rows); every limit below stops such a file
 * within seconds and a few megabytes of memory, while the largest import we accept (100,000 rows of about ten columns,
 * ~35 MB of sheet XML and ~10 MB of shared strings, deflated 7–10×) stays well inside each of them.
 */
export interface ImportLimits {
  /** Row elements of the sheet, blank ones included (the data-row cap is readSheet's maxRows). */
  sheetRows: number;
  /** Cell slots exceljs allocates, summed over rows: a row reaching column XFD counts 16,384. */
  cells: number;
  /** Entries of the shared-strings table. */
  sharedStrings: number;
  /** Unpacked bytes of xl/sharedStrings.xml; bounds the table kept in memory and every single string. */
  sharedStringBytes: number;
  /** Unpacked bytes of the worksheet. */
  partBytes: number;
  /**
   * Unpacked bytes of each of the workbook, its relations and the styles, which exceljs keeps as objects (Excel itself
   * stops at 64,000 cell formats, ~10 MB of styles).
   */
  metadataBytes: number;
  /** Unpacked bytes of all parts read. */
  totalBytes: number;
  /** Unpacked ÷ compressed size of a part, checked once the part has unpacked `ratioFloorBytes`. */
  ratio: number;
  ratioFloorBytes: number;
  /** Characters between two '<' of the XML: one tag or one text node (Excel caps a cell at 32,767 characters). */
  textLength: number;
  /** Comments and processing instructions, which Excel never writes and which split a text node into many pieces. */
  xmlOddities: number;
  /** Entries of the zip's central directory. */
  entries: number;
  /** Wall time of the whole read. */
  seconds: number;
}

const MB = 1024 * 1024;

export const IMPORT_LIMITS: ImportLimits = {
  sheetRows: 250_000,
  cells: 4_000_000,
  sharedStrings: 1_000_000,
  sharedStringBytes: 64 * MB,
  partBytes: 256 * MB,
  metadataBytes: 16 * MB,
  totalBytes: 300 * MB,
  ratio: 100,
  ratioFloorBytes: 8 * MB,
  textLength: 1 * MB,
  xmlOddities: 1000,
  entries: 10_000,
  seconds: 30,
};

export type ImportLimit = keyof Omit<ImportLimits, 'ratioFloorBytes'>;

/** A limit was hit; `max` is the limit in the unit users read (megabytes for byte limits). */
export class ImportLimitError extends Error {
  constructor(
    readonly limit: ImportLimit,
    readonly max: number,
  ) {
    super(`import limit ${limit} (${max}) exceeded`);
    this.name = 'ImportLimitError';
  }
}

const BYTE_LIMITS: ReadonlySet<ImportLimit> = new Set([
  'sharedStringBytes',
  'partBytes',
  'metadataBytes',
  'totalBytes',
]);

export function limitError(limits: ImportLimits, limit: ImportLimit): ImportLimitError {
  const value = limits[limit];
  return new ImportLimitError(limit, BYTE_LIMITS.has(limit) ? Math.round(value / MB) : value);
}

/**
 * What one read has used so far, shared by every part it opens: unpacked bytes and the deadline. `abort` is set by
 * the deadline timer and seen by the part being read at its next chunk.
 */
export class ReadBudget {
  totalBytes = 0;
  private readonly deadline: number;
  aborted: ImportLimitError | null = null;

  constructor(readonly limits: ImportLimits) {
    this.deadline = performance.now() + limits.seconds * 1000;
  }

  /** Throws once the deadline has passed or the timer has aborted the read. */
  check(): void {
    if (this.aborted) throw this.aborted;
    if (performance.now() > this.deadline) throw this.expire();
  }

  /** Called by the deadline timer: the read in progress fails at its next step. */
  expire(): ImportLimitError {
    return (this.aborted ??= limitError(this.limits, 'seconds'));
  }

  fail(limit: ImportLimit): never {
    throw limitError(this.limits, limit);
  }
}

/** The reason of an IMPORT_TOO_LARGE message, per limit; {max} in the unit of `ImportLimitError.max`. */
export const LIMIT_REASONS: Record<'zh-CN' | 'en', Record<ImportLimit, string>> = {
  'zh-CN': {
    sheetRows: '工作表超过 {max} 行（含空行）',
    cells: '单元格超过 {max} 个',
    sharedStrings: '不重复的文字超过 {max} 条',
    sharedStringBytes: '文字表解压后超过 {max} MB',
    partBytes: '工作表解压后超过 {max} MB',
    metadataBytes: '工作簿、关系或样式部分解压后超过 {max} MB',
    totalBytes: '解压后的内容超过 {max} MB',
    ratio: '压缩比超过 {max} 倍',
    textLength: '单个单元格或标记超过 {max} 个字符',
    xmlOddities: 'XML 注释或处理指令超过 {max} 个',
    entries: '压缩包中的文件超过 {max} 个',
    seconds: '读取超过 {max} 秒',
  },
  en: {
    sheetRows: 'the sheet has more than {max} rows (blank ones included)',
    cells: 'more than {max} cells',
    sharedStrings: 'more than {max} distinct texts',
    sharedStringBytes: 'the text table unpacks to more than {max} MB',
    partBytes: 'the sheet unpacks to more than {max} MB',
    metadataBytes: 'the workbook, relations or styles part unpacks to more than {max} MB',
    totalBytes: 'the content unpacks to more than {max} MB',
    ratio: 'a part is compressed more than {max} times',
    textLength: 'a cell or tag is longer than {max} characters',
    xmlOddities: 'more than {max} XML comments or processing instructions',
    entries: 'the archive holds more than {max} files',
    seconds: 'reading took more than {max} seconds',
  },
};

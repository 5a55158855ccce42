import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { ImportLimitError, type ImportLimit, type ReadBudget } from './limits.js';

/**
 * The zip container of an .xlsx, read with yauzl by its central directory: parts are unpacked lazily, one at a time,
 * in the order the caller asks for them (exceljs needs the workbook before a worksheet, exceljs#3064), and each is
 * counted while it streams: unpacked bytes per part and in total, the ratio to its compressed size, the deadline, and
 * the XML's longest token. The sizes in the headers only give an early answer; yauzl also fails a part that unpacks
 * to more than its header says, and the CRC is checked at the end of each part, so a flipped byte is "damaged".
 */
export type ZipProblem = 'not_xlsx' | 'xls' | 'damaged' | 'not_workbook';

/** The archive is not an intact workbook; `cause` is what the zip or XML reader said (logged, never sent). */
export class XlsxProblem extends Error {
  constructor(
    readonly problem: ZipProblem,
    cause?: unknown,
  ) {
    super(`xlsx ${problem}`, { cause });
    this.name = 'XlsxProblem';
  }
}

export const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';
export const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** Chunks handed to the XML parser: exceljs gathers one chunk's rows before yielding any, so chunks stay small. */
const CHUNK_BYTES = 64 * 1024;
const OLE_SIGNATURE = 0xd0cf11e0;
const LOCAL_HEADER = 0x04034b50;

export class XlsxArchive {
  private readonly open = new Set<Readable>();

  constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly budget: ReadBudget,
  ) {}

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A part as a stream of text chunks; it fails with ImportLimitError or XlsxProblem as soon as a check does. */
  part(name: string): Readable {
    const stream = Readable.from(this.text(name), { objectMode: true, highWaterMark: 2 });
    this.open.add(stream);
    stream.once('close', () => this.open.delete(stream));
    // Its consumer hears the error through its own listener; a part destroyed by abort() after its consumer gave up
    // must not take the process down as an unhandled 'error' event.
    stream.on('error', () => undefined);
    return stream;
  }

  /** Stops the part being read, e.g. when the deadline passes while a parser waits. */
  abort(err: Error): void {
    for (const s of this.open) s.destroy(err);
  }

  close(): void {
    for (const s of this.open) s.destroy();
    this.zip.close();
  }

  private async *text(name: string): AsyncGenerator<string> {
    const entry = this.entries.get(name);
    if (!entry) return;
    const { limits } = this.budget;
    const limit: ImportLimit =
      name === SHARED_STRINGS_PART ? 'sharedStringBytes' : SHEET_PART.test(name) ? 'partBytes' : 'metadataBytes';
    if (entry.uncompressedSize > limits[limit]) this.budget.fail(limit);
    if (this.budget.totalBytes + entry.uncompressedSize > limits.totalBytes) this.budget.fail('totalBytes');
    const raw = await this.zip.openReadStreamPromise(entry).catch((e: unknown) => {
      throw new XlsxProblem('damaged', e);
    });
    const decoder = new StringDecoder('utf8');
    const xml = new XmlGuard(this.budget);
    let bytes = 0;
    let crc = 0;
    try {
      for await (const chunk of raw as AsyncIterable<Buffer>) {
        for (let at = 0; at < chunk.length; at += CHUNK_BYTES) {
          const piece = chunk.subarray(at, at + CHUNK_BYTES);
          this.budget.check();
          bytes += piece.length;
          this.budget.totalBytes += piece.length;
          if (bytes > limits[limit]) this.budget.fail(limit);
          if (this.budget.totalBytes > limits.totalBytes) this.budget.fail('totalBytes');
          if (bytes > limits.ratioFloorBytes && bytes > entry.compressedSize * limits.ratio) this.budget.fail('ratio');
          crc = crc32(piece, crc);
          const text = decoder.write(piece);
          xml.check(text);
          if (text) yield text;
        }
      }
    } catch (e) {
      throw e instanceof ImportLimitError || e instanceof XlsxProblem ? e : new XlsxProblem('damaged', e);
    } finally {
      raw.destroy();
    }
    const rest = decoder.end();
    if (rest) yield rest;
    if (crc !== entry.crc32) throw new XlsxProblem('damaged', new Error(`CRC mismatch in ${name}`));
  }
}

/**
 * Checks of the XML text that bound what a parser accumulates: no tag or text node longer than `textLength`
 * characters (else one cell could hold the whole part), and few comments or processing instructions (each splits a
 * cell's text into another piece that exceljs concatenates, millions of them make a rope of gigabytes).
 */
class XmlGuard {
  private gap = 0;
  private oddities = 0;
  private tail = '';

  constructor(private readonly budget: ReadBudget) {}

  check(text: string): void {
    const { limits } = this.budget;
    // Within one chunk a gap is shorter than the chunk; only the run across chunk borders needs counting.
    const first = text.indexOf('<');
    if (first < 0) this.gap += text.length;
    else {
      if (this.gap + first > limits.textLength) this.budget.fail('textLength');
      this.gap = text.length - 1 - text.lastIndexOf('<');
    }
    if (this.gap > limits.textLength) this.budget.fail('textLength');
    // Each needle is looked for in the text with the last (length − 1) characters before it, so none is counted twice.
    const seen = this.tail + text;
    this.oddities += occurrences(seen, '<!--') + occurrences(seen.slice(-text.length - 1), '<?');
    if (this.oddities > limits.xmlOddities) this.budget.fail('xmlOddities');
    this.tail = seen.slice(-3);
  }
}

function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/**
 * Opens an upload as an .xlsx archive: its central directory is read (entries only, nothing unpacked) and must name
 * a workbook and at least one worksheet.
 */
export async function openXlsx(buf: Buffer, budget: ReadBudget): Promise<XlsxArchive> {
  if (buf.length >= 8 && buf.readUInt32BE(0) === OLE_SIGNATURE) throw new XlsxProblem('xls');
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL_HEADER) throw new XlsxProblem('not_xlsx');
  const zip = await yauzl
    .fromBufferPromise(buf, { lazyEntries: true, autoClose: false, validateEntrySizes: true })
    .catch((e: unknown) => {
      throw new XlsxProblem('damaged', e);
    });
  try {
    if (zip.entryCount > budget.limits.entries) budget.fail('entries');
    const entries = new Map<string, yauzl.Entry>();
    try {
      for await (const entry of zip.eachEntry()) if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
    } catch (e) {
      throw new XlsxProblem('damaged', e);
    }
    const names = [...entries.keys()];
    if (!entries.has('xl/workbook.xml') || !names.some((n) => SHEET_PART.test(n)))
      throw new XlsxProblem('not_workbook');
    return new XlsxArchive(zip, entries, budget);
  } catch (e) {
    zip.close();
    throw e;
  }
}

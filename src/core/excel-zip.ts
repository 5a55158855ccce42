import { crc32, inflateRawSync } from 'node:zlib';

/**
 * The zip container of an .xlsx, checked before exceljs reads it. exceljs's streaming reader waits forever on an
 * empty input and on many damaged archives (a flipped byte in a compressed sheet is enough), and quietly finds no
 * sheet in a zip that is not a workbook. Verifying every entry's size and CRC here turns all of those into a
 * prompt, specific answer; what remains for exceljs is an intact archive.
 */
export type ZipProblem = 'not_xlsx' | 'xls' | 'damaged' | 'not_workbook' | 'unzipped_too_large';

/** A 20 MB upload can inflate to gigabytes; 100,000 rows of a wide sheet need about a tenth of this. */
export const MAX_UNZIPPED_BYTES = 300 * 1024 * 1024;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

interface Entry { name: string; method: number; crc: number; compressedSize: number; size: number; localOffset: number }

function readDirectory(buf: Buffer): Entry[] | ZipProblem {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL_HEADER) return 'not_xlsx';
  const eocd = buf.lastIndexOf(END_OF_DIRECTORY);
  if (eocd < 0 || eocd + 22 > buf.length) return 'damaged';
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_HEADER) return 'damaged';
    const nameLength = buf.readUInt16LE(p + 28);
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLength), method: buf.readUInt16LE(p + 10), crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20), size: buf.readUInt32LE(p + 24), localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** Inflates one entry (stored or deflated) and checks it against the directory's size and CRC; null if it fails. */
function inflateEntry(buf: Buffer, e: Entry): Buffer | null {
  const h = e.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOCAL_HEADER) return null;
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  if (start + e.compressedSize > buf.length) return null;
  const raw = buf.subarray(start, start + e.compressedSize);
  let data: Buffer;
  try {
    if (e.method === 0) data = raw;
    else if (e.method === 8) data = e.size ? inflateRawSync(raw, { maxOutputLength: e.size }) : Buffer.alloc(0);
    else return null;
  } catch {
    return null;
  }
  return data.length === e.size && crc32(data) === e.crc ? data : null;
}

/**
 * Every part of an archive that checkXlsxArchive passed, inflated and keyed by name. exceljs's streaming reader takes
 * the parts in stored order from one streaming pass and now and then parses a worksheet before the workbook part
 * (exceljs#3064: "Cannot read properties of undefined (reading 'sheets')", or no rows); reading by the central
 * directory lets the caller give it the parts in the order it needs.
 */
export function inflateParts(buf: Buffer): Map<string, Buffer> {
  const entries = readDirectory(buf);
  const parts = new Map<string, Buffer>();
  if (typeof entries === 'string') return parts;
  for (const e of entries) {
    const data = inflateEntry(buf, e);
    if (data) parts.set(e.name, data);
  }
  return parts;
}

/** null when the bytes are an intact .xlsx archive with a workbook and at least one worksheet. */
export function checkXlsxArchive(buf: Buffer): ZipProblem | null {
  const entries = readDirectory(buf);
  if (typeof entries === 'string') return entries;
  const names = entries.map((e) => e.name);
  if (!names.includes('xl/workbook.xml') || !names.some((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) return 'not_workbook';
  if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_UNZIPPED_BYTES) return 'unzipped_too_large';
  return entries.every((e) => inflateEntry(buf, e) !== null) ? null : 'damaged';
}

import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * Hostile .xlsx files for the import limits, built by writing the zip by hand: the XML of a part is generated in
 * pieces and deflated as it goes, so a sheet of 5,000,000 rows (~200 MB of XML) becomes a small file without ever
 * being held whole. Used by src/core/excel/excel.test.ts, the import API tests and bench/import-bomb.ts.
 */
export interface ZipPart {
  name: string;
  body: string | Iterable<string>;
  /** What the headers claim the part unpacks to, instead of the truth. */
  declaredSize?: number;
  /** Store instead of deflating. */
  stored?: boolean;
}

interface Packed {
  name: Buffer;
  data: Buffer;
  size: number;
  crc: number;
  method: number;
  declaredSize?: number;
}

async function pack(part: ZipPart): Promise<Packed> {
  const pieces = typeof part.body === 'string' ? [part.body] : part.body;
  const out: Buffer[] = [];
  const deflate = part.stored ? null : createDeflateRaw({ level: 6 });
  deflate?.on('data', (c: Buffer) => out.push(c));
  let size = 0;
  let crc = 0;
  for (const piece of pieces) {
    const bytes = Buffer.from(piece, 'utf8');
    size += bytes.length;
    crc = crc32(bytes, crc);
    if (!deflate) out.push(bytes);
    else if (!deflate.write(bytes)) await once(deflate, 'drain');
  }
  if (deflate) {
    deflate.end();
    await once(deflate, 'end');
  }
  return {
    name: Buffer.from(part.name),
    data: Buffer.concat(out),
    size,
    crc,
    method: deflate ? 8 : 0,
    declaredSize: part.declaredSize,
  };
}

function header(signature: number, p: Packed, offset: number | null): Buffer {
  const central = offset !== null;
  const h = Buffer.alloc(central ? 46 : 30);
  let at = 0;
  const u32 = (v: number) => {
    h.writeUInt32LE(v >>> 0, at);
    at += 4;
  };
  const u16 = (v: number) => {
    h.writeUInt16LE(v, at);
    at += 2;
  };
  u32(signature);
  if (central) u16(20);
  u16(20);
  u16(0x0800);
  u16(p.method);
  u16(0);
  u16(0x21);
  u32(p.crc);
  u32(p.data.length);
  u32(p.declaredSize ?? p.size);
  u16(p.name.length);
  u16(0);
  if (central) {
    u16(0);
    u16(0);
    u16(0);
    u32(0);
    u32(offset);
  }
  return Buffer.concat([h, p.name]);
}

/** A zip archive of the given parts, in that order. */
export async function buildZip(parts: ZipPart[]): Promise<Buffer> {
  const packed = await Promise.all(parts.map(pack));
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const p of packed) {
    offsets.push(at);
    const local = header(0x04034b50, p, null);
    chunks.push(local, p.data);
    at += local.length + p.data.length;
  }
  const directory = Buffer.concat(packed.map((p, i) => header(0x02014b50, p, offsets[i])));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(packed.length, 8);
  end.writeUInt16LE(packed.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(at, 16);
  return Buffer.concat([...chunks, directory, end]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The cells of one header row, as inline strings. */
export function headerRow(titles: string[]): string {
  const cells = titles.map(
    (t, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${esc(t)}</t></is></c>`,
  );
  return `<row r="1">${cells.join('')}</row>`;
}

/** A worksheet part: the XML head, then each piece of sheetData in turn, then the tail. */
export function* sheetXml(...rows: Iterable<string>[]): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS} ${REL_NS}><sheetData>`;
  for (const piece of rows) yield* piece;
  yield '</sheetData></worksheet>';
}

/** `count` copies of `piece`, in batches of 10,000 (so the deflater gets few, large writes). */
export function* repeat(piece: string | ((i: number) => string), count: number): Generator<string> {
  const batch = 10_000;
  for (let start = 0; start < count; start += batch) {
    let s = '';
    for (let i = start; i < Math.min(count, start + batch); i++) s += typeof piece === 'string' ? piece : piece(i);
    yield s;
  }
}

/** A workbook of one sheet named 人员 from the given sheet part and extra parts (e.g. shared strings). */
export function workbookParts(sheet: Omit<ZipPart, 'name'>, extra: ZipPart[] = []): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      body: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: 'xl/workbook.xml',
      body: `<?xml version="1.0"?><workbook ${NS} ${REL_NS}><sheets><sheet name="人员" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      body:
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    ...extra,
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ];
}

/**
 * The probe's file: a header the import accepts, then `rows` one-cell rows (5,000,000 make 190 MB of XML). The rows
 * repeat one row number: numbered rows deflate to ~5 bytes each, over the 20 MB upload limit for 5,000,000 of them.
 * With `blank`, the rows hold no cell, so only the count of row elements can stop them.
 */
export function manyRowsBomb(titles: string[], rows = 5_000_000, blank = false): Promise<Buffer> {
  const row = blank ? '<row r="2"/>' : '<row r="2"><c r="A2"><v>1</v></c></row>';
  return buildZip(workbookParts({ body: sheetXml([headerRow(titles)], repeat(row, rows)) }));
}

/**
 * Shared strings of `count` one-letter strings (20,000,000 make ~340 MB), referenced by one cell; with `distinct`,
 * numbered strings that deflate only ~5 to 1, so that neither the part size nor the ratio stops them first.
 */
export function sharedStringsBomb(titles: string[], count = 20_000_000, distinct = false): Promise<Buffer> {
  const si = distinct ? (i: number) => `<si><t>s${i}</t></si>` : '<si><t>a</t></si>';
  const strings = {
    name: 'xl/sharedStrings.xml',
    body: chain([`<?xml version="1.0"?><sst ${NS}>`], repeat(si, count), ['</sst>']),
  };
  return buildZip(
    workbookParts({ body: sheetXml([headerRow(titles), '<row r="2"><c r="A2" t="s"><v>0</v></c></row>']) }, [strings]),
  );
}

/** A sheet whose headers say it unpacks to 1,000 bytes while it unpacks to ~40 MB. */
export function lyingSizeBomb(titles: string[]): Promise<Buffer> {
  return buildZip(
    workbookParts({ body: sheetXml([headerRow(titles)], repeat('<x/>', 10_000_000)), declaredSize: 1000 }),
  );
}

/** A sheet of 200 MB of empty elements, deflated ~1000 to 1; the headers tell the truth (under the part limit). */
export function highRatioBomb(titles: string[]): Promise<Buffer> {
  return buildZip(workbookParts({ body: sheetXml([headerRow(titles)], repeat('<x/>', 50_000_000)) }));
}

function* chain(...parts: Iterable<string>[]): Generator<string> {
  for (const p of parts) yield* p;
}

/** A multipart/form-data body with the workbook in the field `file`, for app.inject. */
export function xlsxForm(file: Buffer, filename = 'import.xlsx'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----lianjian${Math.random().toString(16).slice(2)}`;
  const mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

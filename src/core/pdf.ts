import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DynamicContent, TDocumentDefinitions, TDocumentInformation } from 'pdfmake/interfaces.js';

/**
 * PDF rendering shared by every printable record (evaluation records, 大党委 rosters …), laid out with pdfmake.
 * Chinese needs a CJK font embedded in the PDF (subset to the glyphs used): Debian's Noto Sans CJK when the machine
 * has fonts-noto-cjk, otherwise Noto Sans Hans (GB 2312 subset) from the npm package @embedpdf/fonts-sc, so a fresh
 * install works too. Modules build a document definition and call `renderPdf`; nothing here knows a domain.
 */
const require = createRequire(import.meta.url);

type FontFile = string | [string, string];
interface FontFamily {
  normal: FontFile;
  bold: FontFile;
  italics: FontFile;
  bolditalics: FontFile;
}
interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
  end(): void;
}
interface PdfPrinter {
  createPdfKitDocument(doc: TDocumentDefinitions): Promise<PdfKitDocument>;
}
interface UrlResolver {
  resolve(url: string): void;
  resolved(): Promise<void>;
}
type PdfPrinterClass = new (
  fonts: Record<string, FontFamily>,
  virtualfs: null,
  urlResolver: UrlResolver,
  localAccessPolicy: (p: string) => boolean,
) => PdfPrinter;

const SYSTEM_FONT_DIR = '/usr/share/fonts/opentype/noto';
export type FontSource = 'system' | 'npm';
export type CjkFont = { source: FontSource; family: FontFamily; files: string[] };

/** The CJK font family to embed: the system's Noto Sans CJK SC if present (unless npm is asked for), else the npm font. */
export function cjkFont(prefer: FontSource = 'system'): CjkFont {
  const regular = path.join(SYSTEM_FONT_DIR, 'NotoSansCJK-Regular.ttc');
  const bold = path.join(SYSTEM_FONT_DIR, 'NotoSansCJK-Bold.ttc');
  if (prefer === 'system' && existsSync(regular) && existsSync(bold)) {
    const normal: FontFile = [regular, 'NotoSansCJKsc-Regular'];
    const strong: FontFile = [bold, 'NotoSansCJKsc-Bold'];
    return {
      source: 'system',
      family: { normal, bold: strong, italics: normal, bolditalics: strong },
      files: [regular, bold],
    };
  }
  const dir = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  const normal = path.join(dir, 'NotoSansHans-Regular.otf');
  const strong = path.join(dir, 'NotoSansHans-Bold.otf');
  return {
    source: 'npm',
    family: { normal, bold: strong, italics: normal, bolditalics: strong },
    files: [normal, strong],
  };
}

/** Renders a pdfmake document to a Buffer with only the given fonts readable, and nothing fetched from the network. */
export async function renderPdf(doc: TDocumentDefinitions, font: CjkFont = cjkFont()): Promise<Buffer> {
  const { default: Printer } = require('pdfmake/js/Printer.js') as { default: PdfPrinterClass };
  const resolver: UrlResolver = { resolve: () => undefined, resolved: async () => undefined };
  const allowed = new Set(font.files);
  const printer = new Printer({ cjk: structuredClone(font.family) }, null, resolver, (p) => allowed.has(p));
  const pdf = await printer.createPdfKitDocument({ ...doc, defaultStyle: { font: 'cjk', ...doc.defaultStyle } });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}

/** The page set-up every printed record shares: A4 with the same margins, so records file alike. */
export const A4_PAGE = { pageSize: 'A4', pageMargins: [40, 48, 40, 48] } satisfies Partial<TDocumentDefinitions>;

/** The PDF's document information: its title and subject, made by this system. */
export function documentInfo(title: string, subject: string): TDocumentInformation {
  return { title, subject, creator: '联建共治', producer: '联建共治' };
}

/** The shared footer: a grey note on the left, "第 n 页 / 共 m 页" on the right. */
export function pageFooter(note: string): DynamicContent {
  return (page, pages) => ({
    columns: [
      { text: note, fontSize: 8, color: '#666666' },
      { text: `第 ${page} 页 / 共 ${pages} 页`, fontSize: 8, color: '#666666', alignment: 'right' },
    ],
    margin: [40, 16, 40, 0],
  });
}

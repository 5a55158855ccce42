import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { formatLocalIso } from '../../../core/calendar.js';
import { cjkFont, documentInfo, renderPdf } from '../../../core/pdf.js';

/**
 * The printable 报到证: a card with the member's name, community, unit, serial, expiry and the QR code of its signed
 * URL, as a PDF (pdfmake draws the QR natively, vector, for printing) and as a PNG for the phone (the QR from the
 * `qrcode` package, the text set by sharp with the same CJK font the PDFs embed, composed on one canvas).
 * The texts are the card's printed Chinese, as on the other printed records.
 */
export interface CardData {
  memberName: string;
  communityName: string;
  unitName: string | null;
  serial: string;
  expiresAt: Date;
  status: 'live' | 'expired' | 'revoked';
  qrText: string;
}

const RED = '#c8102e';
const STATUS_TEXT = { live: '', expired: '（已过期）', revoked: '（已注销）' } as const;
const day = (at: Date) => formatLocalIso(at).slice(0, 10);

function lines(c: CardData): [string, string][] {
  return [
    ['姓　　名', c.memberName],
    ['报到社区', c.communityName],
    ['工作单位', c.unitName ?? '—'],
    ['证　　号', c.serial],
    ['有效期至', `${day(c.expiresAt)}${STATUS_TEXT[c.status]}`],
  ];
}

// ── PDF ──
export function cardDocument(c: CardData): TDocumentDefinitions {
  return {
    info: documentInfo(`在职党员双报到证 ${c.serial}`, '报到证'),
    pageSize: { width: 298, height: 420 },
    pageMargins: [20, 20, 20, 20],
    content: [
      {
        table: {
          widths: ['*'],
          body: [
            [
              {
                text: '在职党员双报到证',
                color: '#ffffff',
                bold: true,
                fontSize: 16,
                alignment: 'center',
                margin: [0, 6],
              },
            ],
          ],
        },
        layout: { fillColor: () => RED, hLineWidth: () => 0, vLineWidth: () => 0 },
      },
      { qr: c.qrText, fit: 170, alignment: 'center', margin: [0, 14, 0, 10], eccLevel: 'M' },
      {
        table: {
          widths: [62, '*'],
          body: lines(c).map(([k, v]) => [
            { text: k, color: '#666666' },
            { text: v, bold: true },
          ]),
        },
        layout: 'noBorders',
        fontSize: 10,
      },
      { text: '请社区工作人员扫码核验', fontSize: 8, color: '#999999', alignment: 'center', margin: [0, 10, 0, 0] },
    ],
  };
}

export function renderCardPdf(c: CardData): Promise<Buffer> {
  return renderPdf(cardDocument(c), cjkFont());
}

// ── PNG ──
const WIDTH = 600;
const QR_SIZE = 420;

function escapeMarkup(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A line of text as an image (Pango markup through sharp), in the PDFs' CJK font. */
async function textImage(markup: string, width: number): Promise<Buffer> {
  const font = cjkFont();
  const family = font.source === 'system' ? 'Noto Sans CJK SC' : 'Noto Sans S Chinese';
  return sharp({
    text: { text: markup, font: family, fontfile: font.files[0], rgba: true, dpi: 144, width, wrap: 'char' },
  })
    .png()
    .toBuffer();
}

export async function renderCardPng(c: CardData): Promise<Buffer> {
  const qr = await QRCode.toBuffer(c.qrText, { width: QR_SIZE, margin: 4, errorCorrectionLevel: 'M' });
  const title = await textImage(
    '<span foreground="#ffffff" size="x-large" weight="bold">在职党员双报到证</span>',
    WIDTH,
  );
  const rows = await Promise.all(
    lines(c).map(([k, v]) =>
      textImage(`<span foreground="#666666">${k}</span>  <span weight="bold">${escapeMarkup(v)}</span>`, WIDTH - 80),
    ),
  );
  const header = 80;
  const top = header + 20;
  const rowsTop = top + QR_SIZE + 16;
  const height = rowsTop + rows.length * 44 + 30;
  const titleMeta = await sharp(title).metadata();
  return sharp({ create: { width: WIDTH, height, channels: 4, background: '#ffffff' } })
    .composite([
      { input: { create: { width: WIDTH, height: header, channels: 4, background: RED } }, top: 0, left: 0 },
      {
        input: title,
        top: Math.round((header - (titleMeta.height ?? 30)) / 2),
        left: Math.round((WIDTH - (titleMeta.width ?? 0)) / 2),
      },
      { input: qr, top, left: (WIDTH - QR_SIZE) / 2 },
      ...rows.map((input, i) => ({ input, top: rowsTop + i * 44, left: 50 })),
    ])
    .png()
    .toBuffer();
}

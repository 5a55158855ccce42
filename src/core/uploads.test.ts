import { describe, expect, it } from 'vitest';
import { cleanFileName, documentError, MAX_DOCUMENT_BYTES, sniffPdf } from './uploads.js';

describe('sniffPdf', () => {
  it('recognises a PDF by its header, whatever it is called', () => {
    expect(sniffPdf(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\n%%EOF\n', 'latin1'))).toBe(true);
    expect(sniffPdf(Buffer.from('%PDF-'))).toBe(true);
  });

  it('refuses anything else: a JPEG, a Word file, text that merely mentions PDF, a short or empty buffer', () => {
    expect(sniffPdf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]))).toBe(false);
    expect(sniffPdf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe(false);
    expect(sniffPdf(Buffer.from(' %PDF-1.4'))).toBe(false);
    expect(sniffPdf(Buffer.from('%PDF'))).toBe(false);
    expect(sniffPdf(Buffer.alloc(0))).toBe(false);
  });
});

describe('document helpers', () => {
  it('keeps the limit at 10 MB', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(10 * 1024 * 1024);
  });

  it('cleans a file name: no folders, no quotes or control characters, a fallback for nothing', () => {
    expect(cleanFileName('../../etc/居民公约.pdf')).toBe('居民公约.pdf');
    expect(cleanFileName('a"b\u0001c.pdf')).toBe('a_b_c.pdf');
    expect(cleanFileName('')).toBe('document.pdf');
  });

  it('answers a refusal as INVALID_FILE with the reason in the caller’s language', () => {
    const zh = documentError('zh-CN', 'not_pdf');
    expect(zh).toMatchObject({ code: 'INVALID_FILE', status: 400, details: { problem: 'not_pdf' } });
    expect(zh.params.reason).toContain('PDF');
    expect(documentError('en', 'no_file').params.reason).toContain('"file"');
  });
});

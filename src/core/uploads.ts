import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import type { Locale } from './i18n.js';

/**
 * Uploads, for every module that takes files (case photos, project evidence, service-day photos): images are
 * recognised by their content, decoded under a pixel limit, auto-rotated, stripped of every metadata block (EXIF GPS
 * included) and re-encoded to JPEG with a thumbnail; files are written atomically under DATA_DIR/uploads/ and opened
 * only inside it. Which rows own a file, and who may see it, is each module's business (its schema and policy).
 */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** 40 MP: a 48 MP phone shoots 12 MP JPEGs by default; anything larger is refused before it is decoded. */
export const MAX_INPUT_PIXELS = 40_000_000;
export const PHOTO_LONG_SIDE = 2048;
export const THUMB_LONG_SIDE = 320;
export const ACCEPTED_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const JPEG_QUALITY = 82;
const THUMB_QUALITY = 75;
const DECODE_TIMEOUT_SECONDS = 20;

export type ImageFormat = 'jpeg' | 'png' | 'webp';
/** The image format by its magic bytes; the file name and the declared Content-Type are never trusted. */
export function sniffImage(buf: Buffer): ImageFormat | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP')
    return 'webp';
  return null;
}

export type ImageProblem = 'not_image' | 'too_many_pixels' | 'damaged' | 'no_file';

const IMAGE_PROBLEMS: Record<Locale, Record<ImageProblem, string>> = {
  'zh-CN': {
    not_image: '文件内容不是 JPEG、PNG 或 WebP 图片',
    too_many_pixels: `图片像素过多（超过 ${MAX_INPUT_PIXELS / 1_000_000} 百万像素）`,
    damaged: '图片已损坏或不完整',
    no_file: '请在表单字段 file 中上传图片',
  },
  en: {
    not_image: 'the content is not a JPEG, PNG or WebP image',
    too_many_pixels: `it has too many pixels (over ${MAX_INPUT_PIXELS / 1_000_000} megapixels)`,
    damaged: 'the image is damaged or incomplete',
    no_file: 'upload the image in the form field "file"',
  },
};

export function imageError(locale: Locale, problem: ImageProblem): AppError {
  return new AppError('INVALID_IMAGE', { reason: IMAGE_PROBLEMS[locale][problem] }, { problem });
}

export interface EncodedPhoto {
  full: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

/**
 * Checks and re-encodes an upload. The header is read first so that a decompression bomb (a few KB claiming
 * 50,000 × 50,000 pixels) is refused without decoding; sharp's own pixel limit and a timeout back that up.
 * sharp writes no metadata unless asked to, so EXIF (GPS, camera, time), XMP and ICC blocks are all dropped.
 */
export async function encodePhoto(input: Buffer, locale: Locale): Promise<EncodedPhoto> {
  const format = sniffImage(input);
  if (!format) throw imageError(locale, 'not_image');
  // sharp (libvips) loads on first use rather than at every server start.
  const { default: sharp } = await import('sharp');
  const meta = await sharp(input, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!meta || meta.format !== format || !meta.width || !meta.height)
    throw imageError(locale, meta ? 'not_image' : 'damaged');
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw imageError(locale, 'too_many_pixels');
  try {
    const { data: full, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .autoOrient()
      .resize({ width: PHOTO_LONG_SIDE, height: PHOTO_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
      .timeout({ seconds: DECODE_TIMEOUT_SECONDS })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(full)
      .resize({ width: THUMB_LONG_SIDE, height: THUMB_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: THUMB_QUALITY, mozjpeg: true })
      .toBuffer();
    return { full, thumb, width: info.width, height: info.height };
  } catch (e) {
    const tooLarge = e instanceof Error && /pixel limit/i.test(e.message);
    throw imageError(locale, tooLarge ? 'too_many_pixels' : 'damaged');
  }
}

/** Writes to a temporary name, flushes and renames, so a reader never sees half a file. */
export async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const tmp = `${file}.${randomUUID()}.tmp`;
  const handle = await open(tmp, 'wx', 0o640);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** YYYY/MM in the county's zone (Asia/Shanghai, UTC+8 all year). */
export function monthFolder(now: Date): string {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}/${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Opens a stored file for streaming; a path that would leave the uploads folder or a missing file is NOT_FOUND. */
export async function openUpload(
  uploadsRoot: string,
  relPath: string,
  entity: string,
): Promise<{ stream: ReadStream; size: number }> {
  const root = path.resolve(uploadsRoot);
  const file = path.resolve(root, relPath);
  if (!file.startsWith(root + path.sep)) throw new AppError('NOT_FOUND', { entity });
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError('NOT_FOUND', { entity });
  return { stream: createReadStream(file), size: info.size };
}

/** Removes stored files, ignoring those already gone (cleanup after a failed write or a deleted row). */
export async function removeUploads(files: readonly string[]): Promise<void> {
  await Promise.all(files.map((f) => unlink(f).catch(() => undefined)));
}

/** The image of a multipart/form-data request in the field `file`, at most 10 MB (over that: 413 from the plugin). */
export async function receivePhoto(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const part = await req.file({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } });
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw imageError(req.locale, 'no_file');
  }
  return part.toBuffer();
}

/** Documents kept as evidence (a written guideline, a residents' pact): PDF only, stored as uploaded. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** A PDF by its header (`%PDF-` at the start, as every writer puts it); the name and declared type are never trusted. */
export function sniffPdf(buf: Buffer): boolean {
  return buf.length >= 5 && buf.toString('latin1', 0, 5) === '%PDF-';
}

export type DocumentProblem = 'not_pdf' | 'no_file';

const DOCUMENT_PROBLEMS: Record<Locale, Record<DocumentProblem, string>> = {
  'zh-CN': { not_pdf: '文件内容不是 PDF，只能上传 PDF 文件', no_file: '请在表单字段 file 中上传 PDF 文件' },
  en: {
    not_pdf: 'the content is not a PDF: only PDF files can be uploaded',
    no_file: 'upload the PDF in the form field "file"',
  },
};

export function documentError(locale: Locale, problem: DocumentProblem): AppError {
  return new AppError('INVALID_FILE', { reason: DOCUMENT_PROBLEMS[locale][problem] }, { problem });
}

/** A file name safe to keep and to send back in Content-Disposition (no path, no control characters or quotes). */
export function cleanFileName(name: string, fallback = 'document.pdf'): string {
  return (
    path
      .basename(name)
      .replace(/[\u0000-\u001f"\\/]/g, '_')
      .slice(0, 120) || fallback
  );
}

export interface ReceivedDocument {
  buffer: Buffer;
  fileName: string;
  /** The form's text fields sent before the file (e.g. a title). */
  fields: Record<string, string>;
}

/**
 * The PDF of a multipart/form-data request in the field `file`, at most MAX_DOCUMENT_BYTES (over that: 413 from the
 * plugin), checked by content before the caller writes anything.
 */
export async function receiveDocument(req: FastifyRequest): Promise<ReceivedDocument> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const part = await req.file({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } });
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw documentError(req.locale, 'no_file');
  }
  const buffer = await part.toBuffer();
  if (!sniffPdf(buffer)) throw documentError(req.locale, 'not_pdf');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const one = Array.isArray(value) ? value[0] : value;
    if (one && one.type === 'field' && typeof one.value === 'string') fields[name] = one.value;
  }
  return { buffer, fileName: cleanFileName(part.filename), fields };
}

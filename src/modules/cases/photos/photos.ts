import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import type { Locale } from '../../../core/i18n.js';
import { casesVisibleTo, photosAttachableBy } from '../cases.policy.js';
import { casePhotos, cases } from '../cases.schema.js';
import { clock } from '../../../core/clock.js';

/**
 * Case photos (随手拍): uploads are recognised by their content, decoded under a pixel limit, auto-rotated, stripped
 * of every metadata block (EXIF GPS included) and re-encoded to JPEG with a thumbnail. Only the re-encoded files are
 * kept, under DATA_DIR/uploads/cases/YYYY/MM/. A photo is served to whoever may see its case, or, while it is not
 * attached yet, to the user who uploaded it.
 */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_CASE_PHOTOS = 9;
/** 40 MP: a 48 MP phone shoots 12 MP JPEGs by default; anything larger is refused before it is decoded. */
export const MAX_INPUT_PIXELS = 40_000_000;
export const PHOTO_LONG_SIDE = 2048;
export const THUMB_LONG_SIDE = 320;
export const ACCEPTED_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const JPEG_QUALITY = 82;
const THUMB_QUALITY = 75;
const DECODE_TIMEOUT_SECONDS = 20;

export type ImageFormat = 'jpeg' | 'png' | 'webp';
export type PhotoKind = 'report' | 'resolution' | 'dispatch';

export interface UploadedPhoto {
  id: string;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
}

/** Where the API serves a photo and its thumbnail (the web and the case detail use the same addresses). */
export function photoUrls(id: string): { url: string; thumbUrl: string } {
  return { url: `/api/cases/photos/${id}`, thumbUrl: `/api/cases/photos/${id}/thumb` };
}

/** The image format by its magic bytes; the file name and the declared Content-Type are never trusted. */
export function sniffImage(buf: Buffer): ImageFormat | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP')
    return 'webp';
  return null;
}

type ImageProblem = 'not_image' | 'too_many_pixels' | 'damaged' | 'no_file';

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
async function writeAtomically(file: string, data: Buffer): Promise<void> {
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
function monthFolder(now: Date): string {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}/${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Re-encodes an upload, stores both files and records the photo (not attached to any case yet) with its audit row.
 * `uploadsRoot` is uploadsDir(config); the row keeps paths relative to it so that DATA_DIR may move.
 */
export async function storePhoto(opts: {
  db: Db;
  actor: Actor;
  uploadsRoot: string;
  input: Buffer;
  locale: Locale;
  now?: Date;
}): Promise<UploadedPhoto> {
  const encoded = await encodePhoto(opts.input, opts.locale);
  const id = randomUUID();
  const rel = `cases/${monthFolder(opts.now ?? clock.now())}`;
  const relFull = `${rel}/${id}.jpg`;
  const relThumb = `${rel}/${id}_thumb.jpg`;
  await mkdir(path.join(opts.uploadsRoot, rel), { recursive: true });
  const files = [path.join(opts.uploadsRoot, relFull), path.join(opts.uploadsRoot, relThumb)];
  try {
    await writeAtomically(files[0], encoded.full);
    await writeAtomically(files[1], encoded.thumb);
    await opts.db.transaction(async (tx) => {
      await tx.insert(casePhotos).values({
        id,
        caseId: null,
        kind: 'report',
        path: relFull,
        thumbPath: relThumb,
        mime: 'image/jpeg',
        width: encoded.width,
        height: encoded.height,
        bytes: encoded.full.length,
        uploadedByUserId: opts.actor.userId,
      });
      await recordAudit(tx, {
        actor: opts.actor,
        action: 'case_photo.upload',
        entityType: 'case_photo',
        entityId: id,
        after: {
          width: encoded.width,
          height: encoded.height,
          bytes: encoded.full.length,
          originalBytes: opts.input.length,
        },
      });
    });
  } catch (e) {
    await Promise.all(files.map((f) => unlink(f).catch(() => undefined)));
    throw e;
  }
  return { id, ...photoUrls(id), width: encoded.width, height: encoded.height };
}

/**
 * Links photos this actor uploaded (not attached to any case yet) to a case, keeping a case at nine photos at most.
 * The case row is locked first so that two requests attaching at once cannot both pass the count. Someone else's
 * photo is refused like an unknown one, so photo ids reveal nothing.
 */
export async function attachPhotos(
  tx: Db,
  actor: Actor,
  caseId: string,
  photoIds: string[],
  kind: PhotoKind,
  eventId?: number,
): Promise<void> {
  if (!photoIds.length) return;
  const ids = [...new Set(photoIds)];
  await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
  const [{ n }] = await tx.select({ n: count() }).from(casePhotos).where(eq(casePhotos.caseId, caseId));
  if (n + ids.length > MAX_CASE_PHOTOS) throw new AppError('CASE_PHOTO_LIMIT', { max: MAX_CASE_PHOTOS, count: n });
  const rows = await tx
    .update(casePhotos)
    .set({ caseId, kind, eventId: eventId ?? null })
    .where(and(inArray(casePhotos.id, ids), isNull(casePhotos.caseId), photosAttachableBy(actor)))
    .returning({ id: casePhotos.id });
  if (rows.length !== ids.length) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/photoIds', message: 'unknown or already attached photo' }]);
  }
}

export type PhotoRow = typeof casePhotos.$inferSelect;

/**
 * The photo, if this actor may see it: its case is visible to them, or it is still unattached and they uploaded it.
 * Anything else is NOT_FOUND, so that photo ids reveal nothing.
 */
export async function loadPhotoFor(db: Db, actor: Actor, id: string): Promise<PhotoRow> {
  const [photo] = await db.select().from(casePhotos).where(eq(casePhotos.id, id));
  if (!photo) throw new AppError('NOT_FOUND', { entity: 'case_photo' });
  if (photo.caseId === null) {
    if (photo.uploadedByUserId === actor.userId) return photo;
    throw new AppError('NOT_FOUND', { entity: 'case_photo' });
  }
  const [visible] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, photo.caseId), await casesVisibleTo(db, actor)));
  if (!visible) throw new AppError('NOT_FOUND', { entity: 'case_photo' });
  return photo;
}

/** Opens a stored file for streaming; a path that would leave the uploads folder or a missing file is NOT_FOUND. */
export async function openPhotoFile(
  uploadsRoot: string,
  relPath: string,
): Promise<{ stream: ReadStream; size: number }> {
  const root = path.resolve(uploadsRoot);
  const file = path.resolve(root, relPath);
  if (!file.startsWith(root + path.sep)) throw new AppError('NOT_FOUND', { entity: 'case_photo' });
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError('NOT_FOUND', { entity: 'case_photo' });
  return { stream: createReadStream(file), size: info.size };
}

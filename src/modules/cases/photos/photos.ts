import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import type { Locale } from '../../../core/i18n.js';
import { encodePhoto, monthFolder, openUpload, removeUploads, writeAtomically } from '../../../core/uploads.js';
import { casesVisibleTo, photosAttachableBy } from '../cases.policy.js';
import { casePhotos, cases } from '../cases.schema.js';
import { clock } from '../../../core/clock.js';

/**
 * Case photos (随手拍): core/uploads.ts checks and re-encodes an upload; here the files are kept under
 * DATA_DIR/uploads/cases/YYYY/MM/ and recorded in case_photos. A photo is served to whoever may see its case, or,
 * while it is not attached yet, to the user who uploaded it (photosAttachableBy in cases.policy.ts).
 */
export const MAX_CASE_PHOTOS = 9;

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
    await removeUploads(files);
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

/** A case photo's file (full or thumbnail), streamed by the photo routes. */
export function openPhotoFile(uploadsRoot: string, relPath: string): Promise<{ stream: ReadStream; size: number }> {
  return openUpload(uploadsRoot, relPath, 'case_photo');
}

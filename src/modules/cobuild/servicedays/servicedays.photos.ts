import { randomUUID } from 'node:crypto';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import type { Locale } from '../../../core/i18n.js';
import { encodePhoto, openUpload, writeAtomically } from '../../../core/uploads.js';
import type { PhotoView } from './servicedays.contracts.js';
import { assertMayManage } from './servicedays.policy.js';
import { serviceDayPhotos, serviceDays } from './servicedays.schema.js';

/**
 * Outcome photos of a service day. Uploads go through the same sanitiser as case photos (content sniffing, pixel
 * limit, auto-rotation, every metadata block dropped, re-encoded JPEG + thumbnail); only the re-encoded files are
 * kept, under DATA_DIR/uploads/servicedays/<day>/.
 */
export const MAX_DAY_PHOTOS = 12;

export function dayPhotoUrls(id: string): { url: string; thumbUrl: string } {
  return { url: `/api/service-days/photos/${id}`, thumbUrl: `/api/service-days/photos/${id}/thumb` };
}

export async function photosOfDay(db: Db, dayId: string): Promise<PhotoView[]> {
  const rows = await db
    .select()
    .from(serviceDayPhotos)
    .where(eq(serviceDayPhotos.dayId, dayId))
    .orderBy(asc(serviceDayPhotos.createdAt), asc(serviceDayPhotos.id));
  return rows.map((p) => ({ id: p.id, ...dayPhotoUrls(p.id), width: p.width, height: p.height }));
}

/** Sanitises and stores a photo of the day's outcome; the day row is locked so the photo limit holds under concurrency. */
export async function addDayPhoto(opts: {
  db: Db;
  actor: Actor;
  dayId: string;
  uploadsRoot: string;
  input: Buffer;
  locale: Locale;
}): Promise<PhotoView> {
  const { db, actor } = opts;
  const [day] = await db
    .select({ communityId: serviceDays.communityId })
    .from(serviceDays)
    .where(eq(serviceDays.id, opts.dayId));
  if (!day) throw new AppError('NOT_FOUND', { entity: 'service_day' });
  await assertMayManage(db, actor, day.communityId);
  const encoded = await encodePhoto(opts.input, opts.locale);
  const id = randomUUID();
  const rel = `servicedays/${opts.dayId}`;
  const rows = { path: `${rel}/${id}.jpg`, thumbPath: `${rel}/${id}_thumb.jpg` };
  const files = [path.join(opts.uploadsRoot, rows.path), path.join(opts.uploadsRoot, rows.thumbPath)];
  await mkdir(path.join(opts.uploadsRoot, rel), { recursive: true });
  try {
    await writeAtomically(files[0], encoded.full);
    await writeAtomically(files[1], encoded.thumb);
    await db.transaction(async (tx) => {
      await tx.select({ id: serviceDays.id }).from(serviceDays).where(eq(serviceDays.id, opts.dayId)).for('update');
      const [{ n }] = await tx
        .select({ n: count() })
        .from(serviceDayPhotos)
        .where(eq(serviceDayPhotos.dayId, opts.dayId));
      if (n >= MAX_DAY_PHOTOS) throw new AppError('SERVICE_DAY_PHOTO_LIMIT', { max: MAX_DAY_PHOTOS, count: n });
      await tx.insert(serviceDayPhotos).values({
        id,
        dayId: opts.dayId,
        ...rows,
        width: encoded.width,
        height: encoded.height,
        bytes: encoded.full.length,
        uploadedByUserId: actor.userId,
      });
      await recordAudit(tx, {
        actor,
        action: 'service_day_photo.upload',
        entityType: 'service_day',
        entityId: opts.dayId,
        after: {
          photoId: id,
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
  return { id, ...dayPhotoUrls(id), width: encoded.width, height: encoded.height };
}

export async function removeDayPhoto(opts: {
  db: Db;
  actor: Actor;
  dayId: string;
  photoId: string;
  uploadsRoot: string;
}): Promise<void> {
  const [day] = await opts.db
    .select({ communityId: serviceDays.communityId })
    .from(serviceDays)
    .where(eq(serviceDays.id, opts.dayId));
  if (!day) throw new AppError('NOT_FOUND', { entity: 'service_day' });
  await assertMayManage(opts.db, opts.actor, day.communityId);
  const row = await opts.db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(serviceDayPhotos)
      .where(and(eq(serviceDayPhotos.id, opts.photoId), eq(serviceDayPhotos.dayId, opts.dayId)))
      .returning();
    if (!deleted) throw new AppError('NOT_FOUND', { entity: 'service_day_photo' });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'service_day_photo.remove',
      entityType: 'service_day',
      entityId: opts.dayId,
      before: deleted,
    });
    return deleted;
  });
  // The files go after the commit: a failed delete leaves a row pointing at files, never a row without them.
  await Promise.all(
    [row.path, row.thumbPath].map((p) => unlink(path.join(opts.uploadsRoot, p)).catch(() => undefined)),
  );
}

export type DayPhotoRow = typeof serviceDayPhotos.$inferSelect;

export async function photoRow(db: Db, id: string): Promise<DayPhotoRow> {
  const [row] = await db.select().from(serviceDayPhotos).where(eq(serviceDayPhotos.id, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'service_day_photo' });
  return row;
}

/** A day photo's file, streamed by the routes; a missing one is NOT_FOUND naming a photo (照片), as before. */
export function openPhotoFile(uploadsRoot: string, relPath: string) {
  return openUpload(uploadsRoot, relPath, 'case_photo');
}

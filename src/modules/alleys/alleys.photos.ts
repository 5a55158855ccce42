import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import type { Locale } from '../../core/i18n.js';
import { encodePhoto, removeUploads, writeAtomically } from '../../core/uploads.js';
import { alleyRegions } from '../grid/grid.schema.js';
import type { AlleyPhotoView, SixHave } from './alleys.contracts.js';
import { assertMayManage, regionsVisibleTo } from './alleys.policy.js';
import { alleyItemPhotos } from './alleys.schema.js';

/** An item's evidence photo: re-encoded without metadata (core/uploads.ts), under uploads/alleys/<region>/. */
export async function storeItemPhoto(opts: {
  db: Db;
  actor: Actor;
  uploadsRoot: string;
  regionId: string;
  item: SixHave;
  input: Buffer;
  locale: Locale;
}): Promise<AlleyPhotoView> {
  const { db, actor } = opts;
  const [region] = await db
    .select({ id: alleyRegions.id, communityId: alleyRegions.communityId, gridId: alleyRegions.gridId })
    .from(alleyRegions)
    .where(and(eq(alleyRegions.id, opts.regionId), await regionsVisibleTo(db, actor)));
  if (!region) throw new AppError('NOT_FOUND', { entity: 'alley_region' });
  await assertMayManage(db, actor, region);
  const photo = await encodePhoto(opts.input, opts.locale);
  const id = randomUUID();
  const rel = `alleys/${region.id}`;
  const row = {
    id,
    regionId: region.id,
    item: opts.item,
    path: `${rel}/${id}.jpg`,
    thumbPath: `${rel}/${id}_thumb.jpg`,
    width: photo.width,
    height: photo.height,
    bytes: photo.full.length,
    uploadedBy: actor.userId,
  };
  await mkdir(path.join(opts.uploadsRoot, rel), { recursive: true });
  const files = [row.path, row.thumbPath].map((f) => path.join(opts.uploadsRoot, f));
  try {
    await writeAtomically(files[0], photo.full);
    await writeAtomically(files[1], photo.thumb);
    await db.transaction(async (tx) => {
      await tx.insert(alleyItemPhotos).values(row);
      await recordAudit(tx, {
        actor,
        action: 'alley_item.photo',
        entityType: 'alley_region',
        entityId: region.id,
        after: { id, item: opts.item, bytes: row.bytes },
      });
    });
  } catch (e) {
    await removeUploads(files);
    throw e;
  }
  return view(row);
}

const view = (p: { id: string; item: SixHave; width: number; height: number }): AlleyPhotoView => ({
  id: p.id,
  item: p.item,
  url: `/api/alley-regions/photos/${p.id}`,
  thumbUrl: `/api/alley-regions/photos/${p.id}/thumb`,
  width: p.width,
  height: p.height,
});

/** The photos of a region's items, oldest first. */
export async function photosOf(db: Db, regionIds: string[]): Promise<(AlleyPhotoView & { regionId: string })[]> {
  if (!regionIds.length) return [];
  const rows = await db
    .select()
    .from(alleyItemPhotos)
    .where(inArray(alleyItemPhotos.regionId, regionIds))
    .orderBy(asc(alleyItemPhotos.createdAt), asc(alleyItemPhotos.id));
  return rows.map((r) => ({ ...view(r), regionId: r.regionId }));
}

/** A photo of a region the actor may see, or NOT_FOUND. */
export async function loadItemPhoto(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: alleyItemPhotos.id, path: alleyItemPhotos.path, thumbPath: alleyItemPhotos.thumbPath })
    .from(alleyItemPhotos)
    .innerJoin(alleyRegions, eq(alleyRegions.id, alleyItemPhotos.regionId))
    .where(and(eq(alleyItemPhotos.id, id), await regionsVisibleTo(db, actor)));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'alley_region' });
  return row;
}

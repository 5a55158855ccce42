import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { type ReceivedDocument, removeUploads, writeAtomically } from '../../core/uploads.js';
import { alleyRegions } from '../grid/grid.schema.js';
import type { AlleyDocumentView, DocumentItem, SixHave } from './alleys.contracts.js';
import { assertMayManage, regionsVisibleTo } from './alleys.policy.js';
import { alleyItemDocuments } from './alleys.schema.js';

/**
 * Documents as evidence of the guideline and the residents' pact: PDFs (recognised by content in core/uploads.ts
 * before anything is written), kept as uploaded under uploads/alleys/<region>/, served only to whoever sees the
 * region, removed by whoever keeps its evidence.
 */

const MAX_TITLE = 100;

/** The title given in the form, else the file name without its extension. */
function titleOf(input: ReceivedDocument): string {
  const given = input.fields.title?.trim();
  const fromName = input.fileName.replace(/\.pdf$/i, '').trim();
  return (given || fromName || 'PDF').slice(0, MAX_TITLE);
}

async function regionRef(db: Db, actor: Actor, regionId: string) {
  const [region] = await db
    .select({ id: alleyRegions.id, communityId: alleyRegions.communityId, gridId: alleyRegions.gridId })
    .from(alleyRegions)
    .where(and(eq(alleyRegions.id, regionId), await regionsVisibleTo(db, actor)));
  if (!region) throw new AppError('NOT_FOUND', { entity: 'alley_region' });
  return region;
}

export async function storeItemDocument(opts: {
  db: Db;
  actor: Actor;
  uploadsRoot: string;
  regionId: string;
  item: DocumentItem;
  input: ReceivedDocument;
}): Promise<AlleyDocumentView> {
  const { db, actor } = opts;
  const region = await regionRef(db, actor, opts.regionId);
  await assertMayManage(db, actor, region);
  const id = randomUUID();
  const rel = `alleys/${region.id}`;
  const row = {
    id,
    regionId: region.id,
    item: opts.item,
    title: titleOf(opts.input),
    fileName: opts.input.fileName,
    path: `${rel}/${id}.pdf`,
    bytes: opts.input.buffer.length,
    uploadedBy: actor.userId,
  };
  await mkdir(path.join(opts.uploadsRoot, rel), { recursive: true });
  const file = path.join(opts.uploadsRoot, row.path);
  try {
    await writeAtomically(file, opts.input.buffer);
    const [stored] = await db.transaction(async (tx) => {
      const inserted = await tx.insert(alleyItemDocuments).values(row).returning();
      await recordAudit(tx, {
        actor,
        action: 'alley_item.document',
        entityType: 'alley_region',
        entityId: region.id,
        after: { id, item: opts.item, title: row.title, fileName: row.fileName, bytes: row.bytes },
      });
      return inserted;
    });
    return view(stored);
  } catch (e) {
    await removeUploads([file]);
    throw e;
  }
}

const view = (d: typeof alleyItemDocuments.$inferSelect): AlleyDocumentView => ({
  id: d.id,
  item: d.item,
  title: d.title,
  fileName: d.fileName,
  bytes: d.bytes,
  url: `/api/alley-regions/documents/${d.id}`,
  uploadedAt: d.createdAt.toISOString(),
});

/** The documents of regions' items, oldest first. */
export async function documentsOf(
  db: Db,
  regionIds: string[],
): Promise<(AlleyDocumentView & { regionId: string; item: SixHave })[]> {
  if (!regionIds.length) return [];
  const rows = await db
    .select()
    .from(alleyItemDocuments)
    .where(inArray(alleyItemDocuments.regionId, regionIds))
    .orderBy(asc(alleyItemDocuments.createdAt), asc(alleyItemDocuments.id));
  return rows.map((r) => ({ ...view(r), regionId: r.regionId }));
}

/** A document of a region the actor may see, or NOT_FOUND. */
export async function loadItemDocument(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({
      id: alleyItemDocuments.id,
      path: alleyItemDocuments.path,
      fileName: alleyItemDocuments.fileName,
      regionId: alleyItemDocuments.regionId,
      communityId: alleyRegions.communityId,
      gridId: alleyRegions.gridId,
    })
    .from(alleyItemDocuments)
    .innerJoin(alleyRegions, eq(alleyRegions.id, alleyItemDocuments.regionId))
    .where(and(eq(alleyItemDocuments.id, id), await regionsVisibleTo(db, actor)));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'alley_document' });
  return row;
}

/** Removes a document (alleys.manage on its region): the row and its audit in one transaction, then the file. */
export async function deleteItemDocument(opts: { db: Db; actor: Actor; uploadsRoot: string; id: string }) {
  const removed = await opts.db.transaction(async (tx) => {
    const doc = await loadItemDocument(tx, opts.actor, opts.id);
    await assertMayManage(tx, opts.actor, doc);
    const [before] = await tx.delete(alleyItemDocuments).where(eq(alleyItemDocuments.id, doc.id)).returning();
    if (!before) throw new AppError('NOT_FOUND', { entity: 'alley_document' });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'alley_item.document_delete',
      entityType: 'alley_region',
      entityId: doc.regionId,
      before,
    });
    return before;
  });
  await removeUploads([path.join(opts.uploadsRoot, removed.path)]);
}

import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import type { Locale } from '../../../core/i18n.js';
import { encodePhoto, MAX_PHOTO_BYTES, openUpload, sniffImage, writeAtomically } from '../../../core/uploads.js';
import type { EvidenceView } from './projects.contracts.js';
import { assertMayTrack, projectsVisibleTo } from './projects.policy.js';
import { projectEvidence, projectMilestones, projects } from './projects.schema.js';

/**
 * Evidence of a project or a milestone (照片、文件): images are recognised by content and re-encoded without
 * metadata like case photos; documents (PDF, Word/Excel/PowerPoint) are recognised by their signature and kept as
 * they are, at most 20 MB. Files live under DATA_DIR/uploads/projects/<project>/ and are served only to whoever may
 * see the project.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_EVIDENCE_PER_PROJECT = 100;

type DocKind = 'pdf' | 'ooxml' | 'ole';
const DOC_MIME: Record<DocKind, string> = {
  pdf: 'application/pdf',
  ooxml: 'application/vnd.openxmlformats-officedocument',
  ole: 'application/x-ole-storage',
};
const OOXML_BY_EXT: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const OLE_BY_EXT: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

export function sniffDocument(buf: Buffer): DocKind | null {
  if (buf.length >= 5 && buf.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return 'ooxml';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    return 'ole';
  return null;
}

const REASONS: Record<Locale, Record<'type' | 'size', string>> = {
  'zh-CN': { type: '只能上传照片（JPEG、PNG、WebP）或 PDF、Word、Excel、PowerPoint 文件', size: '文件超过 20MB' },
  en: {
    type: 'only photos (JPEG, PNG, WebP) or PDF, Word, Excel and PowerPoint files can be uploaded',
    size: 'the file is over 20 MB',
  },
};

/** The stored mime type of a document: by signature, refined by the extension only among the same family. */
function documentMime(kind: DocKind, fileName: string, locale: Locale): string {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  if (kind === 'pdf') return DOC_MIME.pdf;
  const family = kind === 'ooxml' ? OOXML_BY_EXT : OLE_BY_EXT;
  const mime = family[ext];
  if (!mime) throw new AppError('INVALID_FILE', { reason: REASONS[locale].type }, { problem: 'type' });
  return mime;
}

/** A file name safe to keep and to send back in Content-Disposition. */
const cleanName = (name: string) =>
  path
    .basename(name)
    .replace(/[\u0000-\u001f"\\/]/g, '_')
    .slice(0, 120) || 'file';

interface Prepared {
  kind: 'photo' | 'file';
  mime: string;
  ext: string;
  full: Buffer;
  thumb: Buffer | null;
  width: number | null;
  height: number | null;
}

async function prepare(input: Buffer, fileName: string, locale: Locale): Promise<Prepared> {
  if (sniffImage(input)) {
    if (input.length > MAX_PHOTO_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
    const e = await encodePhoto(input, locale);
    return {
      kind: 'photo',
      mime: 'image/jpeg',
      ext: 'jpg',
      full: e.full,
      thumb: e.thumb,
      width: e.width,
      height: e.height,
    };
  }
  const doc = sniffDocument(input);
  if (!doc) throw new AppError('INVALID_FILE', { reason: REASONS[locale].type }, { problem: 'type' });
  if (input.length > MAX_FILE_BYTES)
    throw new AppError('INVALID_FILE', { reason: REASONS[locale].size }, { problem: 'size' });
  const mime = documentMime(doc, fileName, locale);
  return {
    kind: 'file',
    mime,
    ext: doc === 'pdf' ? 'pdf' : path.extname(fileName).slice(1).toLowerCase(),
    full: input,
    thumb: null,
    width: null,
    height: null,
  };
}

export async function storeEvidence(opts: {
  db: Db;
  actor: Actor;
  uploadsRoot: string;
  projectId: string;
  milestoneId?: string;
  input: Buffer;
  fileName: string;
  locale: Locale;
}): Promise<EvidenceView> {
  const { db, actor } = opts;
  const [project] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, opts.projectId), await projectsVisibleTo(db, actor)));
  if (!project) throw new AppError('NOT_FOUND', { entity: 'project' });
  await assertMayTrack(db, actor, project);
  if (project.cancelled) throw new AppError('PROJECT_CANCELLED');
  const prepared = await prepare(opts.input, opts.fileName, opts.locale);
  const id = randomUUID();
  const rel = `projects/${project.id}`;
  const relFull = `${rel}/${id}.${prepared.ext}`;
  const relThumb = prepared.thumb ? `${rel}/${id}_thumb.jpg` : null;
  await mkdir(path.join(opts.uploadsRoot, rel), { recursive: true });
  const files = [relFull, relThumb].flatMap((f) => (f ? [path.join(opts.uploadsRoot, f)] : []));
  try {
    await writeAtomically(files[0], prepared.full);
    if (prepared.thumb && files[1]) await writeAtomically(files[1], prepared.thumb);
    await db.transaction(async (tx) => {
      await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, project.id)).for('update');
      const [{ n }] = await tx
        .select({ n: count() })
        .from(projectEvidence)
        .where(eq(projectEvidence.projectId, project.id));
      if (n >= MAX_EVIDENCE_PER_PROJECT)
        throw new AppError('PROJECT_EVIDENCE_LIMIT', { max: MAX_EVIDENCE_PER_PROJECT, count: n });
      if (opts.milestoneId) {
        const [m] = await tx
          .select({ id: projectMilestones.id })
          .from(projectMilestones)
          .where(and(eq(projectMilestones.id, opts.milestoneId), eq(projectMilestones.projectId, project.id)));
        if (!m) throw new AppError('NOT_FOUND', { entity: 'project_milestone' });
      }
      await tx.insert(projectEvidence).values({
        id,
        projectId: project.id,
        milestoneId: opts.milestoneId ?? null,
        kind: prepared.kind,
        fileName: cleanName(opts.fileName),
        path: relFull,
        thumbPath: relThumb,
        mime: prepared.mime,
        bytes: prepared.full.length,
        width: prepared.width,
        height: prepared.height,
        uploadedBy: actor.userId,
      });
      await recordAudit(tx, {
        actor,
        action: 'project_evidence.upload',
        entityType: 'project_evidence',
        entityId: id,
        after: {
          projectId: project.id,
          milestoneId: opts.milestoneId ?? null,
          kind: prepared.kind,
          mime: prepared.mime,
          bytes: prepared.full.length,
        },
      });
    });
  } catch (e) {
    await Promise.all(files.map((f) => unlink(f).catch(() => undefined)));
    throw e;
  }
  const [view] = (await evidenceOf(db, project.id)).filter((v) => v.id === id);
  return view;
}

const urlOf = (id: string) => `/api/projects/evidence/${id}`;

export async function evidenceOf(db: Db, projectId: string): Promise<EvidenceView[]> {
  const rows = await db
    .select()
    .from(projectEvidence)
    .where(eq(projectEvidence.projectId, projectId))
    .orderBy(asc(projectEvidence.createdAt), asc(projectEvidence.id));
  return rows.map((r) => ({
    id: r.id,
    milestoneId: r.milestoneId,
    kind: r.kind,
    fileName: r.fileName,
    mime: r.mime,
    bytes: r.bytes,
    width: r.width,
    height: r.height,
    url: urlOf(r.id),
    thumbUrl: r.thumbPath ? `${urlOf(r.id)}/thumb` : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function evidencePaths(db: Db, projectId: string): Promise<string[]> {
  const rows = await db
    .select({ path: projectEvidence.path, thumb: projectEvidence.thumbPath })
    .from(projectEvidence)
    .where(eq(projectEvidence.projectId, projectId));
  return rows.flatMap((r) => (r.thumb ? [r.path, r.thumb] : [r.path]));
}

export type EvidenceRow = typeof projectEvidence.$inferSelect;

/** The evidence row if its project is visible to the actor; otherwise NOT_FOUND, so ids reveal nothing. */
export async function loadEvidenceFor(db: Db, actor: Actor, id: string): Promise<EvidenceRow> {
  const [row] = await db
    .select({ e: projectEvidence })
    .from(projectEvidence)
    .innerJoin(projects, eq(projects.id, projectEvidence.projectId))
    .where(and(eq(projectEvidence.id, id), await projectsVisibleTo(db, actor)));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'project_evidence' });
  return row.e;
}

export async function deleteEvidence(opts: { db: Db; actor: Actor; id: string }): Promise<string[]> {
  const row = await loadEvidenceFor(opts.db, opts.actor, opts.id);
  const [project] = await opts.db.select().from(projects).where(eq(projects.id, row.projectId));
  await assertMayTrack(opts.db, opts.actor, project);
  await opts.db.transaction(async (tx) => {
    await tx.delete(projectEvidence).where(eq(projectEvidence.id, row.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'project_evidence.delete',
      entityType: 'project_evidence',
      entityId: row.id,
      before: { fileName: row.fileName, projectId: row.projectId },
    });
  });
  return row.thumbPath ? [row.path, row.thumbPath] : [row.path];
}

/** Opens a stored file; a path leaving the uploads folder or a missing file is NOT_FOUND. */
export async function openEvidenceFile(
  uploadsRoot: string,
  relPath: string,
): Promise<{ stream: ReadStream; size: number }> {
  return openUpload(uploadsRoot, relPath, 'project_evidence');
}

export async function removeFiles(uploadsRoot: string, relPaths: string[]): Promise<void> {
  await Promise.all(relPaths.map((p) => unlink(path.join(uploadsRoot, p)).catch(() => undefined)));
}

import { and, count, desc, eq, gte, ilike, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { escapeLike } from '../../core/strings.js';
import type { Db } from '../../core/db.js';
import { pageWindow } from '../../core/list.js';
import type { AuditQuery } from './audit.contracts.js';
import { auditLog } from '../../core/audit.schema.js';
import { idsNamed, LABELLED_TYPES, labelsFor } from './audit.labels.js';

/** Entries about a record whose name or number contains `text`: of one type, or of any type the log can name. */
async function objectFilter(db: Db, text: string, entityType: string | undefined): Promise<SQL> {
  const types = entityType ? [entityType] : LABELLED_TYPES;
  const parts = await Promise.all(
    types.map(async (type) => {
      const ids = await idsNamed(db, type, text);
      return ids.length ? and(eq(auditLog.entityType, type), inArray(auditLog.entityId, ids)) : undefined;
    }),
  );
  return or(...parts) ?? sql`false`;
}

async function filtersOf(db: Db, q: AuditQuery): Promise<SQL | undefined> {
  return and(
    q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.object ? await objectFilter(db, q.object, q.entityType) : undefined,
    q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
    q.q ? ilike(auditLog.actorName, `%${escapeLike(q.q)}%`) : undefined,
  );
}

/** A page of the log, newest first, each entry with the names of its user and its record (audit.labels.ts). */
export async function listAudit(opts: { db: Db; query: AuditQuery }) {
  const q = opts.query;
  const where = await filtersOf(opts.db, q);
  const { limit, offset } = pageWindow(q);
  const [rows, [{ total }]] = await Promise.all([
    opts.db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(limit).offset(offset),
    opts.db.select({ total: count() }).from(auditLog).where(where),
  ]);
  const labels = await labelsFor(opts.db, [
    ...rows,
    ...rows.map((r) => ({ entityType: 'user', entityId: r.actorUserId })),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      id: String(r.id),
      at: r.at.toISOString(),
      entityLabel: labels.get(`${r.entityType}:${r.entityId}`) ?? null,
      actorLabel: labels.get(`user:${r.actorUserId}`) ?? null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

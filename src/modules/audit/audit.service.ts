import { and, count, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import { escapeLike } from '../../core/strings.js';
import type { Db } from '../../core/db.js';
import { pageWindow } from '../../core/list.js';
import type { AuditQuery } from './audit.contracts.js';
import { auditLog } from '../../core/audit.schema.js';

export async function listAudit(opts: { db: Db; query: AuditQuery }) {
  const q = opts.query;
  const filters: (SQL | undefined)[] = [
    q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
    q.q ? ilike(auditLog.actorName, `%${escapeLike(q.q)}%`) : undefined,
  ];
  const where = and(...filters);
  const { limit, offset } = pageWindow(q);
  const [rows, [{ total }]] = await Promise.all([
    opts.db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(limit).offset(offset),
    opts.db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString() })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

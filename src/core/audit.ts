import { auditLog } from './audit.schema.js';
import type { Db } from './db.js';
import type { Actor } from './auth/actor.js';

export interface AuditEntry {
  actor: Pick<Actor, 'userId' | 'username' | 'ip' | 'requestId'> | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Call inside the transaction that performs the write, so the log and the change commit together. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(auditRow(entry));
}

/** One row per entry in one statement: a bulk write (confirming a quarter's ratings) audits each record it changed. */
export async function recordAudits(db: Db, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500)
    await db.insert(auditLog).values(entries.slice(i, i + 500).map(auditRow));
}

function auditRow(entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    actorUserId: entry.actor?.userId ?? null,
    actorName: entry.actor?.username ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: toJson(entry.before),
    after: toJson(entry.after),
    ip: entry.actor?.ip ?? null,
    requestId: entry.actor?.requestId ?? null,
  };
}

function toJson(v: unknown): unknown {
  if (v === undefined) return null;
  return JSON.parse(JSON.stringify(v));
}

import { z } from 'zod';
import { ZListQuery, listResponse } from '../../core/list.js';

export const ZAuditQuery = ZListQuery.extend({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  /** A record's name or number (case number, person, organisation, project…), of entityType when given. */
  object: z.string().trim().min(1).max(60).optional(),
  actorUserId: z.uuid().optional(),
  action: z.string().max(60).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** What the record is called (case number and title, a name…); null when the log cannot name it or it is gone. */
  entityLabel: z.string().nullable(),
  /** The acting user's display name and username; null for the system or a user since deleted. */
  actorLabel: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof ZAuditEntry>;
export const ZAuditList = listResponse(ZAuditEntry);

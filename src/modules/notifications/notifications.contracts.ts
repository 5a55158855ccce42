import { z } from 'zod';
import { listResponse, ZListQuery } from '../../core/list.js';

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof ZNotification>;
export const ZNotificationList = listResponse(ZNotification).extend({ unread: z.number().int() });

export const ZNotificationQuery = ZListQuery.pick({ page: true, pageSize: true }).extend({
  unread: z.enum(['true', 'false']).optional(),
});

export const ZMarkRead = z.strictObject({ ids: z.array(z.uuid()).max(200).optional() });
export const ZMarkedCount = z.object({ marked: z.number().int() });

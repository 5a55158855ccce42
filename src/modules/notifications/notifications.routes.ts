import { z } from 'zod';
import { requireActor } from '../../core/auth/plugin.js';
import type { App } from '../../core/http/types.js';
import { listResponse, ZListQuery } from '../../core/list.js';
import { listNotifications, markRead } from './notifications.service.js';

const ZNotification = z.object({
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
const ZNotificationList = listResponse(ZNotification).extend({ unread: z.number().int() });

export async function notificationsRoutes(app: App): Promise<void> {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        querystring: ZListQuery.pick({ page: true, pageSize: true }).extend({
          unread: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: ZNotificationList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return listNotifications({
        db: app.db,
        userId: actor.userId,
        unreadOnly: req.query.unread === 'true',
        page: req.query.page,
        pageSize: req.query.pageSize,
      });
    },
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        body: z.strictObject({ ids: z.array(z.uuid()).max(200).optional() }),
        response: { 200: z.object({ marked: z.number().int() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return { marked: await markRead({ db: app.db, userId: actor.userId, ids: req.body.ids }) };
    },
  );
}

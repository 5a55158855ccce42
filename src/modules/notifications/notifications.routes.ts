import { requireActor } from '../../core/auth/plugin.js';
import type { App } from '../../core/http/types.js';
import { ZMarkedCount, ZMarkRead, ZNotificationList, ZNotificationQuery } from './notifications.contracts.js';
import { listNotifications, markRead } from './notifications.service.js';

export async function notificationsRoutes(app: App): Promise<void> {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        querystring: ZNotificationQuery,
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
        body: ZMarkRead,
        response: { 200: ZMarkedCount },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return { marked: await markRead({ db: app.db, userId: actor.userId, ids: req.body.ids }) };
    },
  );
}

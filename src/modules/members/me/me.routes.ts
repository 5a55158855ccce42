import { authorize } from '../../../core/auth/plugin.js';
import type { App } from '../../../core/http/types.js';
import { ZMyServiceYear } from './me.contracts.js';
import { myServiceYear } from './me.service.js';

/** The member's own year (the member home on the desktop and the phone). */
export async function meRoutes(app: App): Promise<void> {
  app.get(
    '/member-service/me/year',
    {
      schema: {
        tags: ['member-service'],
        summary: 'My service year: hours against the requirement, pace, points per quarter',
        response: { 200: ZMyServiceYear },
      },
    },
    async (req) => myServiceYear({ db: app.db, actor: authorize(req, 'memberservice.self') }),
  );
}

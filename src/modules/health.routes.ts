import { z } from 'zod';
import { formatLocalIso } from '../core/calendar.js';
import { clock } from '../core/clock.js';
import { ping } from '../core/db.js';
import type { App } from '../core/http/types.js';

const ZHealth = z.object({
  status: z.literal('ok'),
  database: z.boolean(),
  /** Business time (core/clock.ts), so the web app shows the same "today" as the server even when they differ. */
  now: z.string(),
  /** The county day of `now` (Asia/Shanghai). */
  today: z.string(),
});

export async function healthRoutes(app: App): Promise<void> {
  app.get(
    '/health',
    {
      schema: { tags: ['system'], response: { 200: ZHealth } },
    },
    async () => ({
      status: 'ok' as const,
      database: await ping(app.db),
      now: formatLocalIso(clock.now()),
      today: clock.today(),
    }),
  );
}

import { z } from 'zod';
import { ping } from '../core/db.js';
import type { App } from '../core/http/types.js';

export async function healthRoutes(app: App): Promise<void> {
  app.get('/health', {
    schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), database: z.boolean() }) } },
  }, async () => ({ status: 'ok' as const, database: await ping(app.db) }));
}

import type { Db } from '../core/db.js';
import { type DemoTime, registerStamp } from './demo-types.js';
import { createOpen311Client } from '../modules/open311/open311.service.js';

/**
 * The demo's Open311 client: the county's 12345 hotline system, with a fixed key printed at start beside the demo
 * logins (docs/OPEN311.md). Fixed so that a demo script works against any fresh demo; never in production, where
 * the demo is not seeded.
 */
export const DEMO_OPEN311_CLIENT = '12345 热线';
export const DEMO_OPEN311_KEY = 'lj311_demo-12345-hotline-key-not-secret';

export async function seedDemoOpen311(db: Db, time: DemoTime): Promise<void> {
  await createOpen311Client({
    db,
    actor: null,
    input: { name: DEMO_OPEN311_CLIENT },
    fixed: {
      key: DEMO_OPEN311_KEY,
      userId: '0d311000-0000-4000-8000-000000012345',
      clientId: '0d311000-0000-4000-8000-000000000001',
      createdAt: registerStamp(time).createdAt,
    },
  });
}

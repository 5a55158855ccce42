import type { Db } from '../core/db.js';
import type { DemoData } from './demo.js';
import type { DemoTime } from './demo-types.js';
import { seedDemoActivities } from './memberservice-activities.js';
import { seedDemoCaseRecords } from './memberservice-cases.js';
import { seedDemoLedgerSources } from './memberservice-ledger.js';
import { seedDemoPosts } from './memberservice-posts.js';
import { seedDemoReports } from './memberservice-reports.js';
import { seedDemoRatings } from './memberservice-ratings.js';

/**
 * The in-service members' demo (issue 13), written after co-building (service-day check-ins and needs exist):
 * 双报到 first (registrations and certificates), then posts and their activities (which write the ledger), then
 * the ledger's other sources (service days, needs, cases), then the quarterly ratings, which read all of that. Each
 * part has its own file under src/seed/memberservice-*.ts and one line here, in that order.
 */
export async function seedDemoMemberService(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  // 双报到 first: the posts' assignment reads who reported where.
  await seedDemoReports(db, data, time);
  await seedDemoPosts(db, data, time);
  // Post activities this year and the next two weeks: their check-outs are the ledger's post_duty rows.
  await seedDemoActivities(db, data, time);
  // The ledger's other sources: service-day check-ins and claimed needs (after the post duties, never overlapping).
  await seedDemoLedgerSources(db, data, time);
  // The cases the units' Party secretaries handled on site, from the verified cases' timelines.
  await seedDemoCaseRecords(db);
  // Last: the ratings read everything above (ledger rows, no-shows, reports).
  await seedDemoRatings(db, data, time);
}

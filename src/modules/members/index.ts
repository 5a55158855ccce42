import type { App } from '../../core/http/types.js';
import { meRoutes } from './me/me.routes.js';
import { paceRoutes } from './pace/pace.routes.js';
import { postActivitiesRoutes } from './activities/activities.routes.js';
import { postsRoutes } from './posts/posts.openings.routes.js';
import { ratingsRoutes } from './ratings/ratings.routes.js';
import { reportsRoutes } from './reports/reports.routes.js';

/**
 * The in-service members' routes (issue 13): 双报到 and the 报到证 (`reports/`), posts with their types, openings and
 * the assignment (`posts/`, `posts/assignment/`), post activities with sign-ups and check-in (`activities/`,
 * `activities/checkin/`), points and quarterly ratings (`ratings/`). The service ledger they write is the module
 * `ledger`.
 */
export async function memberServiceRoutes(app: App): Promise<void> {
  await app.register(reportsRoutes);
  await app.register(ratingsRoutes);
  await app.register(paceRoutes);
  await app.register(postsRoutes);
  await app.register(postActivitiesRoutes);
  await app.register(meRoutes);
}

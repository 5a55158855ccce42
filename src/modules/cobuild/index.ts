import type { App } from '../../core/http/types.js';
import { meetingsRoutes } from './meetings/meetings.routes.js';
import { pairingRoutes } from './pairing/pairing.routes.js';
import { matchingRoutes } from './needs/matching/matching.routes.js';
import { needClaimsRoutes } from './needs/needs.claims.routes.js';
import { needsRoutes } from './needs/needs.routes.js';
import { meetingTasksRoutes } from './meetings/meetings.tasks.routes.js';
import { projectsRoutes } from './projects/projects.routes.js';
import { serviceDaysRoutes } from './servicedays/servicedays.routes.js';

/** The co-building routes (六联六构建: pairing, projects, three lists, joint meetings, service days). */
export async function cobuildRoutes(app: App): Promise<void> {
  void app;
  await app.register(pairingRoutes);
  await app.register(serviceDaysRoutes);
  await app.register(meetingsRoutes);
  await app.register(meetingTasksRoutes);
  await app.register(projectsRoutes);
  await app.register(needsRoutes);
  await app.register(needClaimsRoutes);
  await app.register(matchingRoutes);
}

import type { App } from '../../core/http/types.js';
import { activitiesRoutes } from './activities/activities.routes.js';
import { catalogueRoutes } from './catalogue/catalogue.routes.js';
import { hoursRoutes } from './hours/hours.routes.js';
import { presenceRoutes } from './presence/presence.routes.js';

/**
 * Volunteer service (志愿服务, docs/VOLUNTEERS.md): catalogue/ (series, types, teams, registration, rules),
 * activities/ (activities, roles, sign-up and waitlist), presence/ (rotating QR check-in/out, hours, corrections,
 * the sweep), hours/ (hours, stars and certificates).
 */
export async function volunteersRoutes(app: App): Promise<void> {
  await app.register(catalogueRoutes);
  await app.register(activitiesRoutes);
  await app.register(presenceRoutes);
  await app.register(hoursRoutes);
}

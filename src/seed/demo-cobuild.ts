import type { Db } from '../core/db.js';
import { seedCobuildPairing } from './cobuild-pairing.js';
import { seedDemoMeetings } from './cobuild-meetings.js';
import { seedCobuildNeeds } from './cobuild-needs.js';
import { seedCobuildProjects } from './cobuild-projects.js';
import { seedDemoServiceDays } from './cobuild-servicedays.js';
import type { DemoData } from './demo.js';
import type { DemoTime } from './demo-types.js';
import { flagDemoCrossCommunityWhistles } from './demo-whistle-flags.js';

/**
 * The co-building demo (issue 5), written after the organisations, people and cases: the adopted pairing first,
 * then what hangs off it (projects, needs and resources, joint meetings, service days). Each part has its own file
 * under src/seed/cobuild-*.ts and one line here.
 */
export async function seedDemoCobuild(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  // The adopted pairing first: everything else hangs off who is paired with whom.
  await seedCobuildPairing(db, data, time);
  // The demo's whistles to units outside the pairing become 跨社区吹哨, with a reason.
  await flagDemoCrossCommunityWhistles(db);
  // Projects: after the pairing (they draw their units from the adopted pairing of the year).
  await seedCobuildProjects(db, data, time);
  // Needs, resources and the March matching run (needs drawn from the demo's cases).
  await seedCobuildNeeds(db, data, time);
  // Service days: last (sign-ups come from the adopted pairing of the year).
  await seedDemoServiceDays(db, data, time);
  // Joint meetings: after pairing, projects and needs (attendance from the pairing; Q4 agendas read needs and projects).
  await seedDemoMeetings(db, data, time);
}

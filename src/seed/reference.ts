import type { Db } from '../core/db.js';
import { seedCalendarDefaults } from '../modules/calendar/calendar.defaults.js';
import { seedCaseCategories } from '../modules/cases/cases.categories.js';
import { seedServiceKinds } from '../modules/cobuild/servicedays/servicedays.kinds.js';

/** Reference data every database needs, demo or not (official holidays, the case category tree): once, if empty. */
export async function seedReferenceData(opts: { db: Db }): Promise<void> {
  await seedCalendarDefaults(opts);
  await seedCaseCategories(opts);
  await seedServiceKinds(opts);
}

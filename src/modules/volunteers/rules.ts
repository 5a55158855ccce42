import { desc } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { DEFAULT_VOLUNTEER_RULES, type VolunteerRules } from './volunteers.enums.js';
import { volunteerRules } from './volunteers.schema.js';

/** The rules in force: the latest saved version, or the defaults (national star thresholds …) before any is saved. */
export interface VolunteerRulesView extends VolunteerRules {
  /** Null while the defaults apply. */
  id: string | null;
}

export async function currentVolunteerRules(db: Db): Promise<VolunteerRulesView> {
  const [row] = await db.select().from(volunteerRules).orderBy(desc(volunteerRules.createdAt)).limit(1);
  if (!row) return { id: null, ...DEFAULT_VOLUNTEER_RULES };
  return { id: row.id, ...DEFAULT_VOLUNTEER_RULES, ...row.rules };
}

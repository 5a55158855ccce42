import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { currentVolunteerRules, type VolunteerRulesView } from '../rules.js';
import type { VolunteerRules } from '../volunteers.enums.js';
import { volunteerRules } from '../volunteers.schema.js';
import type { VolunteerRulesInput } from './catalogue.contracts.js';
import { assertMayReadCatalogue } from './catalogue.policy.js';

/**
 * The rules of volunteer service as versions: reading the one in force (rules.ts) and saving a new one. A new
 * version is checked as a whole first, so a refused one writes nothing; the reason names the first figure that
 * does not hold.
 */
const isInt = (n: number) => Number.isInteger(n);
const within = (n: number, lo: number, hi: number) => isInt(n) && n >= lo && n <= hi;

/** Why these rules cannot be saved, or null when they hold together. */
export function rulesProblem(r: VolunteerRules): string | null {
  const s = r.starHours;
  if (s.length !== 5 || !s.every((h) => isInt(h) && h > 0) || s.some((h, i) => i > 0 && h <= s[i - 1]))
    return 'starHours: 5 positive whole numbers, strictly ascending';
  if (!(Number.isFinite(r.noShowPenaltyFactor) && r.noShowPenaltyFactor >= 0)) return 'noShowPenaltyFactor ≥ 0';
  for (const key of ['blockAfterNoShows', 'noShowWindowDays', 'blockDays'] as const)
    if (!(isInt(r[key]) && r[key] >= 0)) return `${key}: a whole number ≥ 0`;
  if (!within(r.dayCapMinutes, 60, 1440)) return 'dayCapMinutes: 60..1440';
  if (!within(r.geofenceMeters, 50, 5000)) return 'geofenceMeters: 50..5000';
  if (!within(r.codeRotateSeconds, 15, 600)) return 'codeRotateSeconds: 15..600';
  if (!within(r.publicityDays, 1, 30)) return 'publicityDays: 1..30';
  return null;
}

export async function getRules(opts: { db: Db; actor: Actor }): Promise<VolunteerRulesView> {
  assertMayReadCatalogue(opts.actor);
  return currentVolunteerRules(opts.db);
}

export async function saveRules(opts: {
  db: Db;
  actor: Actor;
  input: VolunteerRulesInput;
}): Promise<VolunteerRulesView> {
  const { db, actor, input } = opts;
  const reason = rulesProblem(input);
  if (reason) throw new AppError('VOLUNTEER_RULES_INVALID', { reason });
  return db.transaction(async (tx) => {
    const before = await currentVolunteerRules(tx);
    const [row] = await tx
      .insert(volunteerRules)
      .values({ rules: input, createdByUserId: actor.userId, createdAt: clock.now() })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'volunteer_rules.save',
      entityType: 'volunteer_rules',
      entityId: row.id,
      before,
      after: row.rules,
    });
    return { id: row.id, ...row.rules };
  });
}

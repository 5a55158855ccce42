import { desc } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { SERVICE_RECORD_KINDS } from '../../ledger/ledger.enums.js';
import { currentServiceRules, DEFAULT_SERVICE_RULES, type ServiceRulesView } from '../rules.js';
import type { ServiceRulesInput, ServiceRulesResponse } from './ratings.contracts.js';
import { rulesProblem } from './ratings.points.js';
import { assertMayChangeRules, assertMayReadRules } from './ratings.policy.js';
import { memberServiceRules } from './ratings.schema.js';

/**
 * The service rules (服务规则): GET the rules in force, PUT a new row. Rows are never edited, so each rating keeps
 * the rules it was computed by (member_ratings.rules_id).
 */
export async function getServiceRules(opts: { db: Db; actor: Actor }): Promise<ServiceRulesResponse> {
  assertMayReadRules(opts.actor);
  const [row] = await opts.db
    .select({ createdAt: memberServiceRules.createdAt })
    .from(memberServiceRules)
    .orderBy(desc(memberServiceRules.createdAt))
    .limit(1);
  const rules = await currentServiceRules(opts.db);
  return { ...rules, createdAt: row?.createdAt.toISOString() ?? null };
}

export async function saveServiceRules(opts: {
  db: Db;
  actor: Actor;
  input: ServiceRulesInput;
}): Promise<ServiceRulesResponse> {
  assertMayChangeRules(opts.actor);
  const problem = rulesProblem(opts.input, SERVICE_RECORD_KINDS);
  if (problem) throw new AppError('POINTS_RULES_INVALID', { reason: problem.reason }, { field: problem.field });
  return opts.db.transaction(async (tx) => {
    const before = await currentServiceRules(tx);
    const [row] = await tx
      .insert(memberServiceRules)
      .values({ ...opts.input, createdByUserId: opts.actor.userId })
      .returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'member_service_rules.create',
      entityType: 'member_service_rules',
      entityId: row.id,
      before,
      after: row,
    });
    const { createdByUserId: _by, createdAt, ...rest } = row;
    return { ...rest, createdAt: createdAt.toISOString() };
  });
}

/**
 * The rules in force as a stored row: a rating names the rules it was computed by (rules_id is required), so before
 * any row is saved the defaults are stored once, as the first row, by whoever rates first.
 */
export async function rulesInForce(tx: Db): Promise<ServiceRulesView & { id: string }> {
  const rules = await currentServiceRules(tx);
  if (rules.id) return { ...rules, id: rules.id };
  const { id: _none, ...defaults } = DEFAULT_SERVICE_RULES;
  const [row] = await tx.insert(memberServiceRules).values(defaults).returning({ id: memberServiceRules.id });
  return { ...rules, id: row.id };
}

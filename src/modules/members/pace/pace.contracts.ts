import { z } from 'zod';
import { listResponse, ZListQuery } from '../../../core/list.js';

/** The 20-hour pace list (at risk by pace) and reminders (the web imports the types). */
const ZBool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .default(false);

export const ZAtRiskQuery = ZListQuery.extend({
  /** The members' residence community. */
  communityId: z.uuid().optional(),
  /** The members' unit (party_members.unit_id). */
  unitId: z.uuid().optional(),
  /** Every in-service member in scope with their pace, not only those behind. */
  all: ZBool,
});
export type AtRiskQuery = z.infer<typeof ZAtRiskQuery>;

export const ZPaceRow = z.object({
  memberId: z.uuid(),
  memberName: z.string(),
  unitName: z.string().nullable(),
  communityName: z.string().nullable(),
  minutes: z.number().int(),
  expectedMinutes: z.number().int(),
  shortfallMinutes: z.number().int(),
  atRisk: z.boolean(),
  /** Last year's counted minutes and what it left owing (0 when met). */
  lastYearMinutes: z.number().int(),
  lastYearShortfallMinutes: z.number().int(),
  /** This month's reminder has gone out (at most one a month). */
  remindedThisMonth: z.boolean(),
});
export type PaceRow = z.infer<typeof ZPaceRow>;

export const ZAtRiskList = listResponse(ZPaceRow).extend({
  day: z.string(),
  year: z.number().int(),
  requiredMinutes: z.number().int(),
  expectedMinutes: z.number().int(),
  /** In-service members in scope (after the filters), those behind now, and those who missed last year's hours. */
  members: z.number().int(),
  atRisk: z.number().int(),
  missedLastYear: z.number().int(),
});
export type AtRiskList = z.infer<typeof ZAtRiskList>;

/** Remind the members behind now in the actor's scope (optionally narrowed); at most once per member a month. */
export const ZRemindBody = z.strictObject({
  communityId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  memberIds: z.array(z.uuid()).min(1).max(2000).optional(),
});
export type RemindBody = z.infer<typeof ZRemindBody>;

export const ZRemindResult = z.object({
  atRisk: z.number().int(),
  reminded: z.number().int(),
  /** Reminded already this month: nothing sent again. */
  alreadyReminded: z.number().int(),
  /** No active login to notify. */
  noLogin: z.number().int(),
});
export type RemindResult = z.infer<typeof ZRemindResult>;

import { z } from 'zod';

/** One quarter of the member's year: its points and minutes so far (live, the same figures a rating is suggested from). */
export const ZMyQuarter = z.object({
  quarter: z.number().int().min(1).max(4),
  begun: z.boolean(),
  ended: z.boolean(),
  points: z.number().int(),
  minutes: z.number().int(),
  noShows: z.number().int(),
});

/** A member's own year at a glance (the member home): hours against the yearly requirement, pace, points. */
export const ZMyServiceYear = z.object({
  memberId: z.uuid(),
  year: z.number().int(),
  today: z.string(),
  requiredHoursPerYear: z.number().int(),
  minutes: z.number().int(),
  expectedMinutes: z.number().int(),
  shortfallMinutes: z.number().int(),
  atRisk: z.boolean(),
  yearElapsed: z.number(),
  points: z.number().int(),
  reported: z.boolean(),
  quarters: z.array(ZMyQuarter),
});
export type MyServiceYear = z.infer<typeof ZMyServiceYear>;

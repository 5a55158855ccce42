import { z } from 'zod';
import { ZIsoDate, ZVersion } from '../../core/contracts.js';
import { listResponse, ZCsv, ZListQuery } from '../../core/list.js';
import { DUTY_ROLES } from './duties.enums.js';

export { DUTY_ROLES } from './duties.enums.js';
export const ZDutyRole = z.enum(DUTY_ROLES);

export const ZGridDuty = z.object({
  id: z.string(),
  gridId: z.string(),
  gridCode: z.string(),
  gridName: z.string(),
  personId: z.string(),
  personName: z.string(),
  personPhone: z.string().nullable(),
  role: ZDutyRole,
  since: z.string(),
  until: z.string().nullable(),
  note: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type GridDutyView = z.infer<typeof ZGridDuty>;
export const ZGridDutyList = listResponse(ZGridDuty);

export const ZGridDutyQuery = ZListQuery.extend({
  gridId: z.uuid().optional(),
  /** Include duties of every grid below gridId. */
  includeDescendants: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  personId: z.uuid().optional(),
  role: ZCsv.pipe(z.array(ZDutyRole)).optional(),
  communityId: z.uuid().optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type GridDutyQuery = z.infer<typeof ZGridDutyQuery>;

export const ZCreateGridDuty = z
  .strictObject({
    gridId: z.uuid(),
    personId: z.uuid(),
    role: ZDutyRole,
    since: ZIsoDate,
    until: ZIsoDate.nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .refine((d) => !d.until || d.until >= d.since, { message: 'until must not be before since', path: ['until'] });
export type CreateGridDuty = z.infer<typeof ZCreateGridDuty>;

export const ZUpdateGridDuty = z.strictObject({
  role: ZDutyRole.optional(),
  since: ZIsoDate.optional(),
  until: ZIsoDate.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  version: ZVersion,
});
export type UpdateGridDuty = z.infer<typeof ZUpdateGridDuty>;

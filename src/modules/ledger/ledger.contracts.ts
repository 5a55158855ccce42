import { z } from 'zod';
import { ZIsoDate, ZVersion } from '../../core/contracts.js';
import { listResponse, ZListQuery } from '../../core/list.js';
import { SERVICE_RECORD_KINDS } from './ledger.enums.js';

/** The service ledger's requests and answers (the web imports the types). */
export const ZServiceRecordKind = z.enum(SERVICE_RECORD_KINDS);

const ZYear = z.coerce.number().int().min(2000).max(2100);
const ZInstant = z.iso.datetime({ offset: true });
const ZReason = z.string().trim().min(1).max(500);
const ZBool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .default(false);

/** Filters of the ledger list and its export: who, where served, whose unit, what kind, when. */
export const ZServiceRecordListQuery = ZListQuery.extend({
  memberId: z.uuid().optional(),
  /** Where the service took place (the record's community). */
  communityId: z.uuid().optional(),
  /** The member's unit (party_members.unit_id), wherever they served. */
  unitId: z.uuid().optional(),
  kind: ZServiceRecordKind.optional(),
  year: ZYear.optional(),
  /** County days, inclusive. */
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  includeVoided: ZBool,
});
export type ServiceRecordListQuery = z.infer<typeof ZServiceRecordListQuery>;

export const ZServiceRecordView = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  unitName: z.string().nullable(),
  residenceCommunityName: z.string().nullable(),
  kind: ZServiceRecordKind,
  title: z.string(),
  communityId: z.uuid().nullable(),
  communityName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  minutes: z.number().int(),
  day: z.string(),
  verifiedByName: z.string().nullable(),
  evidence: z.string().nullable(),
  correctionReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ServiceRecordView = z.infer<typeof ZServiceRecordView>;
export const ZServiceRecordList = listResponse(ZServiceRecordView);

/** A staff correction of the times: a reason is required; the version the editor saw guards against a stale write. */
export const ZCorrectServiceRecord = z.strictObject({
  startsAt: ZInstant,
  endsAt: ZInstant,
  reason: ZReason,
  version: ZVersion,
});
export type CorrectServiceRecord = z.infer<typeof ZCorrectServiceRecord>;

export const ZVoidServiceRecord = z.strictObject({ reason: ZReason, version: ZVersion });
export type VoidServiceRecord = z.infer<typeof ZVoidServiceRecord>;

/** One member's year: without memberId, the caller's own. */
export const ZServiceSummaryQuery = z.strictObject({ memberId: z.uuid().optional(), year: ZYear.optional() });
export type ServiceSummaryQuery = z.infer<typeof ZServiceSummaryQuery>;

export const ZServiceSummary = z.object({
  memberId: z.uuid(),
  memberName: z.string(),
  year: z.number().int(),
  totalMinutes: z.number().int(),
  requiredMinutes: z.number().int(),
  records: z.number().int(),
  byKind: z.array(z.object({ kind: ZServiceRecordKind, minutes: z.number().int(), records: z.number().int() })),
  /** Twelve entries, January first. */
  byMonth: z.array(z.object({ month: z.number().int(), minutes: z.number().int() })),
});
export type ServiceSummary = z.infer<typeof ZServiceSummary>;

import { z } from 'zod';
import { ZVersion } from '../../../core/contracts.js';
import { listResponse, ZListQuery } from '../../../core/list.js';
import { NEED_CLAIM_STATUSES, NEED_STATUSES } from './needs.enums.js';

/** 微心愿认领: a Party member's claims of needs, and staff fulfilling them (the web imports the types). */
export const ZNeedClaimStatus = z.enum(NEED_CLAIM_STATUSES);

export const ZClaimNeed = z.strictObject({ note: z.string().trim().max(500).nullish() }).nullish();
export type ClaimNeed = NonNullable<z.infer<typeof ZClaimNeed>>;

export const ZWithdrawClaim = z.strictObject({ version: ZVersion });

/** The service's start and end as staff verified them: they become the member's ledger record. */
export const ZFulfilClaim = z.strictObject({
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  version: ZVersion,
});
export type FulfilClaim = z.infer<typeof ZFulfilClaim>;

export const ZNeedClaimListQuery = ZListQuery.extend({
  needId: z.uuid().optional(),
  communityId: z.uuid().optional(),
  status: ZNeedClaimStatus.optional(),
});
export type NeedClaimListQuery = z.infer<typeof ZNeedClaimListQuery>;

export const ZNeedClaimView = z.object({
  id: z.uuid(),
  needId: z.uuid(),
  needTitle: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  memberId: z.uuid(),
  memberName: z.string(),
  status: ZNeedClaimStatus,
  note: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  fulfilledAt: z.string().nullable(),
  serviceRecordId: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type NeedClaimView = z.infer<typeof ZNeedClaimView>;
export const ZNeedClaimList = listResponse(ZNeedClaimView);
export type NeedClaimList = z.infer<typeof ZNeedClaimList>;

/** A need the member may claim (their residence community's, not met or closed), with their own claim if any. */
export const ZClaimableNeed = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
  priority: z.number().int(),
  communityName: z.string(),
  myClaim: ZNeedClaimView.nullable(),
});
export const ZClaimableNeeds = z.object({ items: z.array(ZClaimableNeed) });
export type ClaimableNeeds = z.infer<typeof ZClaimableNeeds>;

import { z } from 'zod';
import { ZIsoDate, ZVersion } from '../../../core/contracts.js';
import { listResponse, ZCsv, ZListQuery } from '../../../core/list.js';
import { MEMBER_KINDS } from './members.enums.js';

export { MEMBER_KINDS } from './members.enums.js';
export const ZMemberKind = z.enum(MEMBER_KINDS);

export const ZPartyMember = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  phone: z.string().nullable(),
  kind: ZMemberKind,
  branchId: z.string().nullable(),
  branchName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  residenceCommunityId: z.string().nullable(),
  residenceCommunityName: z.string().nullable(),
  joinedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PartyMemberView = z.infer<typeof ZPartyMember>;
export const ZPartyMemberList = listResponse(ZPartyMember);

export const ZPartyMemberQuery = ZListQuery.extend({
  kind: ZCsv.pipe(z.array(ZMemberKind)).optional(),
  unitId: z.uuid().optional(),
  branchId: z.uuid().optional(),
  residenceCommunityId: z.uuid().optional(),
});
export type PartyMemberQuery = z.infer<typeof ZPartyMemberQuery>;

const memberFields = {
  kind: ZMemberKind,
  branchId: z.uuid().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
  residenceCommunityId: z.uuid().nullable().optional(),
  joinedAt: ZIsoDate.nullable().optional(),
};
export const ZCreatePartyMember = z.strictObject({ personId: z.uuid(), ...memberFields });
export type CreatePartyMember = z.infer<typeof ZCreatePartyMember>;
export const ZUpdatePartyMember = z.strictObject(memberFields).partial().extend({ version: ZVersion });
export type UpdatePartyMember = z.infer<typeof ZUpdatePartyMember>;

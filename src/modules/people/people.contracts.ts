import { z } from 'zod';
import { ZIsoDate, ZVersion } from '../../core/contracts.js';
import { isValidIdNumber, PHONE_PATTERN } from '../../core/idcard.js';
import { listResponse, ZCsv, ZListQuery } from '../../core/list.js';
import { GENDERS, PERSON_ROLES } from './people.enums.js';

export { PERSON_ROLES } from './people.enums.js';
export const ZPersonRole = z.enum(PERSON_ROLES);
export const ZGender = z.enum(GENDERS);

export const ZPhone = z.string().trim().regex(PHONE_PATTERN, 'a mainland mobile number: 11 digits starting with 1');
export const ZIdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidIdNumber, 'an 18-character resident ID number with a valid check digit');

/** A person as every response shows it: phone and ID number masked (reveal them with POST /people/:id/reveal). */
export const ZPerson = z.object({
  id: z.string(),
  name: z.string(),
  gender: ZGender.nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  address: z.string().nullable(),
  homeGridId: z.string().nullable(),
  homeGridCode: z.string().nullable(),
  homeGridName: z.string().nullable(),
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
  roles: z.array(z.string()),
  note: z.string().nullable(),
  partyMemberKind: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PersonView = z.infer<typeof ZPerson>;
export const ZPersonList = listResponse(ZPerson);

export const ZPersonListQuery = ZListQuery.extend({
  communityId: z.uuid().optional(),
  /** The grid and every grid below it. */
  gridId: z.uuid().optional(),
  role: ZPersonRole.optional(),
  gender: ZGender.optional(),
  partyMember: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type PersonListQuery = z.infer<typeof ZPersonListQuery>;

const personFields = {
  name: z.string().trim().min(1).max(50),
  gender: ZGender.nullable().optional(),
  birthDate: ZIsoDate.nullable().optional(),
  phone: ZPhone.nullable().optional(),
  idNumber: ZIdNumber.nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  homeGridId: z.uuid().nullable().optional(),
  roles: z.array(ZPersonRole).max(PERSON_ROLES.length).optional(),
  note: z.string().trim().max(1000).nullable().optional(),
};
export const ZCreatePerson = z.strictObject(personFields);
export type CreatePerson = z.infer<typeof ZCreatePerson>;
export const ZUpdatePerson = z.strictObject(personFields).partial().extend({ version: ZVersion });
export type UpdatePerson = z.infer<typeof ZUpdatePerson>;

export const ZRevealRequest = z.strictObject({
  fields: z
    .array(z.enum(['phone', 'idNumber']))
    .min(1)
    .default(['phone', 'idNumber']),
  reason: z.string().trim().max(200).optional(),
});
export const ZRevealResponse = z.object({
  phone: z.string().nullable().optional(),
  idNumber: z.string().nullable().optional(),
});

export { ZImportMode, ZImportReport, type ImportReport } from '../../core/contracts.js';

export { ZCsv };

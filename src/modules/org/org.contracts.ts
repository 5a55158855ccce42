import { z } from 'zod';
import { ZLat, ZLng, ZVersion } from '../../core/contracts.js';
import { listResponse, ZCsv, ZListQuery } from '../../core/list.js';
import { ORG_KINDS, STRENGTHS } from './org.enums.js';

export { ORG_KINDS, STRENGTHS } from './org.enums.js';
export const ZOrgKind = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof ZOrgKind>;

export const ZStrength = z.enum(STRENGTHS);

export const ZOrganisation = z.object({
  id: z.string(),
  kind: ZOrgKind,
  name: z.string(),
  code: z.string().nullable(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  strengths: z.array(z.string()),
  population: z.number().int().nullable(),
  /** A unit's Party leader (a deputy of the 大党委 of each community the unit is paired with). */
  leaderName: z.string().nullable(),
  leaderTitle: z.string().nullable(),
  /** Party members attached: in-service members of a unit, residents of a community, members of a branch. */
  memberCount: z.number().int(),
  childCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type OrganisationView = z.infer<typeof ZOrganisation>;
export const ZOrganisationList = listResponse(ZOrganisation);

export const ZOrgListQuery = ZListQuery.extend({
  kind: ZCsv.pipe(z.array(ZOrgKind)).optional(),
  parentId: z.uuid().optional(),
  strength: ZStrength.optional(),
});
export type OrgListQuery = z.infer<typeof ZOrgListQuery>;

const orgFields = {
  name: z.string().trim().min(1).max(100),
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/)
    .nullable()
    .optional(),
  parentId: z.uuid().nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  lng: ZLng.nullable().optional(),
  lat: ZLat.nullable().optional(),
  strengths: z.array(ZStrength).max(12).optional(),
  population: z.number().int().min(0).max(10_000_000).nullable().optional(),
  leaderName: z.string().trim().max(50).nullable().optional(),
  leaderTitle: z.string().trim().max(100).nullable().optional(),
};

export const ZCreateOrganisation = z.strictObject({ kind: ZOrgKind, ...orgFields });
export type CreateOrganisation = z.infer<typeof ZCreateOrganisation>;

export const ZUpdateOrganisation = z.strictObject(orgFields).partial().extend({ version: ZVersion });
export type UpdateOrganisation = z.infer<typeof ZUpdateOrganisation>;

export interface OrgTreeNode {
  id: string;
  kind: OrgKind;
  name: string;
  code: string | null;
  children: OrgTreeNode[];
}
export const ZOrgTreeNode: z.ZodType<OrgTreeNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    kind: ZOrgKind,
    name: z.string(),
    code: z.string().nullable(),
    children: z.array(ZOrgTreeNode),
  }),
);
export const ZOrgTree = z.array(ZOrgTreeNode);

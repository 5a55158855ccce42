/**
 * Types of the API, taken from the server's zod contracts (types only: nothing from src/ ends up in the bundle).
 * Enum value lists are repeated here as typed constants so that a renamed value fails the type check.
 */
import type { MeResponse } from '../../../src/modules/auth/auth.contracts';
import type { OrgKind } from '../../../src/modules/org/org.contracts';
import type { GridView } from '../../../src/modules/grid/grid.contracts';

export type { MeResponse } from '../../../src/modules/auth/auth.contracts';
export type { OrganisationView, OrgTreeNode, OrgKind, CreateOrganisation, UpdateOrganisation } from '../../../src/modules/org/org.contracts';
export type { GridView, GridDetail, GridTreeNode, GridDutyView } from '../../../src/modules/grid/grid.contracts';
export type { PersonView, CreatePerson, UpdatePerson, ImportReport } from '../../../src/modules/people/people.contracts';
export type { PartyMemberView, CreatePartyMember, UpdatePartyMember } from '../../../src/modules/members/members.contracts';

export type Permission = MeResponse['permissions'][number];
export type Role = MeResponse['roles'][number]['role'];
export type GridKind = GridView['kind'];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

export interface GridFeatureProperties {
  id: string;
  code: string;
  name: string;
  level: number;
  kind: GridKind;
  parentId: string | null;
  communityId: string;
}
export interface GridFeature {
  type: 'Feature';
  id: string;
  geometry: unknown;
  properties: GridFeatureProperties;
}
export interface GridFeatureCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
}
export interface LocateResponse {
  grid: { id: string; code: string; name: string; level: number; communityId: string };
}
export interface RevealResponse {
  phone?: string | null;
  idNumber?: string | null;
}

export const ORG_KINDS = ['county', 'town', 'community', 'branch', 'unit'] as const satisfies readonly OrgKind[];
export const STRENGTHS = [
  'law', 'health', 'construction', 'education', 'public_security', 'environment', 'culture', 'finance',
  'elderly_care', 'youth', 'emergency', 'social_work',
] as const;
export const PERSON_ROLES = ['resident', 'volunteer', 'grid_worker', 'alley_head', 'building_head', 'staff'] as const;
export const MEMBER_KINDS = ['in_service', 'mobile', 'retired', 'ordinary'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** Which kinds may sit directly under which (mirrors src/modules/org/org.rules.ts; the server decides). */
export const ALLOWED_PARENTS: Record<OrgKind, readonly (OrgKind | null)[]> = {
  county: [null],
  town: ['county'],
  community: ['town', 'county'],
  branch: ['community', 'unit'],
  unit: ['county', 'town'],
};

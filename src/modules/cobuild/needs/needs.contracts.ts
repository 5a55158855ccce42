import { z } from 'zod';
import { ZIsoDate, ZLat, ZLng, ZVersion } from '../../../core/contracts.js';
import { listResponse, ZListQuery } from '../../../core/list.js';
import { PROJECT_DOMAINS } from '../projects/projects.schema.js';
import {
  MATCH_STATUSES,
  MEASURE_UNITS,
  NEED_SOURCES,
  NEED_STATUSES,
  NEED_TASK_STATUSES,
  RESOURCE_KINDS,
} from './needs.schema.js';
export { KIND_UNITS } from './needs.enums.js';

/** 三张清单: needs and resources (the web imports the types). Matching runs live in matching.contracts.ts. */
export const ZMeasureUnit = z.enum(MEASURE_UNITS);
export type MeasureUnit = z.infer<typeof ZMeasureUnit>;
export const ZNeedDomain = z.enum(PROJECT_DOMAINS);
export const ZNeedSource = z.enum(NEED_SOURCES);
export const ZNeedStatus = z.enum(NEED_STATUSES);
export const ZResourceKind = z.enum(RESOURCE_KINDS);
export type ResourceKind = z.infer<typeof ZResourceKind>;
export const ZMatchStatus = z.enum(MATCH_STATUSES);
export const ZNeedTaskStatus = z.enum(NEED_TASK_STATUSES);

const ZTitle = z.string().trim().min(1).max(200);
const ZDescription = z.string().trim().max(2000).nullable().optional();
const ZQuantity = z.number().positive().max(100_000_000);
const ZPriority = z.number().int().min(1).max(5);

export const ZCreateNeed = z.strictObject({
  communityId: z.uuid(),
  title: ZTitle,
  description: ZDescription,
  domain: ZNeedDomain,
  priority: ZPriority,
  lng: ZLng,
  lat: ZLat,
  quantity: ZQuantity,
  unit: ZMeasureUnit,
  /** A need raised from a case is created with POST /needs/from-case/:caseId. */
  source: z.enum(['survey', 'community']).default('community'),
});
export type CreateNeed = z.infer<typeof ZCreateNeed>;

export const ZUpdateNeed = z.strictObject({
  title: ZTitle.optional(),
  description: ZDescription,
  domain: ZNeedDomain.optional(),
  priority: ZPriority.optional(),
  lng: ZLng.optional(),
  lat: ZLat.optional(),
  quantity: ZQuantity.optional(),
  unit: ZMeasureUnit.optional(),
  status: ZNeedStatus.optional(),
  version: ZVersion,
});
export type UpdateNeed = z.infer<typeof ZUpdateNeed>;

/** Turning a case into a need: the case gives title, place and community; the rest may be set here. */
export const ZNeedFromCase = z
  .strictObject({
    domain: ZNeedDomain.default('other'),
    priority: ZPriority.default(3),
    quantity: ZQuantity.default(8),
    unit: ZMeasureUnit.default('person_hours'),
  })
  .nullish();
export type NeedFromCase = NonNullable<z.infer<typeof ZNeedFromCase>>;
export const FROM_CASE_DEFAULTS: NeedFromCase = { domain: 'other', priority: 3, quantity: 8, unit: 'person_hours' };

const ZPriorityFilter = z.coerce.number().int().min(1).max(5);

export const ZNeedListQuery = ZListQuery.extend({
  communityId: z.uuid().optional(),
  status: ZNeedStatus.optional(),
  priority: ZPriorityFilter.optional(),
  /** At least this priority. */
  minPriority: ZPriorityFilter.optional(),
  domain: ZNeedDomain.optional(),
  source: ZNeedSource.optional(),
  unit: ZMeasureUnit.optional(),
});
export type NeedListQuery = z.infer<typeof ZNeedListQuery>;

export const ZNeedView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  domain: ZNeedDomain,
  priority: z.number().int(),
  lng: z.number(),
  lat: z.number(),
  quantity: z.number(),
  unit: ZMeasureUnit,
  served: z.number(),
  remaining: z.number(),
  source: ZNeedSource,
  status: ZNeedStatus,
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type NeedView = z.infer<typeof ZNeedView>;
export const ZNeedList = listResponse(ZNeedView);

/** A lighter projection for the map: every need in scope matching the filters, up to a cap. */
export const ZNeedPoint = ZNeedView.pick({
  id: true,
  title: true,
  priority: true,
  lng: true,
  lat: true,
  status: true,
  communityName: true,
});
export const ZNeedPoints = z.object({ items: z.array(ZNeedPoint), truncated: z.boolean() });
export type NeedPoint = z.infer<typeof ZNeedPoint>;

export const ZCreateResource = z.strictObject({
  /** A unit admin's own unit by default; the county names the unit. */
  unitId: z.uuid().optional(),
  kind: ZResourceKind,
  title: ZTitle,
  description: ZDescription,
  capacity: ZQuantity,
  unit: ZMeasureUnit,
  availableFrom: ZIsoDate,
  availableTo: ZIsoDate,
  /** Where the resource is offered; the unit's own location when left out. */
  lng: ZLng.optional(),
  lat: ZLat.optional(),
});
export type CreateResource = z.infer<typeof ZCreateResource>;

export const ZUpdateResource = z.strictObject({
  kind: ZResourceKind.optional(),
  title: ZTitle.optional(),
  description: ZDescription,
  capacity: ZQuantity.optional(),
  unit: ZMeasureUnit.optional(),
  availableFrom: ZIsoDate.optional(),
  availableTo: ZIsoDate.optional(),
  lng: ZLng.optional(),
  lat: ZLat.optional(),
  version: ZVersion,
});
export type UpdateResource = z.infer<typeof ZUpdateResource>;

export const ZResourceListQuery = ZListQuery.extend({
  unitId: z.uuid().optional(),
  kind: ZResourceKind.optional(),
  unit: ZMeasureUnit.optional(),
  /** Offered on this day. */
  availableOn: ZIsoDate.optional(),
});
export type ResourceListQuery = z.infer<typeof ZResourceListQuery>;

export const ZResourceView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: ZResourceKind,
  title: z.string(),
  description: z.string().nullable(),
  capacity: z.number(),
  unit: ZMeasureUnit,
  reserved: z.number(),
  remaining: z.number(),
  availableFrom: z.string(),
  availableTo: z.string(),
  lng: z.number(),
  lat: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ResourceView = z.infer<typeof ZResourceView>;
export const ZResourceList = listResponse(ZResourceView);

export const ZIdParams = z.object({ id: z.uuid() });
export const ZCaseParams = z.object({ caseId: z.uuid() });

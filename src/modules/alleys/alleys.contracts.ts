import { z } from 'zod';
import { ZVersion } from '../../core/contracts.js';
import { listResponse, ZListQuery } from '../../core/list.js';
import { ITEM_STATUSES, SIX_HAVES } from './alleys.enums.js';

export { inspectionScore, isWeak, ITEM_POINTS, ITEM_STATUSES, SIX_HAVES } from './alleys.enums.js';
export type { ItemStatus, SixHave } from './alleys.enums.js';

export const ZSixHave = z.enum(SIX_HAVES);
export const ZItemStatus = z.enum(ITEM_STATUSES);

/** A region in the list: its latest score and its weak items (missing or needing work). */
export const ZAlleyRegionSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  score: z.number().int().nullable(),
  inspectedAt: z.string().nullable(),
  weakItems: z.array(ZSixHave),
});
export type AlleyRegionSummary = z.infer<typeof ZAlleyRegionSummary>;
export const ZAlleyRegionList = listResponse(ZAlleyRegionSummary);

export const ZAlleyRegionQuery = ZListQuery.extend({
  communityId: z.uuid().optional(),
  /** sort: score | -score | code | -code | inspectedAt | -inspectedAt (default: code). */
});
export type AlleyRegionQuery = z.infer<typeof ZAlleyRegionQuery>;

/** An evidence photo of an item (served only to those who may see the region). */
export const ZAlleyPhoto = z.object({
  id: z.string(),
  item: ZSixHave,
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type AlleyPhotoView = z.infer<typeof ZAlleyPhoto>;
export const ZAlleyPhotoParams = z.object({ photoId: z.uuid() });

export const ZAlleyItem = z.object({
  item: ZSixHave,
  status: ZItemStatus,
  evidenceNote: z.string().nullable(),
  photos: z.array(ZAlleyPhoto),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AlleyItemView = z.infer<typeof ZAlleyItem>;

export const ZAlleyHead = z.object({ personId: z.string(), name: z.string(), since: z.string() });

export const ZInspectionItem = z.object({ item: ZSixHave, status: ZItemStatus, note: z.string().nullable() });

export const ZAlleyInspection = z.object({
  id: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  inspectedAt: z.string(),
  inspectorName: z.string().nullable(),
  score: z.number().int(),
  note: z.string().nullable(),
  items: z.array(ZInspectionItem),
});
export type AlleyInspectionView = z.infer<typeof ZAlleyInspection>;
export const ZAlleyInspectionList = listResponse(ZAlleyInspection);

export const ZAlleyInspectionQuery = ZListQuery.extend({
  regionId: z.uuid().optional(),
  /** Only the inspections the caller made (an alley head's own history). */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type AlleyInspectionQuery = z.infer<typeof ZAlleyInspectionQuery>;

export const ZAlleyRegionDetail = ZAlleyRegionSummary.extend({
  heads: z.array(ZAlleyHead),
  items: z.array(ZAlleyItem),
  /** Whether the caller may inspect this region (an alley head of it, or the county). */
  mayInspect: z.boolean(),
  mayManage: z.boolean(),
  inspections: z.array(ZAlleyInspection),
});
export type AlleyRegionDetail = z.infer<typeof ZAlleyRegionDetail>;

/** An inspection: each of the six items exactly once with what was found. */
export const ZCreateInspection = z.strictObject({
  items: z
    .array(
      z.strictObject({
        item: ZSixHave,
        status: ZItemStatus,
        note: z.string().trim().max(500).nullable().optional(),
      }),
    )
    .length(SIX_HAVES.length)
    .refine((items) => new Set(items.map((i) => i.item)).size === SIX_HAVES.length, {
      message: 'each of the six items exactly once',
    }),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type CreateInspection = z.infer<typeof ZCreateInspection>;

export const ZAlleyItemParams = z.object({ id: z.uuid(), item: ZSixHave });

/** Evidence of an item kept by the community: where the document is, the company's name, … */
export const ZUpdateAlleyItem = z.strictObject({
  evidenceNote: z.string().trim().max(1000).nullable(),
  version: ZVersion,
});
export type UpdateAlleyItem = z.infer<typeof ZUpdateAlleyItem>;

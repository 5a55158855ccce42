import { z } from 'zod';
import { ZIsoDate, ZVersion } from '../../core/contracts.js';
import { listResponse, ZListQuery } from '../../core/list.js';
import { ALLEY_TASK_STATES, DOCUMENT_ITEMS, ITEM_STATUSES, SIX_HAVES } from './alleys.enums.js';

export {
  ALLEY_TASK_STATES,
  DOCUMENT_ITEMS,
  inspectionScore,
  isWeak,
  ITEM_POINTS,
  ITEM_STATUSES,
  SIX_HAVES,
  TASK_DUE_DAYS,
} from './alleys.enums.js';
export type { AlleyTaskState, DocumentItem, ItemStatus, SixHave } from './alleys.enums.js';

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
  /** 整改任务 still open, and those of them past their due date. */
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
  /** The names of the region's alley heads in force today (the map's card shows them). */
  headNames: z.array(z.string()),
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

/** A PDF kept as an item's evidence (the guideline, the residents' pact), served only to those who see the region. */
export const ZAlleyDocument = z.object({
  id: z.string(),
  item: ZSixHave,
  title: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  url: z.string(),
  uploadedAt: z.string(),
});
export type AlleyDocumentView = z.infer<typeof ZAlleyDocument>;
export const ZAlleyDocumentParams = z.object({ docId: z.uuid() });
/** Documents are taken for the guideline and the residents' pact only: any other item is 400. */
export const ZAlleyDocumentItemParams = z.object({ id: z.uuid(), item: z.enum(DOCUMENT_ITEMS) });

/** The cleaning company on the cleaningCompany item: its contact phone masked. */
export const ZAlleyCompany = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  contractUntil: z.string().nullable(),
});
export const ZAlleyTeamRef = z.object({ id: z.string(), name: z.string() });

export const ZAlleyItem = z.object({
  item: ZSixHave,
  status: ZItemStatus,
  evidenceNote: z.string().nullable(),
  photos: z.array(ZAlleyPhoto),
  documents: z.array(ZAlleyDocument),
  company: ZAlleyCompany.nullable(),
  volunteerTeam: ZAlleyTeamRef.nullable(),
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

/** 整改任务: a weak item found by an inspection, assigned to the region (its alley heads), due in TASK_DUE_DAYS. */
export const ZAlleyTask = z.object({
  id: z.string(),
  regionId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  item: ZSixHave,
  state: z.enum(ALLEY_TASK_STATES),
  dueOn: z.string(),
  overdue: z.boolean(),
  openedAt: z.string(),
  openedByInspectionId: z.string(),
  note: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  closedByInspectionId: z.string().nullable(),
  mayClose: z.boolean(),
  mayCancel: z.boolean(),
});
export type AlleyTaskView = z.infer<typeof ZAlleyTask>;

export const ZAlleyRegionDetail = ZAlleyRegionSummary.extend({
  heads: z.array(ZAlleyHead),
  items: z.array(ZAlleyItem),
  /** Whether the caller may inspect this region (an alley head of it, or the county). */
  mayInspect: z.boolean(),
  mayManage: z.boolean(),
  /** Whether the caller may close the region's tasks (its alley heads and whoever manages it). */
  mayCloseTasks: z.boolean(),
  inspections: z.array(ZAlleyInspection),
  /** The open tasks and the ten closed most recently. */
  tasks: z.array(ZAlleyTask),
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

const ZContactPhone = z
  .string()
  .trim()
  .regex(/^[0-9][0-9 -]{5,18}[0-9]$/, 'a phone number: digits, spaces or dashes');

/**
 * Evidence of an item kept by the community: a note, and the item's link — the cleaning company (cleaningCompany
 * only) or the volunteer team (volunteerTeam only, a team of the region's community). A field left out is unchanged.
 */
export const ZUpdateAlleyItem = z.strictObject({
  evidenceNote: z.string().trim().max(1000).nullable().optional(),
  companyName: z.string().trim().min(1).max(100).nullable().optional(),
  companyPhone: ZContactPhone.nullable().optional(),
  contractUntil: ZIsoDate.nullable().optional(),
  volunteerTeamId: z.uuid().nullable().optional(),
  version: ZVersion,
});
export type UpdateAlleyItem = z.infer<typeof ZUpdateAlleyItem>;

export const ZAlleyTaskList = listResponse(ZAlleyTask);

export const ZAlleyTaskQuery = ZListQuery.extend({
  regionId: z.uuid().optional(),
  communityId: z.uuid().optional(),
  state: z.enum(ALLEY_TASK_STATES).optional(),
  /** Only open tasks past their due date. */
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** sort: dueOn | -dueOn | openedAt | -openedAt (default: open first, then by due date). */
});
export type AlleyTaskQuery = z.infer<typeof ZAlleyTaskQuery>;

/** Closing a task by hand: what was done. */
export const ZCloseAlleyTask = z.strictObject({ note: z.string().trim().min(1).max(500) });
/** Cancelling a task (staff): why it is not needed. */
export const ZCancelAlleyTask = z.strictObject({ reason: z.string().trim().min(1).max(500) });

/** A volunteer team the region's volunteerTeam item may link to (the teams of its community). */
export const ZAlleyTeamOptions = z.array(ZAlleyTeamRef);

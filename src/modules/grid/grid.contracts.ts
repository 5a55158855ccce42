import { z } from 'zod';
import { ZIsoDate, ZLat, ZLng, ZVersion } from '../../core/contracts.js';
import { listResponse, ZCsv, ZListQuery } from '../../core/list.js';
import { DUTY_ROLES, GRID_KINDS } from './grid.enums.js';

export { DUTY_ROLES, GRID_KINDS } from './grid.enums.js';
export const ZGridKind = z.enum(GRID_KINDS);
export const ZGridLevel = z.coerce.number().int().min(1).max(4);
/** `level=1,2` or repeated `level=` in a query string. */
const ZLevels = ZCsv.transform((levels) => levels.map(Number)).pipe(z.array(z.number().int().min(1).max(4)));

export const ZGrid = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  kind: ZGridKind,
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  communityId: z.string(),
  communityName: z.string(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  childCount: z.number().int(),
  peopleCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type GridView = z.infer<typeof ZGrid>;
export const ZGridList = listResponse(ZGrid);

export const ZGridDetail = ZGrid.extend({
  boundary: z.unknown().nullable(),
  /** Ancestors from the community grid down to the parent. */
  path: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.number().int() })),
});
export type GridDetail = z.infer<typeof ZGridDetail>;

export const ZGridListQuery = ZListQuery.extend({
  level: ZLevels.optional(),
  kind: ZCsv.pipe(z.array(ZGridKind)).optional(),
  communityId: z.uuid().optional(),
  parentId: z.uuid().optional(),
  /** Every grid below this one (by hierarchical code). */
  under: z.uuid().optional(),
});
export type GridListQuery = z.infer<typeof ZGridListQuery>;

export const ZCreateGrid = z.strictObject({
  /** Omit to get the next free code under the parent (or under the county for a level-1 grid). */
  code: z
    .string()
    .trim()
    .regex(/^\d{9}(\d{3}){0,3}$/, 'county 6 digits + 3 digits per level')
    .optional(),
  name: z.string().trim().min(1).max(100),
  level: z.number().int().min(1).max(4),
  kind: ZGridKind,
  parentId: z.uuid().nullable().optional(),
  /** Required for a level-1 grid; below that it is the parent's community. */
  communityId: z.uuid().optional(),
  boundary: z.unknown().optional(),
});
export type CreateGrid = z.infer<typeof ZCreateGrid>;

export const ZUpdateGrid = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  kind: ZGridKind.optional(),
  boundary: z.unknown().optional(),
  version: ZVersion,
});
export type UpdateGrid = z.infer<typeof ZUpdateGrid>;

export interface GridTreeNode {
  id: string;
  code: string;
  name: string;
  level: number;
  kind: z.infer<typeof ZGridKind>;
  children: GridTreeNode[];
}
export const ZGridTreeNode: z.ZodType<GridTreeNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    level: z.number().int(),
    kind: ZGridKind,
    children: z.array(ZGridTreeNode),
  }),
);
export const ZGridTree = z.array(ZGridTreeNode);
export const ZGridTreeQuery = z.object({ communityId: z.uuid().optional(), maxLevel: ZGridLevel.optional() });

export const ZGeoJsonQuery = z.object({
  level: ZLevels.optional(),
  communityId: z.uuid().optional(),
  parentId: z.uuid().optional(),
});
export const ZFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: z.unknown(),
      properties: z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        level: z.number().int(),
        kind: ZGridKind,
        parentId: z.string().nullable(),
        communityId: z.string(),
      }),
    }),
  ),
});

/** Query strings are text: an empty value must be an error, not 0. */
const ZNumberText = z
  .string()
  .trim()
  .min(1)
  .regex(/^-?\d+(\.\d+)?$/)
  .transform(Number);
export const ZLocateQuery = z.object({ lng: ZNumberText.pipe(ZLng), lat: ZNumberText.pipe(ZLat) });
export const ZLocateResponse = z.object({
  grid: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    level: z.number().int(),
    communityId: z.string(),
  }),
});

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

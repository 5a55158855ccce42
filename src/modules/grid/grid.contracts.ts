import { z } from 'zod';
import { ZLat, ZLng, ZVersion } from '../../core/contracts.js';
import { listResponse, ZCsv, ZListQuery } from '../../core/list.js';
import { GRID_KINDS } from './grid.enums.js';

export { GRID_KINDS } from './grid.enums.js';
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

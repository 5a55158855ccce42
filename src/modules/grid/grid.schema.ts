import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  doublePrecision,
  index,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Geometry } from 'geojson';
import { createdAt, idColumn, updatedAt, version } from '../../core/columns.js';
import { organisations } from '../org/org.schema.js';
import { GRID_KINDS } from './grid.enums.js';

export const gridKind = pgEnum('grid_kind', GRID_KINDS);

export const grids = pgTable(
  'grids',
  {
    id: idColumn(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    level: smallint('level').notNull(),
    kind: gridKind('kind').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => grids.id, { onDelete: 'restrict' }),
    communityId: uuid('community_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    boundary: jsonb('boundary').$type<Geometry>(),
    minLng: doublePrecision('min_lng'),
    minLat: doublePrecision('min_lat'),
    maxLng: doublePrecision('max_lng'),
    maxLat: doublePrecision('max_lat'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('grids_parent_idx').on(t.parentId),
    index('grids_community_idx').on(t.communityId),
    index('grids_code_prefix_idx').on(t.code.op('text_pattern_ops')),
    check('grids_level_range', sql`${t.level} between 1 and 4`),
  ],
);

/**
 * 背街小巷: 62 regions, each led by one or more alley heads (grid duties on its alley grid). Their 六有, inspections
 * and evidence are the alleys module's (modules/alleys/alleys.schema.ts).
 */
export const alleyRegions = pgTable(
  'alley_regions',
  {
    id: idColumn(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    gridId: uuid('grid_id').references(() => grids.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('alley_regions_community_idx').on(t.communityId)],
);

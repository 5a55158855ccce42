import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, version } from '../../core/columns.js';
import { users } from '../auth/auth.schema.js';
import { alleyRegions } from '../grid/grid.schema.js';
import { people } from '../people/people.schema.js';
import { ITEM_STATUSES, SIX_HAVES } from './alleys.enums.js';

export const sixHaveItem = pgEnum('six_have_item', SIX_HAVES);
export const sixHaveStatus = pgEnum('six_have_status', ITEM_STATUSES);

/**
 * 六有 of a region, one row per region × item: its standing status (the latest inspection's finding, or the register's
 * first state), and its evidence (a note: where the guideline and pact are kept, the cleaning company's name …).
 * A table rather than the old jsonb field, so each item carries its own evidence, stamp and history.
 */
export const alleyRegionItems = pgTable(
  'alley_region_items',
  {
    id: idColumn(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => alleyRegions.id, { onDelete: 'cascade' }),
    item: sixHaveItem('item').notNull(),
    status: sixHaveStatus('status').notNull(),
    evidenceNote: text('evidence_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('alley_region_items_region_item_uq').on(t.regionId, t.item)],
);

/** One inspection of a region (巡查) by an alley head on their phone: its score by the one rule of alleys.enums.ts. */
export const alleyInspections = pgTable(
  'alley_inspections',
  {
    id: idColumn(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => alleyRegions.id, { onDelete: 'restrict' }),
    inspectedAt: timestamp('inspected_at', { withTimezone: true }).notNull(),
    inspectorUserId: uuid('inspector_user_id').references(() => users.id, { onDelete: 'restrict' }),
    inspectorPersonId: uuid('inspector_person_id').references(() => people.id, { onDelete: 'restrict' }),
    score: smallint('score').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('alley_inspections_region_at_idx').on(t.regionId, t.inspectedAt),
    index('alley_inspections_inspector_idx').on(t.inspectorPersonId),
    check('alley_inspections_score_range', sql`${t.score} between 0 and 100`),
  ],
);

/** What one inspection found for each of the six items. */
export const alleyInspectionItems = pgTable(
  'alley_inspection_items',
  {
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => alleyInspections.id, { onDelete: 'cascade' }),
    item: sixHaveItem('item').notNull(),
    status: sixHaveStatus('status').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.item] })],
);

/** Photos of an item as evidence (the notice board, the guideline on the wall): re-encoded by core/uploads.ts. */
export const alleyItemPhotos = pgTable(
  'alley_item_photos',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => alleyRegions.id, { onDelete: 'restrict' }),
    item: sixHaveItem('item').notNull(),
    path: text('path').notNull(),
    thumbPath: text('thumb_path').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
  },
  (t) => [index('alley_item_photos_region_item_idx').on(t.regionId, t.item)],
);

import { sql } from 'drizzle-orm';
import {
  check,
  date,
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
import { volunteerTeams } from '../volunteers/volunteers.schema.js';
import { ALLEY_TASK_STATES, ITEM_STATUSES, SIX_HAVES } from './alleys.enums.js';

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
    /** The cleaningCompany item's link: the company, its contact phone (masked on read) and the contract's end. */
    companyName: text('company_name'),
    companyPhone: text('company_phone'),
    contractUntil: date('contract_until'),
    /** The volunteerTeam item's link: a team of the region's community (a deleted team unlinks). */
    volunteerTeamId: uuid('volunteer_team_id').references(() => volunteerTeams.id, { onDelete: 'set null' }),
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

/** Documents of an item as evidence (the guideline, the residents' pact): PDF only, kept as uploaded. */
export const alleyItemDocuments = pgTable(
  'alley_item_documents',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => alleyRegions.id, { onDelete: 'restrict' }),
    item: sixHaveItem('item').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    path: text('path').notNull(),
    bytes: integer('bytes').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
  },
  (t) => [index('alley_item_documents_region_item_idx').on(t.regionId, t.item)],
);

export const alleyTaskState = pgEnum('alley_task_state', ALLEY_TASK_STATES);

/**
 * 整改任务: a weak item an inspection found (needs work or missing), assigned to the region (its alley heads see it),
 * due TASK_DUE_DAYS after that inspection. At most one open task per region × item (a partial unique index): a later
 * inspection finding the item weak again keeps it, one finding it present closes it (done, by that inspection).
 */
export const alleyTasks = pgTable(
  'alley_tasks',
  {
    id: idColumn(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => alleyRegions.id, { onDelete: 'restrict' }),
    item: sixHaveItem('item').notNull(),
    state: alleyTaskState('state').notNull().default('open'),
    dueOn: date('due_on').notNull(),
    openedByInspectionId: uuid('opened_by_inspection_id')
      .notNull()
      .references(() => alleyInspections.id, { onDelete: 'restrict' }),
    /** The closing note (done by hand) or the cancellation's reason. */
    note: text('note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'restrict' }),
    closedByInspectionId: uuid('closed_by_inspection_id').references(() => alleyInspections.id, {
      onDelete: 'restrict',
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('alley_tasks_open_uq').on(t.regionId, t.item).where(sql`${t.state} = 'open'`),
    index('alley_tasks_state_due_idx').on(t.state, t.dueOn),
    index('alley_tasks_region_idx').on(t.regionId, t.createdAt),
  ],
);

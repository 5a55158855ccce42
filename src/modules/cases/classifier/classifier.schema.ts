import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { requiredRef } from '../../../core/columns.js';
import { users } from '../../auth/auth.schema.js';
import { caseCategories, cases } from '../cases.schema.js';
import { CLASSIFIER_MODEL_STATUSES } from './classifier.enums.js';

/** PostgreSQL bytea as a Node Buffer (drizzle's pg-core has no bytea column of its own). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * The county's own labelled examples: a case that staff accepted (分类理事) in another category than the classifier
 * suggested. One row per case (the latest decision wins), so no case is counted twice.
 */
export const categoryCorrections = pgTable(
  'case_category_corrections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseId: requiredRef('case_id', () => cases.id, 'restrict'),
    /** The text the classifier saw (the case's description), kept here so retraining reads one table. */
    text: text('text').notNull(),
    suggestedCode: text('suggested_code'),
    correctedCode: text('corrected_code')
      .notNull()
      .references(() => caseCategories.code, { onDelete: 'restrict' }),
    correctedByUserId: uuid('corrected_by_user_id').references(() => users.id, { onDelete: 'restrict' }),
    correctedAt: timestamp('corrected_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('case_category_corrections_case_uq').on(t.caseId),
    index('case_category_corrections_at_idx').on(t.correctedAt),
  ],
);

export const classifierModelStatus = pgEnum('classifier_model_status', CLASSIFIER_MODEL_STATUSES);

/** Held-out figures of a model (fractions 0–1), top-level and sub-category, top-1 and top-3. */
export interface ModelMetrics {
  size: number;
  top1: number;
  top3: number;
  topLevelTop1: number;
  topLevelTop3: number;
}

/**
 * Model versions of the learning loop. The serialized model (gzip'd JSON) is kept for every trained version, so the
 * one in use is loaded at start by every process and an old one is still there to compare with.
 */
export const classifierModels = pgTable(
  'classifier_models',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    status: classifierModelStatus('status').notNull().default('training'),
    /** 0–100 while training (tokenising, training, evaluating). */
    progress: smallint('progress').notNull().default(0),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id, { onDelete: 'restrict' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    shippedExamples: integer('shipped_examples').notNull().default(0),
    corrections: integer('corrections').notNull().default(0),
    durationMs: integer('duration_ms'),
    /** This version on the held-out set, and the model in use when it was checked, on the same set. */
    metrics: jsonb('metrics').$type<ModelMetrics>(),
    baselineMetrics: jsonb('baseline_metrics').$type<ModelMetrics>(),
    model: bytea('model'),
    error: text('error'),
  },
  (t) => [
    // At most one model in use, and one retraining at a time (a second request is refused, not queued).
    uniqueIndex('classifier_models_active_uq').on(t.status).where(sql`${t.status} = 'active'`),
    uniqueIndex('classifier_models_training_uq').on(t.status).where(sql`${t.status} = 'training'`),
  ],
);

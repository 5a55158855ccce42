import {
  type AnyPgColumn,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, createdAt, editedColumns, requiredRef } from '../../../core/columns.js';
import { users } from '../../auth/auth.schema.js';
import { organisations } from '../../org/org.schema.js';
import { PLAN_STATUSES, PROJECT_DOMAINS, UNIT_ROLES } from './projects.enums.js';

/**
 * 共建项目清单: each community's annual plan (drafted by the community, approved by the county at the start of the
 * year) and its projects with units, milestones and evidence. A project's progress is stored already rolled up
 * (from milestones, sub-projects or a manual figure) and recomputed in the transaction of every change that moves
 * it; its status is derived from progress and dates at read time (only `cancelled` is stored), so it never goes
 * stale as days pass.
 */
export { PLAN_STATUSES, PROJECT_DOMAINS, UNIT_ROLES } from './projects.enums.js';
export const projectPlanStatus = pgEnum('project_plan_status', PLAN_STATUSES);

export const projectDomain = pgEnum('project_domain', PROJECT_DOMAINS);

export const projectUnitRole = pgEnum('project_unit_role', UNIT_ROLES);

export const projectPlans = pgTable(
  'project_plans',
  {
    id: idColumn(),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    year: integer('year').notNull(),
    status: projectPlanStatus('status').notNull().default('draft'),
    note: text('note'),
    /** Why the county sent it back (kept until the next submission). */
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    uniqueIndex('project_plans_community_year').on(t.communityId, t.year),
    index('project_plans_year_idx').on(t.year),
  ],
);

export const projects = pgTable(
  'projects',
  {
    id: idColumn(),
    planId: requiredRef('plan_id', () => projectPlans.id, 'restrict'),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    year: integer('year').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => projects.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    domain: projectDomain('domain').notNull(),
    description: text('description'),
    /** Whole yuan. */
    budget: integer('budget'),
    resources: text('resources'),
    startOn: date('start_on').notNull(),
    endOn: date('end_on').notNull(),
    /** Set by hand only on a project with neither milestones nor sub-projects. */
    manualProgress: doublePrecision('manual_progress'),
    /** 0–100, rolled up. */
    progress: doublePrecision('progress').notNull().default(0),
    /** The earliest due date of the project's own open milestones (for the overdue flag and the delayed status). */
    nextDueOn: date('next_due_on'),
    /** When progress first reached 100 (cleared if it falls back). */
    completedOn: date('completed_on'),
    cancelled: boolean('cancelled').notNull().default(false),
    cancelReason: text('cancel_reason'),
    /** Where the project came from when not typed into the plan: 'import', 'matching', … */
    source: text('source').notNull().default('manual'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    index('projects_plan_idx').on(t.planId),
    index('projects_community_year_idx').on(t.communityId, t.year),
    index('projects_parent_idx').on(t.parentId),
  ],
);

export const projectUnits = pgTable(
  'project_units',
  {
    projectId: requiredRef('project_id', () => projects.id, 'cascade'),
    unitId: requiredRef('unit_id', () => organisations.id, 'restrict'),
    role: projectUnitRole('role').notNull().default('partner'),
    /** Set when the county named a unit that is not paired with the community that year. */
    overrideReason: text('override_reason'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.unitId] }), index('project_units_unit_idx').on(t.unitId)],
);

export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: idColumn(),
    projectId: requiredRef('project_id', () => projects.id, 'cascade'),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    weight: integer('weight').notNull().default(1),
    doneOn: date('done_on'),
    note: text('note'),
    ...editedColumns(),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId, t.dueOn)],
);

export const EVIDENCE_KINDS = ['photo', 'file'] as const;
export const projectEvidenceKind = pgEnum('project_evidence_kind', EVIDENCE_KINDS);

/** Photos (re-encoded like case photos) and documents (PDF, Office) that back a project or one of its milestones. */
export const projectEvidence = pgTable(
  'project_evidence',
  {
    id: idColumn(),
    projectId: requiredRef('project_id', () => projects.id, 'cascade'),
    milestoneId: uuid('milestone_id').references(() => projectMilestones.id, { onDelete: 'set null' }),
    kind: projectEvidenceKind('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** Relative to the uploads folder. */
    path: text('path').notNull(),
    thumbPath: text('thumb_path'),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('project_evidence_project_idx').on(t.projectId)],
);

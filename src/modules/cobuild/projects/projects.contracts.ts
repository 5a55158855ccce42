import { z } from 'zod';
import { ZImportReport, ZIsoDate, ZVersion } from '../../../core/contracts.js';
import { listResponse, ZListQuery } from '../../../core/list.js';
import { PROJECT_STATUSES } from './projects.rollup.js';
import { EVIDENCE_KINDS, PLAN_STATUSES, PROJECT_DOMAINS, UNIT_ROLES } from './projects.schema.js';

/** 共建项目清单: request and response contracts (the web imports the types). */
export const ZPlanStatus = z.enum(PLAN_STATUSES);
export const ZProjectDomain = z.enum(PROJECT_DOMAINS);
export const ZProjectStatus = z.enum(PROJECT_STATUSES);
export const ZUnitRole = z.enum(UNIT_ROLES);
export type ProjectDomain = z.infer<typeof ZProjectDomain>;
export type PlanStatus = z.infer<typeof ZPlanStatus>;

export const ZYear = z.coerce.number().int().min(2000).max(2100);
const ZText = (max: number) => z.string().trim().max(max);
const ZBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZCreatePlan = z.strictObject({
  communityId: z.uuid(),
  year: ZYear,
  note: ZText(2000).nullable().optional(),
});
export type CreatePlan = z.infer<typeof ZCreatePlan>;
export const ZPlanTransition = z.strictObject({ version: ZVersion });
export const ZReturnPlan = z.strictObject({ version: ZVersion, reason: ZText(500).min(1) });
export type ReturnPlan = z.infer<typeof ZReturnPlan>;

export const ZProjectUnitInput = z.strictObject({ unitId: z.uuid(), role: ZUnitRole });
export type ProjectUnitInput = z.infer<typeof ZProjectUnitInput>;

export const ZMilestoneInput = z.strictObject({
  title: ZText(200).min(1),
  dueOn: ZIsoDate,
  weight: z.number().int().min(1).max(100).default(1),
  doneOn: ZIsoDate.nullable().optional(),
  note: ZText(1000).nullable().optional(),
});
export type MilestoneInput = z.infer<typeof ZMilestoneInput>;

const projectFields = {
  name: ZText(200).min(1),
  domain: ZProjectDomain,
  description: ZText(5000).nullable().optional(),
  units: z.array(ZProjectUnitInput).min(1).max(20),
  budget: z.number().int().min(0).max(2_000_000_000).nullable().optional(),
  resources: ZText(2000).nullable().optional(),
  startOn: ZIsoDate,
  endOn: ZIsoDate,
  parentId: z.uuid().nullable().optional(),
  /** Checked by the service (0–100), so that a wrong figure gets its own error code. */
  manualProgress: z.number().nullable().optional(),
  /** County only: why a unit that is not paired with the community that year is named anyway. */
  pairingOverrideReason: ZText(500).min(1).optional(),
};

export const ZCreateProject = z.strictObject({
  communityId: z.uuid(),
  year: ZYear,
  ...projectFields,
  milestones: z.array(ZMilestoneInput).max(50).optional(),
});
export type CreateProject = z.infer<typeof ZCreateProject>;

export const ZUpdateProject = z.strictObject({
  name: projectFields.name.optional(),
  domain: projectFields.domain.optional(),
  description: projectFields.description,
  units: projectFields.units.optional(),
  budget: projectFields.budget,
  resources: projectFields.resources,
  startOn: projectFields.startOn.optional(),
  endOn: projectFields.endOn.optional(),
  parentId: projectFields.parentId,
  manualProgress: projectFields.manualProgress,
  pairingOverrideReason: projectFields.pairingOverrideReason,
  version: ZVersion,
});
export type UpdateProject = z.infer<typeof ZUpdateProject>;

export const ZCancelProject = z.strictObject({ version: ZVersion, reason: ZText(500).min(1) });
export const ZUpdateMilestone = z.strictObject({
  title: ZMilestoneInput.shape.title.optional(),
  dueOn: ZIsoDate.optional(),
  weight: z.number().int().min(1).max(100).optional(),
  doneOn: ZIsoDate.nullable().optional(),
  note: ZMilestoneInput.shape.note,
  version: ZVersion,
});
export type UpdateMilestone = z.infer<typeof ZUpdateMilestone>;

export const ZProjectParams = z.object({ id: z.uuid() });
export const ZMilestoneParams = z.object({ id: z.uuid(), milestoneId: z.uuid() });

export const ZProjectFilters = z.object({
  year: ZYear.optional(),
  communityId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  domain: ZProjectDomain.optional(),
  status: ZProjectStatus.optional(),
  /** true: the end date or an own milestone's due date has passed without it being done. */
  overdue: ZBool.optional(),
  /** true: top-level projects only (sub-projects are listed under their parent). */
  topLevel: ZBool.optional(),
  parentId: z.uuid().optional(),
  q: ZText(100).optional(),
});
export const ZProjectListQuery = ZListQuery.extend(ZProjectFilters.shape);
export type ProjectListQuery = z.infer<typeof ZProjectListQuery>;
export const ZProjectExportQuery = ZProjectListQuery.omit({ page: true, pageSize: true });
export type ProjectExportQuery = z.infer<typeof ZProjectExportQuery>;

export const ZProjectUnitView = z.object({
  unitId: z.string(),
  unitName: z.string(),
  role: ZUnitRole,
  paired: z.boolean(),
});
export type ProjectUnitView = z.infer<typeof ZProjectUnitView>;

export const ZProjectView = z.object({
  id: z.string(),
  planId: z.string(),
  planStatus: ZPlanStatus,
  communityId: z.string(),
  communityName: z.string(),
  year: z.number().int(),
  parentId: z.string().nullable(),
  name: z.string(),
  domain: ZProjectDomain,
  description: z.string().nullable(),
  budget: z.number().int().nullable(),
  resources: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string(),
  progress: z.number(),
  manualProgress: z.number().nullable(),
  status: ZProjectStatus,
  /** The end date passed and it is not done. */
  overdue: z.boolean(),
  /** An own milestone's due date passed and it is not done. */
  milestoneOverdue: z.boolean(),
  nextDueOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  cancelReason: z.string().nullable(),
  childCount: z.number().int(),
  units: z.array(ZProjectUnitView),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ProjectView = z.infer<typeof ZProjectView>;
export const ZProjectList = listResponse(ZProjectView);

export const ZEvidenceView = z.object({
  id: z.string(),
  milestoneId: z.string().nullable(),
  kind: z.enum(EVIDENCE_KINDS),
  fileName: z.string(),
  mime: z.string(),
  bytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  url: z.string(),
  thumbUrl: z.string().nullable(),
  createdAt: z.string(),
});
export type EvidenceView = z.infer<typeof ZEvidenceView>;

export const ZMilestoneView = z.object({
  id: z.string(),
  title: z.string(),
  dueOn: z.string(),
  weight: z.number().int(),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type MilestoneView = z.infer<typeof ZMilestoneView>;

export const ZProjectDetail = ZProjectView.extend({
  progressSource: z.enum(['children', 'milestones', 'manual']),
  parentName: z.string().nullable(),
  milestones: z.array(ZMilestoneView),
  children: z.array(ZProjectView),
  evidence: z.array(ZEvidenceView),
  /** What the caller may do here (the web shows the buttons accordingly; the server checks again). */
  can: z.object({ editPlanFields: z.boolean(), track: z.boolean(), cancel: z.boolean() }),
});
export type ProjectDetail = z.infer<typeof ZProjectDetail>;

export const ZSummaryQuery = z.object({
  year: ZYear.optional(),
  communityId: z.uuid().optional(),
  unitId: z.uuid().optional(),
});
export type SummaryQuery = z.infer<typeof ZSummaryQuery>;
export const ZProjectSummary = z.object({
  total: z.number().int(),
  budget: z.number(),
  averageProgress: z.number(),
  overdue: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  byDomain: z.array(
    z.object({ domain: ZProjectDomain, total: z.number().int(), done: z.number().int(), averageProgress: z.number() }),
  ),
});
export type ProjectSummary = z.infer<typeof ZProjectSummary>;

export const ZPlanListQuery = ZListQuery.extend({
  year: ZYear.optional(),
  communityId: z.uuid().optional(),
  status: ZPlanStatus.optional(),
});
export type PlanListQuery = z.infer<typeof ZPlanListQuery>;
export const ZPlanView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  year: z.number().int(),
  status: ZPlanStatus,
  note: z.string().nullable(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  projectCount: z.number().int(),
  budget: z.number(),
  averageProgress: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PlanView = z.infer<typeof ZPlanView>;
export const ZPlanList = listResponse(ZPlanView);
export const ZPlanParams = z.object({ id: z.uuid() });
export const ZPlanFind = z.object({ communityId: z.uuid(), year: ZYear });

export const ZPlanImportQuery = z.object({
  communityId: z.uuid(),
  year: ZYear,
  mode: z.enum(['partial', 'all_or_nothing']).default('all_or_nothing'),
  dryRun: ZBool.default(false),
});
export type PlanImportQuery = z.infer<typeof ZPlanImportQuery>;
/** An import only adds projects, so `updated` is always 0 (kept so the shared import report view fits). */
export const ZPlanImportReport = ZImportReport;
export type PlanImportReport = z.infer<typeof ZPlanImportReport>;

export const ZPairedUnit = z.object({ unitId: z.string(), name: z.string(), strengths: z.array(z.string()) });
export type PairedUnit = z.infer<typeof ZPairedUnit>;

/**
 * Types of the API, taken from the server's zod contracts (types only: zod and server code stay out of the bundle).
 * Value lists come from the server's `*.enums.ts` files, which import nothing, so the web shows exactly the values
 * the server accepts.
 */
import type { MeResponse } from '../../../src/modules/auth/auth.contracts';
import type { GridView } from '../../../src/modules/grid/grid.contracts';
import type { CaseDetail, CaseSummary } from '../../../src/modules/cases/cases.contracts';

export type { MeResponse } from '../../../src/modules/auth/auth.contracts';
export type {
  OrganisationView,
  OrgTreeNode,
  OrgKind,
  CreateOrganisation,
  UpdateOrganisation,
} from '../../../src/modules/org/org.contracts';
export type { GridView, GridDetail, GridTreeNode } from '../../../src/modules/grid/grid.contracts';
export type { GridDutyView } from '../../../src/modules/duties/duties.contracts';
export type {
  PersonView,
  CreatePerson,
  UpdatePerson,
  ImportReport,
} from '../../../src/modules/people/people.contracts';
export type {
  PartyMemberView,
  CreatePartyMember,
  UpdatePartyMember,
} from '../../../src/modules/people/members/members.contracts';

export type { AuditEntry } from '../../../src/modules/audit/audit.contracts';
export type Permission = MeResponse['permissions'][number];
export type { Role } from '../../../src/core/auth/roles';
export type GridKind = GridView['kind'];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface GridFeatureProperties {
  id: string;
  code: string;
  name: string;
  level: number;
  kind: GridKind;
  parentId: string | null;
  communityId: string;
}
export interface GridFeature {
  type: 'Feature';
  id: string;
  geometry: unknown;
  properties: GridFeatureProperties;
}
export interface GridFeatureCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
}
export interface LocateResponse {
  grid: { id: string; code: string; name: string; level: number; communityId: string };
}
export interface RevealResponse {
  phone?: string | null;
  idNumber?: string | null;
}

export { ROLES } from '../../../src/core/auth/roles';
export { ALLOWED_PARENTS, ORG_KINDS, STRENGTHS } from '../../../src/modules/org/org.enums';
export { GRID_KINDS } from '../../../src/modules/grid/grid.enums';
export { PERSON_ROLES } from '../../../src/modules/people/people.enums';
export { MEMBER_KINDS, type MemberKind } from '../../../src/modules/people/members/members.enums';

// ---------------------------------------------------------------------------------------------------------------
// Cases (居民说事, 随手拍, 吹哨报到), notifications, statistics and evaluation sessions.

export type {
  AlleyRegionCases,
  CaseSummary,
  CaseDetail,
  CreateCase,
  TransitionRequest,
  ReassignRequest,
} from '../../../src/modules/cases/cases.contracts';
export {
  CASE_ACTIONS as CASE_ACTION_LIST,
  CASE_CHANNELS as CASE_CHANNEL_LIST,
  CASE_STATUSES as CASE_STATUS_LIST,
  OPEN_CASE_STATUSES,
  SATISFACTIONS as SATISFACTION_LIST,
  STAFF_CHANNELS,
  STATS_GROUP_BY,
  type CaseAction,
  type CaseChannel,
  type CaseStatus,
  type Satisfaction,
} from '../../../src/modules/cases/cases.enums';
export type CasePriority = CaseSummary['priority'];
export type CaseEvent = CaseDetail['events'][number];
export type CaseDispatch = CaseDetail['dispatches'][number];
export type CasePhoto = CaseDetail['photos'][number];
export type DispatchStatus = CaseDispatch['status'];

export interface CaseCategory {
  code: string;
  parentCode: string | null;
  name: string;
  nameEn: string;
  priority: CasePriority | null;
  responseMinutes: number | null;
  resolutionMinutes: number | null;
  version: number;
}

export interface ClassifyResponse {
  category: string;
  categoryName: string;
  confidence: number;
  alternatives: { category: string; categoryName: string; confidence: number }[];
}

/** POST /api/cases/photos (multipart `file`). */
export interface UploadedPhoto {
  id: string;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
}

export type { SimilarCase } from '../../../src/modules/cases/cases.contracts';
/** A row of the unit inbox (GET /api/case-dispatches). */
export type { DispatchItem as DispatchInboxRow } from '../../../src/modules/cases/cases.contracts';
export type { DispatchStep } from '../../../src/modules/cases/cases.enums';

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  entityType: string | null;
  entityId: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
export interface NotificationPage extends Page<NotificationView> {
  unread: number;
}

export type {
  CaseStats,
  StatsGroup as CaseStatsGroup,
  StatsRow as CaseStatsFigures,
  StatsGroupBy,
} from '../../../src/modules/cases/stats/stats.contracts';
export type { ArticleFigures, Figure as ArticleFigureValue } from '../../../src/modules/cases/stats/stats.contracts';
export {
  ARTICLE_FIGURE_KEYS,
  ARTICLE_FIGURES,
  type ArticleFigure,
  figureListQuery,
} from '../../../src/modules/cases/stats/figures.rules';
export type { CountedEvent } from '../../../src/modules/cases/cases.enums';

export type {
  SessionView as EvaluationSessionView,
  SessionDetail as EvaluationSessionDetail,
  EvaluationItem as EvaluationItemView,
  FollowUp as EvaluationFollowUpView,
} from '../../../src/modules/evaluations/evaluations.contracts';
export {
  ITEM_DECISIONS,
  VERDICTS,
  type ItemDecision,
  type Verdict,
} from '../../../src/modules/evaluations/evaluations.enums';

export type {
  JobName,
  JobRun,
  JobRunList,
  JobState,
} from '../../../src/modules/operations/operations.contracts';
export { JOB_NAMES, JOB_STATES } from '../../../src/modules/operations/operations.enums';

export type {
  AlleyDocumentView,
  AlleyInspectionView,
  AlleyItemView,
  AlleyPhotoView,
  AlleyRegionDetail,
  AlleyRegionSummary,
  AlleyTaskView,
} from '../../../src/modules/alleys/alleys.contracts';
export {
  ALLEY_TASK_STATES,
  DOCUMENT_ITEMS,
  ITEM_STATUSES,
  SIX_HAVES,
  TASK_DUE_DAYS,
  type AlleyTaskState,
  type DocumentItem,
  type ItemStatus,
  type SixHave,
} from '../../../src/modules/alleys/alleys.enums';

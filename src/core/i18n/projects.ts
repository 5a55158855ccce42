import type { ErrorCode } from '../errors.js';
import type { Locale } from './locale.js';

/** Messages and nouns of co-building projects and their yearly plans (modules/cobuild/projects). */
const zhMessages = {
  PROJECT_DATES_INVALID: '项目结束日期 {endOn} 早于开始日期 {startOn}',
  PROJECT_START_OUTSIDE_YEAR: '项目开始日期 {startOn} 不在计划年度 {year} 年内',
  PROJECT_MILESTONE_OUTSIDE_DATES: '里程碑“{title}”的截止日期 {dueOn} 不在项目起止日期 {startOn} 至 {endOn} 之内',
  PROJECT_PROGRESS_OUT_OF_RANGE: '进度必须在 0% 到 100% 之间，收到的是 {value}%',
  PROJECT_PROGRESS_DERIVED: '该项目的进度由{source}自动汇总，不能手工填写',
  PROJECT_CHILD_OUTSIDE_PARENT:
    '子项目的起止日期（{startOn} 至 {endOn}）必须在上级项目的起止日期（{parentStart} 至 {parentEnd}）之内',
  PROJECT_PARENT_CYCLE: '不能把项目挂在它自己或它的子项目之下（会形成循环）',
  PROJECT_PARENT_INVALID: '上级项目必须属于同一社区、同一年度的计划，且未取消',
  PROJECT_UNIT_NOT_PAIRED: '单位“{unit}”{year} 年未与该社区结对，不能参与该社区的共建项目',
  PROJECT_LEAD_UNIT: '共建项目必须有且只有一个牵头单位，单位不能重复',
  PROJECT_PLAN_LOCKED: '{year} 年度共建项目计划当前为“{status}”，不能再增删或修改项目；如需调整请由县委组织部退回',
  PROJECT_PLAN_TRANSITION: '计划当前状态为“{status}”，不能执行“{action}”',
  PROJECT_PLAN_EXISTS: '该社区 {year} 年度的共建项目计划已经存在',
  PROJECT_PLAN_EMPTY: '计划中还没有项目，不能提交',
  PROJECT_CANCELLED: '项目已取消，不能再修改',
  PROJECT_EVIDENCE_LIMIT: '每个项目最多上传 {max} 份佐证材料，已有 {count} 份',
} satisfies Partial<Record<ErrorCode, string>>;

export const projectsMessages: Record<Locale, Record<keyof typeof zhMessages, string>> = {
  'zh-CN': zhMessages,
  en: {
    PROJECT_DATES_INVALID: "The project's end date {endOn} is before its start date {startOn}",
    PROJECT_START_OUTSIDE_YEAR: "The project's start date {startOn} is not in the plan year {year}",
    PROJECT_MILESTONE_OUTSIDE_DATES:
      'The milestone "{title}" is due on {dueOn}, outside the project\'s dates {startOn} to {endOn}',
    PROJECT_PROGRESS_OUT_OF_RANGE: 'Progress must be between 0 % and 100 %; got {value} %',
    PROJECT_PROGRESS_DERIVED: "This project's progress is rolled up from its {source}; it cannot be set by hand",
    PROJECT_CHILD_OUTSIDE_PARENT:
      "A sub-project's dates ({startOn} to {endOn}) must lie within its parent's ({parentStart} to {parentEnd})",
    PROJECT_PARENT_CYCLE:
      'A project cannot be placed under itself or one of its sub-projects (that would make a cycle)',
    PROJECT_PARENT_INVALID:
      "The parent project must belong to the same community's plan for the same year and not be cancelled",
    PROJECT_UNIT_NOT_PAIRED:
      'The unit "{unit}" is not paired with this community in {year}, so it cannot be on this community\'s projects',
    PROJECT_LEAD_UNIT: 'A co-building project needs exactly one lead unit, and no unit may be named twice',
    PROJECT_PLAN_LOCKED:
      'The {year} co-building plan is {status}; its projects can no longer be added, removed or changed unless the county returns it',
    PROJECT_PLAN_TRANSITION: 'The plan is {status}; "{action}" is not possible',
    PROJECT_PLAN_EXISTS: 'This community already has a co-building plan for {year}',
    PROJECT_PLAN_EMPTY: 'The plan has no projects yet, so it cannot be submitted',
    PROJECT_CANCELLED: 'The project is cancelled and can no longer be changed',
    PROJECT_EVIDENCE_LIMIT: 'A project holds at most {max} pieces of evidence; it already has {count}',
  },
};

export const projectsNouns: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    project: '共建项目',
    project_plan: '共建项目计划',
    project_milestone: '项目里程碑',
    project_evidence: '项目佐证材料',
    draft: '草稿',
    submitted: '已提交',
    approved: '已审批',
    submit: '提交',
    approve: '审批通过',
    return: '退回',
    sub_projects: '子项目',
    milestones: '里程碑',
  },
  en: {
    project: 'co-building project',
    project_plan: 'co-building plan',
    project_milestone: 'project milestone',
    project_evidence: 'project evidence',
    draft: 'draft',
    submitted: 'submitted',
    approved: 'approved',
    submit: 'submit',
    approve: 'approve',
    return: 'return',
    sub_projects: 'sub-projects',
    milestones: 'milestones',
  },
};

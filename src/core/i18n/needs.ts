import type { ErrorCode } from '../errors.js';
import type { Locale } from './locale.js';

/** Messages and nouns of needs, resources and matching (modules/cobuild/needs), with the units resources are counted in. */
const zhMessages = {
  RESOURCE_UNIT_KIND: '{kind}类资源不能以“{unit}”计量',
  NEED_BELOW_SERVED: '需求数量不能少于已落实的 {served}',
  RESOURCE_BELOW_RESERVED: '资源总量不能少于已分配的 {reserved}',
  MATCH_DECIDED: '该匹配已{status}，不能再处理',
  MATCH_CAPACITY_EXCEEDED: '资源“{resource}”只剩 {left}，不够分配 {amount}',
  MATCH_DEMAND_EXCEEDED: '需求“{need}”只缺 {left}，不能再分配 {amount}',
  MATCHING_TOO_LARGE: '候选配对有 {edges} 对，超过 HiGHS 求解上限 {max} 对；请改用网络流算法或缩小范围',
} satisfies Partial<Record<ErrorCode, string>>;

export const needsMessages: Record<Locale, Record<keyof typeof zhMessages, string>> = {
  'zh-CN': zhMessages,
  en: {
    RESOURCE_UNIT_KIND: 'A {kind} resource cannot be counted in {unit}',
    NEED_BELOW_SERVED: 'The quantity cannot be less than the {served} already committed',
    RESOURCE_BELOW_RESERVED: 'The capacity cannot be less than the {reserved} already reserved',
    MATCH_DECIDED: 'This match has already been {status}',
    MATCH_CAPACITY_EXCEEDED: 'The resource "{resource}" has only {left} left, not enough for {amount}',
    MATCH_DEMAND_EXCEEDED: 'The need "{need}" lacks only {left}; {amount} is too much',
    MATCHING_TOO_LARGE:
      '{edges} candidate pairs exceed the HiGHS limit of {max}; use the network-flow solver or narrow the run',
  },
};

export const needsNouns: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    need: '需求',
    resource: '资源',
    matching_run: '匹配方案',
    need_match: '匹配',
    need_task: '跟进任务',
    match_accepted: '接受',
    match_rejected: '拒绝',
    people_hours: '人力（工时）',
    money: '资金',
    equipment: '设备物资',
    expertise: '专业服务',
    person_hours: '工时',
    yuan: '元',
    items: '件',
    sessions: '次',
    need_closed: '该需求已关闭',
    need_met: '该需求已满足',
    task_cancelled_reason: '该任务已撤销',
  },
  en: {
    need: 'need',
    resource: 'resource',
    matching_run: 'matching run',
    need_match: 'match',
    need_task: 'follow-up task',
    match_accepted: 'accepted',
    match_rejected: 'rejected',
    people_hours: 'people-hours',
    money: 'money',
    equipment: 'equipment',
    expertise: 'expertise',
    person_hours: 'person-hours',
    yuan: 'yuan',
    items: 'items',
    sessions: 'sessions',
    need_closed: 'the need is closed',
    need_met: 'the need is already met',
    task_cancelled_reason: 'the task was cancelled',
  },
};

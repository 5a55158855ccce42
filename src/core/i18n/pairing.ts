import type { ErrorCode } from '../errors.js';
import type { Locale } from './locale.js';

/** Messages and nouns of pairing (modules/cobuild/pairing): the plan settings the optimiser cannot meet, and plan states. */
const zhMessages = {
  PAIRING_PIN_FORBIDDEN: '“{unit}”与“{community}”的结对既被指定又被排除，请只保留一种',
  PAIRING_MIN_UNITS_TOO_HIGH:
    '社区单位数下限之和 {total}（{communities} 个社区 × {min}）大于需分配的结对数 {pairs}（{units} 个单位 × 每单位 {k} 个社区）',
  PAIRING_MAX_UNITS_TOO_LOW:
    '社区单位数上限之和 {total}（{communities} 个社区 × {max}）小于需分配的结对数 {pairs}（{units} 个单位 × 每单位 {k} 个社区）',
  PAIRING_MIN_MEMBERS_TOO_HIGH:
    '社区人数下限之和 {total}（{communities} 个社区 × {min}）大于全部单位可分配的人数 {available}',
  PAIRING_MAX_MEMBERS_TOO_LOW:
    '社区人数上限之和 {total}（{communities} 个社区 × {max}）小于全部单位需分配的人数 {available}',
  PAIRING_MIN_MEMBERS_UNREACHABLE: '社区人数下限 {min} 大于人数最多的 {maxUnits} 个单位之和 {best}，没有社区能达到',
  PAIRING_MAX_MEMBERS_UNREACHABLE: '社区人数上限 {max} 小于人数最少的 {minUnits} 个单位之和 {least}，没有社区能容下',
  PAIRING_UNIT_OVERPINNED: '单位“{unit}”被指定结对 {pinned} 个社区，多于每个单位的结对数 {k}',
  PAIRING_K_TOO_HIGH: '单位“{unit}”可结对的社区只有 {available} 个，少于每个单位的结对数 {k}',
  PAIRING_COMMUNITY_PINS_OVER_MAX: '社区“{community}”被指定结对 {pinned} 个单位，超过单位数上限 {max}',
  PAIRING_COMMUNITY_PINNED_MEMBERS: '社区“{community}”被指定的结对单位人数合计 {pinned}，超过人数上限 {max}',
  PAIRING_COMMUNITY_UNDERSUPPLIED:
    '社区“{community}”可结对的单位只有 {available} 个（其余已被排除或已指定给其他社区），少于单位数下限 {min}',
  PAIRING_COMMUNITY_MEMBERS_SHORT: '社区“{community}”可结对单位的人数合计 {available}，达不到人数下限 {min}',
  PAIRING_INFEASIBLE: '按当前条件找不到可行的结对方案：{constraint}无法同时满足，请放宽后重试',
  PAIRING_PLAN_NOT_DRAFT: '该结对方案已采纳或已被替代，只有草稿可以修改、运行或采纳',
  PAIRING_PLAN_HAS_VIOLATIONS: '该方案有 {count} 项约束未满足（见方案中的提示），确认后才能采纳',
  PAIRING_PLAN_EMPTY: '该方案还没有结对，先运行优化或手工添加结对',
  PAIRING_SOLVER_FAILED: '优化求解未能完成：{reason}',
} satisfies Partial<Record<ErrorCode, string>>;

export const pairingMessages: Record<Locale, Record<keyof typeof zhMessages, string>> = {
  'zh-CN': zhMessages,
  en: {
    PAIRING_PIN_FORBIDDEN: 'The pair {unit} – {community} is both pinned and forbidden; keep only one',
    PAIRING_MIN_UNITS_TOO_HIGH:
      'The minimum units per community add up to {total} ({communities} communities × {min}), more than the {pairs} pairs to assign ({units} units × {k} communities each)',
    PAIRING_MAX_UNITS_TOO_LOW:
      'The maximum units per community add up to {total} ({communities} communities × {max}), fewer than the {pairs} pairs to assign ({units} units × {k} communities each)',
    PAIRING_MIN_MEMBERS_TOO_HIGH:
      'The minimum headcount per community adds up to {total} ({communities} communities × {min}), more than the {available} staff the units have to give',
    PAIRING_MAX_MEMBERS_TOO_LOW:
      'The maximum headcount per community adds up to {total} ({communities} communities × {max}), less than the {available} staff to assign',
    PAIRING_MIN_MEMBERS_UNREACHABLE:
      'The minimum headcount {min} is more than the {maxUnits} largest units together ({best}): no community can reach it',
    PAIRING_MAX_MEMBERS_UNREACHABLE:
      'The maximum headcount {max} is less than the {minUnits} smallest units together ({least}): no community can stay under it',
    PAIRING_UNIT_OVERPINNED: '{unit} is pinned to {pinned} communities, more than the {k} each unit is paired with',
    PAIRING_K_TOO_HIGH:
      '{unit} can be paired with only {available} communities, fewer than the {k} each unit is paired with',
    PAIRING_COMMUNITY_PINS_OVER_MAX: '{community} has {pinned} pinned units, more than its maximum of {max}',
    PAIRING_COMMUNITY_PINNED_MEMBERS:
      'The units pinned to {community} have {pinned} staff, more than its maximum headcount of {max}',
    PAIRING_COMMUNITY_UNDERSUPPLIED:
      '{community} can be paired with only {available} units (the others are forbidden or pinned elsewhere), fewer than its minimum of {min}',
    PAIRING_COMMUNITY_MEMBERS_SHORT:
      'The units {community} can be paired with have {available} staff, short of its minimum headcount of {min}',
    PAIRING_INFEASIBLE: 'No pairing meets the settings: the {constraint} cannot all be met; relax them and run again',
    PAIRING_PLAN_NOT_DRAFT: 'This pairing plan is adopted or superseded; only a draft can be edited, run or adopted',
    PAIRING_PLAN_HAS_VIOLATIONS:
      'This plan breaks {count} constraints (see the warnings on the plan); confirm to adopt it anyway',
    PAIRING_PLAN_EMPTY: 'This plan has no pairs yet; run the optimiser or add pairs by hand',
    PAIRING_SOLVER_FAILED: 'The optimiser did not finish: {reason}',
  },
};

export const pairingNouns: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    pairing_plan: '结对方案',
    pairing: '结对',
    party_committee_member: '大党委成员',
    pairing_pins: '指定与排除的结对',
    pairing_unit_counts: '社区单位数上下限',
    pairing_member_counts: '社区人数上下限',
    pairing_combined: '单位数、人数上下限与指定/排除的结对',
  },
  en: {
    pairing_plan: 'pairing plan',
    pairing: 'pair',
    party_committee_member: 'committee member',
    pairing_pins: 'pinned and forbidden pairs',
    pairing_unit_counts: 'bounds on units per community',
    pairing_member_counts: 'bounds on headcount per community',
    pairing_combined: 'unit and headcount bounds together with the pins and forbids',
  },
};

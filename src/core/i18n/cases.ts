import type { ErrorCode } from '../errors.js';
import type { Locale } from './locale.js';

/** Messages and nouns of cases (modules/cases): transitions, merging, photos, dispatch. */
const zhMessages = {
  CASE_TRANSITION_NOT_ALLOWED: '当前状态（{status}）下不能执行“{action}”',
  CASE_MERGE_NOT_ALLOWED: '不能合并：{reason}',
  CASE_PHOTO_LIMIT: '每个事项最多 {max} 张照片，已有 {count} 张',
  WHISTLE_REASON_REQUIRED: '所选单位中有 {count} 个未与本社区结对，跨社区吹哨须说明理由',
  DISPATCH_PROXY_REQUIRED: '报到须由责任单位完成；社区如需代为登记，请在派单上选择“代报到”并说明理由',
  CASE_AWAITING_RATING: '事项 {number} 正等待反映人评价：反映人评价后即办结，评价期满由系统结案',
} satisfies Partial<Record<ErrorCode, string>>;

export const casesMessages: Record<Locale, Record<keyof typeof zhMessages, string>> = {
  'zh-CN': zhMessages,
  en: {
    CASE_TRANSITION_NOT_ALLOWED: 'The action "{action}" is not possible while the case is {status}',
    CASE_MERGE_NOT_ALLOWED: 'These cases cannot be merged: {reason}',
    CASE_PHOTO_LIMIT: 'A case carries at most {max} photos; it already has {count}',
    WHISTLE_REASON_REQUIRED:
      '{count} of the chosen units are not paired with this community: a cross-community whistle needs a reason',
    DISPATCH_PROXY_REQUIRED:
      "Reporting in is the unit's own step; the community may record it on the unit's dispatch as a proxy report, with a reason",
    CASE_AWAITING_RATING:
      'Case {number} is waiting for its reporter to rate it: their rating closes it, or the system does when the time to rate has passed',
  },
};

export const casesNouns: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    case_photo: '照片',
    case: '事项',
    case_dispatch: '派单',
    merge_self: '不能与自身合并',
    merge_merged: '事项已被合并到其他事项，请合并到主事项',
    merge_finished: '已办结、已评价或已驳回的事项不能合并',
    merge_community: '两件事项不在同一社区',
  },
  en: {
    case_photo: 'photo',
    case: 'case',
    case_dispatch: 'dispatch',
    merge_self: 'a case cannot be merged into itself',
    merge_merged: 'the case is already merged into another; merge into the main case',
    merge_finished: 'a closed, rated or rejected case cannot be merged',
    merge_community: 'the cases are in different communities',
  },
};

import type { Locale } from './locale.js';

/**
 * Titles of notifications (the bell), by title key. A title is rendered when the notification is stored, in the
 * county's language (NOTIFICATION_LOCALE), and shown as stored: the row keeps text, not a key, so nothing is
 * re-rendered per reader. The English texts are kept beside the Chinese so that a reader's language could be used
 * once the key and parameters are stored instead.
 */
const zhTitles = {
  case_new: '新事件 {number}',
  case_new_urgent: '新紧急事件 {number}',
  case_supervised_response: '督办：事项 {number} 已超过响应时限',
  case_supervised_resolution: '督办：事项 {number} 已超过办结时限',
  case_due_soon_response: '即将超时：事项 {number} 的响应时限将到',
  case_due_soon_resolution: '即将超时：事项 {number} 的办结时限将到',
  case_unit_done: '{unit}已办结事项 {number}',
  case_unit_return: '{unit}已退回事项 {number}',
  case_whistle: '吹哨报到：{number} 请及时报到',
  case_unit_decline: '{unit}拒绝了事项 {number} 的吹哨',
  case_unit_proxy_acknowledge: '社区已代{unit}登记事项 {number} 的报到',
  case_assigned: '事件 {number} 已转派给您',
  case_closed: '您反映的事项 {number} 已办结，请评价',
  case_accepted: '您反映的事项 {number} 已受理',
  case_dispatched: '您反映的事项 {number} 已派出办理',
  case_resolved: '您反映的事项 {number} 已办理完毕，待社区核实',
  case_verified: '您反映的事项 {number} 已核实办结，请评价',
  case_closed_unrated: '您反映的事项 {number} 评价期已过，已结案',
  case_merged: '您反映的事项 {number} 已与 {into} 合并处理',
  case_merged_update: '您反映的事项 {number} 已与 {into} 合并处理，状态更新',
  evaluation_unsatisfied: '{heldOn} 每月评事代表评议不满意',
  evaluation_follow_up_reopened: '评事不满意：事项 {number} 已重新办理，请整改',
  evaluation_follow_up_supervised: '评事不满意：事项 {number} 已督办，请整改',
  rating_confirmed: '您 {year} 年第 {quarter} 季度的服务评定为“{grade}”',
  rating_appeal_answered: '您对 {year} 年第 {quarter} 季度评定的申诉已答复：{grade}',
  service_pace_reminder: '服务时长提醒：今年已服务 {hours} 小时，按进度应达 {expected} 小时（全年 {required} 小时）',
  member_report_approved: '您的双报到申请已通过，报到证 {serial} 已签发',
  member_report_declined: '您的双报到申请被社区退回，请查看原因',
  member_certificate_revoked: '您的报到证 {serial} 已被社区注销',
  volunteer_auto_closed: '志愿服务“{title}”您未签退，已按结束时间 {at} 签退，计 {hours} 小时；有误请联系组织者更正',
  volunteer_no_show: '志愿服务“{title}”您报名后未签到，记为缺席（扣减 {hours} 小时）',
  volunteer_promoted: '候补成功：您已获得志愿服务活动“{activity}”的{role}名额',
  volunteer_activity_cancelled: '志愿服务活动“{activity}”已取消：{reason}',
} as const;
export type NotificationTitle = keyof typeof zhTitles;

export const notificationTitles: Record<Locale, Record<NotificationTitle, string>> = {
  'zh-CN': zhTitles,
  en: {
    case_new: 'New case {number}',
    case_new_urgent: 'New urgent case {number}',
    case_supervised_response: 'Supervision: case {number} is past its response deadline',
    case_supervised_resolution: 'Supervision: case {number} is past its resolution deadline',
    case_due_soon_response: 'Due soon: the response deadline of case {number} is near',
    case_due_soon_resolution: 'Due soon: the resolution deadline of case {number} is near',
    case_unit_done: '{unit} finished case {number}',
    case_unit_return: '{unit} returned case {number}',
    case_whistle: 'Whistle: please report for case {number}',
    case_unit_decline: '{unit} declined the whistle for case {number}',
    case_unit_proxy_acknowledge: 'The community recorded the report-in of {unit} for case {number}',
    case_assigned: 'Case {number} has been reassigned to you',
    case_closed: 'Your case {number} is closed; please rate it',
    case_accepted: 'Your case {number} has been accepted',
    case_dispatched: 'Your case {number} has been sent to be handled',
    case_resolved: 'Your case {number} has been handled; the community will check it',
    case_verified: 'Your case {number} has been checked and solved; please rate it',
    case_closed_unrated: 'Your case {number} was closed: the time to rate it has passed',
    case_merged: 'Your case {number} has been merged with {into}',
    case_merged_update: 'Your case {number} has been merged with {into}; its status changed',
    evaluation_unsatisfied:
      "The residents' representatives judged it unsatisfactory at the evaluation session of {heldOn}",
    evaluation_follow_up_reopened: 'Evaluation unsatisfactory: case {number} is reopened; please follow up',
    evaluation_follow_up_supervised: 'Evaluation unsatisfactory: case {number} is under supervision; please follow up',
    rating_confirmed: 'Your service rating for Q{quarter} {year}: {grade}',
    rating_appeal_answered: 'Your appeal of the Q{quarter} {year} rating was answered: {grade}',
    service_pace_reminder:
      'Service hours reminder: {hours} h served this year, {expected} h expected by now ({required} h a year)',
    member_report_approved: 'Your report application was approved; certificate {serial} has been issued',
    member_report_declined: 'Your report application was declined by the community; see the reason',
    member_certificate_revoked: 'Your certificate {serial} has been revoked by the community',
    volunteer_auto_closed:
      'You did not check out of “{title}”: checked out at its end, {at}, counting {hours} h; ask the organiser to correct it if wrong',
    volunteer_no_show: 'You signed up for “{title}” but did not check in: recorded as a no-show ({hours} h deducted)',
    volunteer_promoted: 'Off the waitlist: you have a {role} slot at the volunteer activity "{activity}"',
    volunteer_activity_cancelled: 'The volunteer activity "{activity}" was cancelled: {reason}',
  },
};

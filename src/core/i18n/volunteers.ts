import type { ErrorCode } from '../errors.js';
import type { Locale } from './locale.js';

/** Messages and nouns of volunteer service (modules/volunteers). */
const zhMessages = {
  VOLUNTEER_NOT_REGISTERED: '当前账号还没有注册为志愿者，请先注册',
  VOLUNTEER_ALREADY_REGISTERED: '{name} 已经是注册志愿者',
  VOLUNTEER_INACTIVE: '该志愿者已停用，不能报名或加入服务队',
  VOLUNTEER_TEAM_MEMBER_EXISTS: '{name} 已在该服务队中',
  VOLUNTEER_TYPE_UNKNOWN: '服务类型不在目录中（或已停用）',
  VOLUNTEER_ACTIVITY_TIME_ORDER: '时间顺序不对：报名开始 ≤ 报名截止 ≤ 活动开始 < 活动结束，取消截止不晚于活动开始',
  VOLUNTEER_ACTIVITY_CANCELLED: '该活动已取消',
  VOLUNTEER_ACTIVITY_STARTED: '活动已于 {startsAt} 开始，不能再修改或取消',
  VOLUNTEER_ACTIVITY_NOT_STARTED: '活动将于 {startsAt} 开始，开始后才能登记服务人数',
  VOLUNTEER_SIGNUP_CLOSED: '报名时间为 {opensAt} 至 {closesAt}，现在不能报名',
  VOLUNTEER_ALREADY_SIGNED_UP: '已报名该活动（{state}），不能重复报名',
  VOLUNTEER_BLOCKED: '近期缺席 {count} 次，{until} 前不能报名',
  VOLUNTEER_CANCEL_DEADLINE_PASSED: '取消报名截止于 {deadline}，现在不能取消；不能到场请联系组织者',
  VOLUNTEER_NOT_SIGNED_UP: '没有该活动的有效报名',
  VOLUNTEER_ROLE_UNKNOWN: '该岗位不属于此活动',
  VOLUNTEER_SLOTS_BELOW_TAKEN: '岗位“{role}”已有 {taken} 人报名，名额不能少于此数',
  VOLUNTEER_CODE_INVALID: '签到码无效或已过期，请重新扫描现场二维码',
  VOLUNTEER_CODE_OTHER_ACTIVITY: '这是另一个活动的签到码',
  VOLUNTEER_LOCATION_REQUIRED: '该活动需要定位签到，请允许获取位置后重试',
  VOLUNTEER_OUTSIDE_GEOFENCE: '您距活动地点约 {distance} 米，需在 {radius} 米内签到；室内请联系组织者代签',
  VOLUNTEER_CHECKIN_NOT_OPEN: '签到时间为 {opensAt} 至 {closesAt}',
  VOLUNTEER_NOT_CHECKED_IN: '尚未签到，不能签退',
  VOLUNTEER_ALREADY_CHECKED_OUT: '已于 {at} 签退',
  VOLUNTEER_CORRECTION_REASON_REQUIRED: '更正时长必须写明原因',
  VOLUNTEER_CORRECTION_TIMES: '更正的时间必须在活动时间内且签退晚于签到',
  VOLUNTEER_RULES_INVALID: '规则不合理：{reason}',
  VOLUNTEER_CERTIFICATE_NO_HOURS: '该期间没有已核实的服务时长，不能出具证明',
  VOLUNTEER_CERTIFICATE_REVOKED: '该证明已撤销',
} satisfies Partial<Record<ErrorCode, string>>;

export const volunteersMessages: Record<Locale, Record<keyof typeof zhMessages, string>> = {
  'zh-CN': zhMessages,
  en: {
    VOLUNTEER_NOT_REGISTERED: 'This login is not registered as a volunteer yet; register first',
    VOLUNTEER_ALREADY_REGISTERED: '{name} is already a registered volunteer',
    VOLUNTEER_INACTIVE: 'This volunteer is inactive and cannot sign up or join a team',
    VOLUNTEER_TEAM_MEMBER_EXISTS: '{name} is already in this team',
    VOLUNTEER_TYPE_UNKNOWN: 'The service type is not in the catalogue (or has been retired)',
    VOLUNTEER_ACTIVITY_TIME_ORDER:
      'Times out of order: sign-up opens ≤ sign-up closes ≤ start < end, and the cancellation deadline is no later than the start',
    VOLUNTEER_ACTIVITY_CANCELLED: 'This activity was cancelled',
    VOLUNTEER_ACTIVITY_STARTED: 'The activity started at {startsAt}; it can no longer be changed or cancelled',
    VOLUNTEER_ACTIVITY_NOT_STARTED:
      'The activity starts at {startsAt}; residents served can be recorded once it has started',
    VOLUNTEER_SIGNUP_CLOSED: 'Sign-up is open from {opensAt} to {closesAt}; it is not open now',
    VOLUNTEER_ALREADY_SIGNED_UP: 'Already signed up for this activity ({state})',
    VOLUNTEER_BLOCKED: '{count} recent no-shows: sign-up is blocked until {until}',
    VOLUNTEER_CANCEL_DEADLINE_PASSED: 'Cancellation closed at {deadline}; if you cannot come, tell the organiser',
    VOLUNTEER_NOT_SIGNED_UP: 'There is no live sign-up for this activity',
    VOLUNTEER_ROLE_UNKNOWN: "That role is not one of this activity's",
    VOLUNTEER_SLOTS_BELOW_TAKEN: 'The role "{role}" already has {taken} sign-ups; its slots cannot go below that',
    VOLUNTEER_CODE_INVALID: 'The check-in code is invalid or expired; scan the code on site again',
    VOLUNTEER_CODE_OTHER_ACTIVITY: 'This code belongs to another activity',
    VOLUNTEER_LOCATION_REQUIRED: 'This activity checks location: allow location access and try again',
    VOLUNTEER_OUTSIDE_GEOFENCE:
      'You are about {distance} m from the place; check-in needs {radius} m or less (indoors, ask the organiser)',
    VOLUNTEER_CHECKIN_NOT_OPEN: 'Check-in is open from {opensAt} to {closesAt}',
    VOLUNTEER_NOT_CHECKED_IN: 'Not checked in yet, so there is nothing to check out',
    VOLUNTEER_ALREADY_CHECKED_OUT: 'Already checked out at {at}',
    VOLUNTEER_CORRECTION_REASON_REQUIRED: 'A correction of hours needs a reason',
    VOLUNTEER_CORRECTION_TIMES: 'Corrected times must lie within the activity and check-out must follow check-in',
    VOLUNTEER_RULES_INVALID: 'The rules do not hold together: {reason}',
    VOLUNTEER_CERTIFICATE_NO_HOURS: 'No verified hours in that period: nothing to certify',
    VOLUNTEER_CERTIFICATE_REVOKED: 'This certificate was revoked',
  },
};

export const volunteersNouns: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    volunteer: '志愿者',
    volunteer_team: '志愿服务队',
    volunteer_activity: '志愿服务活动',
    volunteer_signup: '活动报名',
    volunteer_certificate: '志愿服务证明',
  },
  en: {
    volunteer: 'volunteer',
    volunteer_team: 'volunteer team',
    volunteer_activity: 'volunteer activity',
    volunteer_signup: 'sign-up',
    volunteer_certificate: 'service certificate',
  },
};

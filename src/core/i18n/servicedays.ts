import type { ErrorCode } from '../errors.js';
import type { Locale } from './locale.js';

/** Messages and nouns of service days (modules/cobuild/servicedays). */
const zhMessages = {
  SERVICE_DAY_TIME_ORDER: '结束时间必须晚于开始时间',
  SERVICE_KIND_UNKNOWN: '服务内容“{code}”不在服务内容目录中（或已停用）',
  SERVICE_DAY_PHOTO_LIMIT: '每个服务日最多 {max} 张照片，已有 {count} 张',
  SERVICE_DAY_UNIT_NOT_PAIRED: '本单位 {year} 年未与该社区结对，不能自行报名；请联系社区邀请',
  SERVICE_DAY_NOT_MEMBER: '当前账号没有对应的党员档案，不能签到',
  SERVICE_DAY_NOT_OPEN: '该服务日{state}，不能再报名、修改或撤回',
  SERVICE_DAY_ALREADY_SIGNED_UP: '该单位已报名此服务日，请修改已有的报名',
  SERVICE_DAY_CHECKIN_NOT_STARTED: '服务日尚未开始，{opensAt} 起可以签到',
  SERVICE_DAY_CHECKIN_CLOSED: '服务日已结束超过 24 小时，签到已于 {closesAt} 截止',
  SERVICE_DAY_CANCELLED: '该服务日已取消，不能签到或登记成效',
  SERVICE_DAY_OUTCOME_EARLY: '服务日 {startsAt} 才开始，开始后才能登记成效',
} satisfies Partial<Record<ErrorCode, string>>;

export const servicedaysMessages: Record<Locale, Record<keyof typeof zhMessages, string>> = {
  'zh-CN': zhMessages,
  en: {
    SERVICE_DAY_TIME_ORDER: 'The end time must be after the start time',
    SERVICE_KIND_UNKNOWN: 'The service kind "{code}" is not in the catalogue (or has been retired)',
    SERVICE_DAY_PHOTO_LIMIT: 'A service day carries at most {max} photos; it already has {count}',
    SERVICE_DAY_UNIT_NOT_PAIRED:
      'Your unit is not paired with this community in {year}, so it cannot sign up by itself; ask the community to invite it',
    SERVICE_DAY_NOT_MEMBER: 'This login has no Party member record, so it cannot check in',
    SERVICE_DAY_NOT_OPEN: 'This service day {state}: sign-ups can no longer be made, changed or withdrawn',
    SERVICE_DAY_ALREADY_SIGNED_UP: 'This unit has already signed up for the day; change its existing sign-up instead',
    SERVICE_DAY_CHECKIN_NOT_STARTED: 'The service day has not started yet; check-in opens at {opensAt}',
    SERVICE_DAY_CHECKIN_CLOSED: 'The service day ended more than 24 hours ago; check-in closed at {closesAt}',
    SERVICE_DAY_CANCELLED: 'This service day was cancelled: no check-ins or outcome can be recorded',
    SERVICE_DAY_OUTCOME_EARLY: 'The service day starts at {startsAt}; its outcome can be recorded once it has started',
  },
};

export const servicedaysNouns: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    service_kind: '服务内容',
    service_day: '服务日',
    service_day_signup: '服务日报名',
    service_day_checkin: '签到记录',
    service_day_photo: '服务日照片',
    day_cancelled: '已取消',
    day_held: '已举办',
    day_started: '已开始',
  },
  en: {
    service_kind: 'service kind',
    service_day: 'service day',
    service_day_signup: 'service day sign-up',
    service_day_checkin: 'check-in',
    service_day_photo: 'service day photo',
    day_cancelled: 'was cancelled',
    day_held: 'has been held',
    day_started: 'has already started',
  },
};

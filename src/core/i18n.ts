import type { ErrorCode, ErrorParams } from './errors.js';

export type Locale = 'zh-CN' | 'en';

const messages: Record<Locale, Record<ErrorCode, string>> = {
  'zh-CN': {
    VALIDATION_FAILED: '提交的数据不正确，请检查后重试',
    INVALID_GEOJSON: '网格边界不是有效的 GeoJSON 多边形：{reason}',
    GRID_PARENT_LEVEL: '上级网格层级不对：{level} 级网格的上级必须是 {expected} 级网格',
    ORG_PARENT_KIND: '上级组织类型不对：{kind} 不能挂在 {parentKind} 之下',
    ORG_CYCLE: '不能把组织移到它自己的下级之下（会形成循环）',
    INVALID_FILE: '文件无法读取：{reason}',
    OUTSIDE_COUNTY: '坐标不在光泽县范围内',
    CALENDAR_DAY_OUTSIDE_YEAR: '日期 {day} 不在 {year} 年内',
    CALENDAR_DAY_DUPLICATE: '日期 {day} 重复出现，每天只能设置一次',
    CALENDAR_WORKDAY_NOT_WEEKEND: '{day} 是周一至周五，本来就上班，不能设为调休上班日；调休上班日必须是周六或周日',
    CALENDAR_HOLIDAY_NOT_WEEKDAY: '{day} 是周六或周日，本来就休息，不能设为节假日；节假日必须是周一至周五',
    UNAUTHENTICATED: '请先登录',
    INVALID_CREDENTIALS: '用户名或密码错误',
    FORBIDDEN: '您没有权限执行此操作',
    NOT_FOUND: '未找到{entity}',
    CONFLICT: '操作冲突：{reason}',
    DUPLICATE: '{field}“{value}”已存在',
    REFERENCED: '无法删除：仍有{count}条{referrer}引用它，请先处理这些记录',
    STALE_UPDATE: '该记录已被他人修改，请刷新后重试',
    CASE_TRANSITION_NOT_ALLOWED: '当前状态（{status}）下不能执行“{action}”',
    CASE_MERGE_NOT_ALLOWED: '不能合并：{reason}',
    INVALID_IMAGE: '图片无法识别：{reason}（仅支持 JPEG、PNG、WebP，每张不超过 10MB）',
    CASE_PHOTO_LIMIT: '每个事项最多 {max} 张照片，已有 {count} 张',
    EVALUATION_SESSION_EXISTS: '该社区 {heldOn} 的定期评事会已经建立',
    EVALUATION_SESSION_HELD: '该次评事会已召开并存档，记录不能再修改',
    PAYLOAD_TOO_LARGE: '提交的内容过大',
    UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
    ACCOUNT_LOCKED: '登录失败次数过多，账号已锁定，请在 {minutes} 分钟后再试',
    RATE_LIMITED: '请求过于频繁，请稍后再试',
    INTERNAL: '系统内部错误，请稍后重试',
  },
  en: {
    VALIDATION_FAILED: 'The submitted data is invalid; please check it and try again',
    INVALID_GEOJSON: 'The grid boundary is not a valid GeoJSON polygon: {reason}',
    GRID_PARENT_LEVEL: 'Wrong parent level: the parent of a level-{level} grid must be a level-{expected} grid',
    ORG_PARENT_KIND: 'Wrong parent: a {kind} cannot sit under a {parentKind}',
    ORG_CYCLE: 'An organisation cannot be moved under one of its own descendants (that would make a cycle)',
    INVALID_FILE: 'The file cannot be read: {reason}',
    OUTSIDE_COUNTY: 'The coordinates are outside Guangze County',
    CALENDAR_DAY_OUTSIDE_YEAR: 'The day {day} is not in {year}',
    CALENDAR_DAY_DUPLICATE: 'The day {day} is listed more than once; each day may appear only once',
    CALENDAR_WORKDAY_NOT_WEEKEND: '{day} is a Monday–Friday, already a working day: a make-up workday must be a Saturday or Sunday',
    CALENDAR_HOLIDAY_NOT_WEEKDAY: '{day} is a Saturday or Sunday, already a day off: a holiday must be a Monday–Friday',
    UNAUTHENTICATED: 'Please log in first',
    INVALID_CREDENTIALS: 'Wrong username or password',
    FORBIDDEN: 'You are not allowed to do this',
    NOT_FOUND: '{entity} not found',
    CONFLICT: 'Conflict: {reason}',
    DUPLICATE: '{field} "{value}" already exists',
    REFERENCED: 'Cannot delete: {count} {referrer} record(s) still refer to it; deal with them first',
    STALE_UPDATE: 'Someone else changed this record; reload it and try again',
    CASE_TRANSITION_NOT_ALLOWED: 'The action "{action}" is not possible while the case is {status}',
    CASE_MERGE_NOT_ALLOWED: 'These cases cannot be merged: {reason}',
    INVALID_IMAGE: 'The image cannot be read: {reason} (JPEG, PNG or WebP, at most 10 MB each)',
    CASE_PHOTO_LIMIT: 'A case carries at most {max} photos; it already has {count}',
    EVALUATION_SESSION_EXISTS: 'This community already has an evaluation session on {heldOn}',
    EVALUATION_SESSION_HELD: 'This evaluation session has been held and its record archived; it can no longer be changed',
    PAYLOAD_TOO_LARGE: 'The request is too large',
    UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
    ACCOUNT_LOCKED: 'Too many failed logins: the account is locked; try again in {minutes} minutes',
    RATE_LIMITED: 'Too many requests; please slow down',
    INTERNAL: 'Internal error; please try again later',
  },
};

/** Words that fill {entity}/{referrer}/{field} placeholders, so messages read naturally in both languages. */
const nouns: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    organisation: '组织', grid: '网格', person: '人员', party_member: '党员', grid_duty: '网格职责',
    user: '用户', child_organisation: '下级组织', child_grid: '下级网格', code: '编码', username: '用户名',
    id_number: '身份证号', role_binding: '角色授权', resident: '居民', alley_region: '背街小巷区域',
    user_account: '登录账号', case_photo: '照片', evaluation_session: '评事会', evaluation_item: '评事事项',
    case: '事项', case_dispatch: '派单', merge_self: '不能与自身合并',
    merge_merged: '事项已被合并到其他事项，请合并到主事项', merge_finished: '已办结、已评价或已驳回的事项不能合并',
    merge_community: '两件事项不在同一社区',
  },
  en: {
    organisation: 'organisation', grid: 'grid', person: 'person', party_member: 'Party member',
    grid_duty: 'grid duty', user: 'user', child_organisation: 'child organisation', child_grid: 'child grid',
    code: 'Code', username: 'Username', id_number: 'ID number', role_binding: 'role binding', resident: 'resident',
    alley_region: 'alley region', user_account: 'user account', case_photo: 'photo', evaluation_session: 'evaluation session',
    evaluation_item: 'evaluation item',
    case: 'case', case_dispatch: 'dispatch', merge_self: 'a case cannot be merged into itself',
    merge_merged: 'the case is already merged into another; merge into the main case',
    merge_finished: 'a closed, rated or rejected case cannot be merged', merge_community: 'the cases are in different communities',
  },
};

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function translateError(locale: Locale, code: ErrorCode, params: ErrorParams): string {
  const template = messages[locale][code];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const raw = params[key];
    if (raw === undefined) return '';
    const s = String(raw);
    return nouns[locale][s] ?? s;
  });
}

import type { CaseStatus } from '../cases/cases.enums.js';

/**
 * What the gateway says in words: the status notes (the case's own state, in the county's language) and the services'
 * notices and attributes. GeoReport v2 has no locale parameter; answers are in zh-CN, the county's language, with
 * the English beside where a client asks for it with Accept-Language: en.
 */
export type GatewayLocale = 'zh-CN' | 'en';

export const STATUS_NOTES: Record<CaseStatus, { 'zh-CN': string; en: string }> = {
  reported: { 'zh-CN': '已上报，等待受理', en: 'Reported, awaiting acceptance' },
  accepted: { 'zh-CN': '已受理', en: 'Accepted' },
  rejected: { 'zh-CN': '不予受理', en: 'Not accepted' },
  dispatched: { 'zh-CN': '已派单给责任单位', en: 'Sent to the responsible unit' },
  acknowledged: { 'zh-CN': '责任单位已报到', en: 'The unit has reported in' },
  in_progress: { 'zh-CN': '处置中', en: 'In progress' },
  resolved: { 'zh-CN': '已处置，等待核查', en: 'Resolved, awaiting verification' },
  verified: { 'zh-CN': '已核查，等待评价', en: 'Verified, awaiting rating' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
  rated: { 'zh-CN': '已办结并评价', en: 'Closed and rated' },
  returned: { 'zh-CN': '已退回重办', en: 'Returned for rework' },
  reopened: { 'zh-CN': '已重新办理', en: 'Reopened' },
};

/** The service's promise, from its category's clocks (working hours on the county's calendar). */
export function serviceNotice(locale: GatewayLocale, responseHours: number, resolutionHours: number): string {
  return locale === 'en'
    ? `Answered within ${responseHours} working hours, resolved within ${resolutionHours} working hours`
    : `${responseHours} 个工作小时内响应，${resolutionHours} 个工作小时内解决`;
}

export const SUPERVISED_NOTICE = { 'zh-CN': '已超时督办', en: 'Overdue, under supervision' };

export interface AttributeText {
  description: { 'zh-CN': string; en: string };
  values?: Record<string, { 'zh-CN': string; en: string }>;
}

/** The words of the attributes some services ask for (open311.attributes.ts holds their rules). */
export const ATTRIBUTE_TEXTS: Record<string, AttributeText> = {
  LIGHT_STATE: {
    description: { 'zh-CN': '路灯状况', en: 'What the light does' },
    values: {
      out: { 'zh-CN': '不亮', en: 'Out' },
      flicker: { 'zh-CN': '闪烁', en: 'Flickering' },
      daylight: { 'zh-CN': '白天常亮', en: 'On in daylight' },
    },
  },
  POLE_NUMBER: { description: { 'zh-CN': '灯杆编号（灯杆上的牌号）', en: 'Pole number (the plate on the pole)' } },
  TRAPPED: {
    description: { 'zh-CN': '是否有人被困', en: 'Is anyone trapped' },
    values: { yes: { 'zh-CN': '有人被困', en: 'Yes' }, no: { 'zh-CN': '无人被困', en: 'No' } },
  },
};

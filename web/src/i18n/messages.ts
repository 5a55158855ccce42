/**
 * The staff app's dictionaries, in both languages: the strings every screen needs (basic.ts), those shared across the
 * staff pages (zh-CN.ts, en.ts) and every page module's own (web/src/modules/<m>/i18n.ts, web/src/mobile/i18n.ts).
 * Also the type every `t()` key is checked against (i18next.d.ts).
 */
import caseLabelsStrings from '../modules/cases/labels.i18n';
import casesStrings from '../modules/cases/i18n';
import classifierStrings from '../modules/cases/classifier/i18n';
import whistleStrings from '../modules/cases/whistle.i18n';
import { cobuildEn, cobuildZhCN } from '../modules/cobuild/i18n';
import needClaimsStrings from '../modules/cobuild/needs/claims/i18n';
import serviceDaysPhoneStrings from '../modules/cobuild/servicedays/mobile/i18n';
import evaluationsStrings from '../modules/evaluations/i18n';
import mobileStrings from '../mobile/i18n';
import orgStrings from '../modules/org/i18n';
import gridStrings from '../modules/grid/i18n';
import peopleStrings from '../modules/people/i18n';
import membersStrings from '../modules/members/i18n';
import postActivitiesStrings from '../modules/members/activities/i18n';
import memberReportsStrings from '../modules/members/reports/i18n';
import postsStrings from '../modules/members/posts/i18n';
import ratingsStrings from '../modules/members/ratings/i18n';
import ledgerStrings from '../modules/members/ledger/i18n';
import memberHomeStrings from '../modules/members/home/i18n';
import auditStrings from '../modules/audit/i18n';
import auditLabelsStrings from '../modules/audit/labels.i18n';
import open311Strings from '../modules/open311/i18n';
import operationsStrings from '../modules/operations/i18n';
import basicStrings from './basic';
import { coreEn } from './en';
import { coreZhCN, type DeepString } from './zh-CN';

/** Chinese (zh-CN): the default language. */
export const zhCN = {
  ...basicStrings.zhCN,
  ...coreZhCN,
  ...caseLabelsStrings.zhCN,
  ...casesStrings.zhCN,
  ...classifierStrings.zhCN,
  ...whistleStrings.zhCN,
  ...evaluationsStrings.zhCN,
  ...mobileStrings.zhCN,
  ...orgStrings.zhCN,
  ...gridStrings.zhCN,
  ...peopleStrings.zhCN,
  ...membersStrings.zhCN,
  ...postActivitiesStrings.zhCN,
  ...memberReportsStrings.zhCN,
  ...postsStrings.zhCN,
  ...ratingsStrings.zhCN,
  ...ledgerStrings.zhCN,
  ...memberHomeStrings.zhCN,
  ...auditStrings.zhCN,
  ...auditLabelsStrings.zhCN,
  ...open311Strings.zhCN,
  ...operationsStrings.zhCN,
  ...cobuildZhCN,
  ...needClaimsStrings.zhCN,
  ...serviceDaysPhoneStrings.zhCN,
} as const;

export type Messages = DeepString<typeof zhCN>;

/** English; the type makes sure every key of zhCN is here too. */
export const en: Messages = {
  ...basicStrings.en,
  ...coreEn,
  ...caseLabelsStrings.en,
  ...casesStrings.en,
  ...classifierStrings.en,
  ...whistleStrings.en,
  ...evaluationsStrings.en,
  ...mobileStrings.en,
  ...orgStrings.en,
  ...gridStrings.en,
  ...peopleStrings.en,
  ...membersStrings.en,
  ...postActivitiesStrings.en,
  ...memberReportsStrings.en,
  ...postsStrings.en,
  ...ratingsStrings.en,
  ...ledgerStrings.en,
  ...memberHomeStrings.en,
  ...auditStrings.en,
  ...auditLabelsStrings.en,
  ...open311Strings.en,
  ...operationsStrings.en,
  ...cobuildEn,
  ...needClaimsStrings.en,
  ...serviceDaysPhoneStrings.en,
};

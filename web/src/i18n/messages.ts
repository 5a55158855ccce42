/**
 * The staff app's dictionaries, in both languages: the strings every screen needs (basic.ts), those shared across the
 * staff pages (zh-CN.ts, en.ts) and every page module's own (web/src/modules/<m>/i18n.ts, web/src/mobile/i18n.ts),
 * except those that their pages bring when they load (BroughtStrings). Also the type every `t()` key is checked
 * against (i18next.d.ts).
 */
import caseLabelsStrings from '../modules/cases/labels.i18n';
import casesStrings from '../modules/cases/i18n';
import classifierStrings from '../modules/cases/classifier/i18n';
import whistleStrings from '../modules/cases/whistle.i18n';
import { cobuildEn, cobuildZhCN } from '../modules/cobuild/i18n';
import needClaimsStrings from '../modules/cobuild/needs/claims/i18n';
import type serviceDaysPhoneStrings from '../modules/cobuild/servicedays/mobile/i18n';
import type volunteerPhoneStrings from '../modules/volunteers/mobile/i18n';
import type volunteerStaffStrings from '../modules/volunteers/i18n';
import evaluationsStrings from '../modules/evaluations/i18n';
import alleysStrings from '../modules/alleys/i18n';
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
import type memberHomeStrings from '../modules/members/home/i18n';
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
  ...alleysStrings.zhCN,
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
  ...auditStrings.zhCN,
  ...auditLabelsStrings.zhCN,
  ...open311Strings.zhCN,
  ...operationsStrings.zhCN,
  ...cobuildZhCN,
  ...needClaimsStrings.zhCN,
} as const;

/**
 * Strings of pages that only some users open, brought by the pages when they load (i18n addStrings) instead of with
 * the app: a Party member's home (desktop and phone), the phone's service-day pages, a volunteer's phone pages and the
 * 志愿服务 staff pages.
 */
type BroughtStrings = typeof memberHomeStrings.zhCN &
  typeof serviceDaysPhoneStrings.zhCN &
  typeof volunteerPhoneStrings.zhCN &
  typeof volunteerStaffStrings.zhCN;

/** Every string a page may name, those brought by their pages included. */
export type AllStrings = typeof zhCN & BroughtStrings;
export type Messages = DeepString<AllStrings>;

/** English; the type makes sure every key of zhCN is here too. */
export const en: DeepString<typeof zhCN> = {
  ...basicStrings.en,
  ...coreEn,
  ...caseLabelsStrings.en,
  ...casesStrings.en,
  ...classifierStrings.en,
  ...whistleStrings.en,
  ...evaluationsStrings.en,
  ...alleysStrings.en,
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
  ...auditStrings.en,
  ...auditLabelsStrings.en,
  ...open311Strings.en,
  ...operationsStrings.en,
  ...cobuildEn,
  ...needClaimsStrings.en,
};

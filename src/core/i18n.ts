import type { ErrorCode, ErrorParams } from './errors.js';
import { baseMessages, baseNouns } from './i18n/base.js';
import { casesMessages, casesNouns } from './i18n/cases.js';
import { evaluationsMessages, evaluationsNouns } from './i18n/evaluations.js';
import type { Locale } from './i18n/locale.js';
import { meetingsMessages, meetingsNouns } from './i18n/meetings.js';
import { memberserviceMessages, memberserviceNouns } from './i18n/memberservice.js';
import { needsMessages, needsNouns } from './i18n/needs.js';
import { type NotificationTitle, notificationTitles } from './i18n/notifications.js';
import { pairingMessages, pairingNouns } from './i18n/pairing.js';
import { projectsMessages, projectsNouns } from './i18n/projects.js';
import { servicedaysMessages, servicedaysNouns } from './i18n/servicedays.js';
import { volunteersMessages, volunteersNouns } from './i18n/volunteers.js';

export type { Locale } from './i18n/locale.js';
export type { NotificationTitle } from './i18n/notifications.js';

/**
 * The API's texts in zh-CN and en. Each area keeps its own in a file under i18n/ (base: core and the base modules;
 * then one file per module that has codes of its own); this file joins them and renders them. The type of `messages`
 * makes a missing code a compile error; i18n.test.ts checks that no two areas define the same code or noun.
 */
const messages: Record<Locale, Record<ErrorCode, string>> = {
  'zh-CN': {
    ...baseMessages['zh-CN'],
    ...casesMessages['zh-CN'],
    ...evaluationsMessages['zh-CN'],
    ...pairingMessages['zh-CN'],
    ...projectsMessages['zh-CN'],
    ...meetingsMessages['zh-CN'],
    ...servicedaysMessages['zh-CN'],
    ...needsMessages['zh-CN'],
    ...memberserviceMessages['zh-CN'],
    ...volunteersMessages['zh-CN'],
  },
  en: {
    ...baseMessages.en,
    ...casesMessages.en,
    ...evaluationsMessages.en,
    ...pairingMessages.en,
    ...projectsMessages.en,
    ...meetingsMessages.en,
    ...servicedaysMessages.en,
    ...needsMessages.en,
    ...memberserviceMessages.en,
    ...volunteersMessages.en,
  },
};

/** Words that fill {entity}/{referrer}/{field} placeholders, so messages read naturally in both languages. */
const nouns: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    ...baseNouns['zh-CN'],
    ...casesNouns['zh-CN'],
    ...evaluationsNouns['zh-CN'],
    ...pairingNouns['zh-CN'],
    ...projectsNouns['zh-CN'],
    ...meetingsNouns['zh-CN'],
    ...servicedaysNouns['zh-CN'],
    ...needsNouns['zh-CN'],
    ...memberserviceNouns['zh-CN'],
    ...volunteersNouns['zh-CN'],
  },
  en: {
    ...baseNouns.en,
    ...casesNouns.en,
    ...evaluationsNouns.en,
    ...pairingNouns.en,
    ...projectsNouns.en,
    ...meetingsNouns.en,
    ...servicedaysNouns.en,
    ...needsNouns.en,
    ...memberserviceNouns.en,
    ...volunteersNouns.en,
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

/** The language notification titles are stored in. */
export const NOTIFICATION_LOCALE: Locale = 'zh-CN';

/** A noun as stored text (a reason the system writes on a row, read by people later), in the stored language. */
export function storedNoun(key: string, locale: Locale = NOTIFICATION_LOCALE): string {
  return nouns[locale][key] ?? key;
}

export function notificationTitle(
  key: NotificationTitle,
  params: Record<string, string | number>,
  locale: Locale = NOTIFICATION_LOCALE,
): string {
  return notificationTitles[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

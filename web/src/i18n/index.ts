import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Messages } from './messages';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'lianjian.lang';

/**
 * The strings an app shows, per language. The staff app hands over all of them (i18n/all.ts); the phone app only the
 * shared core, the case labels and its own (mobile/strings.ts), so it does not download the staff pages' strings.
 */
export type Dictionary = Partial<Messages>;
let resources: Record<Language, Dictionary> = { 'zh-CN': {}, en: {} };

function initialLanguage(): Language {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN';
}

function applyLanguage(lang: Language): void {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
  const app = resources[lang].app;
  if (app) document.title = `${app.name} · ${app.subtitle}`;
}

/** Called once, by the module an entry imports first, before any page module can ask for a string. */
export function setupI18n(dictionaries: Record<Language, Dictionary>): void {
  resources = dictionaries;
  const lang = initialLanguage();
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: dictionaries['zh-CN'] }, en: { translation: dictionaries.en } },
    lng: lang,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLanguage(lang);
}

/**
 * Strings a lazily loaded page brings with it (the phone's Party member pages, which a resident never opens): merged
 * into both languages when the page's module loads, before it renders. Types: every key is in messages.ts.
 */
export function addStrings(strings: { zhCN: Dictionary; en: Dictionary }): void {
  const byLanguage: Record<Language, Dictionary> = { 'zh-CN': strings.zhCN, en: strings.en };
  for (const lang of LANGUAGES) {
    resources[lang] = { ...resources[lang], ...byLanguage[lang] };
    i18n.addResourceBundle(lang, 'translation', byLanguage[lang], true, true);
  }
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export async function setLanguage(next: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, next);
  applyLanguage(next);
  await i18n.changeLanguage(next);
}

/** Groups of enum labels in the resource files (org kinds, roles, strengths…). */
export type LabelGroup =
  | 'role'
  | 'orgKind'
  | 'gridLevel'
  | 'gridLevelShort'
  | 'gridKind'
  | 'dutyRole'
  | 'strength'
  | 'personRole'
  | 'gender'
  | 'memberKind'
  | 'entityType'
  | 'auditAction'
  | 'caseStatus'
  | 'caseChannel'
  | 'casePriority'
  | 'caseAction'
  | 'caseEvent'
  | 'satisfaction'
  | 'dispatchStatus'
  | 'whistle'
  | 'statsGroupBy'
  | 'verdict'
  | 'evaluationStatus';

/** Label of an enum value from the API in the current language; unknown values are shown as they are. */
export function labelOf(group: LabelGroup, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return resources[currentLanguage()].common?.none ?? '';
  const dict: Record<string, string> = resources[currentLanguage()][group] ?? {};
  return dict[String(value)] ?? String(value);
}

/** The enum values of a label group, in resource-file order, for Select options. */
export function labelOptions(group: LabelGroup): { value: string; label: string }[] {
  const dict: Record<string, string> = resources[currentLanguage()][group] ?? {};
  return Object.entries(dict).map(([value, label]) => ({ value, label }));
}

/** `useTranslation` plus the enum label helpers; re-renders on language change. */
export function useI18n() {
  const { t, i18n: instance } = useTranslation();
  return {
    t,
    language: (instance.language === 'en' ? 'en' : 'zh-CN') as Language,
    label: labelOf,
    options: labelOptions,
  };
}

export default i18n;

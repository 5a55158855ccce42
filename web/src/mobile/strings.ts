/**
 * The phone app's strings: the basic ones (name, common words, errors, login), the case labels and its own, in both
 * languages; not the staff pages' (~50 KB), nor the Party member pages', which bring theirs when they load (i18n
 * addStrings). mobile/main.tsx imports this first, before any page module runs.
 */
import { setupI18n } from '../i18n';
import basicStrings from '../i18n/basic';
import caseLabelsStrings from '../modules/cases/labels.i18n';
import mobileStrings from './i18n';

setupI18n({
  'zh-CN': {
    ...basicStrings.zhCN,
    ...caseLabelsStrings.zhCN,
    ...mobileStrings.zhCN,
  },
  en: {
    ...basicStrings.en,
    ...caseLabelsStrings.en,
    ...mobileStrings.en,
  },
});

import 'i18next';
import type { zhCN } from './messages';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
    returnNull: false;
  }
}

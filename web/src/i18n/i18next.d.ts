import 'i18next';
import type { AllStrings } from './messages';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: AllStrings };
    returnNull: false;
  }
}

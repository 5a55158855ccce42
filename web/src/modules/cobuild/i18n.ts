import pairing from './pairing/i18n';
import projects from './projects/i18n';
import needs from './needs/i18n';
import meetings from './meetings/i18n';
import servicedays from './servicedays/i18n';

/** The co-building pages' strings, one namespace per sub-module, spread into the dictionaries by web/src/i18n/messages.ts. */
export const cobuildZhCN = {
  pairing: pairing.zhCN,
  projects: projects.zhCN,
  needs: needs.zhCN,
  meetings: meetings.zhCN,
  servicedays: servicedays.zhCN,
};
export const cobuildEn: typeof cobuildZhCN = {
  pairing: pairing.en,
  projects: projects.en,
  needs: needs.en,
  meetings: meetings.en,
  servicedays: servicedays.en,
};

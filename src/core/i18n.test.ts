import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from './errors.js';
import { translateError } from './i18n.js';
import { baseMessages, baseNouns } from './i18n/base.js';
import { casesMessages, casesNouns } from './i18n/cases.js';
import { evaluationsMessages, evaluationsNouns } from './i18n/evaluations.js';
import { meetingsMessages, meetingsNouns } from './i18n/meetings.js';
import { memberserviceMessages, memberserviceNouns } from './i18n/memberservice.js';
import { needsMessages, needsNouns } from './i18n/needs.js';
import { pairingMessages, pairingNouns } from './i18n/pairing.js';
import { projectsMessages, projectsNouns } from './i18n/projects.js';
import { servicedaysMessages, servicedaysNouns } from './i18n/servicedays.js';
import { volunteersMessages, volunteersNouns } from './i18n/volunteers.js';

/**
 * i18n.ts joins the areas' dictionaries by spreading them, so a code or noun written in two areas would silently
 * take the later one's text. These keep every key in exactly one area, in both languages.
 */
const areas = {
  base: [baseMessages, baseNouns],
  cases: [casesMessages, casesNouns],
  evaluations: [evaluationsMessages, evaluationsNouns],
  pairing: [pairingMessages, pairingNouns],
  projects: [projectsMessages, projectsNouns],
  meetings: [meetingsMessages, meetingsNouns],
  servicedays: [servicedaysMessages, servicedaysNouns],
  needs: [needsMessages, needsNouns],
  memberservice: [memberserviceMessages, memberserviceNouns],
  volunteers: [volunteersMessages, volunteersNouns],
} as const;

function owners(pick: 0 | 1): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const [area, dictionaries] of Object.entries(areas)) {
    for (const key of Object.keys(dictionaries[pick]['zh-CN'])) byKey.set(key, [...(byKey.get(key) ?? []), area]);
  }
  return byKey;
}

describe('the i18n areas', () => {
  it('define each error code once, and every code of errors.ts', () => {
    const byCode = owners(0);
    expect([...byCode].filter(([, where]) => where.length > 1)).toEqual([]);
    expect([...byCode.keys()].sort()).toEqual(Object.keys(ERROR_STATUS).sort());
  });

  it('define each noun once', () => {
    expect([...owners(1)].filter(([, where]) => where.length > 1)).toEqual([]);
  });

  it('have the same codes and nouns in zh-CN and en', () => {
    for (const dictionaries of Object.values(areas)) {
      for (const dictionary of dictionaries) {
        expect(Object.keys(dictionary.en).sort()).toEqual(Object.keys(dictionary['zh-CN']).sort());
      }
    }
  });

  it('fill a placeholder with the noun of the reader’s language', () => {
    expect(translateError('en', 'NOT_FOUND', { entity: 'service_day' })).toBe('service day not found');
    expect(translateError('zh-CN', 'NOT_FOUND', { entity: 'service_day' })).toBe('未找到服务日');
  });
});

import { describe, expect, it } from 'vitest';
import caseLabels from '../modules/cases/labels.i18n';
import cases from '../modules/cases/i18n';
import audit from '../modules/audit/i18n';
import auditLabels from '../modules/audit/labels.i18n';
import open311 from '../modules/open311/i18n';
import meetings from '../modules/cobuild/meetings/i18n';
import needs from '../modules/cobuild/needs/i18n';
import pairing from '../modules/cobuild/pairing/i18n';
import projects from '../modules/cobuild/projects/i18n';
import servicedays from '../modules/cobuild/servicedays/i18n';
import servicedaysPhone from '../modules/cobuild/servicedays/mobile/i18n';
import evaluations from '../modules/evaluations/i18n';
import alleys from '../modules/alleys/i18n';
import grid from '../modules/grid/i18n';
import members from '../modules/members/i18n';
import memberHome from '../modules/members/home/i18n';
import org from '../modules/org/i18n';
import people from '../modules/people/i18n';
import volunteers from '../modules/volunteers/i18n';
import mobile from '../mobile/i18n';
import volunteerPhone from '../modules/volunteers/mobile/i18n';
import basic from './basic';
import { coreEn } from './en';
import { en, zhCN } from './messages';
import { coreZhCN } from './zh-CN';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as `a.b.c` → its text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

/** The `{{name}}` placeholders of a string, sorted. */
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

// Each dictionary the apps are assembled from (i18n/messages.ts for the staff app, mobile/strings.ts for the phone).
const DICTIONARIES: Record<string, { zhCN: Tree; en: Tree }> = {
  basic,
  core: { zhCN: coreZhCN, en: coreEn },
  caseLabels,
  cases,
  evaluations,
  alleys,
  mobile,
  org,
  grid,
  people,
  members,
  'members/home': memberHome,
  audit,
  auditLabels,
  open311,
  'cobuild/pairing': pairing,
  'cobuild/projects': projects,
  'cobuild/needs': needs,
  'cobuild/meetings': meetings,
  'cobuild/servicedays': servicedays,
  'cobuild/servicedays/mobile': servicedaysPhone,
  volunteers,
  'volunteers/mobile': volunteerPhone,
};

describe('i18n: zh-CN and en say the same things', () => {
  for (const [name, dict] of Object.entries(DICTIONARIES)) {
    it(`${name}: the same keys in both languages, none empty, the same placeholders`, () => {
      const zh = leaves(dict.zhCN);
      const english = leaves(dict.en);
      expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
      for (const [key, text] of zh) {
        expect(text.trim(), `zh-CN ${key}`).not.toBe('');
        expect(english.get(key)?.trim(), `en ${key}`).not.toBe('');
        expect(placeholders(english.get(key) ?? ''), `placeholders of ${key}`).toEqual(placeholders(text));
      }
    });
  }

  it('the assembled staff dictionaries have the same keys', () => {
    expect([...leaves(en).keys()].sort()).toEqual([...leaves(zhCN).keys()].sort());
  });

  it('no two dictionaries of one app share a top-level key (a spread would drop the first silently)', () => {
    const staff = Object.entries(DICTIONARIES).filter(([name]) => !name.startsWith('cobuild/'));
    const owner = new Map<string, string>();
    for (const [name, dict] of staff) {
      for (const key of Object.keys(dict.zhCN)) {
        expect(owner.get(key), `top-level key "${key}" in ${name}`).toBeUndefined();
        owner.set(key, name);
      }
    }
    for (const key of ['pairing', 'projects', 'needs', 'meetings', 'servicedays'])
      expect(owner.get(key), `top-level key "${key}"`).toBeUndefined();
  });
});

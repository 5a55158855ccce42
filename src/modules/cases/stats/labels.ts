import { inArray } from 'drizzle-orm';
import type { Db } from '../../../core/db.js';
import { grids } from '../../grid/grid.schema.js';
import { organisations } from '../../org/org.schema.js';
import { allCategories } from '../cases.categories.js';
import { CASE_CHANNELS } from '../cases.enums.js';
import type { GroupKey } from './rates.js';

/* The names of a statistic's groups and the order they are listed in. */

export const CHANNEL_NAMES: Record<string, { zh: string; en: string }> = {
  hall: { zh: '居民说事厅', en: "Residents' hall" },
  street_point: { zh: '说事点', en: 'Street point' },
  door_visit: { zh: '入户走访', en: 'Door-to-door visit' },
  snap: { zh: '随手拍', en: 'Photo report' },
  online: { zh: '网上反映', en: 'Online' },
  community_whistle: { zh: '社区吹哨', en: 'Community whistle' },
  open311: { zh: '外部系统（Open311）', en: 'Outside system (Open311)' },
};

export async function labelGroups(
  db: Db,
  groupBy: GroupKey,
  keys: string[],
  locale: string,
): Promise<Map<string, { name: string; order: string | number }>> {
  const out = new Map<string, { name: string; order: string | number }>();
  if (!keys.length) return out;
  const en = locale === 'en';
  switch (groupBy) {
    case 'community':
    case 'unit': {
      const rows = await db
        .select({ id: organisations.id, name: organisations.name, code: organisations.code })
        .from(organisations)
        .where(inArray(organisations.id, keys));
      for (const r of rows) out.set(r.id, { name: r.name, order: r.code ?? r.name });
      break;
    }
    case 'grid': {
      const rows = await db
        .select({ id: grids.id, name: grids.name, code: grids.code })
        .from(grids)
        .where(inArray(grids.id, keys));
      for (const r of rows) out.set(r.id, { name: r.name, order: r.code });
      break;
    }
    case 'category':
      for (const c of await allCategories(db))
        if (keys.includes(c.code)) out.set(c.code, { name: en ? c.nameEn : c.name, order: c.sort });
      break;
    case 'channel':
      for (const k of keys)
        out.set(k, {
          name: CHANNEL_NAMES[k] ? CHANNEL_NAMES[k][en ? 'en' : 'zh'] : k,
          order: CASE_CHANNELS.indexOf(k as never),
        });
      break;
    default:
      for (const k of keys) out.set(k, { name: k, order: k });
  }
  return out;
}

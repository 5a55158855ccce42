/**
 * Ids and codes the write-route fuzz has seen in answers, kept by where they were seen, so that a generated
 * `communityId` is usually a community's id and `/api/service-days/{id}/signups/{signupId}` usually names a sign-up.
 *
 * Pools: a value under the key `unitId` goes to pool `unitId`; an `id` (or `code`, `key`, `token`) goes to
 * `@<name of the array or object holding it>`, or at the top of an answer to `@<segment>` for each literal segment of
 * the URL it came from (`/api/service-days/{id}/signups` → @service-days and @signups).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_KEY = /^(id|.+Id)$/;
const CODE_KEY = /^(code|key|token|checkinToken|.+Code)$/;
const MAX_PER_POOL = 200;

type Kind = 'id' | 'code';

export class Pools {
  private readonly pools = new Map<string, Set<string>>();
  private readonly all: Record<Kind, Set<string>> = { id: new Set(), code: new Set() };
  /** values() answers by (kind, name, segment), dropped whenever a pool grows. */
  private readonly cache = new Map<string, string[]>();
  private readonly versions = new Map<string, number>();

  add(kind: Kind, pool: string, value: string): void {
    const key = `${kind}:${pool}`;
    const set = this.pools.get(key) ?? new Set<string>();
    if (set.size >= MAX_PER_POOL || set.has(value)) return;
    set.add(value);
    this.pools.set(key, set);
    this.cache.clear();
    if (this.all[kind].size < 4 * MAX_PER_POOL) this.all[kind].add(value);
  }

  /** Records the ids and codes of an answer to a request for `url`. */
  harvest(value: unknown, url: string): void {
    const segments = new URL(url, 'http://x').pathname.split('/').filter((s) => s && s !== 'api' && !UUID.test(s));
    this.walk(
      value,
      segments.map((s) => `@${s}`),
      0,
    );
  }

  /** The version last seen of the record with this id. */
  versionOf(id: string): number | undefined {
    return this.versions.get(id);
  }

  private walk(value: unknown, contexts: string[], depth: number): void {
    if (typeof value !== 'object' || value === null || depth > 8) return;
    if (Array.isArray(value)) {
      for (const v of value) this.walk(v, contexts, depth + 1);
      return;
    }
    const record = value as { id?: unknown; version?: unknown };
    if (typeof record.id === 'string' && typeof record.version === 'number')
      this.versions.set(record.id, record.version);
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string') this.leaf(k, v, contexts);
      else if (k === 'items' && depth === 0) this.walk(v, contexts, depth + 1);
      else this.walk(v, [`@${k}`], depth + 1);
    }
  }

  private leaf(key: string, value: string, contexts: string[]): void {
    if (ID_KEY.test(key) && UUID.test(value)) {
      if (key === 'id') for (const c of contexts) this.add('id', c, value);
      else this.add('id', key, value);
    } else if (CODE_KEY.test(key) && value.length <= 100) {
      for (const c of key === 'code' || key === 'key' ? contexts : [key]) this.add('code', c, value);
    }
  }

  /**
   * Values for a field or path parameter: the pools named by the field (`unitId`), by its stem (`kindCodes` →
   * pools whose name contains "kind", e.g. @service-kinds) and by the URL segment before a path parameter.
   */
  values(kind: Kind, name: string, segment?: string): string[] {
    const cacheKey = `${kind}:${name}:${segment ?? ''}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const stem = name
      .replace(/(Id|Ids|Code|Codes|Key|Keys)$/, '')
      .replace(/y$/, '')
      .toLowerCase();
    const out = new Set<string>();
    for (const [key, set] of this.pools) {
      const [k, pool] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      if (k !== kind) continue;
      const named =
        pool === name || (stem.length >= 3 && stem !== name.toLowerCase() && pool.toLowerCase().includes(stem));
      if (named || (segment !== undefined && pool === `@${segment}`)) for (const v of set) out.add(v);
    }
    const values = [...out];
    this.cache.set(cacheKey, values);
    return values;
  }

  any(kind: Kind): string[] {
    return [...this.all[kind]];
  }
}

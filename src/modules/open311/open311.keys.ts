import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { open311Clients } from './open311.schema.js';

/** Keys look like lj311_<43 base64url characters>: 32 random bytes, recognisable in a leaked log or config file. */
const KEY_PREFIX = 'lj311_';
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 6;

export function newKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** SHA-256, not argon2: the key is 256 random bits, so the hash needs no work factor, and lookup is one index probe. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function shownPrefix(key: string): string {
  return key.slice(0, SHOWN_PREFIX_LENGTH);
}

export interface KeyHolder {
  id: string;
  name: string;
  userId: string;
  requestsPerMinute: number;
  revoked: boolean;
}

/**
 * A key's client, remembered for 5 s per process so that a busy client costs one lookup, not one a request. Revoking
 * drops the entry in every process at once: a trigger on open311_clients NOTIFYs the client's user id
 * (migrations/0019) and the composition root passes the notices to `open311KeyInvalidation`. While the listening
 * connection is down the cache is not used; without a listener (tests, scripts) an entry lives 5 s.
 */
const CACHE_MS = 5000;
const cache = new Map<string, { holder: KeyHolder | null; at: number; usedAt: number }>();
let cacheTrusted: () => boolean = () => true;
/** Moves on every eviction, so a lookup that overlapped one does not store what it read before it. */
let evictions = 0;

/** What src/server.ts wires to the lianjian_sessions LISTEN beside the sessions' own handlers. */
export const open311KeyInvalidation = {
  /** A notice's payload is a user id: drop the keys of the client acting as that user. */
  onNotice: (userId: string) => {
    evictions++;
    for (const [hash, entry] of cache) if (entry.holder?.userId === userId) cache.delete(hash);
  },
  onGap: () => {
    evictions++;
    cache.clear();
  },
  trustWhile: (live: () => boolean) => {
    cacheTrusted = live;
  },
};
/** last_used_at is written at most once a minute per client and process: it says "in use lately", not a request log. */
const USED_EVERY_MS = 60_000;

export async function holderOfKey(db: Db, key: string): Promise<KeyHolder | null> {
  const hash = keyHash(key);
  const now = performance.now();
  const hit = cache.get(hash);
  if (hit && now - hit.at < CACHE_MS && cacheTrusted()) return hit.holder;
  const before = evictions;
  const [row] = await db
    .select({
      id: open311Clients.id,
      name: open311Clients.name,
      userId: open311Clients.userId,
      requestsPerMinute: open311Clients.requestsPerMinute,
      revokedAt: open311Clients.revokedAt,
    })
    .from(open311Clients)
    .where(eq(open311Clients.keyHash, hash));
  const holder = row ? { ...row, revoked: row.revokedAt !== null } : null;
  if (cache.size > 10_000) cache.clear();
  if (evictions === before) cache.set(hash, { holder, at: now, usedAt: hit?.usedAt ?? -Infinity });
  return holder;
}

/** Records that the key was used (at most once a minute per process). */
export async function markKeyUsed(db: Db, key: string, holder: KeyHolder): Promise<void> {
  const entry = cache.get(keyHash(key));
  const now = performance.now();
  if (entry && now - entry.usedAt < USED_EVERY_MS) return;
  if (entry) entry.usedAt = now;
  const at = clock.now();
  await db
    .update(open311Clients)
    .set({ lastUsedAt: at })
    .where(
      sql`${open311Clients.id} = ${holder.id} and (${open311Clients.lastUsedAt} is null or ${open311Clients.lastUsedAt} < ${at})`,
    );
}

export function forgetKeys(): void {
  cache.clear();
}

/**
 * Slows password guessing (login and change-password) without letting a stranger lock a real user out.
 *
 * Three counters, rows of auth_throttle shared by every app process:
 * - `account_address` — this username from this address: a typist's own mistakes, or one address guessing one account;
 * - `account` — this username from addresses it has never logged in from: guesses spread over many addresses;
 * - `address` — this address, over every username it has never logged in to: one address trying many accounts.
 * An address the user has logged in from before (auth_known_addresses) is checked against `account_address` only, so
 * an attacker elsewhere, however many guesses they make, never delays the real user at their usual desk or phone.
 * Usernames that do not exist are counted the same way (the keys are HMACs of what was typed), so the answers do not
 * say which usernames exist.
 *
 * After a rule's free failures each further failure doubles the wait before the next attempt (1 s, 2 s, 4 s … capped);
 * a key left alone for the forget period starts again from zero.
 *
 * Why it is exact under concurrency: an attempt first *claims* each of its keys with one upsert that adds 1 and sets
 * the next wait in the same statement, and only if the key is not waiting (`ON CONFLICT DO UPDATE … WHERE`), so the
 * database serialises attempts on a key: 50 wrong passwords at once are each counted, or each refused before their
 * password is checked; none slips past the count. A password that proves right gives its claim back.
 */
import { createHmac } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { and, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { authThrottle } from './auth.schema.js';

export type ThrottleKind = 'account_address' | 'account' | 'address';

export interface ThrottleRule {
  /** Failures that cost nothing; the next one starts the waits. */
  freeFailures: number;
  /** The first wait; each further failure doubles it… */
  baseSeconds: number;
  /** …up to this. */
  maxSeconds: number;
  /** A key with no attempt for this long starts again from zero (longer than maxSeconds). */
  forgetAfterSeconds: number;
}

export type ThrottlePolicy = Record<ThrottleKind, ThrottleRule>;

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  account_address: { freeFailures: 5, baseSeconds: 1, maxSeconds: 900, forgetAfterSeconds: 3600 },
  account: { freeFailures: 5, baseSeconds: 1, maxSeconds: 900, forgetAfterSeconds: 3600 },
  // A shared office or phone network is one address for many honest users: more free failures.
  address: { freeFailures: 20, baseSeconds: 1, maxSeconds: 900, forgetAfterSeconds: 3600 },
};

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
}

function hmac(secret: string, ...parts: string[]): string {
  return createHmac('sha256', secret).update(parts.join('\0')).digest('base64url');
}

/**
 * The part of a client address that identifies one client: IPv4 as is (also when IPv6-mapped), IPv6 by its /64, which
 * is what one household or phone is given — counting single IPv6 addresses would give an attacker 2^64 fresh ones.
 */
export function addressKey(ip: string | null): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail] = ip.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** What auth_known_addresses stores for an address: an HMAC, so the table does not list users' addresses. */
export function addressHash(secret: string, ip: string | null): string {
  return hmac(secret, 'address', addressKey(ip));
}

/** The counters an attempt by this username from this address claims, in the order it claims them. */
export function throttleKeys(
  secret: string,
  username: string,
  ip: string | null,
  knownAddress: boolean,
): ThrottleKey[] {
  const accountAddress: ThrottleKey = {
    kind: 'account_address',
    key: hmac(secret, 'account_address', username, addressKey(ip)),
  };
  if (knownAddress) return [accountAddress];
  return [
    { kind: 'address', key: addressHash(secret, ip) },
    { kind: 'account', key: hmac(secret, 'account', username) },
    accountAddress,
  ];
}

/** The end of the wait after `count` failures, as SQL (count is an SQL expression: it is only known in the upsert). */
function blockedUntilSql(count: SQL, rule: ThrottleRule, nowIso: string): SQL {
  return sql`CASE WHEN ${count} >= ${rule.freeFailures}::int THEN ${nowIso}::timestamptz
    + least(${rule.maxSeconds}::float8, ${rule.baseSeconds}::float8 * power(2, least(${count} - ${rule.freeFailures}::int, 30)))
      * interval '1 second' END`;
}

/** Counts an attempt on the key unless the key is waiting; null when counted, else the seconds left to wait. */
async function claim(db: Db, k: ThrottleKey, rule: ThrottleRule, now: Date): Promise<number | null> {
  const nowIso = now.toISOString();
  const forgetBefore = new Date(now.getTime() - rule.forgetAfterSeconds * 1000).toISOString();
  const next = sql`(CASE WHEN ${authThrottle.updatedAt} < ${forgetBefore}::timestamptz THEN 1 ELSE ${authThrottle.failures} + 1 END)`;
  const counted = await db
    .insert(authThrottle)
    .values({ ...k, failures: 1, blockedUntil: blockedUntilSql(sql`1`, rule, nowIso), updatedAt: now })
    .onConflictDoUpdate({
      target: [authThrottle.kind, authThrottle.key],
      set: { failures: next, blockedUntil: blockedUntilSql(next, rule, nowIso), updatedAt: now },
      setWhere: sql`${authThrottle.blockedUntil} IS NULL OR ${authThrottle.blockedUntil} <= ${nowIso}::timestamptz`,
    })
    .returning({ failures: authThrottle.failures });
  if (counted.length) return null;
  const [row] = await db
    .select({ blockedUntil: authThrottle.blockedUntil })
    .from(authThrottle)
    .where(and(eq(authThrottle.kind, k.kind), eq(authThrottle.key, k.key)));
  return Math.max(1, Math.ceil(((row?.blockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
}

/** Gives a claim back (the attempt was refused on another key, or its password was right). */
async function release(db: Db, k: ThrottleKey, rule: ThrottleRule): Promise<void> {
  await db
    .update(authThrottle)
    .set({
      failures: sql`greatest(${authThrottle.failures} - 1, 0)`,
      // A wait this very claim started ends with it; one earned by earlier failures stays.
      blockedUntil: sql`CASE WHEN ${authThrottle.failures} - 1 >= ${rule.freeFailures}::int THEN ${authThrottle.blockedUntil} END`,
    })
    .where(and(eq(authThrottle.kind, k.kind), eq(authThrottle.key, k.key)));
}

export interface ThrottledCheck {
  db: Db;
  secret: string;
  /** As typed (trimmed): unknown usernames are counted like real ones. */
  username: string;
  ip: string | null;
  /** The user has logged in from this address before: only the account_address counter applies. */
  knownAddress: boolean;
  /** Checks the password; true when it is right. */
  check: () => Promise<boolean>;
  now: Date;
  policy?: ThrottlePolicy;
}

/**
 * Runs `check` unless one of the attempt's counters is waiting (then 429 LOGIN_THROTTLED with the seconds to wait); a
 * wrong password stays counted, a right one clears this address's counter for the account and gives the others back.
 */
export async function throttledCheck(opts: ThrottledCheck): Promise<boolean> {
  const policy = opts.policy ?? DEFAULT_THROTTLE;
  const claimed: ThrottleKey[] = [];
  for (const k of throttleKeys(opts.secret, opts.username, opts.ip, opts.knownAddress)) {
    const waitSeconds = await claim(opts.db, k, policy[k.kind], opts.now);
    if (waitSeconds !== null) {
      for (const c of claimed) await release(opts.db, c, policy[c.kind]);
      throw new AppError('LOGIN_THROTTLED', { seconds: waitSeconds }, { retryAfterSeconds: waitSeconds });
    }
    claimed.push(k);
  }
  const ok = await opts.check();
  if (ok) {
    for (const c of claimed) {
      if (c.kind === 'account_address') {
        await opts.db.delete(authThrottle).where(and(eq(authThrottle.kind, c.kind), eq(authThrottle.key, c.key)));
      } else {
        await release(opts.db, c, policy[c.kind]);
      }
    }
  }
  return ok;
}

/** Drops up to `limit` counters nobody has touched for longer than any rule remembers (they count as zero anyway). */
export async function pruneThrottle(
  db: Db,
  now: Date,
  limit = 100,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): Promise<void> {
  const longest = Math.max(...Object.values(policy).map((r) => r.forgetAfterSeconds));
  const before = new Date(now.getTime() - longest * 1000);
  const stale = db
    .select({ key: authThrottle.key })
    .from(authThrottle)
    .where(lt(authThrottle.updatedAt, before))
    .limit(limit);
  await db.delete(authThrottle).where(and(lt(authThrottle.updatedAt, before), inArray(authThrottle.key, stale)));
}

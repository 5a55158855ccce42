/**
 * Sessions: rows keyed by an HMAC of the cookie token, so every app process shares them. A session ends at its absolute
 * end (login + SESSION_MAX_HOURS) or after idleMinutes without a request, whichever comes first.
 *
 * "Without a request" is measured from last_seen_at, which a lookup moves forward only when it is at least a minute
 * old: a busy session costs one write a minute, not one per request, and may end up to a minute (plus the 5 s cache
 * below) later than an exact idle timer would.
 */
import { createHmac } from 'node:crypto';
import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Actor, RoleBindingView } from '../../core/auth/actor.js';
import { clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { roleBindings, sessions, users } from './auth.schema.js';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** last_seen_at is written at most this often per session. */
export const SESSION_TOUCH_MS = 60_000;

export function sessionIdFor(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

/** Still alive at `now`: before its absolute end and within its idle time of the last request. */
export function sessionAlive(now: Date) {
  const at = now.toISOString();
  return and(
    gt(sessions.expiresAt, now),
    sql`${sessions.lastSeenAt} + ${sessions.idleMinutes} * interval '1 minute' > ${at}::timestamptz`,
  );
}

/** Inserts the session row (inside the login transaction) and drops the user's sessions that have ended. */
export async function openSession(
  tx: Db,
  opts: {
    id: string;
    userId: string;
    policy: SessionPolicy;
    meta: RequestMeta;
    now: Date;
  },
): Promise<Date> {
  const expiresAt = new Date(opts.now.getTime() + opts.policy.maxHours * 3600_000);
  await tx.insert(sessions).values({
    id: opts.id,
    userId: opts.userId,
    createdAt: opts.now,
    expiresAt,
    lastSeenAt: opts.now,
    idleMinutes: opts.policy.idleMinutes,
    ip: opts.meta.ip,
    userAgent: opts.meta.userAgent,
  });
  await tx.delete(sessions).where(and(eq(sessions.userId, opts.userId), sessionEnded(opts.now)));
  return expiresAt;
}

/** Past its absolute end or its idle time at `now`. */
function sessionEnded(now: Date) {
  const at = now.toISOString();
  return or(
    lt(sessions.expiresAt, now),
    sql`${sessions.lastSeenAt} + ${sessions.idleMinutes} * interval '1 minute' < ${at}::timestamptz`,
  );
}

/**
 * Deletes every ended session. A login drops its own user's ended sessions; those of users who do not log in again
 * stay until this runs (the nightly maintenance on PGlite: core/maintenance.ts, src/background.ts).
 */
export async function pruneEndedSessions(db: Db, now: Date = clock.now()): Promise<number> {
  const gone = await db.delete(sessions).where(sessionEnded(now)).returning({ id: sessions.id });
  return gone.length;
}

/**
 * Sessions resolved in the last few seconds, so a burst of requests (a phone app, a busy hall desk) costs one
 * lookup instead of one per request — **on PGlite only**, where this process is the only one: its own logouts and
 * password changes drop entries directly, and a change of roles (a trigger's NOTIFY, migrations/0018) through
 * PGlite's listen. On PostgreSQL other processes write sessions too, and a notice from them races the client's next
 * request (a CI run saw a session answered from the cache a few ms after a password change elsewhere), so there every
 * request reads its session, user and roles in one query and a logout anywhere is refused at once (docs/SCALING.md);
 * requests of one session that arrive together still share that query. The composition root says which
 * (`sessionInvalidation.trustWhile`, src/server.ts). An entry never outlives the session's own end (absolute or idle,
 * as of its last lookup); a lookup that was under way when a notice came is answered but not remembered. Without a
 * listener (tests, scripts) an entry lives SESSION_CACHE_MS.
 */
const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
type CachedActor = Omit<Actor, 'ip' | 'requestId'>;
const recentSessions = new Map<string, { actor: CachedActor; sessionEndsAt: number; until: number }>();
/** Moves on every eviction, so a lookup that overlapped one does not store what it read before it. */
let evictions = 0;
let cacheTrusted: () => boolean = () => true;

export function forgetSessions(filter: (sessionId: string, actor: CachedActor) => boolean = () => true): void {
  evictions++;
  // Requests arriving from now on look the session up afresh instead of joining a lookup that began before.
  sessionLookups.clear();
  for (const [id, entry] of recentSessions) if (filter(id, entry.actor)) recentSessions.delete(id);
}

/** What the composition root wires to a LISTEN (core/listen.ts): the channel, its notices, and the cache's trust. */
export const sessionInvalidation = {
  channel: 'lianjian_sessions',
  /** A notice's payload is the user id whose sessions, account or roles changed. */
  onNotice: (userId: string) => forgetSessions((_, actor) => actor.userId === userId),
  onGap: () => forgetSessions(),
  trustWhile: (live: () => boolean) => {
    cacheTrusted = live;
  },
};

/** The actor behind a session cookie, or null if the session is unknown or has ended. */
export async function actorForSession(opts: {
  db: Db;
  secret: string;
  token: string;
  meta: RequestMeta;
  now?: Date;
}): Promise<Actor | null> {
  const now = opts.now ?? clock.now();
  const id = sessionIdFor(opts.secret, opts.token);
  const hit = cacheTrusted() ? recentSessions.get(id) : undefined;
  if (hit && hit.until > now.getTime() && hit.sessionEndsAt > now.getTime()) return withMeta(hit.actor, opts.meta);
  // Requests of one session that arrive together (a page's several calls) share one lookup.
  let lookup = sessionLookups.get(id);
  if (!lookup) {
    const started: Promise<CachedActor | null> = lookUpSession(opts.db, id, now).finally(() => {
      if (sessionLookups.get(id) === started) sessionLookups.delete(id);
    });
    sessionLookups.set(id, started);
    lookup = started;
  }
  const actor = await lookup;
  return actor && withMeta(actor, opts.meta);
}

const sessionLookups = new Map<string, Promise<CachedActor | null>>();

async function lookUpSession(db: Db, id: string, now: Date): Promise<CachedActor | null> {
  const evictionsBefore = evictions;
  // One round trip: the session, its user and the user's roles.
  const [row] = await db
    .select({
      user: users,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      idleMinutes: sessions.idleMinutes,
      bindings: sql<RoleBindingView[]>`coalesce((
        select json_agg(json_build_object('role', ${roleBindings.role}, 'scopeOrgId', ${roleBindings.scopeOrgId},
          'scopeGridId', ${roleBindings.scopeGridId}))
        from ${roleBindings} where ${roleBindings.userId} = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), sessionAlive(now)));
  if (!row || row.user.disabled) return null;
  let lastSeen = row.lastSeenAt.getTime();
  if (now.getTime() - lastSeen >= SESSION_TOUCH_MS) {
    // Conditional, so two processes touching at once write once and the time never moves back.
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, now)));
    lastSeen = now.getTime();
  }
  const actor = actorOf(row.user, row.bindings);
  if (evictions !== evictionsBefore || !cacheTrusted()) return actor;
  if (recentSessions.size >= SESSION_CACHE_MAX) recentSessions.clear();
  recentSessions.set(id, {
    actor,
    sessionEndsAt: Math.min(row.expiresAt.getTime(), lastSeen + row.idleMinutes * 60_000),
    until: now.getTime() + SESSION_CACHE_MS,
  });
  return actor;
}

function withMeta(actor: CachedActor, meta: RequestMeta): Actor {
  return { ...actor, bindings: actor.bindings.map((b) => ({ ...b })), ip: meta.ip, requestId: meta.requestId };
}

function actorOf(user: typeof users.$inferSelect, bindings: RoleBindingView[]): CachedActor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    locale: user.locale,
    bindings,
  };
}

/** Ends one session (logout) in the database and in this process's cache. */
export async function endSession(tx: Db, secret: string, token: string): Promise<void> {
  const id = sessionIdFor(secret, token);
  await tx.delete(sessions).where(eq(sessions.id, id));
  recentSessions.delete(id);
}

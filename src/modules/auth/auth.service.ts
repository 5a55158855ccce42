import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor, RoleBindingView } from '../../core/auth/actor.js';
import { hashPassword, verifyPassword } from '../../core/auth/password.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { roleBindings, sessions, users } from './auth.schema.js';
import { clock } from '../../core/clock.js';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export function sessionIdFor(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  userId: string;
}

/** Checks the password, counts failures (5 lock the account for 15 minutes) and opens a session. */
export async function login(opts: {
  db: Db; secret: string; username: string; password: string; meta: RequestMeta; now?: Date;
}): Promise<LoginResult> {
  const now = opts.now ?? clock.now();
  const [user] = await opts.db.select().from(users).where(eq(users.username, opts.username));
  if (!user || user.disabled) {
    // Hash anyway so that timing does not reveal which usernames exist.
    await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$c29tZWhhc2g', opts.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60000) });
  }
  const ok = await verifyPassword(user.passwordHash, opts.password);
  const actorLike = { userId: user.id, username: user.username, ip: opts.meta.ip, requestId: opts.meta.requestId };
  if (!ok) {
    const failed = user.failedLoginCount + 1;
    const locks = failed >= MAX_FAILED_LOGINS;
    await opts.db.transaction(async (tx) => {
      await tx.update(users).set({
        failedLoginCount: locks ? 0 : failed,
        lockedUntil: locks ? new Date(now.getTime() + LOCK_MINUTES * 60000) : user.lockedUntil,
      }).where(eq(users.id, user.id));
      await recordAudit(tx, {
        actor: actorLike, action: locks ? 'auth.lock' : 'auth.login_failed', entityType: 'user', entityId: user.id,
      });
    });
    if (locks) throw new AppError('ACCOUNT_LOCKED', { minutes: LOCK_MINUTES });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await opts.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({
      id: sessionIdFor(opts.secret, token), userId: user.id, expiresAt, ip: opts.meta.ip, userAgent: opts.meta.userAgent,
    });
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now)));
    await recordAudit(tx, { actor: actorLike, action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { token, expiresAt, userId: user.id };
}

/**
 * Sessions resolved in the last few seconds, so a burst of requests (a phone app, a busy hall desk) costs one
 * lookup instead of one per request. Logout and a password change drop the entries in this process at once; in a
 * deployment of several processes another process may honour an ended session for at most SESSION_CACHE_MS.
 */
const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
type CachedActor = Omit<Actor, 'ip' | 'requestId'>;
const recentSessions = new Map<string, { actor: CachedActor; sessionExpiresAt: number; until: number }>();

export function forgetSessions(filter: (sessionId: string, actor: CachedActor) => boolean = () => true): void {
  for (const [id, entry] of recentSessions) if (filter(id, entry.actor)) recentSessions.delete(id);
}

/** The actor behind a session cookie, or null if the session is unknown or expired. */
export async function actorForSession(opts: {
  db: Db; secret: string; token: string; meta: RequestMeta; now?: Date;
}): Promise<Actor | null> {
  const now = opts.now ?? clock.now();
  const id = sessionIdFor(opts.secret, opts.token);
  const hit = recentSessions.get(id);
  if (hit && hit.until > now.getTime() && hit.sessionExpiresAt > now.getTime()) return withMeta(hit.actor, opts.meta);
  // Requests of one session that arrive together (a page's several calls) share one lookup.
  let lookup = sessionLookups.get(id);
  if (!lookup) {
    lookup = lookUpSession(opts.db, id, now).finally(() => sessionLookups.delete(id));
    sessionLookups.set(id, lookup);
  }
  const actor = await lookup;
  return actor && withMeta(actor, opts.meta);
}

const sessionLookups = new Map<string, Promise<CachedActor | null>>();

async function lookUpSession(db: Db, id: string, now: Date): Promise<CachedActor | null> {
  const [row] = await db
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  if (!row || row.user.disabled) return null;
  const actor = await loadActor(db, row.user);
  if (recentSessions.size >= SESSION_CACHE_MAX) recentSessions.clear();
  recentSessions.set(id, { actor, sessionExpiresAt: row.expiresAt.getTime(), until: now.getTime() + SESSION_CACHE_MS });
  return actor;
}

function withMeta(actor: CachedActor, meta: RequestMeta): Actor {
  return { ...actor, bindings: actor.bindings.map((b) => ({ ...b })), ip: meta.ip, requestId: meta.requestId };
}

async function loadActor(db: Db, user: typeof users.$inferSelect): Promise<CachedActor> {
  const bindings: RoleBindingView[] = await db
    .select({ role: roleBindings.role, scopeOrgId: roleBindings.scopeOrgId, scopeGridId: roleBindings.scopeGridId })
    .from(roleBindings)
    .where(eq(roleBindings.userId, user.id));
  return { userId: user.id, username: user.username, displayName: user.displayName, personId: user.personId, locale: user.locale, bindings };
}

export async function logout(opts: { db: Db; secret: string; token: string; actor: Actor }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionIdFor(opts.secret, opts.token)));
    await recordAudit(tx, { actor: opts.actor, action: 'auth.logout', entityType: 'user', entityId: opts.actor.userId });
  });
  recentSessions.delete(sessionIdFor(opts.secret, opts.token));
}

/** Changing the password ends every other session of the user. */
export async function changePassword(opts: {
  db: Db; secret: string; actor: Actor; currentPassword: string; newPassword: string; currentToken: string;
}): Promise<void> {
  const [user] = await opts.db.select().from(users).where(eq(users.id, opts.actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, opts.currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS');
  }
  const passwordHash = await hashPassword(opts.newPassword);
  const keep = sessionIdFor(opts.secret, opts.currentToken);
  await opts.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: clock.now(), updatedAt: clock.now() }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, keep)));
    await recordAudit(tx, { actor: opts.actor, action: 'auth.change_password', entityType: 'user', entityId: user.id });
  });
  forgetSessions((id, actor) => actor.userId === user.id && id !== keep);
}

import { randomBytes } from 'node:crypto';
import { and, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { permissionsOf } from '../../core/auth/permissions.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../core/auth/password.js';
import { clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { grids } from '../grid/grid.schema.js';
import { organisations } from '../org/org.schema.js';
import type { MeResponse } from './auth.contracts.js';
import { authKnownAddresses, sessions, users } from './auth.schema.js';
import {
  endSession,
  forgetSessions,
  openSession,
  type RequestMeta,
  sessionIdFor,
  type SessionPolicy,
} from './auth.sessions.js';
import { addressHash, pruneThrottle, throttledCheck, type ThrottlePolicy } from './auth.throttle.js';
import { isCommonPassword } from './common-passwords.js';
import { PASSWORD_MIN_LENGTH, type PasswordProblem, passwordShapeProblem } from './password.rules.js';

export { actorForSession, forgetSessions, sessionIdFor, sessionInvalidation } from './auth.sessions.js';
export type { SessionPolicy } from './auth.sessions.js';

/** A known address is forgotten after this long without a login from it. */
const KNOWN_ADDRESS_DAYS = 180;

export interface LoginResult {
  token: string;
  expiresAt: Date;
  userId: string;
}

/** The user by username with whether this address is one they have logged in from; one query either way. */
async function findUser(db: Db, username: string, hash: string) {
  const [row] = await db
    .select({
      user: users,
      known: sql<boolean>`exists (select 1 from ${authKnownAddresses} where ${authKnownAddresses.userId} = ${users.id}
        and ${authKnownAddresses.addressHash} = ${hash})`,
    })
    .from(users)
    .where(eq(users.username, username));
  return row && !row.user.disabled ? row : null;
}

/**
 * Checks the password (throttled per account and address: auth.throttle.ts) and opens a session. A username that does
 * not exist, a disabled user and a wrong password get the same answer after the same work.
 */
export async function login(opts: {
  db: Db;
  secret: string;
  username: string;
  password: string;
  meta: RequestMeta;
  session: SessionPolicy;
  now?: Date;
  throttle?: ThrottlePolicy;
}): Promise<LoginResult> {
  const now = opts.now ?? clock.now();
  const hash = addressHash(opts.secret, opts.meta.ip);
  const found = await findUser(opts.db, opts.username, hash);
  const ok = await throttledCheck({
    db: opts.db,
    secret: opts.secret,
    username: opts.username,
    ip: opts.meta.ip,
    knownAddress: found?.known ?? false,
    check: () => (found ? verifyPassword(found.user.passwordHash, opts.password) : verifyAgainstDummy(opts.password)),
    now,
    policy: opts.throttle,
  });
  if (!found || !ok) {
    await recordAudit(
      opts.db,
      found
        ? {
            actor: {
              userId: found.user.id,
              username: found.user.username,
              ip: opts.meta.ip,
              requestId: opts.meta.requestId,
            },
            action: 'auth.login_failed',
            entityType: 'user',
            entityId: found.user.id,
          }
        : // No username: what was typed may be a password in the wrong field.
          { actor: null, action: 'auth.login_failed', entityType: 'user', after: { ip: opts.meta.ip } },
    );
    throw new AppError('INVALID_CREDENTIALS');
  }
  const user = found.user;
  const token = randomBytes(32).toString('base64url');
  const actorLike = { userId: user.id, username: user.username, ip: opts.meta.ip, requestId: opts.meta.requestId };
  const expiresAt = await opts.db.transaction(async (tx) => {
    const ends = await openSession(tx, {
      id: sessionIdFor(opts.secret, token),
      userId: user.id,
      policy: opts.session,
      meta: opts.meta,
      now,
    });
    await rememberAddress(tx, user.id, hash, now);
    await recordAudit(tx, { actor: actorLike, action: 'auth.login', entityType: 'user', entityId: user.id });
    return ends;
  });
  await pruneThrottle(opts.db, now);
  return { token, expiresAt, userId: user.id };
}

async function rememberAddress(tx: Db, userId: string, hash: string, now: Date): Promise<void> {
  await tx
    .insert(authKnownAddresses)
    .values({ userId, addressHash: hash, lastLoginAt: now })
    .onConflictDoUpdate({
      target: [authKnownAddresses.userId, authKnownAddresses.addressHash],
      set: { lastLoginAt: now },
    });
  const before = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000);
  await tx
    .delete(authKnownAddresses)
    .where(and(eq(authKnownAddresses.userId, userId), lt(authKnownAddresses.lastLoginAt, before)));
}

export async function logout(opts: { db: Db; secret: string; token: string; actor: Actor }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    await endSession(tx, opts.secret, opts.token);
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'auth.logout',
      entityType: 'user',
      entityId: opts.actor.userId,
    });
  });
}

/** Who is logged in (GET /api/auth/me): the user, each role binding with the name of its scope, the permissions. */
export async function describeActor(opts: { db: Db; actor: Actor }): Promise<MeResponse> {
  const { db, actor } = opts;
  const orgIds = actor.bindings.map((b) => b.scopeOrgId).filter((x): x is string => !!x);
  const gridIds = actor.bindings.map((b) => b.scopeGridId).filter((x): x is string => !!x);
  const orgRows = orgIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, orgIds))
    : [];
  const gridRows = gridIds.length
    ? await db.select({ id: grids.id, name: grids.name }).from(grids).where(inArray(grids.id, gridIds))
    : [];
  const orgNames = new Map(orgRows.map((o) => [o.id, o.name]));
  const gridNames = new Map(gridRows.map((g) => [g.id, g.name]));
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      personId: actor.personId,
      locale: actor.locale,
    },
    roles: actor.bindings.map((b) => ({
      ...b,
      scopeOrgName: b.scopeOrgId ? (orgNames.get(b.scopeOrgId) ?? null) : null,
      scopeGridName: b.scopeGridId ? (gridNames.get(b.scopeGridId) ?? null) : null,
    })),
    permissions: permissionsOf(actor),
  };
}

/** Why a new password is refused, or null: the shape rule (shared with the web) and the common-password list. */
export function newPasswordProblem(password: string, username: string): PasswordProblem | null {
  return passwordShapeProblem(password, username) ?? (isCommonPassword(password) ? 'common' : null);
}

/**
 * Changing the password ends every other session of the user. The current password is checked under the same
 * throttle as a login (a stolen session cookie is no faster way to guess it); the new one must pass the rule.
 */
export async function changePassword(opts: {
  db: Db;
  secret: string;
  actor: Actor;
  currentPassword: string;
  newPassword: string;
  currentToken: string;
  now?: Date;
  throttle?: ThrottlePolicy;
}): Promise<void> {
  const now = opts.now ?? clock.now();
  const problem = newPasswordProblem(opts.newPassword, opts.actor.username);
  if (problem) {
    throw new AppError(
      'PASSWORD_TOO_WEAK',
      { minLength: PASSWORD_MIN_LENGTH },
      { path: '/newPassword', reason: problem },
    );
  }
  const found = await findUser(opts.db, opts.actor.username, addressHash(opts.secret, opts.actor.ip));
  const ok =
    found !== null &&
    (await throttledCheck({
      db: opts.db,
      secret: opts.secret,
      username: found.user.username,
      ip: opts.actor.ip,
      knownAddress: found.known,
      check: () => verifyPassword(found.user.passwordHash, opts.currentPassword),
      now,
      policy: opts.throttle,
    }));
  if (!found || !ok) {
    if (found) {
      await recordAudit(opts.db, {
        actor: opts.actor,
        action: 'auth.change_password_failed',
        entityType: 'user',
        entityId: found.user.id,
      });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  const passwordHash = await hashPassword(opts.newPassword);
  const keep = sessionIdFor(opts.secret, opts.currentToken);
  await opts.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, found.user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, found.user.id), ne(sessions.id, keep)));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'auth.change_password',
      entityType: 'user',
      entityId: found.user.id,
    });
  });
  forgetSessions((id, actor) => actor.userId === found.user.id && id !== keep);
}

import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { clock } from '../../core/clock.js';
import { assertFound } from '../../core/crud.js';
import type { Db } from '../../core/db.js';
import { users } from '../auth/auth.schema.js';
import { createSystemUser } from '../auth/system-users.service.js';
import type { CreatedOpen311Client, CreateOpen311Client, Open311Client } from './open311.contracts.js';
import { forgetKeys, keyHash, newKey, shownPrefix } from './open311.keys.js';
import { open311Clients } from './open311.schema.js';

export { holderOfKey, type KeyHolder, markKeyUsed, open311KeyInvalidation } from './open311.keys.js';

const creator = alias(users, 'creator');

function clientQuery(db: Db) {
  return db
    .select({
      id: open311Clients.id,
      name: open311Clients.name,
      keyPrefix: open311Clients.keyPrefix,
      requestsPerMinute: open311Clients.requestsPerMinute,
      createdAt: open311Clients.createdAt,
      createdByName: creator.displayName,
      revokedAt: open311Clients.revokedAt,
      lastUsedAt: open311Clients.lastUsedAt,
    })
    .from(open311Clients)
    .leftJoin(creator, eq(creator.id, open311Clients.createdByUserId));
}
type ClientRow = Awaited<ReturnType<typeof clientQuery>>[number];

function present(r: ClientRow): Open311Client {
  return {
    ...r,
    createdAt: r.createdAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  };
}

/** Every client, newest first (a county has a handful). */
export async function listOpen311Clients(opts: { db: Db }): Promise<{ items: Open311Client[] }> {
  const rows = await clientQuery(opts.db).orderBy(desc(open311Clients.createdAt));
  return { items: rows.map(present) };
}

/** The demo's client: its documented key and fixed rows, so the seed is the same every time. */
export interface FixedClient {
  key: string;
  userId: string;
  clientId: string;
  createdAt: Date;
}

/**
 * A new client and its key, with the disabled user it acts as. A fresh random key unless `fixed` (the demo's). The key
 * itself is returned here and never stored or shown again.
 */
export async function createOpen311Client(opts: {
  db: Db;
  actor: Actor | null;
  input: CreateOpen311Client;
  fixed?: FixedClient;
}): Promise<CreatedOpen311Client> {
  const { fixed } = opts;
  const key = fixed?.key ?? newKey();
  const id = await opts.db.transaction(async (tx) => {
    const userId = await createSystemUser({
      db: tx,
      username: `open311-${fixed ? fixed.clientId.slice(0, 12) : randomBytes(6).toString('hex')}`,
      displayName: opts.input.name,
      fixed: fixed ? { id: fixed.userId, createdAt: fixed.createdAt } : undefined,
    });
    const [row] = await tx
      .insert(open311Clients)
      .values({
        ...(fixed ? { id: fixed.clientId, createdAt: fixed.createdAt } : {}),
        name: opts.input.name,
        keyPrefix: shownPrefix(key),
        keyHash: keyHash(key),
        userId,
        requestsPerMinute: opts.input.requestsPerMinute,
        createdByUserId: opts.actor?.userId ?? null,
      })
      .returning({ id: open311Clients.id });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'open311_client.create',
      entityType: 'open311_client',
      entityId: row.id,
      after: { name: opts.input.name, keyPrefix: shownPrefix(key), requestsPerMinute: opts.input.requestsPerMinute },
    });
    return row.id;
  });
  const [row] = await clientQuery(opts.db).where(eq(open311Clients.id, id));
  return { ...present(row), key };
}

/** Revokes a client's key: from now on it is answered 403 (at once in this process, within 5 s in the others). */
export async function revokeOpen311Client(opts: { db: Db; actor: Actor; id: string }): Promise<Open311Client> {
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(open311Clients).where(eq(open311Clients.id, opts.id));
    assertFound(row, 'open311_client');
    const [changed] = await tx
      .update(open311Clients)
      .set({ revokedAt: clock.now() })
      .where(and(eq(open311Clients.id, opts.id), isNull(open311Clients.revokedAt)))
      .returning({ revokedAt: open311Clients.revokedAt });
    if (changed) {
      await recordAudit(tx, {
        actor: opts.actor,
        action: 'open311_client.revoke',
        entityType: 'open311_client',
        entityId: opts.id,
        before: { name: row.name, keyPrefix: row.keyPrefix },
        after: { revokedAt: changed.revokedAt },
      });
    }
  });
  forgetKeys();
  const [row] = await clientQuery(opts.db).where(eq(open311Clients.id, opts.id));
  return present(row);
}

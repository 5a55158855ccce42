import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { pageWindow } from '../../core/list.js';
import { users } from '../auth/auth.schema.js';
import { notifications } from './notifications.schema.js';
import { clock } from '../../core/clock.js';

export interface NotificationDraft {
  kind: string;
  title: string;
  body?: string;
  entityType?: string;
  entityId?: string;
  link?: string;
}

/** Notifies the logins of these people (a person without a login simply gets nothing). Call inside the write's transaction. */
export async function notifyPeople(
  db: Db,
  personIds: (string | null | undefined)[],
  draft: NotificationDraft,
): Promise<number> {
  const ids = [...new Set(personIds.filter((x): x is string => !!x))];
  if (!ids.length) return 0;
  const logins = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.personId, ids), eq(users.disabled, false)));
  return notifyUsers(
    db,
    logins.map((u) => u.id),
    draft,
  );
}

export async function notifyUsers(
  db: Db,
  userIds: (string | null | undefined)[],
  draft: NotificationDraft,
): Promise<number> {
  const ids = [...new Set(userIds.filter((x): x is string => !!x))];
  if (!ids.length) return 0;
  await db.insert(notifications).values(ids.map((userId) => ({ userId, ...draft })));
  return ids.length;
}

export async function listNotifications(opts: {
  db: Db;
  userId: string;
  unreadOnly?: boolean;
  page: number;
  pageSize: number;
}) {
  const where = and(eq(notifications.userId, opts.userId), opts.unreadOnly ? isNull(notifications.readAt) : undefined);
  const { limit, offset } = pageWindow(opts);
  const [rows, [{ total }], [{ unread }]] = await Promise.all([
    opts.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit)
      .offset(offset),
    opts.db.select({ total: count() }).from(notifications).where(where),
    opts.db
      .select({ unread: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, opts.userId), isNull(notifications.readAt))),
  ]);
  return {
    items: rows.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
    total,
    page: opts.page,
    pageSize: opts.pageSize,
    unread,
  };
}

/** Marks the given notifications (or all) of this user as read; others' notifications are untouched. */
export async function markRead(opts: { db: Db; userId: string; ids?: string[] }): Promise<number> {
  const rows = await opts.db
    .update(notifications)
    .set({ readAt: clock.now() })
    .where(
      and(
        eq(notifications.userId, opts.userId),
        isNull(notifications.readAt),
        opts.ids ? inArray(notifications.id, opts.ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

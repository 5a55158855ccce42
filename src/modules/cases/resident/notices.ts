import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../core/db.js';
import { type NotificationTitle, notificationTitle } from '../../../core/i18n.js';
import { users } from '../../auth/auth.schema.js';
import { notifyUsers } from '../../notifications/notifications.service.js';
import type { cases } from '../cases.schema.js';

type Reporter = Pick<typeof cases.$inferSelect, 'id' | 'number' | 'reporterUserId' | 'reporterPersonId'>;

/**
 * The logins that reported a case: the account it was reported from, and the account of the person it was recorded
 * for (a hall or door-to-door report for a resident who also has a login). A reporter without a login hears nothing:
 * the community tells them in person, and may close the case without waiting for a rating (resident/rating.ts).
 */
export async function reporterLogins(db: Db, c: Omit<Reporter, 'id' | 'number'>): Promise<string[]> {
  const ids = new Set<string>(c.reporterUserId ? [c.reporterUserId] : []);
  if (c.reporterPersonId) {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.personId, c.reporterPersonId), eq(users.disabled, false)));
    for (const r of rows) ids.add(r.id);
  }
  return [...ids];
}

/** Tells the reporter how their case moves on (accepted, dispatched, resolved, verified, closed), on the phone page. */
export async function noticeToReporter(db: Db, c: Reporter, title: NotificationTitle, kind: string): Promise<void> {
  await notifyUsers(db, await reporterLogins(db, c), {
    kind,
    title: notificationTitle(title, { number: c.number }),
    entityType: 'case',
    entityId: c.id,
    link: `/m/cases/${c.id}`,
  });
}

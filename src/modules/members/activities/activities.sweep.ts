import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { closeSignup } from './checkin/checkin.js';
import { sweptBefore } from './activities.time.js';
import { postActivities, postActivitySignups, postTypes } from '../posts/posts.schema.js';

/**
 * The post activities' sweep (background job 'post-activities-sweep'): once an activity has been over for
 * NO_SHOW_GRACE_MINUTES, members signed up who never checked in are no-shows (the rating reads them:
 * activities.queries.ts), and members still checked in are checked out at the end, which writes their service record.
 * Safe to run twice: each step takes only rows it has not done. A check-out the ledger refuses (the member has
 * another record at that time) is closed without a record and audited with the reason, so it is not retried forever;
 * staff correct the ledger by hand.
 */
export interface SweepResult {
  noShows: number;
  checkedOut: number;
  refused: number;
}

/** Sign-ups checked out per run at most; the rest wait for the next tick. */
const CHECKOUT_BATCH = 500;

function endedActivities(cutoff: Date) {
  return and(eq(postActivities.state, 'scheduled'), lte(postActivities.endsAt, cutoff));
}

async function markNoShows(db: Db, cutoff: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = tx.select({ id: postActivities.id }).from(postActivities).where(endedActivities(cutoff));
    const rows = await tx
      .update(postActivitySignups)
      .set({ noShow: true, updatedAt: clock.now(), version: sql`${postActivitySignups.version} + 1` })
      .where(
        and(
          isNull(postActivitySignups.checkedInAt),
          eq(postActivitySignups.noShow, false),
          inArray(postActivitySignups.activityId, ended),
        ),
      )
      .returning({ id: postActivitySignups.id, activityId: postActivitySignups.activityId });
    if (rows.length)
      await recordAudit(tx, {
        actor: null,
        action: 'post_activity_signup.no_show',
        entityType: 'post_activity_signup',
        after: { signups: rows },
      });
    return rows.length;
  });
}

/** Closes one sign-up at its activity's end; a refusal by the ledger closes it without a record. */
async function checkOutAtEnd(
  db: Db,
  r: { a: typeof postActivities.$inferSelect; typeName: string; s: typeof postActivitySignups.$inferSelect },
): Promise<'ok' | 'refused'> {
  try {
    await db.transaction((tx) =>
      closeSignup(tx, null, {
        a: r.a,
        typeName: r.typeName,
        signup: r.s,
        at: r.a.endsAt,
        verifiedByUserId: r.s.checkedInByUserId,
      }),
    );
    return 'ok';
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await db.transaction(async (tx) => {
      await tx
        .update(postActivitySignups)
        .set({ checkedOutAt: r.a.endsAt, updatedAt: clock.now(), version: sql`${postActivitySignups.version} + 1` })
        .where(and(eq(postActivitySignups.id, r.s.id), isNull(postActivitySignups.checkedOutAt)));
      await recordAudit(tx, {
        actor: null,
        action: 'post_activity_checkin.checkout_refused',
        entityType: 'post_activity',
        entityId: r.a.id,
        after: { signupId: r.s.id, code: err.code },
      });
    });
    return 'refused';
  }
}

export async function sweepPostActivities(opts: { db: Db; now?: Date }): Promise<SweepResult> {
  const { db } = opts;
  const cutoff = sweptBefore(opts.now ?? clock.now());
  const noShows = await markNoShows(db, cutoff);
  const open = await db
    .select({ a: postActivities, typeName: postTypes.name, s: postActivitySignups })
    .from(postActivitySignups)
    .innerJoin(postActivities, eq(postActivities.id, postActivitySignups.activityId))
    .innerJoin(postTypes, eq(postTypes.id, postActivities.postTypeId))
    .where(
      and(
        endedActivities(cutoff),
        isNotNull(postActivitySignups.checkedInAt),
        isNull(postActivitySignups.checkedOutAt),
      ),
    )
    .orderBy(asc(postActivities.endsAt), asc(postActivitySignups.id))
    .limit(CHECKOUT_BATCH);
  let checkedOut = 0;
  let refused = 0;
  for (const r of open) {
    if ((await checkOutAtEnd(db, r)) === 'ok') checkedOut++;
    else refused++;
  }
  return { noShows, checkedOut, refused };
}

import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { notificationTitle } from '../../../core/i18n.js';
import { notifyPeople } from '../../notifications/notifications.service.js';
import { currentVolunteerRules } from '../rules.js';
import { VOLUNTEER_SWEEP_GRACE_MINUTES } from '../volunteers.enums.js';
import { volunteerActivities, volunteerServiceTypes, volunteerSignups, volunteers } from '../volunteers.schema.js';
import { closeShift } from './presence.close.js';
import { noShowPenalty } from './presence.hours.js';
import { localLabel, type PresenceActivity } from './presence.queries.js';

/**
 * The volunteer activities' sweep (background job 'volunteer-sweep', every minute): once an activity has been over for
 * VOLUNTEER_SWEEP_GRACE_MINUTES, a volunteer still checked in is checked out at the scheduled end (`autoClosed`,
 * method `auto`, minutes counted as at any check-out, the ledger record for a Party member), and one signed up who
 * never checked in is a no-show carrying noShowPenaltyFactor × the shift's minutes. Each is notified and audited.
 * Safe to run twice: each step takes only rows still in the state it changes, under a row lock.
 */
export interface VolunteerSweepResult {
  autoClosed: number;
  noShows: number;
}

/** Sign-ups handled per run at most; the rest wait for the next tick. */
const BATCH = 500;

const hours = (minutes: number) => (minutes / 60).toFixed(1);

function endedBy(cutoff: Date) {
  return and(eq(volunteerActivities.state, 'scheduled'), lte(volunteerActivities.endsAt, cutoff));
}

function pending(db: Db, cutoff: Date, state: 'checked_in' | 'signed_up') {
  return db
    .select({
      a: volunteerActivities,
      typeName: volunteerServiceTypes.name,
      typeNameEn: volunteerServiceTypes.nameEn,
      signupId: volunteerSignups.id,
      personId: volunteers.personId,
    })
    .from(volunteerSignups)
    .innerJoin(volunteerActivities, eq(volunteerActivities.id, volunteerSignups.activityId))
    .innerJoin(volunteerServiceTypes, eq(volunteerServiceTypes.id, volunteerActivities.typeId))
    .innerJoin(volunteers, eq(volunteers.id, volunteerSignups.volunteerId))
    .where(and(endedBy(cutoff), eq(volunteerSignups.state, state)))
    .orderBy(asc(volunteerActivities.endsAt), asc(volunteerSignups.id))
    .limit(BATCH);
}

type Pending = Awaited<ReturnType<typeof pending>>[number];

/** The signed-up sign-ups of ended activities that were never checked in become no-shows, one transaction each. */
async function markNoShows(db: Db, rows: Pending[], factor: number): Promise<number> {
  let n = 0;
  for (const r of rows) {
    const penaltyMinutes = noShowPenalty(r.a.startsAt, r.a.endsAt, factor);
    const done = await db.transaction(async (tx) => {
      const [after] = await tx
        .update(volunteerSignups)
        .set({
          state: 'no_show',
          penaltyMinutes,
          updatedAt: clock.now(),
          version: sql`${volunteerSignups.version} + 1`,
        })
        .where(and(eq(volunteerSignups.id, r.signupId), eq(volunteerSignups.state, 'signed_up')))
        .returning();
      if (!after) return false;
      await recordAudit(tx, {
        actor: null,
        action: 'volunteer_signup.no_show',
        entityType: 'volunteer_signup',
        entityId: r.signupId,
        after,
      });
      await notifyPeople(tx, [r.personId], {
        kind: 'volunteer',
        title: notificationTitle('volunteer_no_show', { title: r.a.title, hours: hours(penaltyMinutes) }),
        entityType: 'volunteer_signup',
        entityId: r.signupId,
        link: '/m/v',
      });
      return true;
    });
    if (done) n++;
  }
  return n;
}

/** Checked-in sign-ups of ended activities are checked out at the scheduled end, flagged. */
async function autoClose(db: Db, rows: Pending[], dayCapMinutes: number): Promise<number> {
  let n = 0;
  for (const r of rows) {
    const act: PresenceActivity = { a: r.a, typeName: r.typeName, typeNameEn: r.typeNameEn };
    const done = await db.transaction(async (tx) => {
      const [s] = await tx
        .select()
        .from(volunteerSignups)
        .where(and(eq(volunteerSignups.id, r.signupId), eq(volunteerSignups.state, 'checked_in')))
        .for('update');
      if (!s) return false;
      const { row } = await closeShift(tx, null, { act, s, at: r.a.endsAt, method: 'auto', dayCapMinutes });
      await notifyPeople(tx, [r.personId], {
        kind: 'volunteer',
        title: notificationTitle('volunteer_auto_closed', {
          title: r.a.title,
          at: localLabel(r.a.endsAt),
          hours: hours(row.minutes ?? 0),
        }),
        entityType: 'volunteer_signup',
        entityId: r.signupId,
        link: '/m/v',
      });
      return true;
    });
    if (done) n++;
  }
  return n;
}

export async function sweepVolunteerActivities(opts: { db: Db; now?: Date }): Promise<VolunteerSweepResult> {
  const { db } = opts;
  const cutoff = new Date((opts.now ?? clock.now()).getTime() - VOLUNTEER_SWEEP_GRACE_MINUTES * 60_000);
  const rules = await currentVolunteerRules(db);
  const autoClosed = await autoClose(db, await pending(db, cutoff, 'checked_in'), rules.dayCapMinutes);
  const noShows = await markNoShows(db, await pending(db, cutoff, 'signed_up'), rules.noShowPenaltyFactor);
  return { autoClosed, noShows };
}

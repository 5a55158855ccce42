import { and, asc, desc, eq, gt, gte, inArray, lte } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { ownVolunteer, requireOwnVolunteer } from '../volunteers.policy.js';
import { volunteerActivities, volunteerSignups } from '../volunteers.schema.js';
import type {
  MySignupState,
  MyVolunteerActivities,
  MyVolunteerActivity,
  OpenActivities,
} from './activities.contracts.js';
import { volunteerBlock } from './activities.block.js';
import { assertMayReadActivities, assertMayTakePart } from './activities.policy.js';
import { presentActivities, selectActivities, type VolunteerActivityRow } from './activities.queries.js';
import { queuePositions, selectSignups } from './activities.signups.js';
import { OPEN_SOON_DAYS, signupOpenAt } from './activities.time.js';

/**
 * The volunteer's phone: the open activities of the whole county (service is county-wide) with their own place at
 * each, and their own sign-ups, upcoming and past.
 */
type SignupViewRow = Awaited<ReturnType<ReturnType<typeof selectSignups>['execute']>>[number];

function mySignupState(r: SignupViewRow, a: VolunteerActivityRow, position: number | null): MySignupState {
  const s = r.s;
  const live = s.state === 'signed_up' || s.state === 'waitlisted';
  return {
    signupId: s.id,
    roleId: s.roleId,
    roleName: r.roleName,
    state: s.state,
    queuePosition: s.state === 'waitlisted' ? position : null,
    queuedAt: s.queuedAt.toISOString(),
    promotedAt: s.promotedAt?.toISOString() ?? null,
    checkedInAt: s.checkedInAt?.toISOString() ?? null,
    checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
    minutes: s.minutes,
    penaltyMinutes: s.penaltyMinutes,
    mayCancel: live && a.state === 'scheduled' && clock.now() <= a.cancelDeadlineAt,
  };
}

/** The volunteer's sign-ups at these activities (the live one where there is one, else the latest), by activity. */
async function signupsAt(db: Db, volunteerId: string, activities: VolunteerActivityRow[]) {
  const out = new Map<string, MySignupState>();
  if (!activities.length) return out;
  const rows = await selectSignups(db)
    .where(
      and(
        eq(volunteerSignups.volunteerId, volunteerId),
        inArray(
          volunteerSignups.activityId,
          activities.map((a) => a.id),
        ),
      ),
    )
    .orderBy(asc(volunteerSignups.queuedAt));
  const positions = await queuePositions(db, [...new Set(rows.map((r) => r.s.roleId))]);
  const byId = new Map(activities.map((a) => [a.id, a]));
  for (const r of rows) {
    const a = byId.get(r.s.activityId);
    const had = out.get(r.s.activityId);
    // A cancelled sign-up is shown only when there is no later one.
    if (a && (!had || r.s.state !== 'cancelled')) out.set(a.id, mySignupState(r, a, positions.get(r.s.id) ?? null));
  }
  return out;
}

/**
 * Scheduled activities not yet ended whose sign-up is open now or opens within OPEN_SOON_DAYS, by start, with free
 * slots per role and the caller's place. A caller with no registration sees them too (the page offers registration).
 */
export async function openActivities(opts: { db: Db; actor: Actor }): Promise<OpenActivities> {
  const { db, actor } = opts;
  assertMayReadActivities(actor);
  const now = clock.now();
  const rows = await selectActivities(db)
    .where(
      and(
        eq(volunteerActivities.state, 'scheduled'),
        gt(volunteerActivities.endsAt, now),
        gte(volunteerActivities.signupClosesAt, now),
        lte(volunteerActivities.signupOpensAt, new Date(now.getTime() + OPEN_SOON_DAYS * 86_400_000)),
      ),
    )
    .orderBy(asc(volunteerActivities.startsAt), asc(volunteerActivities.id))
    .limit(200);
  const v = await ownVolunteer(db, actor);
  const [views, mine, block] = await Promise.all([
    presentActivities(db, rows),
    v
      ? signupsAt(
          db,
          v.id,
          rows.map((r) => r.a),
        )
      : new Map<string, MySignupState>(),
    v ? volunteerBlock(db, v.id) : null,
  ]);
  return {
    volunteerId: v?.id ?? null,
    blockedUntil: block?.until.toISOString() ?? null,
    items: views.map((view, i) => ({
      ...view,
      signupOpen: signupOpenAt(rows[i].a, now),
      mine: mine.get(view.id) ?? null,
    })),
  };
}

/** The caller's sign-ups: upcoming (not ended, by start) and past (the latest 100), with state and minutes. */
export async function myActivities(opts: { db: Db; actor: Actor }): Promise<MyVolunteerActivities> {
  const { db, actor } = opts;
  assertMayTakePart(actor);
  const v = await requireOwnVolunteer(db, actor);
  const now = clock.now();
  const mineOnly = inArray(
    volunteerActivities.id,
    db.select({ id: volunteerSignups.activityId }).from(volunteerSignups).where(eq(volunteerSignups.volunteerId, v.id)),
  );
  const [upcoming, past] = await Promise.all([
    selectActivities(db)
      .where(and(mineOnly, gt(volunteerActivities.endsAt, now)))
      .orderBy(asc(volunteerActivities.startsAt), asc(volunteerActivities.id))
      .limit(200),
    selectActivities(db)
      .where(and(mineOnly, lte(volunteerActivities.endsAt, now)))
      .orderBy(desc(volunteerActivities.startsAt), asc(volunteerActivities.id))
      .limit(100),
  ]);
  const all = [...upcoming, ...past];
  const [views, mine] = await Promise.all([
    presentActivities(db, all),
    signupsAt(
      db,
      v.id,
      all.map((r) => r.a),
    ),
  ]);
  const items = views.flatMap((view): MyVolunteerActivity[] => {
    const m = mine.get(view.id);
    return m ? [{ ...view, mine: m }] : [];
  });
  return { upcoming: items.slice(0, upcoming.length), past: items.slice(upcoming.length) };
}

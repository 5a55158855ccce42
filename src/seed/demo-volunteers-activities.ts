import { addDays, localDayOf, localInstant, weekdayOf } from '../core/calendar.js';
import { DEFAULT_VOLUNTEER_RULES } from '../modules/volunteers/volunteers.enums.js';
import { TYPE_PLANS } from './demo-volunteers-plan.js';
import {
  type ActivityRow,
  PATROL_MINUTES,
  PATROL_WEEKDAYS,
  type Place,
  type RoleRow,
  type SignupRow,
  stampOf,
  type TeamSeed,
  type Vol,
  type VolunteerWorld,
} from './demo-volunteers-world.js';

/**
 * The volunteer demo's activities and sign-ups. Past ones: the patrol team's patrols (four mornings a week) over its
 * five years, and a year of every team's other services up to yesterday with the residents they reached; volunteers
 * came by QR a few minutes either side of the start and left near the end, a few forgot to check out (closed by the
 * sweep, autoClosed), a few were corrected by the organiser with a reason, a few did not come (no-show, penalty twice
 * the shift) — one volunteer twice in the last weeks, so they are blocked now. Upcoming: the next three weeks with
 * open sign-up windows, one activity full with a waitlist, a few cancelled sign-ups, and a day-long patrol running on
 * the first day (check-in can be tried at once). Nobody serves twice on a day, so no sign-ups overlap and no day
 * comes near the day cap. Ledger rows are not written: a Party member's volunteer shifts stay off their ledger here.
 */
export interface ActivityRows {
  activities: ActivityRow[];
  roles: RoleRow[];
  signups: SignupRow[];
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
const RUNNING_SLOTS = 12;
const CORRECTIONS = [
  '忘记扫码签到，由组织者按实际到场补录',
  '手机没电未能签退，按现场签到表更正',
  '定位偏差未能签到，核实后补录',
];

/** The presence columns of a sign-up nobody has checked in on (yet). */
const ABSENT = {
  checkedInAt: null,
  checkinMethod: null,
  checkedOutAt: null,
  checkoutMethod: null,
  autoClosed: false,
  minutes: null,
  cappedMinutes: 0,
  penaltyMinutes: 0,
  day: null,
  correctionReason: null,
  correctedByUserId: null,
  serviceRecordId: null,
} as const;

interface Slot {
  team: TeamSeed;
  typeKey: string;
  day: string;
  clockTime: string;
  minutes: number;
  place: Place;
  title?: string;
  roles?: [string, number][];
  /** The day-long patrol of the first day: sign-up stays open until two hours before its end, to try at once. */
  running?: boolean;
}

function organiserOf(w: VolunteerWorld, communityId: string): string | null {
  return w.adminOf.get(communityId) ?? w.countyAdmin;
}

function addActivity(w: VolunteerWorld, out: ActivityRows, s: Slot): { a: ActivityRow; roles: RoleRow[] } {
  const tp = TYPE_PLANS[s.typeKey];
  const startsAt = localInstant(s.day, s.clockTime);
  const endsAt = new Date(startsAt.getTime() + s.minutes * MINUTE);
  const past = endsAt <= w.time.now;
  // Upcoming activities were opened for sign-up a few days ago; past ones a week ahead.
  const opens = past
    ? new Date(startsAt.getTime() - 7 * 24 * HOUR)
    : new Date(w.time.now.getTime() - w.rng.int(2, 6) * 24 * HOUR);
  const created = stampOf(w.time, new Date(opens.getTime() - 24 * HOUR));
  const a: ActivityRow = {
    id: w.rng.uuid(),
    communityId: s.place.id,
    teamId: s.team.id,
    typeId: w.typeIds.get(s.typeKey) as string,
    title: s.title ?? w.rng.pick(tp.titles),
    description: null,
    place: `${s.place.short}${w.rng.pick(tp.places)}`,
    // Within about 200 m of the community's centre: inside it, and the 500 m geofence holds on site.
    lng: Math.round((s.place.lng + w.rng.float(-0.002, 0.002)) * 1e6) / 1e6,
    lat: Math.round((s.place.lat + w.rng.float(-0.0018, 0.0018)) * 1e6) / 1e6,
    geofenceMeters: DEFAULT_VOLUNTEER_RULES.geofenceMeters,
    startsAt,
    endsAt,
    signupOpensAt: opens,
    signupClosesAt: new Date((s.running ? endsAt.getTime() : startsAt.getTime()) - 2 * HOUR),
    cancelDeadlineAt: new Date(startsAt.getTime() - 24 * HOUR),
    residentsServed: past ? (s.typeKey === 'street_patrol' ? w.rng.int(25, 90) : w.rng.int(15, 180)) : null,
    state: 'scheduled',
    cancelReason: null,
    createdByUserId: organiserOf(w, s.place.id),
    createdAt: created,
    updatedAt: past ? stampOf(w.time, new Date(endsAt.getTime() + HOUR)) : created,
  };
  const roles = (s.roles ?? tp.roles).map(
    ([name, slots], k): RoleRow => ({
      id: w.rng.uuid(),
      activityId: a.id,
      name,
      slots,
      sort: k,
      createdAt: created,
      updatedAt: created,
    }),
  );
  out.activities.push(a);
  out.roles.push(...roles);
  return { a, roles };
}

/** The role of the k-th sign-up: roles filled in order; past the last slot, null (the rest wait). */
function roleFor(roles: RoleRow[], k: number): RoleRow | null {
  let left = k;
  for (const r of roles) {
    if (left < r.slots) return r;
    left -= r.slots;
  }
  return null;
}

const totalSlots = (roles: RoleRow[]) => roles.reduce((n, r) => n + r.slots, 0);

function isFree(w: VolunteerWorld, v: Vol, day: string): boolean {
  return v.from <= day && !w.busy.has(`${v.id}|${day}`);
}

/** A past sign-up's presence: checked in and out by QR mostly (a few by the organiser), near the activity's times. */
function presence(w: VolunteerWorld, a: ActivityRow) {
  const start = a.startsAt.getTime();
  const end = a.endsAt.getTime();
  const r = w.rng.next();
  const corrected = r < 0.012;
  const autoClosed = !corrected && r < 0.027;
  const method: 'qr' | 'organiser' = w.rng.chance(0.92) ? 'qr' : 'organiser';
  // Arrive a few minutes either side of the start, leave near the end; a correction records the scheduled times.
  const inAt = corrected ? start : start + w.rng.int(-8, 10) * MINUTE;
  const drawnOut = end + w.rng.int(-12, 6) * MINUTE;
  const outAt = corrected || autoClosed ? end : drawnOut;
  return {
    checkedInAt: new Date(inAt),
    checkinMethod: corrected ? ('organiser' as const) : method,
    checkedOutAt: new Date(outAt),
    checkoutMethod: corrected ? ('organiser' as const) : autoClosed ? ('auto' as const) : method,
    autoClosed,
    minutes: Math.floor((Math.min(outAt, end) - Math.max(inAt, start)) / MINUTE),
    corrected,
  };
}

/** One past sign-up: checked in and out (a few auto-closed or corrected), or a no-show with its penalty. */
function pastSignup(w: VolunteerWorld, a: ActivityRow, role: RoleRow, v: Vol, noShow: boolean): SignupRow {
  const start = a.startsAt.getTime();
  const end = a.endsAt.getTime();
  const queuedAt = new Date(start - w.rng.int(3, 150) * HOUR);
  const id = w.rng.uuid();
  const created = stampOf(w.time, queuedAt);
  if (noShow) {
    const penaltyMinutes = (DEFAULT_VOLUNTEER_RULES.noShowPenaltyFactor * (end - start)) / MINUTE;
    const swept = stampOf(w.time, new Date(end + HOUR));
    const row = { id, activityId: a.id, roleId: role.id, volunteerId: v.id, queuedAt, promotedAt: null };
    return {
      ...row,
      cancelledAt: null,
      ...ABSENT,
      state: 'no_show',
      penaltyMinutes,
      createdAt: created,
      updatedAt: swept,
    };
  }
  const p = presence(w, a);
  return {
    id,
    activityId: a.id,
    roleId: role.id,
    volunteerId: v.id,
    state: 'checked_out',
    queuedAt,
    promotedAt: null,
    cancelledAt: null,
    checkedInAt: p.checkedInAt,
    checkinMethod: p.checkinMethod,
    checkedOutAt: p.checkedOutAt,
    checkoutMethod: p.checkoutMethod,
    autoClosed: p.autoClosed,
    minutes: p.minutes,
    cappedMinutes: 0,
    penaltyMinutes: 0,
    day: localDayOf(p.checkedInAt),
    correctionReason: p.corrected ? w.rng.pick(CORRECTIONS) : null,
    correctedByUserId: p.corrected ? organiserOf(w, a.communityId) : null,
    serviceRecordId: null,
    createdAt: created,
    updatedAt: stampOf(w.time, new Date(end + (p.corrected ? 20 : 1) * HOUR)),
  };
}

/** Sign-ups of a past activity for those who came (and the forced no-show); each volunteer's day is taken. */
function staffPast(
  w: VolunteerWorld,
  out: ActivityRows,
  a: ActivityRow,
  roles: RoleRow[],
  people: Vol[],
  noShowOf?: Vol,
) {
  const day = localDayOf(a.startsAt);
  const list = noShowOf && !people.includes(noShowOf) ? [...people, noShowOf] : people;
  list.slice(0, totalSlots(roles)).forEach((v, k) => {
    w.busy.add(`${v.id}|${day}`);
    const random = v !== w.blocked && !w.noShowed.has(v.id) && w.rng.chance(0.01);
    const noShow = v === noShowOf || random;
    if (noShow) w.noShowed.add(v.id);
    out.signups.push(pastSignup(w, a, roleFor(roles, k) ?? roles[0], v, noShow));
  });
}

/** The patrol team's regular patrols from its founding to yesterday: each member comes by their chance. */
function patrols(w: VolunteerWorld, out: ActivityRows, team: TeamSeed) {
  const place = team.community as Place;
  const rest = team.members.slice(5);
  for (let day = team.founded; day <= w.time.lastDay; day = addDays(day, 1)) {
    if (!PATROL_WEEKDAYS.includes(weekdayOf(day))) continue;
    const came = team.members.filter((m) => isFree(w, m, day) && w.rng.chance(m.patrolChance));
    // A patrol goes out in twos at least: the others fill in.
    for (const m of w.rng.shuffle(rest)) if (came.length < 2 && !came.includes(m) && isFree(w, m, day)) came.push(m);
    if (came.length < 2) continue;
    const { a, roles } = addActivity(w, out, {
      team,
      typeKey: 'street_patrol',
      day,
      clockTime: '08:30',
      minutes: PATROL_MINUTES,
      place,
    });
    staffPast(w, out, a, roles, came);
  }
}

/** Distinct days of the last year for a team's services (and the blocked volunteer's two no-show days). */
function serviceDays(w: VolunteerWorld, n: number, fixed: string[]): string[] {
  const days = new Set(fixed);
  while (days.size < n + fixed.length) days.add(addDays(w.time.today, -w.rng.int(1, 365)));
  return [...days].sort();
}

/** A year of a team's other services up to yesterday, staffed by its members and now and then an unattached one. */
function teamYear(w: VolunteerWorld, out: ActivityRows, team: TeamSeed) {
  const blockedHere = w.blocked?.team === team;
  const fixed = blockedHere ? [addDays(w.time.today, -64), addDays(w.time.today, -9)] : [];
  for (const day of serviceDays(w, team.plan.perYear, fixed)) {
    const typeKey = w.rng.pick(team.plan.types);
    const tp = TYPE_PLANS[typeKey];
    const place = team.community ?? w.rng.pick([...w.places.values()]);
    const slot = { team, typeKey, day, clockTime: w.rng.pick(tp.starts), minutes: w.rng.pick(tp.minutes), place };
    const { a, roles } = addActivity(w, out, slot);
    const free = w.rng.shuffle(team.members.filter((m) => isFree(w, m, day)));
    const came = free.slice(0, w.rng.int(Math.ceil(free.length / 2), free.length));
    if (w.rng.chance(0.3))
      came.push(...w.rng.shuffle(w.unattached.filter((v) => isFree(w, v, day))).slice(0, w.rng.int(1, 2)));
    staffPast(w, out, a, roles, came, blockedHere && fixed.includes(day) ? (w.blocked ?? undefined) : undefined);
  }
}

/** Sign-ups for an upcoming activity: in queue order; past the slots, waitlisted; a few cancelled before the deadline. */
function signUp(w: VolunteerWorld, out: ActivityRows, a: ActivityRow, roles: RoleRow[], people: Vol[]) {
  const day = localDayOf(a.startsAt);
  const opens = (a.signupOpensAt as Date).getTime();
  const span = Math.max(w.time.now.getTime() - opens, HOUR);
  const times = people.map(() => opens + w.rng.int(0, span / MINUTE - 1) * MINUTE).sort((x, y) => x - y);
  let held = 0;
  people.forEach((v, k) => {
    w.busy.add(`${v.id}|${day}`);
    const queuedAt = new Date(times[k]);
    // Cancelled before the cancellation deadline (and by now), which frees the slot for the next in the queue.
    const lastCancel = Math.min((a.cancelDeadlineAt as Date).getTime(), w.time.now.getTime()) - MINUTE;
    const cancelled = !w.logins.has(v.id) && queuedAt.getTime() + HOUR < lastCancel && w.rng.chance(0.08);
    const role = cancelled ? roles[0] : roleFor(roles, held);
    if (!cancelled && role) held += 1;
    const state = cancelled ? 'cancelled' : role ? 'signed_up' : 'waitlisted';
    const cancelledAt = cancelled ? new Date(Math.min(queuedAt.getTime() + w.rng.int(1, 20) * HOUR, lastCancel)) : null;
    out.signups.push({
      id: w.rng.uuid(),
      activityId: a.id,
      roleId: (role ?? roles[roles.length - 1]).id,
      volunteerId: v.id,
      state,
      queuedAt,
      promotedAt: null,
      cancelledAt,
      ...ABSENT,
      createdAt: queuedAt,
      updatedAt: cancelledAt ?? queuedAt,
    });
  });
}

/** The next three weeks: the patrols (volunteer01 on the first three), each team's next service, the running patrol. */
function upcoming(w: VolunteerWorld, out: ActivityRows) {
  const patrol = w.teams[0];
  const [lead, , , volunteer01] = patrol.members;
  const place = patrol.community as Place;
  const running = addActivity(w, out, {
    team: patrol,
    typeKey: 'street_patrol',
    day: w.time.today,
    clockTime: '08:00',
    minutes: 12 * 60,
    place,
    title: '平安守护日全天巡逻值守',
    roles: [['巡逻员', RUNNING_SLOTS]],
    running: true,
  });
  const others = w.rng.shuffle(patrol.members.slice(1).filter((m) => m !== volunteer01)).slice(0, 4);
  signUp(w, out, running.a, running.roles, [lead, volunteer01, ...others]);
  let patrolsWith01 = 0;
  for (let day = addDays(w.time.today, 1); day <= addDays(w.time.today, 20); day = addDays(day, 1)) {
    if (!PATROL_WEEKDAYS.includes(weekdayOf(day))) continue;
    const { a, roles } = addActivity(w, out, {
      team: patrol,
      typeKey: 'street_patrol',
      day,
      clockTime: '08:30',
      minutes: PATROL_MINUTES,
      place,
    });
    const come = patrol.members.filter((m) => m !== volunteer01 && w.rng.chance(Math.min(0.9, m.patrolChance * 1.2)));
    signUp(w, out, a, roles, patrolsWith01++ < 3 ? [volunteer01, ...come] : come);
  }
  for (const team of w.teams) {
    const day = addDays(w.time.today, w.rng.int(2, 20));
    const typeKey = w.rng.pick(team.plan.types);
    const tp = TYPE_PLANS[typeKey];
    const slot = {
      team,
      typeKey,
      day,
      clockTime: w.rng.pick(tp.starts),
      minutes: w.rng.pick(tp.minutes),
      place: team.community ?? w.rng.pick([...w.places.values()]),
    };
    const { a, roles } = addActivity(w, out, slot);
    const pool = team.members.filter((m) => m !== w.blocked && isFree(w, m, day));
    const outside = w.unattached.filter((v) => isFree(w, v, day));
    // The county clinic is popular: everyone free wants a place, more than it has (the last ones wait).
    const people = team.community
      ? w.rng.shuffle(pool).slice(0, w.rng.int(2, pool.length))
      : [...pool, ...outside].slice(0, totalSlots(roles) + 3);
    signUp(w, out, a, roles, people);
  }
}

export function buildActivities(w: VolunteerWorld): ActivityRows {
  const out: ActivityRows = { activities: [], roles: [], signups: [] };
  patrols(w, out, w.teams[0]);
  for (const team of w.teams) teamYear(w, out, team);
  upcoming(w, out);
  return out;
}

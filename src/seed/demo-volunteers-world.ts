import { addDays, localInstant } from '../core/calendar.js';
import type {
  volunteerActivities,
  volunteerActivityRoles,
  volunteerSignups,
  volunteerTeamMembers,
  volunteers,
  volunteerTeams,
} from '../modules/volunteers/volunteers.schema.js';
import type { DemoData } from './demo.js';
import { COMMUNITIES } from './demo-places.js';
import type { DemoTime } from './demo-types.js';
import { PATROL_TEAM, type TeamPlan, TEAM_PLANS, UNATTACHED_VOLUNTEERS } from './demo-volunteers-plan.js';
import type { Rng } from './rng.js';

/**
 * The volunteer demo's people: the 15 teams with leaders and members drawn from the register's people who carry the
 * volunteer role, and a few volunteers in no team. The patrol team is led by lead01's person with volunteer01's among
 * its members (build-users.ts chose them), and is the one with years of history (see PATROL_TARGET_HOURS).
 */
export type ActivityRow = typeof volunteerActivities.$inferInsert & {
  id: string;
  startsAt: Date;
  endsAt: Date;
  communityId: string;
};
export type RoleRow = typeof volunteerActivityRoles.$inferInsert & { id: string; slots: number };
export type SignupRow = typeof volunteerSignups.$inferInsert & { id: string; volunteerId: string };
export type VolunteerRow = typeof volunteers.$inferInsert & { id: string };
export type TeamRow = typeof volunteerTeams.$inferInsert & { id: string };
export type MemberRow = typeof volunteerTeamMembers.$inferInsert;

export interface Place {
  id: string;
  short: string;
  lng: number;
  lat: number;
}

export interface Vol {
  id: string;
  personId: string;
  /** The county day from which they serve (joined their team, or registered). */
  from: string;
  team: TeamSeed | null;
  /** Chance of coming to one of the patrol team's regular patrols (patrol members only). */
  patrolChance: number;
}

export interface TeamSeed {
  plan: TeamPlan;
  id: string;
  /** Null for a county team. */
  community: Place | null;
  founded: string;
  members: Vol[];
}

export interface VolunteerWorld {
  rng: Rng;
  time: DemoTime;
  typeIds: Map<string, string>;
  typeNames: Map<string, string>;
  seriesIds: Map<string, string>;
  places: Map<string, Place>;
  /** A community's admin user (organiser, corrector, issuer), and the county admin's. */
  adminOf: Map<string, string>;
  countyAdmin: string | null;
  countyId: string;
  teams: TeamSeed[];
  unattached: Vol[];
  /** The volunteer blocked now (two no-shows in the last weeks), and who has had a no-show (one each at most). */
  blocked: Vol | null;
  noShowed: Set<string>;
  /** lead01's and volunteer01's volunteer ids: their upcoming sign-ups stand (never drawn as cancelled). */
  logins: Set<string>;
  /** `${volunteer}|${day}`: a volunteer serves at most one activity a day (no overlap, never near the day cap). */
  busy: Set<string>;
  volunteerRows: VolunteerRow[];
  teamRows: TeamRow[];
  memberRows: MemberRow[];
}

/**
 * Hours each of the patrol team's first five reach (lead01, two founders, volunteer01, a newer member): one per star
 * level 1–5 (100 / 300 / 600 / 1,000 / 1,500), each well inside its band so the draw never tips it over. 1,500 hours is
 * 600 patrols of 2½ hours: only years of the team's patrols reach it, which is why the team has five years of history.
 */
export const PATROL_TARGET_HOURS = [1750, 1250, 820, 430, 190];
/** Days the patrol goes out: Monday, Wednesday, Friday and Saturday (weekdayOf: 0 = Sunday). */
export const PATROL_WEEKDAYS = [1, 3, 5, 6];
export const PATROL_MINUTES = 150;
const PATROL_YEARS = 5;

const SKILLS: Record<string, string[]> = {
  security_patrol: ['巡逻', '调解', '消防常识', '交通劝导'],
  culture_sports: ['声乐', '舞蹈', '器乐', '健身指导'],
  civilisation_practice: ['宣讲', '烹饪', '组织协调'],
  policy_outreach: ['宣讲', '法律', '反诈知识'],
  convenience: ['家电维修', '理发', '医疗', '护理'],
  environment: ['园艺', '垃圾分类', '保洁'],
  caring: ['陪伴', '心理疏导', '课业辅导'],
};
const AVAILABILITY = ['工作日上午', '工作日下午', '周末', '工作日晚上', '每周一、三、五上午', '随时'];

const at = (day: string, clockTime = '09:00') => localInstant(day, clockTime);

/** A row's creation stamp: when it happened, but never before the register (the demo's history was imported). */
export function stampOf(time: DemoTime, d: Date): Date {
  if (d < time.createdAt) return time.createdAt;
  return d > time.now ? time.now : d;
}

export function placesOf(data: DemoData): Map<string, Place> {
  const out = new Map<string, Place>();
  for (const def of COMMUNITIES) {
    const org = data.organisations.find((o) => o.kind === 'community' && o.name === def.name);
    if (!org || org.lng == null || org.lat == null) throw new Error(`no community ${def.name}`);
    out.set(def.pinyin, { id: org.id, short: def.name.replace(/社区$/, ''), lng: org.lng, lat: org.lat });
  }
  return out;
}

/** People who may join: the volunteer role, in the community (any for a county team), not yet taken. */
function candidates(w: VolunteerWorld, data: DemoData, plan: TeamPlan, taken: Set<string>): string[] {
  const community = plan.community ? w.places.get(plan.community)?.id : null;
  const pool = data.people.filter(
    (p) => p.roles.includes('volunteer') && !taken.has(p.id) && (!community || p.communityId === community),
  );
  const older = (p: (typeof pool)[number]) =>
    p.gender === 'female' && Number(p.birthDate.slice(0, 4)) <= w.time.year - 50;
  const shuffled = w.rng.shuffle(pool);
  if (!plan.olderWomen) return shuffled.map((p) => p.id);
  return [...shuffled.filter(older), ...shuffled.filter((p) => !older(p))].map((p) => p.id);
}

function register(w: VolunteerWorld, personId: string, from: string, team: TeamSeed | null, seriesKey: string): Vol {
  const vol: Vol = { id: w.rng.uuid(), personId, from, team, patrolChance: 0 };
  const registeredAt = at(addDays(from, -w.rng.int(0, 30)), '10:00');
  const skills = w.rng.shuffle(SKILLS[seriesKey] ?? []).slice(0, w.rng.int(1, 2));
  const admin = team?.community ? w.adminOf.get(team.community.id) : w.countyAdmin;
  w.volunteerRows.push({
    id: vol.id,
    personId,
    skills,
    availability: w.rng.pick(AVAILABILITY),
    state: 'active',
    registeredAt,
    registeredByUserId: admin ?? null,
    createdAt: stampOf(w.time, registeredAt),
    updatedAt: stampOf(w.time, registeredAt),
  });
  return vol;
}

/**
 * When the k-th member joined: the leader (and the patrol's two other founders) at the start, volunteer01 three years
 * ago and the patrol's newer member eighteen months ago (their hours, PATROL_TARGET_HOURS), the others since, all at
 * least four months before the first day.
 */
function joinDay(w: VolunteerWorld, patrol: boolean, founded: string, k: number): string {
  if (k === 0 || (patrol && k < 3)) return founded;
  if (patrol && k === 3) return addDays(w.time.today, -3 * 365);
  if (patrol && k === 4) return addDays(w.time.today, -548);
  return addDays(founded, w.rng.int(30, Math.max(31, daysBetween(founded, w.time.today) - 120)));
}

function addTeam(w: VolunteerWorld, plan: TeamPlan, people: string[]): TeamSeed {
  const community = plan.community ? (w.places.get(plan.community) ?? null) : null;
  const patrol = plan.name === PATROL_TEAM;
  const founded = patrol
    ? addDays(w.time.today, -PATROL_YEARS * 365 - 20)
    : addDays(w.time.today, -w.rng.int(500, 1400));
  const team: TeamSeed = { plan, id: w.rng.uuid(), community, founded, members: [] };
  const created = stampOf(w.time, at(founded));
  w.teamRows.push({
    id: team.id,
    name: plan.name,
    seriesId: w.seriesIds.get(plan.seriesKey) as string,
    communityId: community?.id ?? null,
    description: plan.description,
    active: true,
    createdAt: created,
    updatedAt: created,
  });
  people.forEach((personId, k) => {
    const from = joinDay(w, patrol, founded, k);
    const vol = register(w, personId, from, team, plan.seriesKey);
    team.members.push(vol);
    const joinedAt = at(from, '09:00');
    w.memberRows.push({
      id: w.rng.uuid(),
      teamId: team.id,
      volunteerId: vol.id,
      role: k === 0 ? 'leader' : 'member',
      joinedAt,
      leftAt: null,
      createdAt: stampOf(w.time, joinedAt),
      updatedAt: stampOf(w.time, joinedAt),
    });
  });
  return team;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((at(to).getTime() - at(from).getTime()) / 86_400_000);
}

/** The patrol's leader and volunteer01 first, then others; the first five get set hours, the rest a few dozen. */
function patrolPeople(w: VolunteerWorld, data: DemoData, taken: Set<string>): string[] {
  const personOf = (username: string) => data.users.find((u) => u.username === username)?.personId;
  const lead = personOf('lead01');
  const member = personOf('volunteer01');
  if (!lead || !member) throw new Error('the demo has no lead01 or volunteer01');
  taken.add(lead);
  taken.add(member);
  const plan = TEAM_PLANS[0];
  const others = candidates(w, data, plan, taken).slice(0, plan.members - 1);
  // lead01, two founders, volunteer01, a newer member (PATROL_TARGET_HOURS), the rest.
  return [lead, others[0], others[1], member, ...others.slice(2)];
}

/** Chance of coming to a patrol so that the member reaches their hours over the patrols since they joined. */
function setPatrolChances(w: VolunteerWorld, team: TeamSeed): void {
  team.members.forEach((m, k) => {
    const target = PATROL_TARGET_HOURS[k] ?? w.rng.int(50, 260);
    const patrols = (daysBetween(m.from, w.time.today) * PATROL_WEEKDAYS.length) / 7;
    // Counted minutes come out a little under the patrol's length (late in, early out): 145 of 150.
    m.patrolChance = Math.min(0.9, (target * 60) / (Math.max(patrols, 1) * 145));
  });
}

/** Teams, their members and the volunteers in no team; fills the world's rows. */
export function buildVolunteers(w: VolunteerWorld, data: DemoData): void {
  const taken = new Set<string>();
  for (const plan of TEAM_PLANS) {
    const patrol = plan.name === PATROL_TEAM;
    const people = patrol ? patrolPeople(w, data, taken) : candidates(w, data, plan, taken).slice(0, plan.members + 1);
    for (const p of people) taken.add(p);
    const team = addTeam(w, plan, people);
    if (patrol) setPatrolChances(w, team);
    w.teams.push(team);
  }
  const loose = w.rng.shuffle(data.people.filter((p) => p.roles.includes('volunteer') && !taken.has(p.id)));
  for (const p of loose.slice(0, UNATTACHED_VOLUNTEERS)) {
    w.unattached.push(register(w, p.id, addDays(w.time.today, -w.rng.int(200, 700)), null, 'caring'));
  }
}

import { insertRows } from '../core/bulk.js';
import type { Db } from '../core/db.js';
import { adoptedPairs, type Pair } from '../modules/cobuild/pairing/pairing.queries.js';
import { seedServiceKinds } from '../modules/cobuild/servicedays/servicedays.kinds.js';
import {
  serviceDayCheckins,
  serviceDays,
  serviceDaySignups,
  type SignupItem,
} from '../modules/cobuild/servicedays/servicedays.schema.js';
import { localInstant } from '../modules/cobuild/servicedays/servicedays.time.js';
import { type DayPlan, dayPlan, KIND_ITEMS, KINDS_BY_STRENGTH, MONTH_THEMES } from './cobuild-servicedays-plan.js';
import type { DemoTime, OrgRow, PartyMemberRow } from './demo-types.js';
import type { DemoData } from './demo.js';
import { createRng, type Rng } from './rng.js';

/** The service days draw from their own generator, so they change nothing else in the demo. */
export const DEMO_SERVICEDAYS_SEED = 20_261_206;
const MINUTE = 60_000;

type DayInsert = typeof serviceDays.$inferInsert & { id: string };
type SignupInsert = typeof serviceDaySignups.$inferInsert;
type CheckinInsert = typeof serviceDayCheckins.$inferInsert;

export interface DemoServiceDayCounts {
  days: number;
  signups: number;
  checkins: number;
  kinds: number;
}

/** The adopted pairing of the year, or — before the pairing seed exists — each community's seven nearest units. */
async function pairsOf(db: Db, year: number, communities: OrgRow[], units: OrgRow[]): Promise<Map<string, OrgRow[]>> {
  const adopted: Pair[] = await adoptedPairs(db, { year });
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Map<string, OrgRow[]>(communities.map((c) => [c.id, []]));
  if (adopted.length) {
    for (const p of adopted) {
      const u = byId.get(p.unitId);
      if (u) out.get(p.communityId)?.push(u);
    }
    return out;
  }
  const d2 = (a: OrgRow, b: OrgRow) => ((a.lng ?? 0) - (b.lng ?? 0)) ** 2 + ((a.lat ?? 0) - (b.lat ?? 0)) ** 2;
  for (const c of communities)
    out.set(c.id, [...units].sort((a, b) => d2(c, a) - d2(c, b) || a.id.localeCompare(b.id)).slice(0, 7));
  return out;
}

const notAfter = (at: Date, now: Date) => (at < now ? at : now);

function token(rng: Rng): string {
  const bytes = Buffer.alloc(18);
  for (let i = 0; i < 18; i += 3) bytes.writeUIntBE(rng.uint32() & 0xffffff, i, 3);
  return bytes.toString('base64url');
}

/** One or two service items a unit brings, drawn from what its strengths suit. */
function itemsFor(rng: Rng, unit: OrgRow, preferred: string | null): SignupItem[] {
  const suited = [...new Set((unit.strengths ?? []).flatMap((s) => KINDS_BY_STRENGTH[s] ?? []))];
  const pool = suited.length ? suited : ['policy_briefing', 'cleanup', 'civilised_city'];
  const first = preferred && rng.chance(0.5) ? preferred : rng.pick(pool);
  const codes = rng.chance(0.45) ? [...new Set([first, rng.pick(pool)])] : [first];
  return codes.map((kindCode) => ({ kindCode, description: rng.pick(KIND_ITEMS[kindCode]) }));
}

interface Ctx {
  rng: Rng;
  /** The demo's "now": a sign-up or a day planned for later was still entered before it. */
  now: Date;
  pairs: Map<string, OrgRow[]>;
  membersByUnit: Map<string, PartyMemberRow[]>;
  adminOf: Map<string, string>;
  out: { days: DayInsert[]; signups: SignupInsert[]; checkins: CheckinInsert[] };
}

/** A paired unit signs up a week or so ahead with one or two items and a headcount. */
function signUp(
  { rng, now, out }: Ctx,
  unit: OrgRow,
  day: { dayId: string; startsAt: Date; preferred: string | null },
): { items: SignupItem[]; headcount: number } {
  const items = itemsFor(rng, unit, day.preferred);
  const headcount = rng.int(3, 8);
  const created = notAfter(new Date(day.startsAt.getTime() - rng.int(4, 12) * 86_400_000), now);
  out.signups.push({
    id: rng.uuid(),
    dayId: day.dayId,
    unitId: unit.id,
    items,
    headcount,
    note: null,
    createdByUserId: null,
    createdAt: created,
    updatedAt: created,
    version: 1,
  });
  return { items, headcount };
}

/** On a held day about the signed-up headcount of the unit's members check in, most by QR code; returns how many. */
function checkIn(
  ctx: Ctx,
  community: OrgRow,
  unit: OrgRow,
  day: { dayId: string; startsAt: Date; headcount: number },
): number {
  const { rng, out } = ctx;
  const members = rng
    .shuffle(ctx.membersByUnit.get(unit.id) ?? [])
    .slice(0, Math.max(1, Math.round(day.headcount * rng.float(0.7, 1.1))));
  for (const m of members) {
    const at = new Date(day.startsAt.getTime() + rng.int(-30, 50) * MINUTE);
    const qr = rng.chance(0.85);
    out.checkins.push({
      id: rng.uuid(),
      dayId: day.dayId,
      memberId: m.id,
      unitId: unit.id,
      method: qr ? 'qr' : 'staff',
      checkedInAt: at,
      checkedInByUserId: qr ? null : (ctx.adminOf.get(community.id) ?? null),
    });
  }
  return members.length;
}

/** A day with its sign-ups and, once held, its check-ins and outcome. */
function buildDay(ctx: Ctx, community: OrgRow, plan: DayPlan & { skipUnitId?: string }): void {
  const { rng, out } = ctx;
  const startsAt = localInstant(plan.date, plan.start);
  const endsAt = localInstant(plan.date, plan.end);
  const id = rng.uuid();
  const pool = (ctx.pairs.get(community.id) ?? []).filter((u) => u.id !== plan.skipUnitId);
  const units = rng.shuffle(pool).slice(0, Math.min(pool.length, plan.status === 'scheduled' ? 3 : rng.int(3, 4)));
  const kinds = new Set<string>();
  let checked = 0;
  let names = 0;
  for (const unit of units) {
    const signup = signUp(ctx, unit, { dayId: id, startsAt, preferred: plan.kind ?? null });
    for (const item of signup.items) kinds.add(item.kindCode);
    names += signup.items.length;
    if (plan.status === 'held')
      checked += checkIn(ctx, community, unit, { dayId: id, startsAt, headcount: signup.headcount });
  }
  const held = plan.status === 'held';
  const served = held ? names * rng.int(15, 45) : null;
  const created = notAfter(new Date(startsAt.getTime() - 20 * 86_400_000), new Date(ctx.now.getTime() - 86_400_000));
  out.days.push({
    id,
    communityId: community.id,
    date: plan.date,
    startsAt,
    endsAt,
    place: rng.chance(0.6) ? `${community.name}党群服务中心` : `${community.name}文化广场`,
    lng: community.lng ?? null,
    lat: community.lat ?? null,
    theme:
      plan.kind === 'left_behind_children' ? '“六一”关爱留守儿童集中报到服务日' : rng.pick(MONTH_THEMES[plan.month]),
    kindCodes: [...kinds].sort(),
    status: plan.status,
    cancelReason: plan.reason ?? null,
    checkinToken: token(rng),
    peopleServed: served,
    summary: held
      ? `${units.length}家共建单位${checked}名在职党员报到，开展${kinds.size}类服务，服务群众${served}人次。`
      : null,
    createdByUserId: ctx.adminOf.get(community.id) ?? null,
    createdAt: created,
    updatedAt: held ? endsAt : created,
    version: held ? 2 : 1,
  });
}

/**
 * This year's 集中报到服务日 in the 11 communities, as of the demo's first day: those already past held (with sign-ups of
 * paired units, check-ins of their in-service members and outcomes; one cancelled for flood warnings), and the next
 * day of each community scheduled (杭东's leaves unit01 free to sign up). See dayPlan.
 */
export async function seedDemoServiceDays(db: Db, data: DemoData, time: DemoTime): Promise<DemoServiceDayCounts> {
  await seedServiceKinds({ db });
  const rng = createRng(DEMO_SERVICEDAYS_SEED);
  const communities = data.organisations.filter((o) => o.kind === 'community');
  const units = data.organisations.filter((o) => o.kind === 'unit');
  const membersByUnit = new Map<string, PartyMemberRow[]>();
  for (const m of data.partyMembers)
    if (m.kind === 'in_service' && m.unitId) membersByUnit.set(m.unitId, [...(membersByUnit.get(m.unitId) ?? []), m]);
  const adminOf = new Map(
    data.roleBindings
      .filter((b) => b.role === 'community_admin' && b.scopeOrgId)
      .map((b) => [b.scopeOrgId as string, b.userId]),
  );
  const pairs = await pairsOf(db, time.year, communities, units);
  const ctx: Ctx = { rng, now: time.now, pairs, membersByUnit, adminOf, out: { days: [], signups: [], checkins: [] } };
  const u01 = units.find((u) => u.code === 'U001')?.id;
  communities.forEach((community, ci) => {
    for (const plan of dayPlan(ci, time.year, time.today)) {
      buildDay(ctx, community, { ...plan, skipUnitId: ci === 0 && plan.status === 'scheduled' ? u01 : undefined });
    }
  });
  await insertRows(db, serviceDays, ctx.out.days);
  await insertRows(db, serviceDaySignups, ctx.out.signups);
  await insertRows(db, serviceDayCheckins, ctx.out.checkins);
  const kinds = new Set(ctx.out.signups.flatMap((s) => (s.items as SignupItem[]).map((i) => i.kindCode)));
  return {
    days: ctx.out.days.length,
    signups: ctx.out.signups.length,
    checkins: ctx.out.checkins.length,
    kinds: kinds.size,
  };
}

/**
 * 吹哨报到 in the demo: the community calls units in; each reports (报到) within its clock, arrives and reports done.
 * The order of the generator's draws is the demo: reordering them changes every case after.
 */
import { URGENT_WHISTLE_MINUTES } from '../modules/cases/cases.service.js';
import type { CaseInsert, DispatchInsert, Lifecycle } from './cases-lifecycle.js';
import { type CaseKind, SATISFACTION_WEIGHTS, UNITS_PER_WHISTLE, WHISTLE_RATED } from './cases-plan.js';
import type { CaseActor, CommunityPlace } from './cases-world.js';
import {
  type CaseFlow,
  closeAfterVerify,
  closeUnrated,
  MINUTE,
  rate,
  raterOf,
  resolutionNote,
  stepUntil,
} from './demo-cases-flow.js';
import type { CategoryInfo, Special } from './demo-cases-types.js';
import type { OrgRow } from './demo-types.js';

/** One called unit's times: its own clock, 报到, on site, done. */
interface UnitVisit {
  unit: OrgRow;
  due: Date;
  ackAt: Date;
  arrivedAt: Date;
  doneAt: Date;
}

export function handleWhistle(
  flow: CaseFlow,
  lc: Lifecycle,
  kind: CaseKind,
  category: CategoryInfo,
  community: CommunityPlace,
  owner: CaseActor,
  special: Special,
): void {
  const row = lc.row;
  const admin = community.admin;
  const urgent = category.priority === 'urgent';
  const go = stepUntil(lc, special.stopAfter);
  const acceptedAt = urgent ? lc.after(3, 15) : lc.after(5, 90);
  const acceptor = kind === 'communityWhistle' ? admin : owner;
  if (!go('accept', 'accepted', acceptedAt, acceptor, { data: { categoryCode: category.code } })) return;
  const units = calledUnits(flow, kind, category, community, special);
  const dispatchedAt = urgent ? lc.after(3, 12) : lc.after(5, 60);
  const instructions =
    kind === 'communityWhistle' ? '社区吹哨，请各单位按职责到场协同处置' : '群众吹哨，请及时报到并到场处理';
  const reached = lc.step('dispatch', 'dispatched', dispatchedAt, admin, {
    note: instructions,
    data: { unitIds: units.map((u) => u.id) },
  });
  if (!reached) return;
  if (kind === 'residentWhistle') row.whistle = 'resident';
  const visits = units.map((unit) => planVisit(flow, lc, category, unit));
  for (const visit of visits) {
    flow.out.dispatches.push(dispatchRow(flow, row, visit, { dispatchedAt, instructions, admin, category, special }));
  }
  if (special.stopAfter === 'dispatched') return;
  finishWhistle(flow, lc, visits, category, admin, special);
}

/** How many units the whistle calls (by weight), chosen by what the category needs; unit01's case calls U001 first. */
function calledUnits(
  { rng, world }: CaseFlow,
  kind: CaseKind,
  category: CategoryInfo,
  community: CommunityPlace,
  special: Special,
): OrgRow[] {
  const table = UNITS_PER_WHISTLE[kind === 'communityWhistle' ? 'communityWhistle' : 'residentWhistle'];
  const count = table[rng.weightedIndex(table.map(([, w]) => w))][0];
  const picked = world.pickUnits(rng, community, category.code, count);
  return special.unit
    ? [special.unit, ...picked.filter((u) => u.id !== special.unit?.id)].slice(0, Math.max(1, count))
    : picked;
}

/** Each unit: its own clock (30 minutes when urgent), 报到 within it, on site, done before the case's limit. */
function planVisit({ rng, calendar }: CaseFlow, lc: Lifecycle, category: CategoryInfo, unit: OrgRow): UnitVisit {
  const row = lc.row;
  const urgent = category.priority === 'urgent';
  const due = urgent
    ? new Date(lc.at.getTime() + URGENT_WHISTLE_MINUTES * MINUTE)
    : calendar.addWorkingMinutes(lc.at, category.responseMinutes);
  const caseDue = row.responseDueAt < due ? row.responseDueAt : due;
  const room = Math.max(6, Math.min(240, Math.floor(calendar.workingMinutesBetween(lc.at, caseDue) * 0.8)));
  const ackAt = urgent
    ? new Date(lc.at.getTime() + rng.int(5, 25) * MINUTE)
    : calendar.addWorkingMinutes(lc.at, rng.int(5, room));
  const arrivedAt = urgent
    ? new Date(ackAt.getTime() + rng.int(10, 60) * MINUTE)
    : calendar.addWorkingMinutes(ackAt, rng.int(20, 300));
  const left = calendar.workingMinutesBetween(arrivedAt, row.resolutionDueAt);
  const doneAt = calendar.addWorkingMinutes(arrivedAt, Math.max(10, Math.round(left * rng.float(0.1, 0.7))));
  return { unit, due, ackAt, arrivedAt, doneAt };
}

/** The unit's dispatch row as it stands now: only what has happened by the demo's now, or before a stop. */
function dispatchRow(
  { rng, end }: CaseFlow,
  row: CaseInsert,
  p: UnitVisit,
  ctx: { dispatchedAt: Date; instructions: string; admin: CaseActor; category: CategoryInfo; special: Special },
): DispatchInsert {
  const { dispatchedAt, special } = ctx;
  const shown = (t: Date) => (t <= end && special.stopAfter !== 'dispatched' ? t : null);
  const ack = shown(p.ackAt);
  const arrived = ack && special.stopAfter !== 'acknowledged' ? shown(p.arrivedAt) : null;
  const done = arrived ? shown(p.doneAt) : null;
  return {
    id: rng.uuid(),
    caseId: row.id,
    unitId: p.unit.id,
    status: done ? 'done' : arrived ? 'on_site' : ack ? 'acknowledged' : 'pending',
    instructions: ctx.instructions,
    dispatchedAt,
    dispatchedByUserId: ctx.admin.userId,
    responseDueAt: p.due,
    acknowledgedAt: ack,
    arrivedAt: arrived,
    doneAt: done,
    reportNote: done ? resolutionNote(rng, ctx.category.code) : null,
    createdAt: dispatchedAt,
    updatedAt: done ?? arrived ?? ack ?? dispatchedAt,
    version: 1 + [ack, arrived, done].filter(Boolean).length,
  };
}

/** The case follows its units: acknowledged by the first, started at the first arrival, resolved by the last. */
function finishWhistle(
  flow: CaseFlow,
  lc: Lifecycle,
  visits: UnitVisit[],
  category: CategoryInfo,
  admin: CaseActor,
  special: Special,
): void {
  const { rng, world } = flow;
  const row = lc.row;
  const go = stepUntil(lc, special.stopAfter);
  const first = visits.reduce((a, b) => (a.ackAt <= b.ackAt ? a : b));
  if (!lc.step('acknowledge', 'acknowledged', first.ackAt, world.unitAdmin(first.unit))) return;
  row.acknowledgedAt = lc.at;
  if (lc.status === special.stopAfter) return;
  const arrival = visits.reduce((a, b) => (a.arrivedAt <= b.arrivedAt ? a : b));
  if (!go('start', 'in_progress', arrival.arrivedAt, world.unitAdmin(arrival.unit))) return;
  const last = visits.reduce((a, b) => (a.doneAt >= b.doneAt ? a : b));
  const note = resolutionNote(rng, category.code);
  if (!lc.step('resolve', 'resolved', last.doneAt, world.unitAdmin(last.unit), { note })) return;
  row.resolvedAt = lc.at;
  if (!go('verify', 'verified', lc.after(30, 600), admin)) return;
  if (!closeAfterVerify(lc, admin, go)) return;
  if (!rng.chance(WHISTLE_RATED)) {
    closeUnrated(flow, lc);
    return;
  }
  const { rater, byReporter } = raterOf(row, admin);
  rate(rng, lc, rater, byReporter, SATISFACTION_WEIGHTS.whistle);
}

import { sql } from 'drizzle-orm';
import { insertRows } from '../core/bulk.js';
import { addDays, localInstant, WorkCalendar } from '../core/calendar.js';
import { clock } from '../core/clock.js';
import type { Db } from '../core/db.js';
import { calendarDefaults } from '../modules/calendar/calendar.defaults.js';
import {
  defaultCategoryRows,
  rebuildCaseStats,
  seedCaseCategories,
  URGENT_WHISTLE_MINUTES,
} from '../modules/cases/cases.service.js';
import type { CaseStatus } from '../modules/cases/cases.enums.js';
import { caseDispatches, caseEvents, cases } from '../modules/cases/cases.schema.js';
import { loadExamples } from '../modules/cases/classifier/data.js';
import { type CaseInsert, Lifecycle } from './cases-lifecycle.js';
import {
  CATEGORY_WEIGHTS,
  type CaseKind,
  CHANNEL_WEIGHTS,
  HOLIDAY_WEIGHT,
  MEMBER01_REPORTS,
  MONTH_WEIGHTS,
  REJECT_REASONS,
  RESIDENT_CHANNELS,
  RESIDENT01_REPORTS,
  RESOLUTION_NOTES,
  SATISFACTION_WEIGHTS,
  SPECIAL_DAYS,
  SUGGESTION_ODDS,
  UNITS_PER_WHISTLE,
  WEEKEND_WEIGHT,
  WHISTLE_RATED,
  YEAR_TARGETS,
} from './cases-plan.js';
import { addMergedDuplicates } from './demo-cases-merge.js';
import type { CategoryInfo, DemoCaseCounts, DemoCases, Special } from './demo-cases-types.js';
import { addressIn, type CaseActor, type CommunityPlace, CasesWorld, pointInGrid } from './cases-world.js';
import { type DemoTime, demoTime, type GridRow } from './demo-types.js';
import type { DemoData } from './demo.js';
import { createRng, type Rng, WeightedTable } from './rng.js';

/** The cases draw from their own generator, so adding them changed nothing else in the demo. */
export type { CategoryInfo, DemoCaseCounts, DemoCases } from './demo-cases-types.js';

export const DEMO_CASES_SEED = 20_261_124;

const MINUTE = 60_000;
const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
type Satisfaction = (typeof SATISFACTIONS)[number];

function titleOf(description: string): string {
  const first = description.split(/[\n。！？!?]/)[0]?.trim() || description;
  return first.length > 30 ? `${first.slice(0, 30)}…` : first;
}

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

class DemoCaseBuilder {
  readonly out: DemoCases = { cases: [], events: [], dispatches: [] };
  private readonly world: CasesWorld;
  private readonly calendar: WorkCalendar;
  private readonly end: Date;
  private readonly categories = new Map<string, CategoryInfo>();
  private readonly texts = new Map<string, string[]>();
  private readonly communityTable: WeightedTable<CommunityPlace>;
  private readonly categoryTables: Record<CaseKind, WeightedTable<string>>;

  constructor(
    data: DemoData,
    private readonly rng: Rng,
    private readonly time: DemoTime,
  ) {
    const y = time.year;
    this.calendar = new WorkCalendar([...calendarDefaults(y - 1), ...calendarDefaults(y), ...calendarDefaults(y + 1)]);
    this.end = time.now;
    this.world = new CasesWorld(data);
    for (const c of defaultCategoryRows()) {
      if (c.parentCode && c.priority && c.responseMinutes && c.resolutionMinutes) {
        this.categories.set(c.code, {
          code: c.code,
          priority: c.priority,
          responseMinutes: c.responseMinutes,
          resolutionMinutes: c.resolutionMinutes,
        });
      }
    }
    // Real residents' wording, with their category: prefer the fuller reports, keep the terse ones as a minority.
    for (const e of loadExamples()) this.texts.set(e.category, [...(this.texts.get(e.category) ?? []), e.text]);
    this.communityTable = new WeightedTable(
      this.world.communities,
      this.world.communities.map((c) => c.population),
    );
    const table = (w: Record<string, number>) => new WeightedTable(Object.keys(w), Object.values(w));
    this.categoryTables = {
      suggestion: table(CATEGORY_WEIGHTS.suggestion),
      residentWhistle: table(CATEGORY_WEIGHTS.residentWhistle),
      communityWhistle: table(CATEGORY_WEIGHTS.communityWhistle),
    };
  }

  build(): DemoCases {
    const specials = this.specials();
    const reserved = {
      suggestion: specials.filter((s) => s.kind === 'suggestion').length,
      residentWhistle: specials.filter((s) => s.kind === 'residentWhistle').length,
      communityWhistle: 0,
    };
    const days = daysBetween(this.time.historyFrom, this.time.lastDay);
    const weight = (day: string) =>
      MONTH_WEIGHTS[Number(day.slice(5, 7)) - 1] *
      (this.calendar.isWorkingDay(day)
        ? 1
        : [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())
          ? WEEKEND_WEIGHT
          : HOLIDAY_WEIGHT);
    // Each case's day is drawn by weight (month, weekday, holiday): exact totals, no bias towards the heavier days.
    const dayTable = new WeightedTable(days, days.map(weight));
    const plan: { day: string; kind: CaseKind }[] = [];
    for (const kind of ['suggestion', 'residentWhistle', 'communityWhistle'] as const) {
      const target =
        YEAR_TARGETS[
          kind === 'suggestion' ? 'suggestions' : kind === 'residentWhistle' ? 'residentWhistles' : 'communityWhistles'
        ];
      for (let k = 0; k < target - reserved[kind]; k++) plan.push({ day: dayTable.pick(this.rng), kind });
    }
    plan.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    for (const p of plan) this.create(p.kind, p.day, {});
    for (const s of specials) this.create(s.kind, s.day, s.special);
    addMergedDuplicates({
      out: this.out,
      rng: this.rng,
      world: this.world,
      calendar: this.calendar,
      categories: this.categories,
    });
    return this.finish();
  }

  /** Cases the demo logins must see: resident01's and member01's own reports, open work for grid01 and unit01. */
  private specials(): { kind: CaseKind; day: string; special: Special }[] {
    const hangdong = this.world.communities.find((c) => c.org.name === '杭东社区');
    if (!hangdong) throw new Error('no 杭东社区');
    const resident = this.world.login('resident01');
    const member = this.world.login('member01');
    const grid01 = this.world.login('grid01');
    const person = (id: string | null) => {
      const p = id ? this.world.peopleById.get(id) : undefined;
      if (!p) throw new Error('demo login without a person');
      return p;
    };
    const workerGrid = this.world.communities
      .flatMap((c) => c.leaves)
      .find((g) => this.world.ownerOf(g)?.id === grid01.personId);
    if (!workerGrid) throw new Error('grid01 owns no grid');
    const unit01 = hangdong.nearUnits.find((u) => u.code === 'U001');
    if (!unit01) throw new Error('no unit U001');
    const ago = (days: readonly number[]) => days.map((d) => addDays(this.time.today, d));
    const residentDays = ago(SPECIAL_DAYS.resident01).slice(0, RESIDENT01_REPORTS);
    const memberDays = ago(SPECIAL_DAYS.member01).slice(0, MEMBER01_REPORTS);
    return [
      ...residentDays.map((day, i) => ({
        kind: 'suggestion' as const,
        day,
        special: {
          community: hangdong,
          channel: i % 2 ? ('online' as const) : ('snap' as const),
          reporter: person(resident.personId),
          reporterUserId: resident.userId,
        },
      })),
      ...memberDays.map((day) => ({
        kind: 'suggestion' as const,
        day,
        special: {
          community: hangdong,
          channel: 'online' as const,
          reporter: person(member.personId),
          reporterUserId: member.userId,
        },
      })),
      ...(['accepted', 'acknowledged', 'reported'] as const).map((stopAfter, i) => ({
        kind: 'suggestion' as const,
        day: ago(SPECIAL_DAYS.grid01)[i],
        special: {
          community: hangdong,
          channel: 'door_visit' as const,
          gridUnder: workerGrid.code.slice(0, 12),
          stopAfter,
        },
      })),
      ...(['dispatched', 'acknowledged'] as const).map((stopAfter, i) => ({
        kind: 'residentWhistle' as const,
        day: ago(SPECIAL_DAYS.unit01)[i],
        special: {
          community: hangdong,
          unit: unit01,
          stopAfter,
          categories: ['neighbour.leak', 'neighbour.occupation'],
        },
      })),
    ];
  }

  private text(category: string): string {
    const all = this.texts.get(category) ?? ['居民反映的问题，请尽快处理'];
    const full = all.filter((t) => t.length >= 12);
    return this.rng.chance(0.8) && full.length ? this.rng.pick(full) : this.rng.pick(all);
  }

  /** When a report came in, by channel: halls and whistles in office hours, door visits by day or evening, phones any time. */
  private reportTime(channel: string, day: string): Date {
    const base = localInstant(day).getTime();
    const working = this.calendar.isWorkingDay(day);
    const minutes = (from: number, to: number) => new Date(base + this.rng.int(from, to) * MINUTE);
    switch (channel) {
      case 'hall':
      case 'street_point':
      case 'community_whistle':
        if (!working) return minutes(9 * 60, 11 * 60 + 30);
        return this.rng.chance(0.6) ? minutes(8 * 60 + 30, 11 * 60 + 45) : minutes(14 * 60 + 40, 17 * 60 + 20);
      case 'door_visit':
        return this.rng.chance(0.2)
          ? minutes(19 * 60, 20 * 60 + 30)
          : this.rng.chance(0.55)
            ? minutes(9 * 60, 11 * 60 + 30)
            : minutes(15 * 60, 17 * 60 + 30);
      default:
        return minutes(7 * 60, 22 * 60 + 30);
    }
  }

  private create(kind: CaseKind, day: string, special: Special): void {
    const rng = this.rng;
    const community = special.community ?? this.communityTable.pick(rng);
    const categoryCode = special.categories ? rng.pick(special.categories) : this.categoryTables[kind].pick(rng);
    const category = this.categories.get(categoryCode);
    if (!category) throw new Error(`unknown category ${categoryCode}`);
    const weekday = this.calendar.isWorkingDay(day) ? 'weekday' : 'weekend';
    const channel =
      kind === 'communityWhistle'
        ? 'community_whistle'
        : (special.channel ??
          RESIDENT_CHANNELS[rng.weightedIndex(RESIDENT_CHANNELS.map((c) => CHANNEL_WEIGHTS[weekday][c]))]);
    const reportedAt = this.reportTime(channel, day);
    const reporter = kind === 'communityWhistle' ? null : (special.reporter ?? rng.pick(community.residents));
    const leaves = special.gridUnder
      ? community.leaves.filter((g) => g.code.startsWith(special.gridUnder as string))
      : community.leaves;
    const located =
      special.gridUnder !== undefined ||
      channel === 'snap' ||
      channel === 'community_whistle' ||
      rng.chance(channel === 'online' ? 0.45 : 0.7);
    const grid: GridRow | undefined = located
      ? rng.pick(leaves)
      : reporter
        ? this.world.gridsById.get(reporter.homeGridId)
        : undefined;
    if (!grid) throw new Error('a demo case without a grid');
    const point = located ? pointInGrid(rng, grid) : null;
    const owner = this.world.ownerOf(grid);
    const text = this.text(categoryCode);
    const description =
      kind === 'communityWhistle' ? `【社区吹哨】${text}。社区已先行处置，需相关部门到场协同解决。` : text;
    const row: CaseInsert = {
      id: rng.uuid(),
      number: '',
      channel,
      title: titleOf(text),
      description,
      categoryCode,
      suggestedCategoryCode: categoryCode,
      suggestedConfidence: Math.round(rng.float(0.55, 0.97) * 100) / 100,
      priority: category.priority,
      status: 'reported',
      lng: point?.lng ?? null,
      lat: point?.lat ?? null,
      address: point ? addressIn(grid) : null,
      gridId: grid.id,
      communityId: community.org.id,
      ownerPersonId: owner?.id ?? null,
      reporterPersonId: reporter?.id ?? null,
      reporterUserId: special.reporterUserId ?? null,
      reporterName: reporter?.name ?? community.org.name,
      reporterPhone: reporter?.phone ?? null,
      recordedByUserId:
        channel === 'snap' || channel === 'online' ? (special.reporterUserId ?? null) : community.admin.userId,
      whistle: kind === 'communityWhistle' ? 'community' : null,
      isNeed:
        kind === 'suggestion' &&
        /renovation|elderly|children|amenities/.test(categoryCode) &&
        rng.chance(SUGGESTION_ODDS.need * 3),
      mergedIntoId: null,
      reportedAt,
      acknowledgedAt: null,
      resolvedAt: null,
      closedAt: null,
      responseDueAt: this.calendar.addWorkingMinutes(reportedAt, category.responseMinutes),
      resolutionDueAt: this.calendar.addWorkingMinutes(reportedAt, category.resolutionMinutes),
      supervisedAt: null,
      escalationLevel: 0,
      dueSoonNotifiedAt: null,
      satisfaction: null,
      ratingComment: null,
      ratedAt: null,
      ratedByPhoneVisit: false,
      createdAt: reportedAt,
      updatedAt: reportedAt,
      version: 1,
    };
    this.out.cases.push(row);
    const reportActor: CaseActor =
      channel === 'snap' || channel === 'online'
        ? { userId: special.reporterUserId ?? null, name: reporter?.name ?? '居民' }
        : channel === 'door_visit' && owner
          ? this.world.actorOf(owner)
          : community.admin;
    this.out.events.push({
      caseId: row.id,
      at: reportedAt,
      actorUserId: reportActor.userId,
      actorName: reportActor.name,
      action: 'report',
      fromStatus: null,
      toStatus: 'reported',
      note: null,
      data: { channel, gridId: grid.id, suggested: categoryCode, confidence: row.suggestedConfidence },
    });
    const lc = new Lifecycle(row, this.out.events, this.calendar, rng, this.end);
    const ownerActor = owner ? this.world.actorOf(owner) : community.admin;
    if (kind === 'suggestion') this.handleSuggestion(lc, category, community, ownerActor, special);
    else this.handleWhistle(lc, kind, category, community, ownerActor, special);
    row.updatedAt = lc.at;
    row.version = 1 + lc.steps;
  }

  private supervise(row: CaseInsert, limit: Date): void {
    const t = new Date(limit.getTime() + 10 * MINUTE);
    if (t <= this.end && !row.supervisedAt) {
      row.supervisedAt = t;
      row.escalationLevel = 1;
    }
  }

  private note(categoryCode: string): string {
    return this.rng.pick(RESOLUTION_NOTES[categoryCode.split('.')[0]] ?? RESOLUTION_NOTES.environment);
  }

  private rate(lc: Lifecycle, rater: CaseActor, byReporter: boolean, weights: readonly number[]): Satisfaction | null {
    const satisfaction = SATISFACTIONS[this.rng.weightedIndex(weights)];
    if (!lc.step('rate', 'rated', lc.hoursAfter(3, 96), rater, { data: { satisfaction, phoneVisit: !byReporter } }))
      return null;
    Object.assign(lc.row, {
      satisfaction,
      ratedAt: lc.at,
      ratedByPhoneVisit: !byReporter,
      ratingComment: satisfaction === 'unsatisfied' ? '处理不彻底，问题还会反复' : null,
    });
    return satisfaction;
  }

  /** The community handles it itself: its grid worker takes it, answers in time (mostly) and solves it. */
  private handleSuggestion(
    lc: Lifecycle,
    category: CategoryInfo,
    community: CommunityPlace,
    owner: CaseActor,
    special: Special,
  ): void {
    const { rng } = this;
    const row = lc.row;
    const admin = community.admin;
    const go = (
      action: string,
      to: CaseStatus,
      at: Date,
      actor: CaseActor,
      extra: { note?: string; data?: Record<string, unknown> } = {},
    ) => lc.step(action, to, at, actor, extra) && lc.status !== special.stopAfter;
    if (special.stopAfter === 'reported') return;
    if (!special.stopAfter && rng.chance(SUGGESTION_ODDS.rejected)) {
      lc.step('reject', 'rejected', lc.after(15, 240), owner, { note: rng.pick(REJECT_REASONS) });
      return;
    }
    // Urgent matters (2 working hours to respond) are taken at once.
    const urgent = category.priority === 'urgent';
    if (
      !go('accept', 'accepted', urgent ? lc.after(5, 30) : lc.after(10, 180), owner, {
        data: { categoryCode: category.code },
      })
    )
      return;
    if (
      !go('dispatch', 'dispatched', urgent ? lc.after(3, 20) : lc.after(5, 60), owner, {
        note: '网格内自行办理',
        data: { unitIds: [] },
      })
    )
      return;
    if (rng.chance(SUGGESTION_ODDS.returned)) {
      if (!go('return', 'returned', lc.after(60, 400), owner, { note: '问题位置在相邻网格，退回重新指派' })) return;
      if (!go('dispatch', 'dispatched', lc.after(20, 240), admin, { data: { unitIds: [] } })) return;
    }
    const late = rng.chance(SUGGESTION_ODDS.lateResponse);
    const ackAt = late ? lc.workingAfter(row.responseDueAt, 30, 600) : lc.before(row.responseDueAt);
    const acked = lc.step('acknowledge', 'acknowledged', ackAt, owner);
    if (acked) row.acknowledgedAt = lc.at;
    if (row.acknowledgedAt && row.acknowledgedAt > row.responseDueAt) this.supervise(row, row.responseDueAt);
    if (!acked || lc.status === special.stopAfter) return;
    if (!go('start', 'in_progress', lc.after(10, 300), owner)) return;
    const overdue = rng.chance(SUGGESTION_ODDS.overdue);
    const resolveAt = overdue
      ? lc.workingAfter(row.resolutionDueAt, 60, 4 * 420)
      : lc.before(row.resolutionDueAt, 0.15, 0.8);
    if (overdue && this.end > row.resolutionDueAt) this.supervise(row, row.resolutionDueAt);
    const resolve = (at: Date) => {
      const ok = lc.step('resolve', 'resolved', at, owner, { note: this.note(category.code) });
      if (ok) row.resolvedAt = lc.at;
      return ok;
    };
    if (!resolve(resolveAt)) return;
    if (rng.chance(SUGGESTION_ODDS.failVerification)) {
      if (!go('fail_verification', 'reopened', lc.after(60, 600), admin, { note: '回访核实发现问题仍未解决' })) return;
      row.resolvedAt = null;
      if (!go('dispatch', 'dispatched', lc.after(10, 120), admin, { data: { unitIds: [] } })) return;
      if (!go('acknowledge', 'acknowledged', lc.after(10, 200), owner)) return;
      if (!go('start', 'in_progress', lc.after(10, 200), owner)) return;
      if (!resolve(lc.after(120, 1200))) return;
    }
    if (!go('verify', 'verified', lc.after(60, 900), admin)) return;
    if (!go('close', 'closed', lc.after(0, 240), admin)) return;
    row.closedAt = lc.at;
    if (!rng.chance(SUGGESTION_ODDS.rated)) return;
    const byReporter = row.reporterUserId !== null;
    const rater = byReporter ? { userId: row.reporterUserId ?? null, name: row.reporterName ?? '居民' } : admin;
    if (
      this.rate(lc, rater, byReporter, SATISFACTION_WEIGHTS.suggestion) !== 'unsatisfied' ||
      !rng.chance(SUGGESTION_ODDS.reopenWhenUnsatisfied)
    )
      return;
    if (!lc.step('reopen', 'reopened', lc.hoursAfter(2, 48), rater, { note: '居民对处理结果不满意，要求重新办理' }))
      return;
    Object.assign(row, {
      resolvedAt: null,
      closedAt: null,
      satisfaction: null,
      ratedAt: null,
      ratingComment: null,
      ratedByPhoneVisit: false,
    });
    if (!lc.step('dispatch', 'dispatched', lc.after(10, 240), admin, { data: { unitIds: [] } })) return;
    if (!lc.step('acknowledge', 'acknowledged', lc.after(10, 240), owner)) return;
    if (!lc.step('start', 'in_progress', lc.after(10, 240), owner)) return;
    if (!resolve(lc.after(240, 1500))) return;
    if (!lc.step('verify', 'verified', lc.after(60, 600), admin)) return;
    if (!lc.step('close', 'closed', lc.after(0, 240), admin)) return;
    row.closedAt = lc.at;
    this.rate(lc, rater, byReporter, [80, 20, 0]);
  }

  /** 吹哨报到: the community calls units in; each reports (报到) within its clock, arrives and reports done. */
  private handleWhistle(
    lc: Lifecycle,
    kind: CaseKind,
    category: CategoryInfo,
    community: CommunityPlace,
    owner: CaseActor,
    special: Special,
  ): void {
    const { rng, calendar } = this;
    const row = lc.row;
    const admin = community.admin;
    const urgent = category.priority === 'urgent';
    const go = (
      action: string,
      to: CaseStatus,
      at: Date,
      actor: CaseActor,
      extra: { note?: string; data?: Record<string, unknown> } = {},
    ) => lc.step(action, to, at, actor, extra) && lc.status !== special.stopAfter;
    if (
      !go(
        'accept',
        'accepted',
        urgent ? lc.after(3, 15) : lc.after(5, 90),
        kind === 'communityWhistle' ? admin : owner,
        { data: { categoryCode: category.code } },
      )
    )
      return;
    const table = UNITS_PER_WHISTLE[kind === 'communityWhistle' ? 'communityWhistle' : 'residentWhistle'];
    const count = table[rng.weightedIndex(table.map(([, w]) => w))][0];
    const picked = this.world.pickUnits(rng, community, category.code, count);
    const units = special.unit
      ? [special.unit, ...picked.filter((u) => u.id !== special.unit?.id)].slice(0, Math.max(1, count))
      : picked;
    const dispatchedAt = urgent ? lc.after(3, 12) : lc.after(5, 60);
    const instructions =
      kind === 'communityWhistle' ? '社区吹哨，请各单位按职责到场协同处置' : '群众吹哨，请及时报到并到场处理';
    const reached = lc.step('dispatch', 'dispatched', dispatchedAt, admin, {
      note: instructions,
      data: { unitIds: units.map((u) => u.id) },
    });
    if (!reached) return;
    if (kind === 'residentWhistle') row.whistle = 'resident';
    // Each unit: its own clock (30 minutes when urgent), 报到 within it, on site, done before the case's limit.
    const plans = units.map((unit) => {
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
    });
    for (const p of plans) {
      const shown = (t: Date) => (t <= this.end && special.stopAfter !== 'dispatched' ? t : null);
      const ack = shown(p.ackAt);
      const arrived = ack && special.stopAfter !== 'acknowledged' ? shown(p.arrivedAt) : null;
      const done = arrived ? shown(p.doneAt) : null;
      this.out.dispatches.push({
        id: rng.uuid(),
        caseId: row.id,
        unitId: p.unit.id,
        status: done ? 'done' : arrived ? 'on_site' : ack ? 'acknowledged' : 'pending',
        instructions,
        dispatchedAt,
        dispatchedByUserId: admin.userId,
        responseDueAt: p.due,
        acknowledgedAt: ack,
        arrivedAt: arrived,
        doneAt: done,
        reportNote: done ? this.note(category.code) : null,
        createdAt: dispatchedAt,
        updatedAt: done ?? arrived ?? ack ?? dispatchedAt,
        version: 1 + [ack, arrived, done].filter(Boolean).length,
      });
    }
    if (special.stopAfter === 'dispatched') return;
    const first = plans.reduce((a, b) => (a.ackAt <= b.ackAt ? a : b));
    if (!lc.step('acknowledge', 'acknowledged', first.ackAt, this.world.unitAdmin(first.unit))) return;
    row.acknowledgedAt = lc.at;
    if (lc.status === special.stopAfter) return;
    const arrival = plans.reduce((a, b) => (a.arrivedAt <= b.arrivedAt ? a : b));
    if (!go('start', 'in_progress', arrival.arrivedAt, this.world.unitAdmin(arrival.unit))) return;
    const last = plans.reduce((a, b) => (a.doneAt >= b.doneAt ? a : b));
    if (
      !lc.step('resolve', 'resolved', last.doneAt, this.world.unitAdmin(last.unit), { note: this.note(category.code) })
    )
      return;
    row.resolvedAt = lc.at;
    if (!go('verify', 'verified', lc.after(30, 600), admin)) return;
    if (!go('close', 'closed', lc.after(0, 240), admin)) return;
    row.closedAt = lc.at;
    if (!rng.chance(WHISTLE_RATED)) return;
    const byReporter = row.reporterUserId !== null;
    this.rate(
      lc,
      byReporter ? { userId: row.reporterUserId ?? null, name: row.reporterName ?? '居民' } : admin,
      byReporter,
      SATISFACTION_WEIGHTS.whistle,
    );
  }

  /**
   * A few reports "same as" an open case within 50 m, merged by the community: they share the main case's state
   * (as followMain and mirrorToMerged keep it) and count once.
   */
  /** Numbers in report order (GZ2026-000123), events in time order. */
  private finish(): DemoCases {
    const byTime = (a: Date, b: Date) => a.getTime() - b.getTime();
    this.out.cases.sort((a, b) => byTime(a.reportedAt, b.reportedAt));
    this.out.cases.forEach((c, i) => {
      c.number = `GZ${new Date(c.reportedAt.getTime() + 8 * 3_600_000).getUTCFullYear()}-${String(i + 1).padStart(6, '0')}`;
    });
    this.out.events.sort((a, b) => byTime(a.at as Date, b.at as Date));
    return this.out;
  }
}

/** A year of cases for the demo (DemoTime.historyFrom … lastDay), deterministic for a day; pure apart from the generator. */
export function buildDemoCases(
  data: DemoData,
  time: DemoTime = demoTime(clock.today()),
  rng: Rng = createRng(DEMO_CASES_SEED),
): DemoCases {
  return new DemoCaseBuilder(data, rng, time).build();
}

/** Writes the demo cases (in the caller's transaction) and builds their case_stats rollup in one pass. */
export async function seedDemoCases(db: Db, data: DemoData, time: DemoTime): Promise<DemoCaseCounts> {
  await seedCaseCategories({ db });
  const built = buildDemoCases(data, time);
  // One rollup pass at the end instead of the triggers' statement by statement (same result, a third of the time).
  await db.execute(sql`select set_config('lianjian.case_stats_deferred', 'on', true)`);
  await insertRows(db, cases, built.cases);
  await insertRows(db, caseDispatches, built.dispatches);
  await insertRows(db, caseEvents, built.events);
  await db.execute(sql`select set_config('lianjian.case_stats_deferred', 'off', true)`);
  await rebuildCaseStats(db);
  await db.execute(
    sql`select setval('case_number_seq', greatest(${built.cases.length}, (select last_value from case_number_seq)))`,
  );
  return { cases: built.cases.length, events: built.events.length, dispatches: built.dispatches.length };
}

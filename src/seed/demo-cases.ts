import { sql } from 'drizzle-orm';
import { insertRows } from '../core/bulk.js';
import { addDays, localInstant, WorkCalendar } from '../core/calendar.js';
import { clock } from '../core/clock.js';
import type { Db } from '../core/db.js';
import { calendarDefaults } from '../modules/calendar/calendar.defaults.js';
import { defaultCategoryRows, rebuildCaseStats, seedCaseCategories } from '../modules/cases/cases.service.js';
import { caseDispatches, caseEvents, cases } from '../modules/cases/cases.schema.js';
import { caseRatings } from '../modules/cases/resident/rating.schema.js';
import { categoryCorrections } from '../modules/cases/classifier/classifier.schema.js';
import { loadExamples } from '../modules/cases/classifier/data.js';
import { type CaseInsert, Lifecycle } from './cases-lifecycle.js';
import {
  CATEGORY_WEIGHTS,
  type CaseKind,
  CHANNEL_WEIGHTS,
  HOLIDAY_WEIGHT,
  MEMBER01_REPORTS,
  MONTH_WEIGHTS,
  PROGRAMME_CHANNELS,
  type Programme,
  RESIDENT01_REPORTS,
  SPECIAL_DAYS,
  UNIT01_WORKING_DAYS_BACK,
  WEEKEND_WEIGHT,
  YEAR_TARGETS,
} from './cases-plan.js';
import { type CaseFlow, MINUTE, ratingsFromEvents } from './demo-cases-flow.js';
import { amendDemoCases } from './demo-cases-amends.js';
import { addMergedDuplicates } from './demo-cases-merge.js';
import { newCaseRow, reportEvent } from './demo-cases-row.js';
import { handleSuggestion } from './demo-cases-suggestion.js';
import type { CategoryInfo, DemoCaseCounts, DemoCases, Special } from './demo-cases-types.js';
import { type CaseActor, type CommunityPlace, CasesWorld, pointInGrid } from './cases-world.js';
import { type DemoTime, demoTime, type GridRow, type PersonRow } from './demo-types.js';
import { handleWhistle } from './demo-cases-whistle.js';
import type { DemoData } from './demo.js';
import { createRng, type Rng, WeightedTable } from './rng.js';

/** The cases draw from their own generator, so adding them changed nothing else in the demo. */
export type { CategoryInfo, DemoCaseCounts, DemoCases } from './demo-cases-types.js';

export const DEMO_CASES_SEED = 20_261_124;

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

class DemoCaseBuilder implements CaseFlow {
  readonly out: DemoCases = { cases: [], events: [], dispatches: [], corrections: [] };
  readonly world: CasesWorld;
  readonly calendar: WorkCalendar;
  readonly end: Date;
  private readonly categories = new Map<string, CategoryInfo>();
  private readonly texts = new Map<string, string[]>();
  private readonly communityTable: WeightedTable<CommunityPlace>;
  private readonly categoryTables: Record<CaseKind, WeightedTable<string>>;

  constructor(
    data: DemoData,
    readonly rng: Rng,
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
    const photo = (s: { special: Special }) => s.special.channel === 'snap' || s.special.channel === 'online';
    const reserved = {
      suggestions: specials.filter((s) => s.kind === 'suggestion' && !photo(s)).length,
      residentWhistles: specials.filter((s) => s.kind === 'residentWhistle').length,
      communityWhistles: 0,
      photoReports: specials.filter(photo).length,
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
    const plan: { day: string; kind: CaseKind; programme: Programme }[] = [];
    for (const [target, kind, programme] of [
      ['suggestions', 'suggestion', 'voice'],
      ['residentWhistles', 'residentWhistle', 'voice'],
      ['communityWhistles', 'communityWhistle', 'voice'],
      ['photoReports', 'suggestion', 'photo'],
    ] as const) {
      for (let k = 0; k < YEAR_TARGETS[target] - reserved[target]; k++) {
        plan.push({ day: dayTable.pick(this.rng), kind, programme });
      }
    }
    plan.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    for (const p of plan) this.create(p.kind, p.day, {}, p.programme);
    for (const s of specials) this.create(s.kind, s.day, s.special, 'voice');
    // A few reports "same as" an open case within 50 m, merged by the community: they share the main case's state
    // (as followMain and mirrorToMerged keep it) and count once.
    addMergedDuplicates({
      out: this.out,
      rng: this.rng,
      world: this.world,
      calendar: this.calendar,
      categories: this.categories,
    });
    const units = new Map(this.world.communities.flatMap((c) => c.nearUnits).map((u) => [u.id, u]));
    this.out.corrections = amendDemoCases({
      rng: createRng(DEMO_CASES_SEED + 1),
      out: this.out,
      unitActor: (id) => {
        const unit = units.get(id);
        return unit ? this.world.unitAdmin(unit) : { userId: null, name: '单位' };
      },
      communityAdmin: (id) => this.world.community(id).admin,
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
          // One of resident01's reports they never rated: the sweep closed it after the rating period.
          unrated: i === 2,
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
      ...(['dispatched', 'acknowledged'] as const).map((stopAfter) => ({
        kind: 'residentWhistle' as const,
        day: this.workingDayBefore(UNIT01_WORKING_DAYS_BACK[stopAfter]),
        special: {
          community: hangdong,
          unit: unit01,
          stopAfter,
          categories: ['neighbour.leak', 'neighbour.occupation'],
        },
      })),
    ];
  }

  /** The n-th working day before the demo's first day (1: the last working day before it). */
  private workingDayBefore(n: number): string {
    let day = this.time.today;
    for (let found = 0; found < n; ) {
      day = addDays(day, -1);
      if (this.calendar.isWorkingDay(day)) found++;
    }
    return day;
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

  private create(kind: CaseKind, day: string, special: Special, programme: Programme): void {
    const rng = this.rng;
    const community = special.community ?? this.communityTable.pick(rng);
    const categoryCode = special.categories ? rng.pick(special.categories) : this.categoryTables[kind].pick(rng);
    const category = this.categories.get(categoryCode);
    if (!category) throw new Error(`unknown category ${categoryCode}`);
    const channel = this.channelOf(kind, day, special, programme);
    const reportedAt = this.reportTime(channel, day);
    const reporter = kind === 'communityWhistle' ? null : (special.reporter ?? rng.pick(community.residents));
    const { grid, point } = this.place(community, channel, reporter, special);
    const owner = this.world.ownerOf(grid);
    const text = this.text(categoryCode);
    const facts = { kind, channel, reportedAt, text, category, community, grid, point, owner, reporter, special };
    const row = newCaseRow(rng, this.calendar, facts);
    this.out.cases.push(row);
    const reportActor: CaseActor =
      channel === 'snap' || channel === 'online'
        ? { userId: special.reporterUserId ?? null, name: reporter?.name ?? '居民' }
        : channel === 'door_visit' && owner
          ? this.world.actorOf(owner)
          : community.admin;
    this.out.events.push(reportEvent(row, reportActor));
    const lc = new Lifecycle(row, this.out.events, this.calendar, rng, this.end);
    const ownerActor = owner ? this.world.actorOf(owner) : community.admin;
    if (kind === 'suggestion') handleSuggestion(this, lc, category, community, ownerActor, special);
    else handleWhistle(this, lc, kind, category, community, ownerActor, special);
    row.updatedAt = lc.at;
    row.version = 1 + lc.steps;
  }

  /**
   * Whistles by the community come as such; residents' reports by the channels of their programme (居民说事 or
   * 随手拍 / online), weighted for a working day or not.
   */
  private channelOf(kind: CaseKind, day: string, special: Special, programme: Programme): CaseInsert['channel'] {
    if (kind === 'communityWhistle') return 'community_whistle';
    if (special.channel) return special.channel;
    const weights = CHANNEL_WEIGHTS[this.calendar.isWorkingDay(day) ? 'weekday' : 'weekend'];
    const channels = PROGRAMME_CHANNELS[programme];
    return channels[this.rng.weightedIndex(channels.map((c) => weights[c]))];
  }

  /** Located where it happened (a leaf grid and a point in it), or, unlocated, in the reporter's home grid. */
  private place(
    community: CommunityPlace,
    channel: string,
    reporter: PersonRow | null,
    special: Special,
  ): { grid: GridRow; point: { lng: number; lat: number } | null } {
    const rng = this.rng;
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
    return { grid, point: located ? pointInGrid(rng, grid) : null };
  }

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
  await insertRows(db, caseRatings, ratingsFromEvents(built.events));
  await insertRows(db, categoryCorrections, built.corrections);
  await db.execute(sql`select set_config('lianjian.case_stats_deferred', 'off', true)`);
  await rebuildCaseStats(db);
  await db.execute(
    sql`select setval('case_number_seq', greatest(${built.cases.length}, (select last_value from case_number_seq)))`,
  );
  return { cases: built.cases.length, events: built.events.length, dispatches: built.dispatches.length };
}

import { aliasedTable, and, eq, gte, ilike, inArray, isNull, like, lte, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit.js';
import type { Db } from '../../../core/db.js';
import { notificationTitle } from '../../../core/i18n.js';
import { escapeLike } from '../../../core/strings.js';
import { serviceRecords } from '../../ledger/ledger.schema.js';
import { notifications } from '../../notifications/notifications.schema.js';
import { notifyPeople } from '../../notifications/notifications.service.js';
import { organisations } from '../../org/org.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { people } from '../../people/people.schema.js';
import { currentServiceRules } from '../rules.js';
import type { AtRiskList, AtRiskQuery, PaceRow, RemindBody, RemindResult } from './pace.contracts.js';
import { assertMayRemind, paceMembersVisibleTo } from './pace.policy.js';
import { expectedMinutesBy, paceOf, requiredMinutes, yearOfDay, yearShortfall } from './pace.rules.js';

/**
 * The 20-hour pace of in-service members (issue 13 item 3): this year's counted ledger minutes up to a county day
 * against the pro-rata share of the yearly requirement (pace.rules.ts), last year's outcome beside it, and
 * reminders to those behind — at most one a month per member, whoever sends it (staff, or the monthly job).
 * One query reads every member in scope with both years' sums (a grouped subquery over the ledger), and the
 * arithmetic, sorting and paging run in memory: 1,762 members is a small list (bench/member-at-risk.ts).
 */
const unit = aliasedTable(organisations, 'pace_unit');
const residence = aliasedTable(organisations, 'pace_residence');
const REMINDER_ENTITY = 'service_pace_reminder';
/** Serialises reminder runs (staff and job, several processes) so a member is never reminded twice in a month. */
const REMINDER_LOCK = 0x1a6e_2013;

interface Filters {
  communityId?: string;
  unitId?: string;
  q?: string;
  memberIds?: string[];
}

interface MemberMinutes {
  memberId: string;
  personId: string;
  memberName: string;
  unitName: string | null;
  communityName: string | null;
  minutes: number;
  lastYearMinutes: number;
}

async function memberMinutes(db: Db, scope: SQL | undefined, f: Filters, day: string): Promise<MemberMinutes[]> {
  const year = yearOfDay(day);
  const thisStart = `${year}-01-01`;
  const sums = db
    .select({
      memberId: serviceRecords.memberId,
      thisYear: sql<number>`sum(${serviceRecords.minutes}) filter (where ${serviceRecords.day} >= ${thisStart})`.as(
        'this_year',
      ),
      lastYear: sql<number>`sum(${serviceRecords.minutes}) filter (where ${serviceRecords.day} < ${thisStart})`.as(
        'last_year',
      ),
    })
    .from(serviceRecords)
    .where(
      and(isNull(serviceRecords.voidedAt), gte(serviceRecords.day, `${year - 1}-01-01`), lte(serviceRecords.day, day)),
    )
    .groupBy(serviceRecords.memberId)
    .as('sums');
  return db
    .select({
      memberId: partyMembers.id,
      personId: partyMembers.personId,
      memberName: people.name,
      unitName: unit.name,
      communityName: residence.name,
      minutes: sql<number>`coalesce(${sums.thisYear}, 0)::int`,
      lastYearMinutes: sql<number>`coalesce(${sums.lastYear}, 0)::int`,
    })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(unit, eq(unit.id, partyMembers.unitId))
    .leftJoin(residence, eq(residence.id, partyMembers.residenceCommunityId))
    .leftJoin(sums, eq(sums.memberId, partyMembers.id))
    .where(
      and(
        eq(partyMembers.kind, 'in_service'),
        scope,
        f.communityId ? eq(partyMembers.residenceCommunityId, f.communityId) : undefined,
        f.unitId ? eq(partyMembers.unitId, f.unitId) : undefined,
        f.q ? ilike(people.name, `%${escapeLike(f.q)}%`) : undefined,
        f.memberIds ? inArray(partyMembers.id, f.memberIds) : undefined,
      ),
    );
}

/** Members already reminded in the county month of `day` ('YYYY-MM'), by the reminder's key. */
async function remindedIn(db: Db, day: string): Promise<Set<string>> {
  const month = day.slice(0, 7);
  const rows = await db
    .selectDistinct({ key: notifications.entityId })
    .from(notifications)
    .where(and(eq(notifications.entityType, REMINDER_ENTITY), like(notifications.entityId, `%:${month}`)));
  return new Set(rows.map((r) => (r.key ?? '').split(':')[0]));
}

function toRow(m: MemberMinutes, day: string, requiredHours: number, reminded: Set<string>): PaceRow {
  const pace = paceOf(m.minutes, day, requiredHours);
  return {
    memberId: m.memberId,
    memberName: m.memberName,
    unitName: m.unitName,
    communityName: m.communityName,
    minutes: m.minutes,
    expectedMinutes: pace.expectedMinutes,
    shortfallMinutes: pace.shortfallMinutes,
    atRisk: pace.atRisk,
    lastYearMinutes: m.lastYearMinutes,
    lastYearShortfallMinutes: yearShortfall(m.lastYearMinutes, requiredHours),
    remindedThisMonth: reminded.has(m.memberId),
  };
}

/** One collator for every comparison: `localeCompare(…, 'zh-CN')` builds one per call, which dominated the sort. */
const collator = new Intl.Collator('zh-CN');

const SORTS: Record<string, (a: PaceRow, b: PaceRow) => number> = {
  shortfall: (a, b) => a.shortfallMinutes - b.shortfallMinutes,
  minutes: (a, b) => a.minutes - b.minutes,
  memberName: (a, b) => collator.compare(a.memberName, b.memberName),
  lastYearShortfall: (a, b) => a.lastYearShortfallMinutes - b.lastYearShortfallMinutes,
};

/** Default: the furthest behind first; ties by name then id so pages are stable. */
function sortRows(rows: PaceRow[], sort: string | undefined): PaceRow[] {
  const field = (sort ?? '-shortfall').replace(/^-/, '');
  const compare = SORTS[field] ?? SORTS.shortfall;
  const sign = (sort ?? '-shortfall').startsWith('-') ? -1 : 1;
  return rows.sort(
    (a, b) =>
      sign * compare(a, b) || collator.compare(a.memberName, b.memberName) || a.memberId.localeCompare(b.memberId),
  );
}

/** Every in-service member in scope with their pace on `day`, sorted (the list, its export and the bench). */
export async function paceRows(opts: {
  db: Db;
  actor: Actor;
  query: AtRiskQuery;
  day: string;
}): Promise<Omit<AtRiskList, 'items' | 'page' | 'pageSize' | 'total'> & { rows: PaceRow[] }> {
  const { db, day, query } = opts;
  const scope = await paceMembersVisibleTo(db, opts.actor);
  const [rules, members, reminded] = await Promise.all([
    currentServiceRules(db),
    memberMinutes(db, scope, query, day),
    remindedIn(db, day),
  ]);
  const all = members.map((m) => toRow(m, day, rules.requiredHoursPerYear, reminded));
  const behind = all.filter((r) => r.atRisk);
  return {
    day,
    year: yearOfDay(day),
    requiredMinutes: requiredMinutes(rules.requiredHoursPerYear),
    expectedMinutes: expectedMinutesBy(day, rules.requiredHoursPerYear),
    members: all.length,
    atRisk: behind.length,
    missedLastYear: all.filter((r) => r.lastYearShortfallMinutes > 0).length,
    rows: sortRows(query.all ? all : behind, query.sort),
  };
}

export async function listAtRisk(opts: { db: Db; actor: Actor; query: AtRiskQuery; day: string }): Promise<AtRiskList> {
  const { rows, ...summary } = await paceRows(opts);
  const { page, pageSize } = opts.query;
  const items = rows.slice((page - 1) * pageSize, page * pageSize);
  return { ...summary, items, total: rows.length, page, pageSize };
}

/**
 * Reminds the members behind on `day` (in the actor's scope; the job passes no actor: everyone), skipping those
 * reminded already in that county month. One transaction under an advisory lock, so two senders at once (staff
 * and the job, or two processes) cannot both remind a member; the audit row lists whom.
 */
export async function sendPaceReminders(opts: {
  db: Db;
  actor: Actor | null;
  input: RemindBody;
  day: string;
}): Promise<RemindResult> {
  const { actor, input, day } = opts;
  const scope = actor ? await assertMayRemind(opts.db, actor) : undefined;
  return opts.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REMINDER_LOCK})`);
    const rules = await currentServiceRules(tx);
    const members = await memberMinutes(tx, scope, input, day);
    const behind = members.filter((m) => paceOf(m.minutes, day, rules.requiredHoursPerYear).atRisk);
    const already = await remindedIn(tx, day);
    const result: RemindResult = { atRisk: behind.length, reminded: 0, alreadyReminded: 0, noLogin: 0 };
    const sent: string[] = [];
    for (const m of behind) {
      if (already.has(m.memberId)) {
        result.alreadyReminded++;
        continue;
      }
      const n = await notifyPeople(tx, [m.personId], {
        kind: 'service_pace',
        title: notificationTitle('service_pace_reminder', {
          hours: (m.minutes / 60).toFixed(1),
          expected: (expectedMinutesBy(day, rules.requiredHoursPerYear) / 60).toFixed(1),
          required: rules.requiredHoursPerYear,
        }),
        entityType: REMINDER_ENTITY,
        entityId: `${m.memberId}:${day.slice(0, 7)}`,
        link: '/m',
      });
      if (n > 0) sent.push(m.memberId);
      else result.noLogin++;
    }
    result.reminded = sent.length;
    if (sent.length)
      await recordAudit(tx, {
        actor,
        action: 'service_pace.remind',
        entityType: 'member_service',
        after: { day, filter: input, memberIds: sent, ...result },
      });
    return result;
  });
}

/**
 * The monthly job: on each tick, the members behind at the start of the county month (the share of the months gone,
 * so January reminds nobody) who have not been reminded this month get their reminder. Idempotent: ticks after the
 * first in a month find everyone reminded.
 */
export async function remindAtRiskMonthly(opts: { db: Db; today: string }): Promise<RemindResult> {
  return sendPaceReminders({ db: opts.db, actor: null, input: {}, day: `${opts.today.slice(0, 7)}-01` });
}

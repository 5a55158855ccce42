import { headsOf } from '../../alleys/alleys.service.js';
import { localDayOf } from '../../../core/calendar.js';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { rowsOf } from '../../../core/bulk.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { rememberAnswer } from '../../../core/idempotency.js';
import { insideCounty } from '../../../core/geo.js';
import { notifyPeople } from '../../notifications/notifications.service.js';
import { notificationTitle } from '../../../core/i18n.js';
import { people } from '../../people/people.schema.js';
import { classify } from '../classifier/classifier.js';
import { subCategory } from '../cases.categories.js';
import { workCalendar } from '../cases.clock.js';
import type { CaseSummary, CreateCase } from '../cases.contracts.js';
import type { CaseChannel } from '../cases.enums.js';
import { followMain, lockMergeTarget, recordMerge } from './duplicates.js';
import { assertMayReportThrough, isCaseStaff } from '../cases.policy.js';
import { writeReportedCase } from './intake.write.js';
import { getCaseSummary } from '../cases.query.js';
import { routeCase, routedGrid } from './routing.js';
import { attachPhotos } from '../photos/photos.js';
import { caseEvents, cases } from '../cases.schema.js';
import { clock } from '../../../core/clock.js';

type CasePriority = CaseSummary['priority'];
/** What intake takes: POST /api/cases's body, or the Open311 gateway's request on its own channel. */
export type IntakeInput = Omit<CreateCase, 'channel'> & {
  channel: CaseChannel;
  /** The grid an Open311 address named, for a request without a point (never from POST /api/cases). */
  gridId?: string;
};

function titleFrom(description: string): string {
  const firstLine = description.split(/[\n。！？!?]/)[0]?.trim() ?? description;
  return firstLine.length > 30 ? `${firstLine.slice(0, 30)}…` : firstLine;
}

/**
 * Who raised it: staff name a resident (or the community for its own whistle); a resident is themselves. An Open311
 * client passes on the resident's contact (or else its own name stands as the reporter); the client itself is the
 * case's recorder (its own user), and the reporter has no login here, so the community closes the case and the
 * client's own call-back stands for the rating (docs/OPEN311.md).
 */
async function reporterOf(tx: Db, actor: Actor, input: IntakeInput) {
  assertMayReportThrough(actor, input.channel);
  if (input.channel === 'open311') {
    const name = input.reporterName ?? actor.displayName;
    return { personId: null, userId: null, name, phone: input.reporterPhone ?? null };
  }
  const staff = isCaseStaff(actor);
  if (!staff) {
    const [self] = actor.personId
      ? await tx.select({ name: people.name, phone: people.phone }).from(people).where(eq(people.id, actor.personId))
      : [];
    return {
      personId: actor.personId,
      userId: actor.userId,
      name: self?.name ?? actor.displayName,
      phone: self?.phone ?? null,
    };
  }
  if (input.reporterPersonId) {
    const [p] = await tx
      .select({ name: people.name, phone: people.phone })
      .from(people)
      .where(eq(people.id, input.reporterPersonId));
    if (!p) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/reporterPersonId', message: 'no such person' }]);
    return { personId: input.reporterPersonId, userId: null, name: p.name, phone: p.phone };
  }
  return {
    personId: null,
    userId: input.channel === 'online' ? actor.userId : null,
    name: input.reporterName ?? null,
    phone: input.reporterPhone ?? null,
  };
}

/** What intake works out before writing: the category, the reporter, the route and both clocks. */
async function prepareIntake(tx: Db, actor: Actor, input: IntakeInput, now: Date) {
  const suggestion = classify(input.description);
  // "Same as" an open case: the report is handled there, so it takes that case's category, grid, owner and state.
  const main = input.sameAsCaseId ? await lockMergeTarget(tx, actor, input.sameAsCaseId) : null;
  const categoryCode = main?.categoryCode ?? input.categoryCode ?? suggestion.category;
  const category = await subCategory(tx, categoryCode);
  if (!category?.priority || category.responseMinutes === null || category.resolutionMinutes === null) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/categoryCode', message: 'not a sub-category' }]);
  }
  const reporter = await reporterOf(tx, actor, input);
  if (main && input.lng !== undefined && input.lat !== undefined && !insideCounty(input.lng, input.lat))
    throw new AppError('OUTSIDE_COUNTY');
  const calendar = await workCalendar(tx);
  const values = {
    channel: input.channel,
    title: input.title ?? titleFrom(input.description),
    description: input.description,
    categoryCode: category.code,
    suggestedCategoryCode: suggestion.category,
    suggestedConfidence: suggestion.confidence,
    priority: category.priority,
    lng: input.lng ?? null,
    lat: input.lat ?? null,
    address: input.address ?? null,
    reporterPersonId: reporter.personId,
    reporterUserId: reporter.userId,
    reporterName: reporter.name,
    reporterPhone: reporter.phone,
    recordedByUserId: actor.userId,
    whistle: input.channel === 'community_whistle' ? ('community' as const) : null,
    reportedAt: now,
    responseDueAt: calendar.addWorkingMinutes(now, category.responseMinutes),
    resolutionDueAt: calendar.addWorkingMinutes(now, category.resolutionMinutes),
  };
  return { suggestion, main, category, reporter, values };
}
type Prepared = Awaited<ReturnType<typeof prepareIntake>>;

/**
 * Intake from every channel: classify, route to a grid and its owner, start both clocks on the work calendar,
 * number the case, and write the case, its first event, its photos, the audit row and the owner's notification.
 * An ordinary report is written by one statement (cases.intake.write.ts); a report with photos or one merged into
 * an open case ("same as") takes the longer path in a transaction. Answers the new case's summary.
 */
export async function reportCase(opts: {
  db: Db;
  actor: Actor;
  input: IntakeInput;
  idempotency?: { key: string; route: string; status: number };
  now?: Date;
}): Promise<CaseSummary> {
  const { db, actor, input } = opts;
  const now = opts.now ?? clock.now();
  if (input.sameAsCaseId || input.photoIds?.length) {
    const id = await db.transaction(async (tx) => {
      const caseId = await writeInSteps(tx, actor, await prepareIntake(tx, actor, input, now), input, now);
      if (opts.idempotency) await rememberAnswer(tx, actor.userId, opts.idempotency, caseId);
      return caseId;
    });
    return getCaseSummary({ db, id });
  }
  const p = await prepareIntake(db, actor, input, now);
  const gridId = await routedGrid({
    db,
    lng: input.lng,
    lat: input.lat,
    reporterPersonId: p.reporter.personId,
    gridId: input.gridId,
  });
  const v = p.values;
  return writeReportedCase(db, {
    ...v,
    priority: p.category.priority as CasePriority,
    suggestedConfidence: p.suggestion.confidence,
    gridId,
    categoryName: p.category.name,
    actor,
    idempotency: opts.idempotency,
    notification: newCaseNotice(p.category.priority, input.description),
  });
}

function newCaseNotice(priority: string | null, description: string) {
  // The title without the number: the batched intake's SQL appends the number it draws (intake.write.ts).
  const titlePrefix = notificationTitle(priority === 'urgent' ? 'case_new_urgent' : 'case_new', { number: '' });
  return { titlePrefix, body: description.slice(0, 80) };
}

/** The longer path: photos to link, or a merge into the open case it is the same as. */
async function writeInSteps(tx: Db, actor: Actor, p: Prepared, input: IntakeInput, now: Date): Promise<string> {
  const { main, reporter } = p;
  const route =
    main ?? (await routeCase({ db: tx, lng: input.lng, lat: input.lat, reporterPersonId: reporter.personId, now }));
  const [{ seq }] = await rowsOf<{ seq: number }>(tx, sql`select nextval('case_number_seq')::int as seq`);
  const [row] = await tx
    .insert(cases)
    .values({
      ...p.values,
      number: `GZ${localDayOf(now).slice(0, 4)}-${String(seq).padStart(6, '0')}`,
      gridId: route.gridId,
      communityId: route.communityId,
      ownerPersonId: route.ownerPersonId,
      ...(main ? followMain(main) : {}),
    })
    .returning({ id: cases.id, number: cases.number });
  await attachPhotos(tx, actor, row.id, input.photoIds ?? [], 'report');
  await tx.insert(caseEvents).values({
    caseId: row.id,
    at: now,
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action: 'report',
    toStatus: 'reported',
    data: {
      channel: input.channel,
      gridId: route.gridId,
      suggested: p.suggestion.category,
      confidence: p.suggestion.confidence,
    },
  });
  await recordAudit(tx, {
    actor,
    action: 'case.create',
    entityType: 'case',
    entityId: row.id,
    after: { number: row.number, channel: input.channel, categoryCode: p.category.code, mergedIntoId: main?.id },
  });
  if (main) {
    await recordMerge(
      tx,
      actor,
      { ...row, status: 'reported', reporterPersonId: reporter.personId, reporterUserId: reporter.userId },
      main,
      now,
    );
    return row.id;
  }
  const notice = newCaseNotice(p.category.priority, input.description);
  // The region's alley heads follow what is reported in their alley (docs/ALLEYS.md); the owner stays the grid's.
  const heads = await headsOf(tx, route.gridId);
  await notifyPeople(tx, [route.ownerPersonId, ...heads.map((h) => h.personId)], {
    kind: 'case.new',
    title: `${notice.titlePrefix}${row.number}`,
    body: notice.body,
    entityType: 'case',
    entityId: row.id,
    link: `/cases/${row.id}`,
  });
  return row.id;
}

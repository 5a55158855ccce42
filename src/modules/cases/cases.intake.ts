import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { rowsOf } from '../../core/bulk.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { insideCounty } from '../../core/geo.js';
import { notifyPeople } from '../notifications/notifications.service.js';
import { people } from '../people/people.schema.js';
import { classify } from './classifier/classifier.js';
import { subCategory } from './cases.categories.js';
import { workCalendar } from './cases.clock.js';
import type { CreateCase } from './cases.contracts.js';
import { followMain, lockMergeTarget, recordMerge } from './cases.duplicates.js';
import { isCaseStaff } from './cases.policy.js';
import { routeCase } from './cases.routing.js';
import { attachPhotos } from './cases.photos.js';
import { caseEvents, cases } from './cases.schema.js';

/** Channels only staff record (on a resident's behalf, or the community's own whistle). */
const STAFF_CHANNELS = new Set(['hall', 'door_visit', 'street_point', 'community_whistle']);

function titleFrom(description: string): string {
  const firstLine = description.split(/[\n。！？!?]/)[0]?.trim() ?? description;
  return firstLine.length > 30 ? `${firstLine.slice(0, 30)}…` : firstLine;
}

/** Who raised it: staff name a resident (or the community for its own whistle); a resident is themselves. */
async function reporterOf(tx: Db, actor: Actor, input: CreateCase) {
  const staff = isCaseStaff(actor);
  if (STAFF_CHANNELS.has(input.channel) && !staff) throw new AppError('FORBIDDEN');
  if (!staff) {
    const [self] = actor.personId ? await tx.select({ name: people.name, phone: people.phone }).from(people).where(eq(people.id, actor.personId)) : [];
    return { personId: actor.personId, userId: actor.userId, name: self?.name ?? actor.displayName, phone: self?.phone ?? null };
  }
  if (input.reporterPersonId) {
    const [p] = await tx.select({ name: people.name, phone: people.phone }).from(people).where(eq(people.id, input.reporterPersonId));
    if (!p) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/reporterPersonId', message: 'no such person' }]);
    return { personId: input.reporterPersonId, userId: null, name: p.name, phone: p.phone };
  }
  return { personId: null, userId: input.channel === 'online' ? actor.userId : null, name: input.reporterName ?? null, phone: input.reporterPhone ?? null };
}

/**
 * Intake from every channel: classify, route to a grid and its owner, start both clocks on the work calendar,
 * number the case, and write the case, its first event, its photos, the audit row and the owner's notification
 * in the caller's transaction.
 */
export async function createCase(opts: { db: Db; actor: Actor; input: CreateCase; now?: Date }): Promise<string> {
  const { db: tx, actor, input } = opts;
  const now = opts.now ?? new Date();
  const suggestion = classify(input.description);
  // "Same as" an open case: the report is handled there, so it takes that case's category, grid, owner and state.
  const main = input.sameAsCaseId ? await lockMergeTarget(tx, input.sameAsCaseId) : null;
  const categoryCode = main?.categoryCode ?? input.categoryCode ?? suggestion.category;
  const category = await subCategory(tx, categoryCode);
  if (!category?.priority || category.responseMinutes === null || category.resolutionMinutes === null) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/categoryCode', message: 'not a sub-category' }]);
  }
  const reporter = await reporterOf(tx, actor, input);
  if (main && input.lng !== undefined && input.lat !== undefined && !insideCounty(input.lng, input.lat)) throw new AppError('OUTSIDE_COUNTY');
  const route = main ?? await routeCase({ db: tx, lng: input.lng, lat: input.lat, reporterPersonId: reporter.personId, now });
  const calendar = await workCalendar(tx);
  const [{ seq }] = await rowsOf<{ seq: number }>(tx, sql`select nextval('case_number_seq')::int as seq`);
  const [row] = await tx.insert(cases).values({
    number: `GZ${now.getFullYear()}-${String(seq).padStart(6, '0')}`,
    channel: input.channel, title: input.title ?? titleFrom(input.description), description: input.description,
    categoryCode: category.code, suggestedCategoryCode: suggestion.category, suggestedConfidence: suggestion.confidence,
    priority: category.priority, lng: input.lng ?? null, lat: input.lat ?? null, address: input.address ?? null,
    gridId: route.gridId, communityId: route.communityId, ownerPersonId: route.ownerPersonId,
    reporterPersonId: reporter.personId, reporterUserId: reporter.userId, reporterName: reporter.name, reporterPhone: reporter.phone,
    recordedByUserId: actor.userId, whistle: input.channel === 'community_whistle' ? 'community' : null,
    reportedAt: now,
    responseDueAt: calendar.addWorkingMinutes(now, category.responseMinutes),
    resolutionDueAt: calendar.addWorkingMinutes(now, category.resolutionMinutes),
    ...(main ? followMain(main) : {}),
  }).returning({ id: cases.id, number: cases.number });
  await attachPhotos(tx, row.id, input.photoIds ?? [], 'report');
  await tx.insert(caseEvents).values({
    caseId: row.id, at: now, actorUserId: actor.userId, actorName: actor.displayName, action: 'report', toStatus: 'reported',
    data: { channel: input.channel, gridId: route.gridId, suggested: suggestion.category, confidence: suggestion.confidence },
  });
  await recordAudit(tx, { actor, action: 'case.create', entityType: 'case', entityId: row.id, after: { number: row.number, channel: input.channel, categoryCode, mergedIntoId: main?.id } });
  if (main) {
    await recordMerge(tx, actor, { ...row, status: 'reported', reporterPersonId: reporter.personId, reporterUserId: reporter.userId }, main, now);
    return row.id;
  }
  await notifyPeople(tx, [route.ownerPersonId], {
    kind: 'case.new', title: `新${category.priority === 'urgent' ? '紧急' : ''}事件 ${row.number}`, body: input.description.slice(0, 80),
    entityType: 'case', entityId: row.id, link: `/cases/${row.id}`,
  });
  return row.id;
}

/** Photos are linked by cases.photos.ts, which also enforces the 9-per-case limit. */
export { attachPhotos } from './cases.photos.js';

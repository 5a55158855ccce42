import { and, asc, desc, eq, gt, ilike, isNotNull, isNull, like, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { maskIdNumber } from '../../../core/pii.js';
import { organisations } from '../../org/org.schema.js';
import { people } from '../../people/people.schema.js';
import { currentVolunteerRules } from '../rules.js';
import { requireOwnVolunteer } from '../volunteers.policy.js';
import {
  volunteerActivities,
  volunteerCertificates,
  volunteerServiceTypes,
  volunteerSignups,
  volunteers,
} from '../volunteers.schema.js';
import { generatedContent } from './certificates.card.js';
import type {
  CertificateQuery,
  CertificateState,
  IssueCertificate,
  PublicCertificate,
  RevokeVolunteerCertificate,
  VolunteerCertificateView,
} from './hours.contracts.js';
import {
  assertMayReadPublic,
  assertMayRevoke,
  issuerFor,
  mayViewCertificate,
  volunteersVisibleTo,
} from './hours.policy.js';
import { periodWhere } from './hours.query.js';
import { hoursOfVolunteer } from './hours.service.js';

/**
 * Service certificates (志愿服务证明): issued by a community (or the county) over a period, with the counted minutes
 * and activities copied in (谁记录谁证明: the certificate says what was certified even if a record is corrected
 * later), a serial GZZY-<year>-<000001> per county year, and a 公示 period of `publicityDays`.
 */

const DAY_MS = 86_400_000;
const c = volunteerCertificates;
const issuer = alias(organisations, 'issuer');

function selectCertificates(db: Db) {
  return db
    .select({
      c,
      personId: people.id,
      name: people.name,
      gender: people.gender,
      idNumber: people.idNumber,
      issuerName: issuer.name,
    })
    .from(c)
    .innerJoin(volunteers, eq(volunteers.id, c.volunteerId))
    .innerJoin(people, eq(people.id, volunteers.personId))
    .innerJoin(issuer, eq(issuer.id, c.issuerOrgId))
    .$dynamic();
}
type CertificateRow = Awaited<ReturnType<ReturnType<typeof selectCertificates>['execute']>>[number];

export function certificateState(row: { revokedAt: Date | null; publicUntil: Date }, now: Date): CertificateState {
  if (row.revokedAt) return 'revoked';
  return now.getTime() < row.publicUntil.getTime() ? 'publicising' : 'issued';
}

const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

function present(r: CertificateRow, now: Date): VolunteerCertificateView {
  return {
    id: r.c.id,
    serial: r.c.serial,
    volunteerId: r.c.volunteerId,
    volunteerName: r.name,
    idNumber: maskIdNumber(r.idNumber),
    gender: r.gender,
    issuerOrgId: r.c.issuerOrgId,
    issuerName: r.issuerName,
    periodFrom: r.c.periodFrom,
    periodTo: r.c.periodTo,
    minutes: r.c.minutes,
    hours: hoursOf(r.c.minutes),
    activities: r.c.activities,
    content: r.c.content,
    issuedAt: r.c.issuedAt.toISOString(),
    publicUntil: r.c.publicUntil.toISOString(),
    revokedAt: r.c.revokedAt?.toISOString() ?? null,
    revokeReason: r.c.revokeReason,
    state: certificateState(r.c, now),
  };
}

/** The next serial of the county year, e.g. GZZY-2026-000042, under a transaction lock on that year's prefix. */
async function nextSerial(tx: Db, year: number): Promise<string> {
  const prefix = `GZZY-${year}-`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${prefix}))`);
  const [last] = await tx
    .select({ serial: sql<string | null>`max(${c.serial})` })
    .from(c)
    .where(like(c.serial, `${prefix}%`));
  const n = last?.serial ? Number(last.serial.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(6, '0')}`;
}

/** The service types of the volunteer's checked-out activities in the period, most frequent first. */
async function typeNames(db: Db, volunteerId: string, p: { from: string; to: string }): Promise<string[]> {
  const rows = await db
    .select({ name: volunteerServiceTypes.name, n: sql<number>`count(*)::int` })
    .from(volunteerSignups)
    .innerJoin(volunteerActivities, eq(volunteerActivities.id, volunteerSignups.activityId))
    .innerJoin(volunteerServiceTypes, eq(volunteerServiceTypes.id, volunteerActivities.typeId))
    .where(
      and(eq(volunteerSignups.volunteerId, volunteerId), eq(volunteerSignups.state, 'checked_out'), periodWhere(p)),
    )
    .groupBy(volunteerServiceTypes.name)
    .orderBy(desc(sql`count(*)`), asc(volunteerServiceTypes.name));
  return rows.map((r) => r.name);
}

async function loadCertificate(db: Db, id: string): Promise<CertificateRow> {
  const [row] = await selectCertificates(db).where(eq(c.id, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'volunteer_certificate' });
  return row;
}

/** A certificate the caller may see (its volunteer, or staff in scope); 404 otherwise. */
async function visibleCertificate(db: Db, actor: Actor, id: string): Promise<CertificateRow> {
  const row = await loadCertificate(db, id);
  if (!(await mayViewCertificate(db, actor, { volunteerId: row.c.volunteerId, personId: row.personId })))
    throw new AppError('NOT_FOUND', { entity: 'volunteer_certificate' });
  return row;
}

export async function issueCertificate(opts: {
  db: Db;
  actor: Actor;
  input: IssueCertificate;
}): Promise<VolunteerCertificateView> {
  const { db, actor, input } = opts;
  const [seen] = await db
    .select({ id: volunteers.id })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(volunteers.id, input.volunteerId), await volunteersVisibleTo(db, actor)));
  if (!seen) throw new AppError('NOT_FOUND', { entity: 'volunteer' });
  const issuerOrgId = await issuerFor(db, actor, input.volunteerId);
  const period = { from: input.periodFrom, to: input.periodTo };
  const { ranked } = await hoursOfVolunteer(db, input.volunteerId, period);
  const minutes = ranked ? Math.max(0, ranked.verifiedMinutes - ranked.penaltyMinutes) : 0;
  if (!ranked || minutes <= 0) throw new AppError('VOLUNTEER_CERTIFICATE_NO_HOURS');
  const content = input.content ?? generatedContent(await typeNames(db, input.volunteerId, period), ranked.services);
  const { publicityDays } = await currentVolunteerRules(db);
  const id = await db.transaction(async (tx) => {
    const now = clock.now();
    const serial = await nextSerial(tx, clock.year());
    const [made] = await tx
      .insert(c)
      .values({
        serial,
        volunteerId: input.volunteerId,
        issuerOrgId,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        minutes,
        activities: ranked.services,
        content,
        issuedAt: now,
        publicUntil: new Date(now.getTime() + publicityDays * DAY_MS),
        issuedByUserId: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'volunteer_certificate.issue',
      entityType: 'volunteer_certificate',
      entityId: made.id,
      after: { serial, volunteerId: made.volunteerId, issuerOrgId, period, minutes, activities: made.activities },
    });
    return made.id;
  });
  return present(await loadCertificate(db, id), clock.now());
}

/** Sort: -issuedAt (default) | issuedAt | serial | -serial. */
const SORTS = { issuedAt: c.issuedAt, serial: c.serial };

function stateWhere(state: CertificateState | undefined, now: Date): SQL | undefined {
  if (state === 'revoked') return isNotNull(c.revokedAt);
  if (state === 'publicising') return and(isNull(c.revokedAt), gt(c.publicUntil, now));
  if (state === 'issued') return and(isNull(c.revokedAt), lte(c.publicUntil, now));
  return undefined;
}

export async function listCertificates(opts: {
  db: Db;
  actor: Actor;
  query: CertificateQuery;
}): Promise<Page<VolunteerCertificateView>> {
  const { db, query: q } = opts;
  const now = clock.now();
  const where = and(
    await volunteersVisibleTo(db, opts.actor),
    q.volunteerId ? eq(c.volunteerId, q.volunteerId) : undefined,
    stateWhere(q.state, now),
    q.q ? or(ilike(people.name, `%${q.q}%`), ilike(c.serial, `%${q.q}%`)) : undefined,
  );
  return readPage(q, {
    rows: selectCertificates(db)
      .where(where)
      .orderBy(...orderBy(q.sort, SORTS, [desc(c.issuedAt)], c.id)),
    total: db
      .select({ total: sql<number>`count(*)::int` })
      .from(c)
      .innerJoin(volunteers, eq(volunteers.id, c.volunteerId))
      .innerJoin(people, eq(people.id, volunteers.personId))
      .where(where),
    present: (r) => present(r, now),
  });
}

/** 公示: every certificate whose publicity is running, newest first. */
export async function publicCertificates(opts: { db: Db; actor: Actor }): Promise<{ items: PublicCertificate[] }> {
  assertMayReadPublic(opts.actor);
  const now = clock.now();
  const rows = await selectCertificates(opts.db)
    .where(and(isNull(c.revokedAt), gt(c.publicUntil, now)))
    .orderBy(desc(c.issuedAt), asc(c.id))
    .limit(1000);
  return {
    items: rows.map((r) => ({
      id: r.c.id,
      serial: r.c.serial,
      volunteerName: r.name,
      idNumber: maskIdNumber(r.idNumber),
      hours: hoursOf(r.c.minutes),
      activities: r.c.activities,
      periodFrom: r.c.periodFrom,
      periodTo: r.c.periodTo,
      issuerName: r.issuerName,
      issuedAt: r.c.issuedAt.toISOString(),
      publicUntil: r.c.publicUntil.toISOString(),
    })),
  };
}

export async function myCertificates(opts: { db: Db; actor: Actor }): Promise<{ items: VolunteerCertificateView[] }> {
  const own = await requireOwnVolunteer(opts.db, opts.actor);
  const now = clock.now();
  const rows = await selectCertificates(opts.db).where(eq(c.volunteerId, own.id)).orderBy(desc(c.issuedAt), asc(c.id));
  return { items: rows.map((r) => present(r, now)) };
}

/** The certificate for its card: the volunteer or staff in scope; a revoked one is not printed. */
export async function certificateForCard(opts: {
  db: Db;
  actor: Actor;
  id: string;
}): Promise<VolunteerCertificateView> {
  const row = await visibleCertificate(opts.db, opts.actor, opts.id);
  if (row.c.revokedAt) throw new AppError('VOLUNTEER_CERTIFICATE_REVOKED');
  return present(row, clock.now());
}

export async function revokeCertificate(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: RevokeVolunteerCertificate;
}): Promise<VolunteerCertificateView> {
  const { db, actor, id, input } = opts;
  await db.transaction(async (tx) => {
    const row = await visibleCertificate(tx, actor, id);
    await assertMayRevoke(tx, actor, row.c.issuerOrgId);
    const [done] = await tx
      .update(c)
      .set({ revokedAt: clock.now(), revokeReason: input.reason, updatedAt: clock.now() })
      .where(and(eq(c.id, id), isNull(c.revokedAt)))
      .returning();
    if (!done) throw new AppError('VOLUNTEER_CERTIFICATE_REVOKED');
    await recordAudit(tx, {
      actor,
      action: 'volunteer_certificate.revoke',
      entityType: 'volunteer_certificate',
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt: done.revokedAt, revokeReason: input.reason },
    });
  });
  return present(await loadCertificate(db, id), clock.now());
}

import { and, asc, count, eq, getTableColumns, ilike, isNotNull, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { escapeLike } from '../../core/strings.js';
import { assertFound, updateVersioned } from '../../core/crud.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { orderBy, type Page, readPage } from '../../core/list.js';
import { assertNoReferrers } from '../../core/references.js';
import { maskIdNumber, maskPhone } from '../../core/pii.js';
import { grids } from '../grid/grid.schema.js';
import { partyMembers } from './members/members.schema.js';
import { organisations } from '../org/org.schema.js';
import type { CreatePerson, PersonListQuery, PersonView, UpdatePerson } from './people.contracts.js';
import { assertMayManagePlace, peopleVisibleTo } from './people.policy.js';
import { people } from './people.schema.js';

/** The rows and joins every people/member response is built from (the list, the detail, the export). */
export function selectPersonRows(db: Db) {
  return db
    .select({
      ...getTableColumns(people),
      homeGridCode: grids.code,
      homeGridName: grids.name,
      communityName: organisations.name,
      partyMemberKind: partyMembers.kind,
    })
    .from(people)
    .leftJoin(grids, eq(grids.id, people.homeGridId))
    .leftJoin(organisations, eq(organisations.id, people.communityId))
    .leftJoin(partyMembers, eq(partyMembers.personId, people.id));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectPersonRows>['execute']>>[number];

/** The presenter: PII leaves the server masked. */
export function presentPerson(r: Row): PersonView {
  return {
    ...r,
    phone: maskPhone(r.phone),
    idNumber: maskIdNumber(r.idNumber),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Filters of the people list, shared with the Excel export. */
export async function peopleWhere(
  db: Db,
  actor: Actor,
  q: Omit<PersonListQuery, 'page' | 'pageSize' | 'sort'>,
): Promise<SQL | undefined> {
  let gridFilter: SQL | undefined;
  if (q.gridId) {
    const [g] = await db.select({ code: grids.code }).from(grids).where(eq(grids.id, q.gridId));
    gridFilter = like(grids.code, `${escapeLike(assertFound(g, 'grid').code)}%`);
  }
  return and(
    await peopleVisibleTo(db, actor),
    q.communityId ? eq(people.communityId, q.communityId) : undefined,
    gridFilter,
    q.role ? sql`${q.role} = any(${people.roles})` : undefined,
    q.gender ? eq(people.gender, q.gender) : undefined,
    q.partyMember === true ? isNotNull(partyMembers.id) : undefined,
    q.partyMember === false ? isNull(partyMembers.id) : undefined,
    q.q
      ? or(
          ilike(people.name, `%${escapeLike(q.q)}%`),
          ilike(people.address, `%${escapeLike(q.q)}%`),
          like(people.phone, `%${escapeLike(q.q)}`),
        )
      : undefined,
  );
}

export async function listPeople(opts: { db: Db; actor: Actor; query: PersonListQuery }): Promise<Page<PersonView>> {
  const q = opts.query;
  const where = await peopleWhere(opts.db, opts.actor, q);
  const sort = orderBy(
    q.sort,
    { name: people.name, birthDate: people.birthDate, createdAt: people.createdAt, homeGridCode: grids.code },
    [asc(grids.code), asc(people.name)],
    people.id,
  );
  return readPage(q, {
    rows: selectPersonRows(opts.db)
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: opts.db
      .select({ total: count() })
      .from(people)
      .leftJoin(grids, eq(grids.id, people.homeGridId))
      .leftJoin(partyMembers, eq(partyMembers.personId, people.id))
      .where(where),
    present: presentPerson,
  });
}

/** A person the actor may see (404 otherwise: existence itself is private). */
export async function getVisiblePerson(db: Db, actor: Actor, id: string): Promise<Row> {
  const [row] = await selectPersonRows(db).where(and(eq(people.id, id), await peopleVisibleTo(db, actor)));
  return assertFound(row, 'person');
}

/**
 * For a person named in a request body (a duty holder, a new member): the person must exist and be visible to
 * the actor, or the body is invalid — unless `anyPerson` (e.g. a unit admin enrolling their own staff).
 */
export async function personForBody(db: Db, actor: Actor, personId: string, opts: { anyPerson?: boolean } = {}) {
  const [row] = await selectPersonRows(db).where(
    and(eq(people.id, personId), opts.anyPerson ? undefined : await peopleVisibleTo(db, actor)),
  );
  if (!row)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/personId', message: 'no such person within your scope' }]);
  return row;
}

export async function getPerson(opts: { db: Db; actor: Actor; id: string }): Promise<PersonView> {
  return presentPerson(await getVisiblePerson(opts.db, opts.actor, opts.id));
}

/** The community and grid code of a home grid (a person's place decides who may manage them). */
export async function placeOfGrid(db: Db, homeGridId: string | null | undefined) {
  if (!homeGridId) return { communityId: null, homeGridCode: null };
  const [g] = await db
    .select({ communityId: grids.communityId, code: grids.code })
    .from(grids)
    .where(eq(grids.id, homeGridId));
  if (!g) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/homeGridId', message: 'grid does not exist' }]);
  return { communityId: g.communityId, homeGridCode: g.code };
}

export async function createPerson(opts: { db: Db; actor: Actor; input: CreatePerson }): Promise<PersonView> {
  const id = await opts.db.transaction(async (tx) => {
    const place = await placeOfGrid(tx, opts.input.homeGridId);
    await assertMayManagePlace(tx, opts.actor, place);
    const [row] = await tx
      .insert(people)
      .values({ ...opts.input, communityId: place.communityId })
      .returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'person.create',
      entityType: 'person',
      entityId: row.id,
      after: redact(row),
    });
    return row.id;
  });
  return getPerson({ db: opts.db, actor: opts.actor, id });
}

export async function updatePerson(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdatePerson;
}): Promise<PersonView> {
  await opts.db.transaction(async (tx) => {
    const current = await getVisiblePerson(tx, opts.actor, opts.id);
    await assertMayManagePlace(tx, opts.actor, {
      communityId: current.communityId,
      homeGridCode: current.homeGridCode,
    });
    const { version, ...values } = opts.input;
    let communityId = current.communityId;
    if (values.homeGridId !== undefined && values.homeGridId !== current.homeGridId) {
      const place = await placeOfGrid(tx, values.homeGridId);
      await assertMayManagePlace(tx, opts.actor, place);
      communityId = place.communityId;
    }
    const [before] = await tx.select().from(people).where(eq(people.id, opts.id));
    const after = await updateVersioned({
      db: tx,
      table: people,
      id: opts.id,
      version,
      values: { ...values, communityId },
      entity: 'person',
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'person.update',
      entityType: 'person',
      entityId: opts.id,
      before: redact(before),
      after: redact(after),
    });
  });
  return getPerson({ db: opts.db, actor: opts.actor, id: opts.id });
}

export async function deletePerson(opts: { db: Db; actor: Actor; id: string }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const current = await getVisiblePerson(tx, opts.actor, opts.id);
    await assertMayManagePlace(tx, opts.actor, {
      communityId: current.communityId,
      homeGridCode: current.homeGridCode,
    });
    await assertNoReferrers(tx, people, opts.id);
    const [before] = await tx.delete(people).where(eq(people.id, opts.id)).returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'person.delete',
      entityType: 'person',
      entityId: opts.id,
      before: redact(before),
    });
  });
}

/** Full phone and ID number for roles that need them; every reveal is audited. */
export async function revealPerson(opts: {
  db: Db;
  actor: Actor;
  id: string;
  fields: ('phone' | 'idNumber')[];
  reason?: string;
}) {
  return opts.db.transaction(async (tx) => {
    const row = await getVisiblePerson(tx, opts.actor, opts.id);
    await assertMayManagePlace(
      tx,
      opts.actor,
      { communityId: row.communityId, homeGridCode: row.homeGridCode },
      'people.reveal',
    );
    const revealed: { phone?: string | null; idNumber?: string | null } = {};
    if (opts.fields.includes('phone')) revealed.phone = row.phone;
    if (opts.fields.includes('idNumber')) revealed.idNumber = row.idNumber;
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'person.reveal',
      entityType: 'person',
      entityId: opts.id,
      after: { fields: opts.fields, reason: opts.reason ?? null },
    });
    return revealed;
  });
}

/** Audit rows keep PII masked too: the log is read more widely than the reveal endpoint allows. */
function redact<T extends { phone: string | null; idNumber: string | null }>(row: T): T {
  return { ...row, phone: maskPhone(row.phone), idNumber: maskIdNumber(row.idNumber) };
}

import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { escapeLike } from '../../../core/strings.js';
import { resolveScope } from '../../grid/grid.scope.js';
import { assertFound, updateVersioned } from '../../../core/crud.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { maskPhone } from '../../../core/pii.js';
import { assertNoReferrers } from '../../../core/references.js';
import { organisations } from '../../org/org.schema.js';
import { people } from '../people.schema.js';
import { personForBody } from '../people.service.js';
import type { CreatePartyMember, PartyMemberQuery, PartyMemberView, UpdatePartyMember } from './members.contracts.js';
import { assertMayManageMember, membersVisibleTo } from './members.policy.js';
import { partyMembers } from './members.schema.js';

const branch = alias(organisations, 'branch');
const unit = alias(organisations, 'unit');
const community = alias(organisations, 'community');

/** The rows and joins every people/member response is built from (the list, the detail, the export). */
export function selectMemberRows(db: Db) {
  return db
    .select({
      id: partyMembers.id,
      personId: partyMembers.personId,
      name: people.name,
      gender: people.gender,
      phone: people.phone,
      kind: partyMembers.kind,
      branchId: partyMembers.branchId,
      branchName: branch.name,
      unitId: partyMembers.unitId,
      unitName: unit.name,
      residenceCommunityId: partyMembers.residenceCommunityId,
      residenceCommunityName: community.name,
      joinedAt: partyMembers.joinedAt,
      createdAt: partyMembers.createdAt,
      updatedAt: partyMembers.updatedAt,
      version: partyMembers.version,
    })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(branch, eq(branch.id, partyMembers.branchId))
    .leftJoin(unit, eq(unit.id, partyMembers.unitId))
    .leftJoin(community, eq(community.id, partyMembers.residenceCommunityId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectMemberRows>['execute']>>[number];

export function presentMember(r: Row): PartyMemberView {
  return {
    ...r,
    phone: maskPhone(r.phone),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function membersWhere(
  db: Db,
  actor: Actor,
  q: Omit<PartyMemberQuery, 'page' | 'pageSize' | 'sort'>,
): Promise<SQL | undefined> {
  return and(
    await membersVisibleTo(db, actor),
    q.kind?.length ? inArray(partyMembers.kind, q.kind) : undefined,
    q.unitId ? eq(partyMembers.unitId, q.unitId) : undefined,
    q.branchId ? eq(partyMembers.branchId, q.branchId) : undefined,
    q.residenceCommunityId ? eq(partyMembers.residenceCommunityId, q.residenceCommunityId) : undefined,
    q.q ? ilike(people.name, `%${escapeLike(q.q)}%`) : undefined,
  );
}

export async function listMembers(opts: {
  db: Db;
  actor: Actor;
  query: PartyMemberQuery;
}): Promise<Page<PartyMemberView>> {
  const q = opts.query;
  const where = await membersWhere(opts.db, opts.actor, q);
  const sort = orderBy(
    q.sort,
    { name: people.name, joinedAt: partyMembers.joinedAt, kind: partyMembers.kind, unitName: unit.name },
    [asc(unit.name), asc(people.name)],
    partyMembers.id,
  );
  return readPage(q, {
    rows: selectMemberRows(opts.db)
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: opts.db
      .select({ total: count() })
      .from(partyMembers)
      .innerJoin(people, eq(people.id, partyMembers.personId))
      .where(where),
    present: presentMember,
  });
}

async function getVisibleMember(db: Db, actor: Actor, id: string): Promise<Row> {
  const [row] = await selectMemberRows(db).where(and(eq(partyMembers.id, id), await membersVisibleTo(db, actor)));
  return assertFound(row, 'party_member');
}

export async function getMember(opts: { db: Db; actor: Actor; id: string }): Promise<PartyMemberView> {
  return presentMember(await getVisibleMember(opts.db, opts.actor, opts.id));
}

/** Each referenced organisation must exist and be of the right kind; an in-service member needs a unit. */
export async function assertMemberRefs(
  db: Db,
  m: { kind: string; unitId?: string | null; branchId?: string | null; residenceCommunityId?: string | null },
): Promise<void> {
  const refs: [string, string | null | undefined, string][] = [
    ['/unitId', m.unitId, 'unit'],
    ['/branchId', m.branchId, 'branch'],
    ['/residenceCommunityId', m.residenceCommunityId, 'community'],
  ];
  const ids = refs.map((r) => r[1]).filter((x): x is string => !!x);
  const found = ids.length
    ? new Map(
        (
          await db
            .select({ id: organisations.id, kind: organisations.kind })
            .from(organisations)
            .where(inArray(organisations.id, ids))
        ).map((o) => [o.id, o.kind]),
      )
    : new Map<string, string>();
  const problems = refs
    .filter(([, id, kind]) => id && found.get(id) !== kind)
    .map(([path, , kind]) => ({ path, message: `must be an existing ${kind}` }));
  if (m.kind === 'in_service' && !m.unitId)
    problems.push({ path: '/unitId', message: 'an in-service member needs their unit' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', {}, problems);
}

export async function createMember(opts: { db: Db; actor: Actor; input: CreatePartyMember }): Promise<PartyMemberView> {
  const id = await opts.db.transaction(async (tx) => {
    const input = opts.input;
    await assertMemberRefs(tx, input);
    await assertMayManageMember(tx, opts.actor, {
      unitId: input.unitId ?? null,
      residenceCommunityId: input.residenceCommunityId ?? null,
      branchId: input.branchId ?? null,
    });
    // A community admin registers people they can see; a unit admin may enrol its own staff wherever they live.
    const scope = await resolveScope(tx, opts.actor);
    const forOwnUnit = !!input.unitId && scope.unitIds.includes(input.unitId);
    const person = await personForBody(tx, opts.actor, input.personId, { anyPerson: scope.all || forOwnUnit });
    const [existing] = await tx
      .select({ id: partyMembers.id })
      .from(partyMembers)
      .where(eq(partyMembers.personId, input.personId));
    if (existing) throw new AppError('DUPLICATE', { field: 'party_member', value: person.name });
    const [row] = await tx.insert(partyMembers).values(input).returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'party_member.create',
      entityType: 'party_member',
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
  return getMember({ db: opts.db, actor: opts.actor, id });
}

export async function updateMember(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdatePartyMember;
}): Promise<PartyMemberView> {
  await opts.db.transaction(async (tx) => {
    await getVisibleMember(tx, opts.actor, opts.id);
    const [before] = await tx.select().from(partyMembers).where(eq(partyMembers.id, opts.id));
    await assertMayManageMember(tx, opts.actor, before);
    const { version, ...values } = opts.input;
    const merged = { ...before, ...values };
    await assertMemberRefs(tx, merged);
    await assertMayManageMember(tx, opts.actor, merged);
    const after = await updateVersioned({
      db: tx,
      table: partyMembers,
      id: opts.id,
      version,
      values,
      entity: 'party_member',
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'party_member.update',
      entityType: 'party_member',
      entityId: opts.id,
      before,
      after,
    });
  });
  return getMember({ db: opts.db, actor: opts.actor, id: opts.id });
}

export async function deleteMember(opts: { db: Db; actor: Actor; id: string }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    await getVisibleMember(tx, opts.actor, opts.id);
    const [before] = await tx.select().from(partyMembers).where(eq(partyMembers.id, opts.id));
    await assertMayManageMember(tx, opts.actor, before);
    await assertNoReferrers(tx, partyMembers, opts.id);
    await tx.delete(partyMembers).where(eq(partyMembers.id, opts.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'party_member.delete',
      entityType: 'party_member',
      entityId: opts.id,
      before,
    });
  });
}

/**
 * Party members attached to each organisation — as its unit, its branch or its residence community, each member
 * once — for the organisation views (org.service's MemberCounter).
 */
export async function countMembersByOrganisation(db: Db, orgIds: readonly string[]): Promise<Map<string, number>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, members: count() })
    .from(organisations)
    .innerJoin(
      partyMembers,
      or(
        eq(partyMembers.unitId, organisations.id),
        eq(partyMembers.branchId, organisations.id),
        eq(partyMembers.residenceCommunityId, organisations.id),
      ),
    )
    .where(inArray(organisations.id, [...orgIds]))
    .groupBy(organisations.id);
  return new Map(rows.map((r) => [r.id, r.members]));
}

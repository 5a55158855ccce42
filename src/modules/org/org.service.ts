import { and, asc, count, eq, getTableColumns, ilike, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../core/audit.js';
import type { Actor } from '../../core/auth/actor.js';
import { escapeLike } from '../../core/strings.js';
import { assertFound, updateVersioned } from '../../core/crud.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { orderBy, type Page, pageWindow } from '../../core/list.js';
import { assertNoReferrers } from '../../core/references.js';
import type {
  CreateOrganisation,
  OrganisationView,
  OrgKind,
  OrgListQuery,
  OrgTreeNode,
  UpdateOrganisation,
} from './org.contracts.js';
import { isAllowedParent, wouldCreateCycle } from './org.rules.js';
import { organisations } from './org.schema.js';

const parent = alias(organisations, 'parent');

/**
 * Party members attached to each organisation (its unit's, its branch's or its residents), counted by the members
 * module: it sits above org (members refer to organisations), so src/modules/index.ts passes its counter in.
 */
export type MemberCounter = (db: Db, orgIds: readonly string[]) => Promise<ReadonlyMap<string, number>>;

const childCountSql = sql<number>`(select count(*)::int from organisations c where c.parent_id = ${organisations.id})`;

function selectViews(db: Db) {
  return db
    .select({
      ...getTableColumns(organisations),
      parentName: parent.name,
      childCount: childCountSql,
    })
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['execute']>>[number];

async function present(db: Db, rows: ViewRow[], countMembers: MemberCounter): Promise<OrganisationView[]> {
  const members = await countMembers(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    memberCount: members.get(r.id) ?? 0,
    childCount: Number(r.childCount),
  }));
}

export async function listOrganisations(opts: {
  db: Db;
  query: OrgListQuery;
  countMembers: MemberCounter;
}): Promise<Page<OrganisationView>> {
  const q = opts.query;
  const where = and(
    q.kind?.length ? inArray(organisations.kind, q.kind) : undefined,
    q.parentId ? eq(organisations.parentId, q.parentId) : undefined,
    q.strength ? sql`${q.strength} = any(${organisations.strengths})` : undefined,
    q.q
      ? or(ilike(organisations.name, `%${escapeLike(q.q)}%`), ilike(organisations.code, `%${escapeLike(q.q)}%`))
      : undefined,
  );
  const sort = orderBy(
    q.sort,
    {
      name: organisations.name,
      code: organisations.code,
      kind: organisations.kind,
      population: organisations.population,
    },
    [asc(organisations.kind), asc(organisations.code), asc(organisations.name)],
    organisations.id,
  );
  const { limit, offset } = pageWindow(q);
  const [rows, [{ total }]] = await Promise.all([
    selectViews(opts.db)
      .where(where)
      .orderBy(...sort)
      .limit(limit)
      .offset(offset),
    opts.db.select({ total: count() }).from(organisations).where(where),
  ]);
  return { items: await present(opts.db, rows, opts.countMembers), total, page: q.page, pageSize: q.pageSize };
}

export async function getOrganisation(opts: {
  db: Db;
  id: string;
  countMembers: MemberCounter;
}): Promise<OrganisationView> {
  const [row] = await selectViews(opts.db).where(eq(organisations.id, opts.id));
  const [view] = await present(opts.db, [assertFound(row, 'organisation')], opts.countMembers);
  return view;
}

export async function organisationTree(opts: { db: Db; kinds?: OrgKind[] }): Promise<OrgTreeNode[]> {
  const rows = await opts.db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      code: organisations.code,
      parentId: organisations.parentId,
    })
    .from(organisations)
    .where(opts.kinds?.length ? inArray(organisations.kind, opts.kinds) : undefined)
    .orderBy(asc(organisations.code), asc(organisations.name));
  const nodes = new Map<string, OrgTreeNode>(
    rows.map((r) => [r.id, { id: r.id, kind: r.kind, name: r.name, code: r.code, children: [] }]),
  );
  const roots: OrgTreeNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const p = r.parentId ? nodes.get(r.parentId) : undefined;
    if (p) p.children.push(node);
    else roots.push(node);
  }
  return roots;
}

async function assertValidParent(db: Db, kind: OrgKind, parentId: string | null, selfId?: string): Promise<void> {
  let parentKind: OrgKind | null = null;
  if (parentId) {
    const [p] = await db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, parentId));
    if (!p)
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: '/parentId', message: 'parent organisation does not exist' },
      ]);
    parentKind = p.kind;
  }
  // The cycle check comes first: moving a node under its own descendant is the more specific mistake (the kind rules
  // alone would report it as a wrong parent kind).
  if (selfId && parentId) {
    const all = await db.select({ id: organisations.id, parentId: organisations.parentId }).from(organisations);
    const parentOf = new Map(all.map((o) => [o.id, o.parentId]));
    if (wouldCreateCycle(selfId, parentId, (id) => parentOf.get(id))) throw new AppError('ORG_CYCLE');
  }
  if (!isAllowedParent(kind, parentKind))
    throw new AppError('ORG_PARENT_KIND', { kind, parentKind: parentKind ?? '—' });
}

export async function createOrganisation(opts: {
  db: Db;
  actor: Actor;
  countMembers: MemberCounter;
  input: CreateOrganisation;
}): Promise<OrganisationView> {
  const id = await opts.db.transaction(async (tx) => {
    await assertValidParent(tx, opts.input.kind, opts.input.parentId ?? null);
    const [row] = await tx.insert(organisations).values(opts.input).returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
  return getOrganisation({ db: opts.db, id, countMembers: opts.countMembers });
}

export async function updateOrganisation(opts: {
  db: Db;
  actor: Actor;
  countMembers: MemberCounter;
  id: string;
  input: UpdateOrganisation;
}): Promise<OrganisationView> {
  await opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, opts.id));
    assertFound(before, 'organisation');
    const { version, ...values } = opts.input;
    if (values.parentId !== undefined && values.parentId !== before.parentId) {
      await assertValidParent(tx, before.kind, values.parentId, before.id);
    }
    const after = await updateVersioned({
      db: tx,
      table: organisations,
      id: opts.id,
      version,
      values,
      entity: 'organisation',
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: opts.id,
      before,
      after,
    });
  });
  return getOrganisation({ db: opts.db, id: opts.id, countMembers: opts.countMembers });
}

export async function deleteOrganisation(opts: { db: Db; actor: Actor; id: string }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, opts.id));
    assertFound(before, 'organisation');
    await assertNoReferrers(tx, organisations, opts.id);
    await tx.delete(organisations).where(eq(organisations.id, opts.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'organisation.delete',
      entityType: 'organisation',
      entityId: opts.id,
      before,
    });
  });
}

/** 400 VALIDATION_FAILED at /communityId unless the organisation exists and is a community: for writes that name one. */
export async function assertIsCommunity(db: Db, communityId: string): Promise<void> {
  const [org] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, communityId));
  if (org?.kind !== 'community')
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/communityId', message: 'not a community' }]);
}

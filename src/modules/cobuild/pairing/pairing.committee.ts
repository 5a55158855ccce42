import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { gridDuties } from '../../duties/duties.schema.js';
import { grids } from '../../grid/grid.schema.js';
import { organisations } from '../../org/org.schema.js';
import { people } from '../../people/people.schema.js';
import type {
  AddCommitteeMember,
  Committee,
  CommitteeList,
  CommitteeMember,
  UpdateCommitteeMember,
} from './pairing.contracts.js';
import {
  assertMayEditCommittee,
  assertMayReadPairings,
  committeesVisibleTo,
  mayReadCommittee,
} from './pairing.policy.js';
import { adoptedPairs } from './pairing.queries.js';
import { partyCommitteeMembers } from './pairing.schema.js';
import { clock } from '../../../core/clock.js';

/**
 * 大党委: the community's Party secretary heads it; the Party leaders of the units paired with the community in the
 * year's adopted plan are its deputies. The roster is derived each time, with the hand changes stored in
 * party_committee_members applied on top, so re-adopting a pairing updates it without losing those changes.
 */
const ROLE_ORDER = { head: 0, deputy: 1, member: 2 } as const;

async function secretaryOf(db: Db, communityId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: people.name })
    .from(gridDuties)
    .innerJoin(grids, eq(grids.id, gridDuties.gridId))
    .innerJoin(people, eq(people.id, gridDuties.personId))
    .where(
      and(eq(grids.communityId, communityId), eq(gridDuties.role, 'community_secretary'), isNull(gridDuties.until)),
    )
    .orderBy(asc(grids.level), asc(gridDuties.since))
    .limit(1);
  return row?.name ?? null;
}

async function derived(db: Db, year: number, communityId: string): Promise<CommitteeMember[]> {
  const unitIds = (await adoptedPairs(db, { year, communityId })).map((p) => p.unitId);
  const units = unitIds.length
    ? await db.select().from(organisations).where(inArray(organisations.id, unitIds)).orderBy(asc(organisations.code))
    : [];
  const secretary = await secretaryOf(db, communityId);
  return [
    {
      key: 'secretary',
      role: 'head',
      name: secretary ?? '（待定）',
      title: '社区党组织书记',
      unitId: null,
      unitName: null,
      origin: 'derived',
    },
    ...units.map(
      (u): CommitteeMember => ({
        key: `unit:${u.id}`,
        role: 'deputy',
        name: u.leaderName ?? '（待定）',
        title: u.leaderTitle ?? null,
        unitId: u.id,
        unitName: u.name,
        origin: 'derived',
      }),
    ),
  ];
}

async function communityName(db: Db, communityId: string): Promise<string> {
  const [row] = await db
    .select({ name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, communityId));
  if (row?.kind !== 'community') throw new AppError('NOT_FOUND', { entity: 'organisation' });
  return row.name;
}

async function roster(db: Db, year: number, communityId: string): Promise<Committee> {
  const name = await communityName(db, communityId);
  const base = await derived(db, year, communityId);
  const overrides = await db
    .select()
    .from(partyCommitteeMembers)
    .where(and(eq(partyCommitteeMembers.year, year), eq(partyCommitteeMembers.communityId, communityId)))
    .orderBy(asc(partyCommitteeMembers.createdAt));
  const byKey = new Map(overrides.map((o) => [o.memberKey, o]));
  const all: (CommitteeMember & { removed: boolean })[] = base.map((m) => {
    const o = byKey.get(m.key);
    if (!o) return { ...m, removed: false };
    return {
      ...m,
      role: o.role ?? m.role,
      name: o.name ?? m.name,
      title: o.title ?? m.title,
      origin: 'edited',
      removed: o.removed,
    };
  });
  for (const o of overrides) {
    if (!o.memberKey.startsWith('extra:')) continue;
    all.push({
      key: o.memberKey,
      role: o.role ?? 'member',
      name: o.name ?? '',
      title: o.title,
      unitId: null,
      unitName: null,
      origin: 'added',
      removed: o.removed,
    });
  }
  const strip = ({ removed: _, ...m }: CommitteeMember & { removed: boolean }): CommitteeMember => m;
  const members = all
    .filter((m) => !m.removed)
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role])
    .map(strip);
  return {
    year,
    communityId,
    communityName: name,
    members,
    removed: all.filter((m) => m.removed && m.origin !== 'added').map(strip),
  };
}

export async function getCommittee(opts: {
  db: Db;
  actor: Actor;
  year: number;
  communityId: string;
}): Promise<Committee> {
  assertMayReadPairings(opts.actor);
  const committee = await roster(opts.db, opts.year, opts.communityId);
  // A unit sees the roster of every community it is paired with, even if it was taken off the roster by hand.
  const unitIds = (await adoptedPairs(opts.db, { year: opts.year, communityId: opts.communityId })).map(
    (p) => p.unitId,
  );
  if (!(await mayReadCommittee(opts.db, opts.actor, opts.communityId, unitIds)))
    throw new AppError('NOT_FOUND', { entity: 'organisation' });
  return committee;
}

/** One row per community the actor sees: the head's name and how many members. */
export async function listCommittees(opts: { db: Db; actor: Actor; year: number }): Promise<CommitteeList> {
  assertMayReadPairings(opts.actor);
  const visible = await committeesVisibleTo(opts.db, opts.actor);
  const communities = await opts.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, 'community'))
    .orderBy(asc(organisations.code));
  const items: CommitteeList['items'] = [];
  for (const c of communities) {
    const pairedUnitIds = async () =>
      (await adoptedPairs(opts.db, { year: opts.year, communityId: c.id })).map((p) => p.unitId);
    if (!(await visible(c.id, pairedUnitIds))) continue;
    const r = await roster(opts.db, opts.year, c.id);
    items.push({
      communityId: c.id,
      communityName: r.communityName,
      head: r.members.find((m) => m.role === 'head')?.name ?? null,
      members: r.members.length,
    });
  }
  return { items };
}

export async function addCommitteeMember(opts: {
  db: Db;
  actor: Actor;
  communityId: string;
  input: AddCommitteeMember;
}): Promise<Committee> {
  await assertMayEditCommittee(opts.db, opts.actor, opts.communityId);
  const { year, name, title, role } = opts.input;
  await opts.db.transaction(async (tx) => {
    await communityName(tx, opts.communityId);
    const memberKey = `extra:${randomUUID()}`;
    await tx
      .insert(partyCommitteeMembers)
      .values({ year, communityId: opts.communityId, memberKey, role, name, title: title ?? null });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'party_committee.add',
      entityType: 'party_committee',
      entityId: opts.communityId,
      after: { year, memberKey, name, title, role },
    });
  });
  return roster(opts.db, year, opts.communityId);
}

/** Changes a member's role, name or title, or removes/restores a derived member (an added one is deleted). */
export async function updateCommitteeMember(opts: {
  db: Db;
  actor: Actor;
  communityId: string;
  key: string;
  input: UpdateCommitteeMember;
}): Promise<Committee> {
  await assertMayEditCommittee(opts.db, opts.actor, opts.communityId);
  const { year, ...change } = opts.input;
  await opts.db.transaction(async (tx) => {
    const before = await roster(tx, year, opts.communityId);
    const member = [...before.members, ...before.removed].find((m) => m.key === opts.key);
    if (!member) throw new AppError('NOT_FOUND', { entity: 'party_committee_member' });
    const where = and(
      eq(partyCommitteeMembers.year, year),
      eq(partyCommitteeMembers.communityId, opts.communityId),
      eq(partyCommitteeMembers.memberKey, opts.key),
    );
    if (member.origin === 'added' && change.removed) {
      await tx.delete(partyCommitteeMembers).where(where);
    } else {
      const values = { role: change.role, name: change.name, title: change.title, removed: change.removed };
      const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
      await tx
        .insert(partyCommitteeMembers)
        .values({ year, communityId: opts.communityId, memberKey: opts.key, unitId: member.unitId, ...set })
        .onConflictDoUpdate({
          target: [partyCommitteeMembers.year, partyCommitteeMembers.communityId, partyCommitteeMembers.memberKey],
          set: { ...set, updatedAt: clock.now() },
        });
    }
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'party_committee.update',
      entityType: 'party_committee',
      entityId: opts.communityId,
      before: member,
      after: { year, key: opts.key, ...change },
    });
  });
  return roster(opts.db, year, opts.communityId);
}

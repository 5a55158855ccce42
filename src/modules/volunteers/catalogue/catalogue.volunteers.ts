import { and, arrayContains, asc, count, eq, ilike, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import { updateVersioned } from '../../../core/crud.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { maskPhone } from '../../../core/pii.js';
import { escapeLike } from '../../../core/strings.js';
import { organisations } from '../../org/org.schema.js';
import { peopleVisibleTo } from '../../people/people.policy.js';
import { people } from '../../people/people.schema.js';
import { ownVolunteer, requireOwnVolunteer } from '../volunteers.policy.js';
import { volunteers, volunteerTeamMembers, volunteerTeams } from '../volunteers.schema.js';
import type {
  MyVolunteer,
  RegisterSelf,
  RegisterVolunteer,
  UpdateVolunteer,
  VolunteerQuery,
  VolunteerView,
} from './catalogue.contracts.js';
import {
  assertMayChangeVolunteer,
  assertMayJoinAtRegistration,
  assertMayManagePerson,
  assertMayRegisterSelf,
  volunteersVisibleTo,
} from './catalogue.policy.js';
import { insertMembership } from './catalogue.members.js';
import { loadTeam } from './catalogue.teams.js';

/**
 * Registration (注册志愿者): a person becomes a volunteer with skills, availability and perhaps a team — by staff
 * for a person living in their communities, or by the person themself on the phone. The volunteers row is the truth
 * (people.roles belongs to the people module and is not written here). One row per person (unique person_id):
 * a second registration, concurrent ones too, is 409 VOLUNTEER_ALREADY_REGISTERED.
 */
type VolunteerRow = typeof volunteers.$inferSelect;
type ListRow = {
  v: VolunteerRow;
  name: string;
  phone: string | null;
  communityId: string | null;
  communityName: string | null;
};
type TeamRefs = Map<string, VolunteerView['teams']>;

const volunteerSelect = (db: Db) =>
  db
    .select({
      v: volunteers,
      name: people.name,
      phone: people.phone,
      communityId: people.communityId,
      communityName: organisations.name,
    })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .leftJoin(organisations, eq(organisations.id, people.communityId));

async function teamsOf(db: Db, volunteerIds: string[]): Promise<TeamRefs> {
  const map: TeamRefs = new Map();
  if (!volunteerIds.length) return map;
  const rows = await db
    .select({ m: volunteerTeamMembers, teamName: volunteerTeams.name })
    .from(volunteerTeamMembers)
    .innerJoin(volunteerTeams, eq(volunteerTeams.id, volunteerTeamMembers.teamId))
    .where(and(inArray(volunteerTeamMembers.volunteerId, volunteerIds), isNull(volunteerTeamMembers.leftAt)))
    .orderBy(asc(volunteerTeamMembers.joinedAt), asc(volunteerTeams.name));
  for (const { m, teamName } of rows) {
    const ref = { membershipId: m.id, teamId: m.teamId, teamName, role: m.role, joinedAt: m.joinedAt.toISOString() };
    map.set(m.volunteerId, [...(map.get(m.volunteerId) ?? []), ref]);
  }
  return map;
}

function presentVolunteer(r: ListRow, teams: TeamRefs): VolunteerView {
  const { v } = r;
  return {
    id: v.id,
    personId: v.personId,
    name: r.name,
    phone: maskPhone(r.phone),
    communityId: r.communityId,
    communityName: r.communityName,
    skills: v.skills,
    availability: v.availability,
    state: v.state,
    registeredAt: v.registeredAt.toISOString(),
    teams: teams.get(v.id) ?? [],
    version: v.version,
  };
}

async function volunteerView(db: Db, id: string, scope?: SQL): Promise<VolunteerView | null> {
  const [row] = await volunteerSelect(db).where(and(eq(volunteers.id, id), scope));
  return row ? presentVolunteer(row, await teamsOf(db, [id])) : null;
}

/** A volunteer just written (so it exists). */
async function shownVolunteer(db: Db, id: string): Promise<VolunteerView> {
  const view = await volunteerView(db, id);
  if (!view) throw new AppError('NOT_FOUND', { entity: 'volunteer' });
  return view;
}

export async function listVolunteers(opts: {
  db: Db;
  actor: Actor;
  query: VolunteerQuery;
}): Promise<Page<VolunteerView>> {
  const { db, actor, query: q } = opts;
  const where = and(
    await volunteersVisibleTo(db, actor),
    q.q ? ilike(people.name, `%${escapeLike(q.q)}%`) : undefined,
    q.communityId ? eq(people.communityId, q.communityId) : undefined,
    q.state ? eq(volunteers.state, q.state) : undefined,
    q.skill ? arrayContains(volunteers.skills, [q.skill]) : undefined,
    q.teamId
      ? sql`exists (select 1 from ${volunteerTeamMembers} where ${volunteerTeamMembers.volunteerId} = ${volunteers.id}
          and ${volunteerTeamMembers.teamId} = ${q.teamId} and ${volunteerTeamMembers.leftAt} is null)`
      : undefined,
  );
  const order = orderBy(
    q.sort,
    { name: people.name, registeredAt: volunteers.registeredAt },
    [asc(people.name)],
    volunteers.id,
  );
  const page = await readPage(q, {
    rows: volunteerSelect(db)
      .where(where)
      .orderBy(...order)
      .$dynamic(),
    total: db
      .select({ total: count() })
      .from(volunteers)
      .innerJoin(people, eq(people.id, volunteers.personId))
      .where(where),
    present: (r: ListRow) => r,
  });
  const teams = await teamsOf(
    db,
    page.items.map((r) => r.v.id),
  );
  return { ...page, items: page.items.map((r) => presentVolunteer(r, teams)) };
}

/** One volunteer the caller sees in the staff list (404 otherwise). */
export async function getVolunteer(opts: { db: Db; actor: Actor; id: string }): Promise<VolunteerView> {
  const view = await volunteerView(opts.db, opts.id, await volunteersVisibleTo(opts.db, opts.actor));
  if (!view) throw new AppError('NOT_FOUND', { entity: 'volunteer' });
  return view;
}

export async function myVolunteer(opts: { db: Db; actor: Actor }): Promise<MyVolunteer> {
  const own = await ownVolunteer(opts.db, opts.actor);
  if (!own) return { registered: false, volunteer: null };
  return { registered: true, volunteer: await volunteerView(opts.db, own.id) };
}

async function register(opts: {
  db: Db;
  actor: Actor;
  person: { id: string; name: string };
  input: RegisterSelf;
  self: boolean;
}): Promise<string> {
  const { db, actor, person, input } = opts;
  const team = input.teamId ? await loadTeam(db, input.teamId) : null;
  if (team && !team.active) throw new AppError('NOT_FOUND', { entity: 'volunteer_team' });
  if (team) await assertMayJoinAtRegistration(db, actor, team, opts.self);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(volunteers)
      .values({
        personId: person.id,
        skills: input.skills,
        availability: input.availability ?? null,
        registeredAt: clock.now(),
        registeredByUserId: actor.userId,
      })
      // The unique person_id decides a race: the second insert waits for the first and then does nothing.
      .onConflictDoNothing({ target: volunteers.personId })
      .returning();
    if (!row) throw new AppError('VOLUNTEER_ALREADY_REGISTERED', { name: person.name });
    await recordAudit(tx, {
      actor,
      action: opts.self ? 'volunteer.register_self' : 'volunteer.register',
      entityType: 'volunteer',
      entityId: row.id,
      after: row,
    });
    if (team) await insertMembership(tx, actor, { teamId: team.id, volunteerId: row.id, role: 'member' });
    return row.id;
  });
}

export async function registerVolunteer(opts: {
  db: Db;
  actor: Actor;
  input: RegisterVolunteer;
}): Promise<VolunteerView> {
  const { db, actor, input } = opts;
  const [person] = await db
    .select({ id: people.id, name: people.name, communityId: people.communityId })
    .from(people)
    .where(and(eq(people.id, input.personId), await peopleVisibleTo(db, actor)));
  if (!person) throw new AppError('NOT_FOUND', { entity: 'person' });
  await assertMayManagePerson(db, actor, person);
  const id = await register({ db, actor, person, input, self: false });
  return await shownVolunteer(db, id);
}

export async function registerSelf(opts: { db: Db; actor: Actor; input: RegisterSelf }): Promise<VolunteerView> {
  const { db, actor, input } = opts;
  const personId = assertMayRegisterSelf(actor);
  const [person] = await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, personId));
  if (!person) throw new AppError('NOT_FOUND', { entity: 'person' });
  const id = await register({ db, actor, person, input, self: true });
  return await shownVolunteer(db, id);
}

async function writeVolunteer(db: Db, actor: Actor, before: VolunteerRow, input: UpdateVolunteer): Promise<void> {
  const { version, ...values } = input;
  await db.transaction(async (tx) => {
    const row = await updateVersioned({
      db: tx,
      table: volunteers,
      id: before.id,
      version,
      values,
      entity: 'volunteer',
    });
    await recordAudit(tx, {
      actor,
      action: 'volunteer.update',
      entityType: 'volunteer',
      entityId: row.id,
      before,
      after: row,
    });
  });
}

export async function updateVolunteer(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateVolunteer;
}): Promise<VolunteerView> {
  const { db, actor, id } = opts;
  const [row] = await volunteerSelect(db).where(and(eq(volunteers.id, id), await volunteersVisibleTo(db, actor)));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'volunteer' });
  await assertMayChangeVolunteer(db, actor, { volunteerId: id, communityId: row.communityId });
  await writeVolunteer(db, actor, row.v, opts.input);
  return await shownVolunteer(db, id);
}

export async function updateSelf(opts: { db: Db; actor: Actor; input: UpdateVolunteer }): Promise<VolunteerView> {
  const own = await requireOwnVolunteer(opts.db, opts.actor);
  await writeVolunteer(opts.db, opts.actor, own, opts.input);
  return await shownVolunteer(opts.db, own.id);
}

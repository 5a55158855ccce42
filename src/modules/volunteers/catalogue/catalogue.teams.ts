import { and, asc, count, eq, ilike, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { isUniqueViolation, updateVersioned } from '../../../core/crud.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { maskPhone } from '../../../core/pii.js';
import { escapeLike } from '../../../core/strings.js';
import { organisations } from '../../org/org.schema.js';
import { assertIsCommunity } from '../../org/org.service.js';
import { people } from '../../people/people.schema.js';
import { volunteers, volunteerSeries, volunteerTeamMembers, volunteerTeams } from '../volunteers.schema.js';
import type {
  CreateVolunteerTeam,
  TeamMemberView,
  UpdateVolunteerTeam,
  VolunteerTeamDetail,
  VolunteerTeamQuery,
  VolunteerTeamView,
} from './catalogue.contracts.js';
import { assertMayCreateTeam, assertMayEditTeam, assertMayReadCatalogue, teamRunner } from './catalogue.policy.js';

/**
 * Teams (志愿服务队): of a community, or county-wide (no community). Every reader of volunteer service sees every
 * team with its leaders and size (people pick a team to join); phones on the roster are masked.
 */
const memberCount = sql<number>`(select count(*)::int from ${volunteerTeamMembers}
  where ${volunteerTeamMembers.teamId} = ${volunteerTeams.id} and ${volunteerTeamMembers.leftAt} is null)`;

const teamColumns = {
  team: volunteerTeams,
  seriesName: volunteerSeries.name,
  seriesNameEn: volunteerSeries.nameEn,
  communityName: organisations.name,
  memberCount,
};
type TeamRow = {
  team: typeof volunteerTeams.$inferSelect;
  seriesName: string;
  seriesNameEn: string;
  communityName: string | null;
  memberCount: number;
};
type Leaders = Map<string, { volunteerId: string; name: string }[]>;

function presentTeam(r: TeamRow, leaders: Leaders, mayRun: boolean): VolunteerTeamView {
  const t = r.team;
  return {
    id: t.id,
    name: t.name,
    seriesId: t.seriesId,
    seriesName: r.seriesName,
    seriesNameEn: r.seriesNameEn,
    communityId: t.communityId,
    communityName: r.communityName,
    description: t.description,
    active: t.active,
    leaders: leaders.get(t.id) ?? [],
    memberCount: r.memberCount,
    mayRun,
    version: t.version,
  };
}

async function leadersOf(db: Db, teamIds: string[]): Promise<Leaders> {
  const map: Leaders = new Map();
  if (!teamIds.length) return map;
  const rows = await db
    .select({ teamId: volunteerTeamMembers.teamId, volunteerId: volunteers.id, name: people.name })
    .from(volunteerTeamMembers)
    .innerJoin(volunteers, eq(volunteers.id, volunteerTeamMembers.volunteerId))
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(
      and(
        inArray(volunteerTeamMembers.teamId, teamIds),
        eq(volunteerTeamMembers.role, 'leader'),
        isNull(volunteerTeamMembers.leftAt),
      ),
    )
    .orderBy(asc(volunteerTeamMembers.joinedAt), asc(people.name));
  for (const r of rows) map.set(r.teamId, [...(map.get(r.teamId) ?? []), { volunteerId: r.volunteerId, name: r.name }]);
  return map;
}

const teamSelect = (db: Db) =>
  db
    .select(teamColumns)
    .from(volunteerTeams)
    .innerJoin(volunteerSeries, eq(volunteerSeries.id, volunteerTeams.seriesId))
    .leftJoin(organisations, eq(organisations.id, volunteerTeams.communityId));

export async function listTeams(opts: {
  db: Db;
  actor: Actor;
  query: VolunteerTeamQuery;
}): Promise<Page<VolunteerTeamView>> {
  assertMayReadCatalogue(opts.actor);
  const { db, query: q } = opts;
  const where = and(
    q.communityId ? eq(volunteerTeams.communityId, q.communityId) : undefined,
    q.seriesId ? eq(volunteerTeams.seriesId, q.seriesId) : undefined,
    q.active ? eq(volunteerTeams.active, q.active === 'true') : undefined,
    q.q ? ilike(volunteerTeams.name, `%${escapeLike(q.q)}%`) : undefined,
  );
  const order = orderBy(q.sort, { name: volunteerTeams.name }, [asc(volunteerTeams.name)], volunteerTeams.id);
  const mayRun = await teamRunner(db, opts.actor);
  const page = await readPage(q, {
    rows: teamSelect(db)
      .where(where)
      .orderBy(...order)
      .$dynamic(),
    total: db.select({ total: count() }).from(volunteerTeams).where(where),
    present: (r: TeamRow) => r,
  });
  const leaders = await leadersOf(
    db,
    page.items.map((r) => r.team.id),
  );
  return { ...page, items: page.items.map((r) => presentTeam(r, leaders, mayRun(r.team))) };
}

async function teamMembers(db: Db, teamId: string): Promise<TeamMemberView[]> {
  const rows = await db
    .select({ m: volunteerTeamMembers, v: volunteers, name: people.name, phone: people.phone })
    .from(volunteerTeamMembers)
    .innerJoin(volunteers, eq(volunteers.id, volunteerTeamMembers.volunteerId))
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(volunteerTeamMembers.teamId, teamId), isNull(volunteerTeamMembers.leftAt)))
    // Leaders first ('leader' < 'member'), then by name.
    .orderBy(asc(volunteerTeamMembers.role), asc(people.name), asc(volunteerTeamMembers.id));
  return rows.map(({ m, v, name, phone }) => presentMember(m, v, { name, phone }));
}

export function presentMember(
  m: typeof volunteerTeamMembers.$inferSelect,
  v: typeof volunteers.$inferSelect,
  p: { name: string; phone: string | null },
): TeamMemberView {
  return {
    id: m.id,
    volunteerId: v.id,
    personId: v.personId,
    name: p.name,
    phone: maskPhone(p.phone),
    role: m.role,
    joinedAt: m.joinedAt.toISOString(),
    skills: v.skills,
    state: v.state,
    version: m.version,
  };
}

/** The team row, or 404. */
export async function loadTeam(db: Db, id: string): Promise<typeof volunteerTeams.$inferSelect> {
  const [team] = await db.select().from(volunteerTeams).where(eq(volunteerTeams.id, id));
  if (!team) throw new AppError('NOT_FOUND', { entity: 'volunteer_team' });
  return team;
}

export async function getTeam(opts: { db: Db; actor: Actor; id: string }): Promise<VolunteerTeamDetail> {
  assertMayReadCatalogue(opts.actor);
  const { db, id } = opts;
  const [row] = await teamSelect(db).where(eq(volunteerTeams.id, id));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'volunteer_team' });
  const [leaders, members, mayRun] = await Promise.all([
    leadersOf(db, [id]),
    teamMembers(db, id),
    teamRunner(db, opts.actor),
  ]);
  return { ...presentTeam(row, leaders, mayRun(row.team)), members };
}

/** The series a team belongs to must be in the catalogue and active. */
async function assertActiveSeries(db: Db, seriesId: string): Promise<void> {
  const [s] = await db
    .select({ id: volunteerSeries.id })
    .from(volunteerSeries)
    .where(and(eq(volunteerSeries.id, seriesId), eq(volunteerSeries.active, true)));
  if (!s) throw new AppError('VOLUNTEER_TYPE_UNKNOWN', { seriesId });
}

/** A second team of the same name is 409 DUPLICATE (names are unique county-wide). */
async function duplicateNameAs<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('DUPLICATE', { field: 'name', value: name });
    throw e;
  }
}

export async function createTeam(opts: {
  db: Db;
  actor: Actor;
  input: CreateVolunteerTeam;
}): Promise<VolunteerTeamDetail> {
  const { db, actor, input } = opts;
  if (input.communityId) await assertIsCommunity(db, input.communityId);
  await assertMayCreateTeam(db, actor, input.communityId);
  await assertActiveSeries(db, input.seriesId);
  const id = await duplicateNameAs(input.name, () =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(volunteerTeams)
        .values({ ...input, description: input.description ?? null })
        .returning();
      await recordAudit(tx, {
        actor,
        action: 'volunteer_team.create',
        entityType: 'volunteer_team',
        entityId: row.id,
        after: row,
      });
      return row.id;
    }),
  );
  return getTeam({ db, actor, id });
}

export async function updateTeam(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateVolunteerTeam;
}): Promise<VolunteerTeamDetail> {
  const { db, actor, id } = opts;
  const before = await loadTeam(db, id);
  await assertMayEditTeam(db, actor, before);
  const { version, ...values } = opts.input;
  if (values.seriesId && values.seriesId !== before.seriesId) await assertActiveSeries(db, values.seriesId);
  await duplicateNameAs(values.name ?? before.name, () =>
    db.transaction(async (tx) => {
      const row = await updateVersioned({
        db: tx,
        table: volunteerTeams,
        id,
        version,
        values,
        entity: 'volunteer_team',
      });
      await recordAudit(tx, {
        actor,
        action: 'volunteer_team.update',
        entityType: 'volunteer_team',
        entityId: id,
        before,
        after: row,
      });
    }),
  );
  return getTeam({ db, actor, id });
}

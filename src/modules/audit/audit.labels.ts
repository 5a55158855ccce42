import { type AnyColumn, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../core/db.js';
import { escapeLike } from '../../core/strings.js';
import { users } from '../auth/auth.schema.js';
import { caseCategories, caseDispatches, casePhotos, cases } from '../cases/cases.schema.js';
import { jointMeetings, meetingTasks } from '../cobuild/meetings/meetings.schema.js';
import { needs, needTasks, resources } from '../cobuild/needs/needs.schema.js';
import { pairingPlans } from '../cobuild/pairing/pairing.schema.js';
import { projectEvidence, projectMilestones, projectPlans, projects } from '../cobuild/projects/projects.schema.js';
import { serviceDays, serviceKinds } from '../cobuild/servicedays/servicedays.schema.js';
import { gridDuties } from '../duties/duties.schema.js';
import { evaluationSessions } from '../evaluations/evaluations.schema.js';
import { grids } from '../grid/grid.schema.js';
import { organisations } from '../org/org.schema.js';
import { partyMembers } from '../people/members/members.schema.js';
import { people } from '../people/people.schema.js';
import {
  volunteerActivities,
  volunteerCertificates,
  volunteers,
  volunteerSeries,
  volunteerServiceTypes,
  volunteerSignups,
  volunteerTeams,
} from '../volunteers/volunteers.schema.js';

/**
 * What the audit log calls the record an entry is about: the case's number, the person's or organisation's name…
 * instead of its UUID. Resolved per page in one query per record type. Only names and numbers are read (never a phone
 * or ID number: PII stays masked). A record deleted since has no label; the log keeps its id.
 */
interface Labeller {
  table: PgTable;
  id: AnyColumn;
  label: SQL<string>;
  joins?: readonly [PgTable, SQL][];
  /** The columns the object search looks in. */
  search: readonly (AnyColumn | SQL)[];
  /** Ids are UUIDs (others, such as category codes, are text). */
  uuid?: boolean;
}

const org = alias(organisations, 'label_org');
const orgOf = (col: AnyColumn): [PgTable, SQL] => [org, sql`${org.id} = ${col}`];

/** Volunteer service: teams, series and types by name, a volunteer by their name, an activity by its title, a sign-up
 * by the activity and the volunteer, a certificate by its serial. */
const volunteerPerson = alias(people, 'label_volunteer_person');
const VOLUNTEER_LABELLERS: Record<string, Labeller> = {
  volunteer: {
    table: volunteers,
    id: volunteers.id,
    label: sql`${volunteerPerson.name}`,
    joins: [[volunteerPerson, sql`${volunteerPerson.id} = ${volunteers.personId}`]],
    search: [volunteerPerson.name],
    uuid: true,
  },
  volunteer_team: {
    table: volunteerTeams,
    id: volunteerTeams.id,
    label: sql`${volunteerTeams.name}`,
    search: [volunteerTeams.name],
    uuid: true,
  },
  volunteer_series: {
    table: volunteerSeries,
    id: volunteerSeries.id,
    label: sql`${volunteerSeries.name}`,
    search: [volunteerSeries.name],
    uuid: true,
  },
  volunteer_type: {
    table: volunteerServiceTypes,
    id: volunteerServiceTypes.id,
    label: sql`${volunteerServiceTypes.name}`,
    search: [volunteerServiceTypes.name],
    uuid: true,
  },
  volunteer_activity: {
    table: volunteerActivities,
    id: volunteerActivities.id,
    label: sql`${volunteerActivities.title}`,
    search: [volunteerActivities.title],
    uuid: true,
  },
  volunteer_signup: {
    table: volunteerSignups,
    id: volunteerSignups.id,
    label: sql`${volunteerActivities.title} || ' · ' || ${volunteerPerson.name}`,
    joins: [
      [volunteerActivities, sql`${volunteerActivities.id} = ${volunteerSignups.activityId}`],
      [volunteers, sql`${volunteers.id} = ${volunteerSignups.volunteerId}`],
      [volunteerPerson, sql`${volunteerPerson.id} = ${volunteers.personId}`],
    ],
    search: [volunteerActivities.title, volunteerPerson.name],
    uuid: true,
  },
  volunteer_certificate: {
    table: volunteerCertificates,
    id: volunteerCertificates.id,
    label: sql`${volunteerCertificates.serial}`,
    search: [volunteerCertificates.serial],
    uuid: true,
  },
};

const LABELLERS: Record<string, Labeller> = {
  case: {
    table: cases,
    id: cases.id,
    label: sql`${cases.number} || ' ' || ${cases.title}`,
    search: [cases.number, cases.title],
    uuid: true,
  },
  case_dispatch: {
    table: caseDispatches,
    id: caseDispatches.id,
    label: sql`${cases.number} || ' → ' || ${org.name}`,
    joins: [[cases, sql`${cases.id} = ${caseDispatches.caseId}`], orgOf(caseDispatches.unitId)],
    search: [cases.number, org.name],
    uuid: true,
  },
  case_photo: {
    table: casePhotos,
    id: casePhotos.id,
    label: sql`${cases.number}`,
    joins: [[cases, sql`${cases.id} = ${casePhotos.caseId}`]],
    search: [cases.number],
    uuid: true,
  },
  case_category: {
    table: caseCategories,
    id: caseCategories.code,
    label: sql`${caseCategories.name}`,
    search: [caseCategories.name],
  },
  person: { table: people, id: people.id, label: sql`${people.name}`, search: [people.name], uuid: true },
  party_member: {
    table: partyMembers,
    id: partyMembers.id,
    label: sql`${people.name}`,
    joins: [[people, sql`${people.id} = ${partyMembers.personId}`]],
    search: [people.name],
    uuid: true,
  },
  user: {
    table: users,
    id: users.id,
    label: sql`${users.displayName} || ' (' || ${users.username} || ')'`,
    search: [users.displayName, users.username],
    uuid: true,
  },
  organisation: {
    table: organisations,
    id: organisations.id,
    label: sql`${organisations.name}`,
    search: [organisations.name],
    uuid: true,
  },
  grid: {
    table: grids,
    id: grids.id,
    label: sql`${grids.name} || ' ' || ${grids.code}`,
    search: [grids.name, grids.code],
    uuid: true,
  },
  grid_duty: {
    table: gridDuties,
    id: gridDuties.id,
    label: sql`${grids.name} || ' · ' || ${people.name}`,
    joins: [
      [grids, sql`${grids.id} = ${gridDuties.gridId}`],
      [people, sql`${people.id} = ${gridDuties.personId}`],
    ],
    search: [grids.name, people.name],
    uuid: true,
  },
  evaluation_session: {
    table: evaluationSessions,
    id: evaluationSessions.id,
    label: sql`${org.name} || ' ' || ${evaluationSessions.heldOn}`,
    joins: [orgOf(evaluationSessions.communityId)],
    search: [org.name, evaluationSessions.heldOn],
    uuid: true,
  },
  pairing_plan: {
    table: pairingPlans,
    id: pairingPlans.id,
    label: sql`${pairingPlans.name}`,
    search: [pairingPlans.name],
    uuid: true,
  },
  project: { table: projects, id: projects.id, label: sql`${projects.name}`, search: [projects.name], uuid: true },
  project_plan: {
    table: projectPlans,
    id: projectPlans.id,
    label: sql`${org.name} || ' ' || ${projectPlans.year}`,
    joins: [orgOf(projectPlans.communityId)],
    search: [org.name],
    uuid: true,
  },
  project_milestone: {
    table: projectMilestones,
    id: projectMilestones.id,
    label: sql`${projectMilestones.title}`,
    search: [projectMilestones.title],
    uuid: true,
  },
  project_evidence: {
    table: projectEvidence,
    id: projectEvidence.id,
    label: sql`${projectEvidence.fileName}`,
    search: [projectEvidence.fileName],
    uuid: true,
  },
  need: { table: needs, id: needs.id, label: sql`${needs.title}`, search: [needs.title], uuid: true },
  resource: {
    table: resources,
    id: resources.id,
    label: sql`${resources.title}`,
    search: [resources.title],
    uuid: true,
  },
  need_task: {
    table: needTasks,
    id: needTasks.id,
    label: sql`${needTasks.title}`,
    search: [needTasks.title],
    uuid: true,
  },
  joint_meeting: {
    table: jointMeetings,
    id: jointMeetings.id,
    label: sql`${org.name} || ' ' || ${jointMeetings.meetingDate}`,
    joins: [orgOf(jointMeetings.communityId)],
    search: [org.name, jointMeetings.meetingDate],
    uuid: true,
  },
  meeting_task: {
    table: meetingTasks,
    id: meetingTasks.id,
    label: sql`left(${meetingTasks.content}, 60)`,
    search: [meetingTasks.content],
    uuid: true,
  },
  service_day: {
    table: serviceDays,
    id: serviceDays.id,
    label: sql`${org.name} || ' ' || ${serviceDays.date} || ' ' || ${serviceDays.theme}`,
    joins: [orgOf(serviceDays.communityId)],
    search: [org.name, serviceDays.theme],
    uuid: true,
  },
  service_kind: {
    table: serviceKinds,
    id: serviceKinds.code,
    label: sql`${serviceKinds.name}`,
    search: [serviceKinds.name],
  },
  ...VOLUNTEER_LABELLERS,
};

/** The record types the log can name (and search by name). */
export const LABELLED_TYPES = Object.keys(LABELLERS);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How many matching records an object search looks at, per type (a search is meant to find one record). */
const SEARCH_CAP = 500;

function select(db: Db, l: Labeller) {
  let q = db
    .select({ id: sql<string>`${l.id}::text`, label: sql<string>`${l.label}` })
    .from(l.table)
    .$dynamic();
  for (const [table, on] of l.joins ?? []) q = q.leftJoin(table, on);
  return q;
}

/** `type:id` → label for the entries of one page: one query per record type on the page. */
export async function labelsFor(db: Db, entries: { entityType: string; entityId: string | null }[]) {
  const idsByType = new Map<string, Set<string>>();
  for (const e of entries) {
    const l = LABELLERS[e.entityType];
    if (!l || !e.entityId || (l.uuid && !UUID.test(e.entityId))) continue;
    idsByType.set(e.entityType, (idsByType.get(e.entityType) ?? new Set()).add(e.entityId));
  }
  const out = new Map<string, string>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const l = LABELLERS[type];
      const rows = await select(db, l).where(inArray(l.id, [...ids]));
      for (const r of rows) if (r.label) out.set(`${type}:${r.id}`, r.label);
    }),
  );
  return out;
}

/** The ids of records of `type` whose name or number contains `text` (none for a type the log cannot name). */
export async function idsNamed(db: Db, type: string, text: string): Promise<string[]> {
  const l = LABELLERS[type];
  if (!l) return [];
  const pattern = `%${escapeLike(text)}%`;
  const rows = await select(db, l)
    .where(or(...l.search.map((c) => sql`${c}::text ilike ${pattern}`)))
    .limit(SEARCH_CAP);
  return rows.map((r) => r.id);
}

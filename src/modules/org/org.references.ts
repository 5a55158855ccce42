import type { ReferenceCheck } from '../../core/crud.js';
import { roleBindings } from '../auth/auth.schema.js';
import { caseDispatches, cases, evaluationSessions } from '../cases/cases.schema.js';
import { jointMeetings, jointMeetingUnits, meetingTasks } from '../cobuild/meetings/meetings.schema.js';
import { matchingRuns, needs, needTasks, resources } from '../cobuild/needs/needs.schema.js';
import { pairings, partyCommitteeMembers } from '../cobuild/pairing/pairing.schema.js';
import { projectPlans, projects, projectUnits } from '../cobuild/projects/projects.schema.js';
import { serviceDayCheckins, serviceDays, serviceDaySignups } from '../cobuild/servicedays/servicedays.schema.js';
import { alleyRegions, grids } from '../grid/grid.schema.js';
import { partyMembers } from '../members/members.schema.js';
import { people } from '../people/people.schema.js';
import { organisations } from './org.schema.js';

/**
 * Everything that refers to an organisation, in the order a refused deletion names it: an organisation that
 * anything still refers to is not deleted (409 REFERENCED naming the first referrer), never cascaded. Every foreign key
 * to organisations must be here; org.api.test.ts compares this list with the database's catalogue, so a new table
 * that refers to organisations fails that test rather than answering its constraint's name.
 */
export const ORGANISATION_REFERRERS: ReferenceCheck[] = [
  { referrer: 'child_organisation', table: organisations, column: organisations.parentId },
  { referrer: 'grid', table: grids, column: grids.communityId },
  { referrer: 'person', table: people, column: people.communityId },
  { referrer: 'party_member', table: partyMembers, column: partyMembers.unitId },
  { referrer: 'party_member', table: partyMembers, column: partyMembers.branchId },
  { referrer: 'party_member', table: partyMembers, column: partyMembers.residenceCommunityId },
  { referrer: 'role_binding', table: roleBindings, column: roleBindings.scopeOrgId },
  { referrer: 'alley_region', table: alleyRegions, column: alleyRegions.communityId },
  { referrer: 'case', table: cases, column: cases.communityId },
  { referrer: 'case_dispatch', table: caseDispatches, column: caseDispatches.unitId },
  { referrer: 'evaluation_session', table: evaluationSessions, column: evaluationSessions.communityId },
  { referrer: 'pairing', table: pairings, column: pairings.communityId },
  { referrer: 'pairing', table: pairings, column: pairings.unitId },
  { referrer: 'party_committee_member', table: partyCommitteeMembers, column: partyCommitteeMembers.communityId },
  { referrer: 'party_committee_member', table: partyCommitteeMembers, column: partyCommitteeMembers.unitId },
  { referrer: 'project_plan', table: projectPlans, column: projectPlans.communityId },
  { referrer: 'project', table: projects, column: projects.communityId },
  { referrer: 'project', table: projectUnits, column: projectUnits.unitId },
  { referrer: 'need', table: needs, column: needs.communityId },
  { referrer: 'resource', table: resources, column: resources.unitId },
  { referrer: 'matching_run', table: matchingRuns, column: matchingRuns.communityId },
  { referrer: 'need_task', table: needTasks, column: needTasks.ownerUnitId },
  { referrer: 'joint_meeting', table: jointMeetings, column: jointMeetings.communityId },
  { referrer: 'meeting_invitation', table: jointMeetingUnits, column: jointMeetingUnits.unitId },
  { referrer: 'meeting_task', table: meetingTasks, column: meetingTasks.communityId },
  { referrer: 'meeting_task', table: meetingTasks, column: meetingTasks.ownerUnitId },
  { referrer: 'service_day', table: serviceDays, column: serviceDays.communityId },
  { referrer: 'service_day_signup', table: serviceDaySignups, column: serviceDaySignups.unitId },
  { referrer: 'service_day_checkin', table: serviceDayCheckins, column: serviceDayCheckins.unitId },
];

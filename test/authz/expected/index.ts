import type { ExpectedTable } from '../roles.js';
import { ALLEYS } from './alleys.js';
import { CASES } from './cases.js';
import { COBUILD_MEETINGS } from './cobuild-meetings.js';
import { COBUILD_PROJECTS } from './cobuild-projects.js';
import { CORE } from './core.js';
import { MEMBERS_LEDGER } from './members-ledger.js';
import { MEMBERS_ME } from './members-me.js';
import { MEMBERS_POSTS_ACTIVITIES } from './members-posts-activities.js';
import { MEMBERS_RATINGS } from './members-ratings.js';
import { MEMBERS_REPORTS } from './members-reports.js';
import { MEMBERS_POSTS } from './members-posts.js';
import { OPERATIONS } from './operations.js';
import { VOLUNTEERS } from './volunteers.js';

/**
 * The expected answer of every route to every role: ok (2xx), refused (allowed to try, 409 by the row's state),
 * invalid (allowed to try, 400 after authorisation), denied (403, or 404 where existence is private), unauth (401).
 * A cell that differs between the actor's own scope and another reads `own|other`. See test/authz/roles.ts.
 */
export const EXPECTED: ExpectedTable = { ...CORE, ...CASES, ...COBUILD_MEETINGS, ...COBUILD_PROJECTS, ...OPERATIONS,
  ...MEMBERS_POSTS, ...MEMBERS_POSTS_ACTIVITIES, ...MEMBERS_RATINGS, ...MEMBERS_REPORTS, ...MEMBERS_LEDGER, ...MEMBERS_ME,
  ...ALLEYS, ...VOLUNTEERS };

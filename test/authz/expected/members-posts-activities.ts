import type { ExpectedTable } from '../roles.js';

/**
 * In-service members' post activities (岗位活动): the activities, sign-ups, check-in and check-out.
 * Expected answers per role; `own|other` where the request names a row or a community (see index.ts).
 */
export const MEMBERS_POSTS_ACTIVITIES: ExpectedTable = {
  // A member's own list: their residence community's activities (the county admin is no member: 403).
  'GET /api/post-activities/mine': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
  // Members sign up and withdraw only at activities where they live; another community's is private (404).
  'POST /api/post-activities/{id}/signup': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'ok|denied', member02: 'ok|denied', resident01: 'denied', anon: 'unauth',
  },
  'DELETE /api/post-activities/{id}/signup': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'ok|denied', member02: 'ok|denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/post-activities': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // The probe's body names no post type of the community: managers get 400, nothing is written.
  'POST /api/post-activities': {
    admin: 'invalid', hangdong: 'invalid|denied', sanfeng: 'invalid|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/post-activities/form-options': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // A unit admin sees the activities its members signed up for (the side's member is signed up on its own side).
  'GET /api/post-activities/{id}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PATCH /api/post-activities/{id}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/post-activities/{id}/cancel': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/post-activities/{id}/signups': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/post-activities/{id}/signups': {
    admin: 'invalid', hangdong: 'invalid|denied', sanfeng: 'invalid|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'DELETE /api/post-activities/{id}/signups/{signupId}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/post-activities/checkin-open': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // Check-in: the community's managers and the grid workers of its grids; the probe's token is no certificate (400).
  'POST /api/post-activities/{id}/checkins': {
    admin: 'invalid', hangdong: 'invalid|denied', sanfeng: 'invalid|denied', grid01: 'invalid|denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // Nobody is checked in a week ahead: whoever may check out is refused POST_NOT_CHECKED_IN.
  'POST /api/post-activities/{id}/checkouts': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'refused|denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
};

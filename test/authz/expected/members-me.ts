import type { ExpectedTable } from '../roles.js';

/** The member home (src/modules/members/me): a Party member's own year; the county admin has no member record (404). */
export const MEMBERS_ME: ExpectedTable = {
  'GET /api/member-service/me/year': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
};

import type { ExpectedTable } from '../roles.js';

/**
 * Sign-in, audit, organisations, grids and duties, people, party members, calendar, notifications.
 * Expected answers per role; `own|other` where the request names a row or a community (see index.ts).
 */
export const CORE: ExpectedTable = {
  'GET /api/health': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'ok',
  },
  // The liveness and readiness probes: public, like GET /api/health (core/readiness.ts).
  'GET /api/health/live': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'ok',
  },
  'GET /api/health/ready': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'ok',
  },
  // Public; the probe logs in as resident01 (a wrong password would lock the account).
  'POST /api/auth/login': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'ok',
  },
  'POST /api/auth/logout': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'GET /api/auth/me': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  // Logged in or not, a wrong current password answers 401 (the probe never changes one).
  'POST /api/auth/change-password': {
    admin: 'unauth', hangdong: 'unauth', sanfeng: 'unauth', grid01: 'unauth', unit01: 'unauth',
    unit02: 'unauth', member01: 'unauth', member02: 'unauth', resident01: 'unauth', anon: 'unauth',
  },
  'GET /api/audit': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // org.read: staff, units and party members; a resident has no organisation pages.
  'GET /api/organisations': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/organisations': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/organisations/tree': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/organisations/{id}': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
  'PATCH /api/organisations/{id}': {
    admin: 'refused', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'DELETE /api/organisations/{id}': {
    admin: 'refused', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // Grids, their tree, map and lookup are public to every logged-in user (grid.policy.ts).
  'GET /api/grids': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'POST /api/grids': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/grids/tree': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'GET /api/grids/geojson': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'GET /api/grids/locate': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'GET /api/grids/{id}': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'PATCH /api/grids/{id}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'DELETE /api/grids/{id}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // Every role may ask; a resident or member is answered only the duties of their own grid and its ancestors
  // (duties.policy.ts dutiesVisibleTo; the leak pass of the matrix checks the content).
  'GET /api/grid-duties': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'POST /api/grid-duties': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PATCH /api/grid-duties/{id}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'DELETE /api/grid-duties/{id}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/people': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'POST /api/people': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'refused|denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/people/{id}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'ok|denied', anon: 'unauth',
  },
  'PATCH /api/people/{id}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'refused|denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'DELETE /api/people/{id}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'refused|denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/people/{id}/reveal': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/people/import-template.xlsx': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // Filtered like the list (people.policy.ts): a resident or member exports only their own record.
  'GET /api/people/export.xlsx': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'POST /api/people/import': {
    admin: 'invalid', hangdong: 'invalid', sanfeng: 'invalid', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/party-members': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
  // A unit enrols its own staff wherever they live; the community by residence (members.policy.ts).
  'POST /api/party-members': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'refused|denied',
    unit02: 'refused|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/party-members/{id}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'ok|denied', member02: 'ok|denied', resident01: 'denied', anon: 'unauth',
  },
  'PATCH /api/party-members/{id}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'refused|denied',
    unit02: 'refused|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'DELETE /api/party-members/{id}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/party-members/import-template.xlsx': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/party-members/export.xlsx': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/party-members/import': {
    admin: 'invalid', hangdong: 'invalid', sanfeng: 'invalid', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/calendar/working-time': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'GET /api/calendar/{year}': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'PUT /api/calendar/{year}': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/notifications': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'POST /api/notifications/read': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  // Open311 client systems (外部系统接入): the county admin's alone. The revoke probe names no client (a 404, read as denied).
  'GET /api/open311-clients': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/open311-clients': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/open311-clients/{id}/revoke': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
};

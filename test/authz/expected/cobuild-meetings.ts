import type { ExpectedTable } from '../roles.js';

/**
 * Co-building: pairing, party committees, service days, joint meetings and their tasks.
 * Expected answers per role; `own|other` where the request names a row or a community (see index.ts).
 */
export const COBUILD_MEETINGS: ExpectedTable = {
  'GET /api/pairings': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/pairing-plans': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/pairing-plans': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/pairing-plans/defaults': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/pairing-plans/run': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/pairing-plans/{id}': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'DELETE /api/pairing-plans/{id}': {
    admin: 'refused', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/pairing-plans/{id}/run': {
    admin: 'refused', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PATCH /api/pairing-plans/{id}/pairs': {
    admin: 'refused', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/pairing-plans/{id}/compare': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/pairing-plans/{id}/adopt': {
    admin: 'refused', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/party-committees': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/party-committees/{communityId}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/party-committees/{communityId}/members': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PATCH /api/party-committees/{communityId}/members/{key}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/party-committees/{communityId}/roster.pdf': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/service-kinds': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'POST /api/service-kinds': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PATCH /api/service-kinds/{code}': {
    admin: 'refused', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/service-days': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/service-days': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/service-days/export.xlsx': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/service-days/units': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // A Party member's own days (memberservice.self): the county holds every permission but has no member record.
  'GET /api/service-days/mine': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
  // A unit admin reads every day, in any community: a day is a public call for service (servicedays.policy.ts);
  // check-ins it sees are its own members'.
  'GET /api/service-days/{id}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PATCH /api/service-days/{id}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/service-days/{id}/cancel': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PUT /api/service-days/{id}/outcome': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/service-days/{id}/rotate-token': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/service-days/{id}/summary': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/service-days/{id}/signups': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/service-days/{id}/signups': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'refused|denied',
    unit02: 'refused|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PATCH /api/service-days/{id}/signups/{signupId}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'refused|denied',
    unit02: 'refused|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'DELETE /api/service-days/{id}/signups/{signupId}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'refused|denied',
    unit02: 'refused|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // The QR token is the key: whoever may check in and holds the token sees the page, in either community.
  'GET /api/service-days/checkin/{token}': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'denied', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
  // A member checks in themself at any day they scan: own day 200 (already checked in by staff),
  // the other community's day 409 (not open yet).
  'POST /api/service-days/checkin/{token}': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'ok|refused', member02: 'ok|refused', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/service-days/{id}/checkins': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/service-days/{id}/checkins': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'refused|denied',
    unit02: 'refused|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/service-days/{id}/checkin-candidates': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'DELETE /api/service-days/{id}/checkins/{checkinId}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/service-days/{id}/photos': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'DELETE /api/service-days/{id}/photos/{photoId}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/service-days/photos/{id}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/service-days/photos/{id}/thumb': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/joint-meetings': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/joint-meetings': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/joint-meetings/propose': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/joint-meetings/{id}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PATCH /api/joint-meetings/{id}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/joint-meetings/{id}/schedule': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/joint-meetings/{id}/hold': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/joint-meetings/{id}/cancel': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/joint-meetings/{id}/agenda/refresh': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/joint-meetings/{id}/agenda': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'DELETE /api/joint-meetings/{id}/agenda/{itemId}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PUT /api/joint-meetings/{id}/agenda/{itemId}/progress': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/joint-meetings/{id}/invitations': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // Staff may record an invited unit's answer for it (meetings.invitations.ts assertSpeaksForUnit).
  'PUT /api/joint-meetings/{id}/invitations/{unitId}/response': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PUT /api/joint-meetings/{id}/invitations/{unitId}/attendance': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // Only the unit itself confirms it attended.
  'POST /api/joint-meetings/{id}/invitations/{unitId}/confirm': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/meeting-tasks': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/meeting-tasks/export.xlsx': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/meeting-tasks/solved': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/meeting-tasks/{id}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PATCH /api/meeting-tasks/{id}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'refused|denied',
    unit02: 'refused|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/joint-meetings/{id}/resolutions': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
};

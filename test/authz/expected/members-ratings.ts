import type { ExpectedTable } from '../roles.js';

/**
 * Points, quarterly ratings, appeals and the feedback to units (src/modules/members/ratings). The side's rating is
 * last year's Q4, confirmed, of a member who has not reported, with an appeal pending (test/authz/world.ts): a second
 * appeal is refused (409) and the probe's answer revises it to 优秀, which the reporting rule refuses (422).
 * Rating and commending are the member's residence community's (or the county's); a unit's sheet is the unit's
 * (or the county's), never a community's; the coverage is the county's and a community's for its residents.
 */
export const MEMBERS_RATINGS: ExpectedTable = {
  'GET /api/member-service-rules': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
  // The probe sends a negative cap: the county is refused by validation, nothing is saved.
  'PUT /api/member-service-rules': {
    admin: 'invalid', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-commendations': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/member-commendations': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-ratings': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-ratings/mine': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/member-ratings/generate': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/member-ratings/confirm': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // Another member's rating is 404: whether it exists is private.
  'POST /api/member-ratings/{id}/appeal': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'refused|denied', member02: 'refused|denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/member-ratings/{id}/answer': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-ratings/unit-sheet': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-ratings/unit-sheet/export.xlsx': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-ratings/unit-sheet.pdf': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-ratings/coverage': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
};

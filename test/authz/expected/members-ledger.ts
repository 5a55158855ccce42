import type { ExpectedTable } from '../roles.js';

/**
 * The service ledger (服务台账): staff read the records of the members in their scope, a Party member only their own;
 * only the county and the community served in or lived in correct or void (a stale version: refused, nothing
 * changes). The side's record is its member's check-in at the side's service day (test/authz/world.ts).
 */
const READ = {
  admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
  unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
} as const;
const STAFF = {
  admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
  unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
} as const;
const CORRECT = {
  admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
  unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
} as const;

export const MEMBERS_LEDGER: ExpectedTable = {
  'GET /api/service-records': READ,
  'GET /api/service-records/export.xlsx': READ,
  // Without a member id: the caller's own year, so only logins that are Party members have one.
  'GET /api/service-records/summary': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/service-records/{id}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'ok|denied', member02: 'ok|denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/service-records/{id}/correct': CORRECT,
  'POST /api/service-records/{id}/void': CORRECT,
  // 20小时进度/预警: staff read it; the county and the communities remind (at most once a month each).
  'GET /api/member-service/at-risk': STAFF,
  'GET /api/member-service/at-risk/export.xlsx': STAFF,
  'POST /api/member-service/at-risk/remind': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // 微心愿认领: a Party member claims in their own community (the side's claim exists: 200; another side's need: 422);
  // staff of the need's community fulfil; the member or those staff withdraw (a stale version: refused).
  'GET /api/need-claims/claimable': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/need-claims': READ,
  'POST /api/needs/{id}/claim': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'ok|refused', member02: 'ok|refused', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/need-claims/{id}/withdraw': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'refused|denied', unit01: 'denied',
    unit02: 'denied', member01: 'refused|denied', member02: 'refused|denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/need-claims/{id}/fulfil': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'refused|denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
};

import type { ExpectedTable } from '../roles.js';

/**
 * 双报到 and the 报到证 (src/modules/members/reports). The side's application is approved and its certificate revoked
 * (test/member-reports.ts), so deciding, withdrawing and revoking are refused (409) for whoever may try. A member
 * applies in their own community (a grid of the other side's is invalid); the county admin has memberservice.self but
 * no member record (404). The scan probe's token is no token (400 for scanning staff).
 */
export const MEMBERS_REPORTS: ExpectedTable = {
  'POST /api/member-reports': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'ok|invalid', member02: 'ok|invalid', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-reports': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-reports/mine': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'ok', member02: 'ok', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-reports/unreported': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-reports/unreported/export.xlsx': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/member-reports/{id}/withdraw': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'refused|denied', member02: 'refused|denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/member-reports/{id}/approve': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/member-reports/{id}/decline': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-certificates/scan': {
    admin: 'invalid', hangdong: 'invalid', sanfeng: 'invalid', grid01: 'invalid', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-certificates/{id}/card.pdf': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'ok|denied', member02: 'ok|denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/member-certificates/{id}/card.png': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'ok|denied', member02: 'ok|denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/member-certificates/{id}/revoke': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
};

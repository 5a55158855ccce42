import type { ExpectedTable } from '../roles.js';

/**
 * Cases (居民说事, 随手拍, 吹哨报到) and the monthly evaluation sessions.
 * Expected answers per role; `own|other` where the request names a row or a community (see index.ts).
 */
export const CASES: ExpectedTable = {
  'GET /api/cases': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  // Anyone may report anywhere (a place in either community); staff-only channels are checked separately.
  'POST /api/cases': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'GET /api/cases/{id}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'ok|denied', resident01: 'ok|denied', anon: 'unauth',
  },
  // The reporter (resident01, member02) may act on their own case: rate, withdraw (cases.machine.ts).
  'POST /api/cases/{id}/transitions': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'refused|denied', unit01: 'refused|denied',
    unit02: 'refused|denied', member01: 'denied', member02: 'refused|denied', resident01: 'refused|denied', anon: 'unauth',
  },
  // Whom to whistle: staff who may dispatch (cases.manage), on a case they see.
  'GET /api/cases/{id}/paired-units': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/cases/{id}/reassign': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'refused|denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/cases/classify': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'GET /api/case-categories': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'PATCH /api/case-categories/{code}': {
    admin: 'refused', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // The classifier's learning loop (分类模型): the county admin only (cases.classifier).
  'GET /api/cases/classifier': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/cases/classifier/retrain': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // Every reporter may ask; who is told what is in cases.policy.ts mayNameSimilarCase (tests in cases.duplicates).
  'GET /api/cases/similar': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'POST /api/cases/{id}/merge': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'refused|denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // Filtered to the units an actor administers (cases.unit-inbox.ts): empty for anyone else.
  'GET /api/case-dispatches': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  // Only the unit a case was dispatched to reports in (报到); not even the county acts for it.
  'POST /api/case-dispatches/{id}/acknowledge': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'refused|denied',
    unit02: 'refused|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/case-dispatches/{id}/arrive': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'refused|denied',
    unit02: 'refused|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/case-dispatches/{id}/done': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'refused|denied',
    unit02: 'refused|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/case-dispatches/{id}/return': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'invalid|denied',
    unit02: 'invalid|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // A unit declines (before 报到) with a reason, as it returns one.
  'POST /api/case-dispatches/{id}/decline': {
    admin: 'denied', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'invalid|denied',
    unit02: 'invalid|denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // 代报到: the case's community (or the county) records a unit's 报到; never the grid worker or a unit.
  'POST /api/case-dispatches/{id}/proxy-acknowledge': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/cases/sweep': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/cases/photos': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'ok', member02: 'ok', resident01: 'ok', anon: 'unauth',
  },
  'GET /api/cases/photos/{id}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'ok|denied', resident01: 'ok|denied', anon: 'unauth',
  },
  'GET /api/cases/photos/{id}/thumb': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'ok|denied',
    unit02: 'ok|denied', member01: 'denied', member02: 'ok|denied', resident01: 'ok|denied', anon: 'unauth',
  },
  'GET /api/cases/stats': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // Exports of the case list and the statistics views: the staff who see statistics, over their own scope.
  'GET /api/cases/export.xlsx': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/cases/export.csv': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/cases/stats/export.xlsx': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/cases/stats/export.csv': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/evaluation-sessions': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'ok', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/evaluation-sessions': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/evaluation-sessions/{id}': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PATCH /api/evaluation-sessions/{id}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // The world's session is next month: a verdict before the session's day is 409 EVALUATION_SESSION_NOT_YET.
  'PUT /api/evaluation-sessions/{id}/items/{itemId}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'POST /api/evaluation-sessions/{id}/hold': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'GET /api/evaluation-sessions/{id}/record.pdf': {
    admin: 'ok', hangdong: 'ok|denied', sanfeng: 'ok|denied', grid01: 'ok|denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  // evaluations.followups: county, community admins and unit admins (each its own rows); not grid workers.
  'GET /api/evaluation-follow-ups': {
    admin: 'ok', hangdong: 'ok', sanfeng: 'ok', grid01: 'denied', unit01: 'ok',
    unit02: 'ok', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
  'PATCH /api/evaluation-follow-ups/{id}': {
    admin: 'refused', hangdong: 'refused|denied', sanfeng: 'refused|denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
};

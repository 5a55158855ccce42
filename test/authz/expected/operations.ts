import type { ExpectedTable } from '../roles.js';

/** How the server runs: the background jobs' runs (后台任务), the county admin's alone. */
export const OPERATIONS: ExpectedTable = {
  'GET /api/job-runs': {
    admin: 'ok', hangdong: 'denied', sanfeng: 'denied', grid01: 'denied', unit01: 'denied',
    unit02: 'denied', member01: 'denied', member02: 'denied', resident01: 'denied', anon: 'unauth',
  },
};

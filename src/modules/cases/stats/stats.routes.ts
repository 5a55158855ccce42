import { authorize } from '../../../core/auth/plugin.js';
import type { App } from '../../../core/http/types.js';
import { caseStats } from './stats.js';
import { ZCaseStats, ZCaseStatsQuery } from './stats.contracts.js';

const tags = ['cases'];

/** The three rates and counts (DESIGN §1 "Rates"), over the cases the caller may see; definitions in docs/CASES.md. */
export async function caseStatsRoutes(app: App): Promise<void> {
  app.get(
    '/cases/stats',
    { schema: { tags, querystring: ZCaseStatsQuery, response: { 200: ZCaseStats } } },
    async (req) => {
      const actor = authorize(req, 'cases.stats');
      return caseStats({ db: app.db, actor, query: req.query, locale: req.locale });
    },
  );
}

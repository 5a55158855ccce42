import { z } from 'zod';
import { authorize } from '../../core/auth/plugin.js';
import { clock } from '../../core/clock.js';
import { sendWorkbook } from '../../core/excel/excel.js';
import { EXPORT_FORMATS } from '../../core/excel/export.js';
import type { App } from '../../core/http/types.js';
import { ZCaseListQuery } from './cases.contracts.js';
import { exportCases } from './cases.export.js';
import { STATS_EXPORT_VIEWS, exportStats } from './stats/stats.export.js';
import { ZCaseStatsQuery } from './stats/stats.contracts.js';

const tags = ['cases'];
const ZStatsExportQuery = ZCaseStatsQuery.extend({ view: z.enum(STATS_EXPORT_VIEWS).default('groups') });

/**
 * Excel and CSV downloads of the case list (its filters and order) and of every statistics view, for the staff who
 * see statistics (`cases.stats`); each covers only the cases the caller may see and is audited (core/excel/export.ts).
 */
export async function caseExportRoutes(app: App): Promise<void> {
  for (const format of EXPORT_FORMATS) {
    app.get(
      `/cases/export.${format}`,
      { schema: { tags, summary: `Export the case list (${format})`, querystring: ZCaseListQuery } },
      async (req, reply) => {
        const actor = authorize(req, 'cases.stats');
        const download = await exportCases({ db: app.db, actor, query: req.query, format, now: clock.now() });
        return sendWorkbook(req, reply, download);
      },
    );
    app.get(
      `/cases/stats/export.${format}`,
      { schema: { tags, summary: `Export a statistics view (${format})`, querystring: ZStatsExportQuery } },
      async (req, reply) => {
        const actor = authorize(req, 'cases.stats');
        const { view, ...query } = req.query;
        const download = await exportStats({ db: app.db, actor, query, view, format, now: clock.now() });
        return sendWorkbook(req, reply, download);
      },
    );
  }
}

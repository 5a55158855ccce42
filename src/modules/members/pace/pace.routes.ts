import { authorize } from '../../../core/auth/plugin.js';
import { clock } from '../../../core/clock.js';
import { sendWorkbook } from '../../../core/excel/excel.js';
import type { App } from '../../../core/http/types.js';
import { ZAtRiskList, ZAtRiskQuery, ZRemindBody, ZRemindResult } from './pace.contracts.js';
import { exportAtRisk } from './pace.export.js';
import { listAtRisk, sendPaceReminders } from './pace.service.js';

const tags = ['member-service'];

/** 20小时进度/预警: the members behind the pro-rata share of the yearly hours, its export, and reminders. */
export async function paceRoutes(app: App): Promise<void> {
  const db = app.db;
  app.get(
    '/member-service/at-risk',
    {
      schema: {
        tags,
        summary: 'In-service members behind the pace of the yearly hours (all=true: everyone with their pace)',
        querystring: ZAtRiskQuery,
        response: { 200: ZAtRiskList },
      },
    },
    async (req) =>
      listAtRisk({ db, actor: authorize(req, 'memberservice.read'), query: req.query, day: clock.today() }),
  );
  app.get(
    '/member-service/at-risk/export.xlsx',
    { schema: { tags, summary: 'Export the pace list (Excel)', querystring: ZAtRiskQuery } },
    async (req, reply) => {
      const actor = authorize(req, 'memberservice.read');
      return sendWorkbook(req, reply, await exportAtRisk({ db, actor, query: req.query, day: clock.today() }));
    },
  );
  app.post(
    '/member-service/at-risk/remind',
    {
      schema: {
        tags,
        summary: 'Remind the members behind in scope (at most one reminder per member a month)',
        body: ZRemindBody,
        response: { 200: ZRemindResult },
      },
    },
    async (req) =>
      sendPaceReminders({
        db,
        actor: authorize(req, 'memberservice.manage'),
        input: req.body ?? {},
        day: clock.today(),
      }),
  );
}

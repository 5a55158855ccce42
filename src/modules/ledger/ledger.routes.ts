import { requireActor } from '../../core/auth/plugin.js';
import { clock } from '../../core/clock.js';
import { ZIdParams } from '../../core/contracts.js';
import type { Db } from '../../core/db.js';
import { sendWorkbook } from '../../core/excel/excel.js';
import type { App } from '../../core/http/types.js';
import {
  ZCorrectServiceRecord,
  ZServiceRecordList,
  ZServiceRecordListQuery,
  ZServiceRecordView,
  ZServiceSummary,
  ZServiceSummaryQuery,
  ZVoidServiceRecord,
} from './ledger.contracts.js';
import { correctServiceRecord, voidServiceRecord } from './ledger.corrections.js';
import { exportServiceRecords } from './ledger.export.js';
import { listServiceRecords, loadVisibleRecord, memberYearSummary, presentRecord } from './ledger.query.js';

const tags = ['service-records'];

export interface LedgerRoutesOptions {
  /** The yearly requirement in force (the members module's rules, which sit above the ledger: passed in). */
  requiredHoursPerYear: (db: Db) => Promise<number>;
}

/**
 * 服务台账: the ledger list, its export, one member's year, and staff corrections. Staff read with
 * memberservice.read and a Party member their own with memberservice.self, so the reads take the actor and the
 * policy answers both (ledger.policy.ts); corrections answer 404 outside the scope before 403.
 */
export async function ledgerRoutes(app: App, opts: LedgerRoutesOptions): Promise<void> {
  const db = app.db;
  app.get(
    '/service-records',
    {
      schema: {
        tags,
        summary: 'List service records (filters: member, community served, unit, kind, year, days, voided)',
        querystring: ZServiceRecordListQuery,
        response: { 200: ZServiceRecordList },
      },
    },
    async (req) => listServiceRecords({ db, actor: requireActor(req), query: req.query }),
  );
  app.get(
    '/service-records/export.xlsx',
    { schema: { tags, summary: 'Export service records (Excel)', querystring: ZServiceRecordListQuery } },
    async (req, reply) => {
      const download = await exportServiceRecords({
        db,
        actor: requireActor(req),
        query: req.query,
        today: clock.today(),
      });
      return sendWorkbook(req, reply, download);
    },
  );
  app.get(
    '/service-records/summary',
    {
      schema: {
        tags,
        summary: "One member's year: minutes by kind and month against the requirement (default: my own)",
        querystring: ZServiceSummaryQuery,
        response: { 200: ZServiceSummary },
      },
    },
    async (req) =>
      memberYearSummary({
        db,
        actor: requireActor(req),
        query: req.query,
        year: req.query.year ?? clock.year(),
        requiredHoursPerYear: await opts.requiredHoursPerYear(db),
      }),
  );
  recordRoutes(app);
}

function recordRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/service-records/:id',
    { schema: { tags, summary: 'One service record', params: ZIdParams, response: { 200: ZServiceRecordView } } },
    async (req) => presentRecord(await loadVisibleRecord(db, requireActor(req), req.params.id)),
  );
  app.post(
    '/service-records/:id/correct',
    {
      schema: {
        tags,
        summary: 'Correct the times of a record (staff; a reason is required; audited)',
        params: ZIdParams,
        body: ZCorrectServiceRecord,
        response: { 200: ZServiceRecordView },
      },
    },
    async (req) => correctServiceRecord({ db, actor: requireActor(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/service-records/:id/void',
    {
      schema: {
        tags,
        summary: 'Void a record (staff; a reason is required; it stays listed, counting for nothing)',
        params: ZIdParams,
        body: ZVoidServiceRecord,
        response: { 200: ZServiceRecordView },
      },
    },
    async (req) => voidServiceRecord({ db, actor: requireActor(req), id: req.params.id, input: req.body }),
  );
}

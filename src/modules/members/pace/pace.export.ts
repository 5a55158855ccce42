import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import type { Download, ExportColumn } from '../../../core/excel/excel.js';
import { allAtOnce, auditedExport } from '../../../core/excel/export.js';
import type { AtRiskQuery, PaceRow } from './pace.contracts.js';
import { paceRows } from './pace.service.js';

/** The pace list's Excel export (the list's filters; hours, not minutes), in Chinese like the other exports. */
const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

const COLUMNS: ExportColumn<PaceRow>[] = [
  { title: '党员', value: (r) => r.memberName, width: 10 },
  { title: '单位', value: (r) => r.unitName, width: 20 },
  { title: '居住社区', value: (r) => r.communityName, width: 12 },
  { title: '今年已服务（小时）', value: (r) => hours(r.minutes), width: 14 },
  { title: '按进度应达（小时）', value: (r) => hours(r.expectedMinutes), width: 14 },
  { title: '差额（小时）', value: (r) => hours(r.shortfallMinutes), width: 12 },
  { title: '是否预警', value: (r) => (r.atRisk ? '是' : '否'), width: 8 },
  { title: '去年服务（小时）', value: (r) => hours(r.lastYearMinutes), width: 14 },
  { title: '去年欠缺（小时）', value: (r) => hours(r.lastYearShortfallMinutes), width: 14 },
  { title: '本月已提醒', value: (r) => (r.remindedThisMonth ? '是' : '否'), width: 10 },
];

export async function exportAtRisk(opts: { db: Db; actor: Actor; query: AtRiskQuery; day: string }): Promise<Download> {
  const { rows } = await paceRows(opts);
  const day = opts.day.replaceAll('-', '');
  return auditedExport(opts.db, {
    actor: opts.actor,
    action: 'service_pace.export',
    entityType: 'member_service',
    filter: opts.query,
    rows: rows.length,
    truncated: false,
    fileName: `服务时长预警-${day}.xlsx`,
    asciiName: `service-pace-${day}.xlsx`,
    sheetName: '服务时长预警',
    columns: COLUMNS,
    batches: () => allAtOnce(rows),
  });
}

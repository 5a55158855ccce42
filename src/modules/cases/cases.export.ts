import type { Actor } from '../../core/auth/actor.js';
import type { Db } from '../../core/db.js';
import { type Download, type ExportColumn, fileDay, MAX_EXPORT_ROWS } from '../../core/excel/excel.js';
import { auditedExportByIds, type ExportFormat } from '../../core/excel/export.js';
import { formatLocalIso } from '../../core/calendar.js';
import type { CaseListQuery, CaseSummary } from './cases.contracts.js';
import type { CasePriority, CaseStatus, Satisfaction } from './cases.enums.js';
import { caseSummariesByIds, listCaseIds } from './cases.query.js';
import { CHANNEL_NAMES } from './stats/labels.js';

/* The case list as Excel or CSV, with the list's filters and order, in Chinese like the other exports. */

const STATUS: Record<CaseStatus, string> = {
  reported: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  dispatched: '已吹哨',
  acknowledged: '已报到',
  in_progress: '处理中',
  resolved: '已办结',
  verified: '已核实',
  closed: '已关闭',
  rated: '已评价',
  returned: '已退回',
  reopened: '已重办',
};
const PRIORITY: Record<CasePriority, string> = { urgent: '紧急', ordinary: '一般', complex: '复杂' };
const WHISTLE: Record<string, string> = { resident: '群众吹哨', community: '社区吹哨' };
const SATISFACTION: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};
const time = (iso: string | null) => (iso ? formatLocalIso(new Date(iso)).slice(0, 16).replace('T', ' ') : null);

export const CASE_EXPORT_COLUMNS: ExportColumn<CaseSummary>[] = [
  { title: '编号', value: (c) => c.number, width: 16 },
  { title: '标题', value: (c) => c.title, width: 30 },
  { title: '渠道', value: (c) => CHANNEL_NAMES[c.channel]?.zh ?? c.channel },
  { title: '分类', value: (c) => c.categoryName, width: 16 },
  { title: '优先级', value: (c) => PRIORITY[c.priority], width: 8 },
  { title: '状态', value: (c) => STATUS[c.status], width: 10 },
  { title: '吹哨', value: (c) => (c.whistle ? WHISTLE[c.whistle] : null), width: 10 },
  { title: '社区', value: (c) => c.communityName },
  { title: '网格', value: (c) => c.gridName, width: 16 },
  { title: '责任人', value: (c) => c.ownerName, width: 10 },
  { title: '反映时间', value: (c) => time(c.reportedAt), width: 17 },
  { title: '响应时限', value: (c) => time(c.responseDueAt), width: 17 },
  { title: '办结时限', value: (c) => time(c.resolutionDueAt), width: 17 },
  { title: '报到时间', value: (c) => time(c.acknowledgedAt), width: 17 },
  { title: '解决时间', value: (c) => time(c.resolvedAt), width: 17 },
  { title: '督办', value: (c) => (c.supervised ? '是' : '否'), width: 6 },
  { title: '满意度', value: (c) => (c.satisfaction ? SATISFACTION[c.satisfaction] : null), width: 10 },
];

export async function exportCases(opts: {
  db: Db;
  actor: Actor;
  query: CaseListQuery;
  format: ExportFormat;
  now: Date;
}): Promise<Download> {
  const { db, query } = opts;
  const idRows = await listCaseIds({ db, actor: opts.actor, query, limit: MAX_EXPORT_ROWS + 1 });
  const { page: _page, pageSize: _size, ...filter } = query;
  return auditedExportByIds(db, {
    actor: opts.actor,
    action: 'case.export',
    entityType: 'case',
    filter,
    fileName: `事件清单-${fileDay(opts.now)}.xlsx`,
    asciiName: `cases-${fileDay(opts.now)}.xlsx`,
    sheetName: '事件',
    columns: CASE_EXPORT_COLUMNS,
    format: opts.format,
    idRows,
    load: (chunk) => caseSummariesByIds(db, chunk),
    present: (c) => c,
  });
}

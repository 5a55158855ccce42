import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { type Download, type ExportColumn, fileDay } from '../../../core/excel/excel.js';
import { allAtOnce, auditedExport, type ExportFormat } from '../../../core/excel/export.js';
import type { StatsGroupBy } from '../cases.enums.js';
import { ARTICLE_FIGURE_KEYS, type ArticleFigure } from './figures.rules.js';
import { caseStats } from './stats.js';
import type { CaseStats, CaseStatsQuery, Figure, StatsGroup } from './stats.contracts.js';

/*
 * The statistics views as Excel or CSV: the groups of a groupBy (with a total row), or the article's figures. The same
 * numbers as GET /api/cases/stats with the same query (rates as fractions 0–1, so a spreadsheet can format them).
 */

const GROUP_TITLES: Record<StatsGroupBy | 'none', string> = {
  none: '合计',
  community: '社区',
  grid: '网格',
  unit: '单位',
  category: '分类',
  month: '月份',
  channel: '渠道',
};

const GROUP_COLUMNS = (groupBy: StatsGroupBy | 'none'): ExportColumn<StatsGroup>[] => [
  { title: GROUP_TITLES[groupBy], value: (g) => g.name, width: 20 },
  { title: '反映', value: (g) => g.raised, width: 8 },
  { title: '群众吹哨', value: (g) => g.residentWhistles, width: 10 },
  { title: '社区吹哨', value: (g) => g.communityWhistles, width: 10 },
  { title: '解决', value: (g) => g.resolved, width: 8 },
  { title: '超期', value: (g) => g.overdue, width: 8 },
  { title: '单位办结', value: (g) => g.dispatchesDone, width: 10 },
  { title: '响应率', value: (g) => g.responseRate, width: 10 },
  { title: '解决率', value: (g) => g.resolutionRate, width: 10 },
  { title: '满意率', value: (g) => g.satisfactionRate, width: 10 },
  { title: '综合得分', value: (g) => g.composite, width: 10 },
];

const FIGURE_TITLES: Record<ArticleFigure, string> = {
  voiceRaised: '居民说事·收集',
  voiceSolved: '居民说事·解决',
  residentWhistles: '群众吹哨',
  communityWhistles: '社区吹哨',
  whistleSolved: '解决吹哨问题（单位办结）',
  whistleResponseRate: '吹哨报到响应率',
  whistleResolutionRate: '吹哨报到解决率',
  whistleSatisfactionRate: '吹哨报到群众满意度',
};

type FigureRow = Figure & { key: ArticleFigure };
const FIGURE_COLUMNS: ExportColumn<FigureRow>[] = [
  { title: '指标', value: (f) => FIGURE_TITLES[f.key], width: 26 },
  { title: '数量（率的分母）', value: (f) => f.count, width: 16 },
  { title: '达标数（率的分子）', value: (f) => f.hits, width: 18 },
  { title: '比率', value: (f) => f.rate, width: 10 },
  { title: '目标', value: (f) => f.target, width: 8 },
];

export const STATS_EXPORT_VIEWS = ['groups', 'figures'] as const;
export type StatsExportView = (typeof STATS_EXPORT_VIEWS)[number];

/** The rows of a view: the groups and a total row, or one row per figure. */
export function statsExportRows(s: CaseStats, view: StatsExportView): StatsGroup[] | FigureRow[] {
  if (view === 'figures') return ARTICLE_FIGURE_KEYS.map((key) => ({ key, ...s.figures[key] }));
  return [...s.groups, { key: '', name: '合计', ...s.totals }];
}

export async function exportStats(opts: {
  db: Db;
  actor: Actor;
  query: CaseStatsQuery;
  view: StatsExportView;
  format: ExportFormat;
  now: Date;
}): Promise<Download> {
  const { db, actor, query, view } = opts;
  const s = await caseStats({ db, actor, query, now: opts.now });
  const day = fileDay(opts.now);
  const common = {
    actor,
    action: 'case.stats_export',
    entityType: 'case_stats',
    filter: { ...query, view },
    truncated: false,
    format: opts.format,
    fileName: `事件统计-${s.from}至${s.to}-${day}.xlsx`,
    asciiName: `case-stats-${s.from}-${s.to}-${day}.xlsx`,
  };
  if (view === 'figures') {
    const rows = statsExportRows(s, 'figures') as FigureRow[];
    return auditedExport(db, {
      ...common,
      rows: rows.length,
      sheetName: '光泽指标',
      columns: FIGURE_COLUMNS,
      batches: () => allAtOnce(rows),
    });
  }
  const rows = statsExportRows(s, 'groups') as StatsGroup[];
  return auditedExport(db, {
    ...common,
    rows: rows.length,
    sheetName: '事件统计',
    columns: GROUP_COLUMNS(query.groupBy ?? 'none'),
    batches: () => allAtOnce(rows),
  });
}

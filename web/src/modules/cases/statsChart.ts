import type { CaseStatsGroup } from '../../api/contracts';
import { COMMUNITY_PALETTE, PARTY_RED } from '../../app/theme';
import type { useI18n } from '../../i18n';
import type { EChartsOption } from '../../ui/echarts';
import { formatPercent } from '../../ui/format';

type Translate = ReturnType<typeof useI18n>['t'];

const COUNT_SERIES = [
  ['raised', PARTY_RED],
  ['resolved', COMMUNITY_PALETTE[2]],
  ['overdue', COMMUNITY_PALETTE[1]],
] as const;
const RATE_SERIES = [
  ['responseRate', COMMUNITY_PALETTE[5 % COMMUNITY_PALETTE.length]],
  ['resolutionRate', COMMUNITY_PALETTE[3]],
  ['satisfactionRate', COMMUNITY_PALETTE[4]],
] as const;

function frame(groups: CaseStatsGroup[]): EChartsOption {
  return {
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 80 },
    xAxis: {
      type: 'category',
      data: groups.map((g) => g.name),
      axisLabel: { rotate: groups.length > 6 ? 30 : 0, interval: 0 },
    },
  };
}

/** The counts per group (cases raised, resolved, overdue), on their own chart and axis. */
export function countsChartOption(groups: CaseStatsGroup[], t: Translate): EChartsOption {
  return {
    ...frame(groups),
    tooltip: { trigger: 'axis' },
    yAxis: { type: 'value', name: t('caseStats.countSeries'), minInterval: 1 },
    series: COUNT_SERIES.map(([key, color]) => ({
      name: t(`caseStats.${key}`),
      type: 'bar',
      data: groups.map((g) => g[key] ?? 0),
      itemStyle: { color },
    })),
  };
}

/** The three rates per group (0–1, over all the group's cases), on a percent axis of their own. */
export function ratesChartOption(groups: CaseStatsGroup[], t: Translate): EChartsOption {
  return {
    ...frame(groups),
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v) : '—') },
    yAxis: {
      type: 'value',
      name: t('caseStats.rateSeries'),
      min: 0,
      max: 1,
      axisLabel: { formatter: (v: number) => formatPercent(v, 0) },
    },
    series: RATE_SERIES.map(([key, color]) => ({
      name: t(`caseStats.${key}`),
      type: 'bar',
      data: groups.map((g) => g[key] ?? null),
      itemStyle: { color },
    })),
  };
}

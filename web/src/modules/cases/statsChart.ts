import type { CaseStatsGroup } from '../../api/contracts';
import { COMMUNITY_PALETTE, PARTY_RED } from '../../app/theme';
import type { useI18n } from '../../i18n';
import type { EChartsOption } from '../../ui/echarts';
import { formatPercent } from '../../ui/format';

type Translate = ReturnType<typeof useI18n>['t'];

/** The counts on the left axis, the rates (0–1) on the right one, one bar group per row of the table. */
export function statsChartOption(groups: CaseStatsGroup[], t: Translate): EChartsOption {
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) =>
        typeof v === 'number' && v <= 1 && !Number.isInteger(v) ? formatPercent(v) : String(v ?? '—'),
    },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 80 },
    xAxis: {
      type: 'category',
      data: groups.map((g) => g.name),
      axisLabel: { rotate: groups.length > 6 ? 30 : 0, interval: 0 },
    },
    yAxis: [
      { type: 'value', name: t('caseStats.countSeries'), minInterval: 1 },
      {
        type: 'value',
        name: t('caseStats.rateSeries'),
        min: 0,
        max: 1,
        axisLabel: { formatter: (v: number) => formatPercent(v, 0) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: t('caseStats.raised'),
        type: 'bar',
        data: groups.map((g) => g.raised ?? 0),
        itemStyle: { color: PARTY_RED },
      },
      {
        name: t('caseStats.resolved'),
        type: 'bar',
        data: groups.map((g) => g.resolved ?? 0),
        itemStyle: { color: COMMUNITY_PALETTE[2] },
      },
      {
        name: t('caseStats.overdue'),
        type: 'bar',
        data: groups.map((g) => g.overdue ?? 0),
        itemStyle: { color: COMMUNITY_PALETTE[1] },
      },
      {
        name: t('caseStats.resolutionRate'),
        type: 'bar',
        yAxisIndex: 1,
        data: groups.map((g) => g.resolutionRate ?? null),
        itemStyle: { color: COMMUNITY_PALETTE[3] },
      },
      {
        name: t('caseStats.satisfactionRate'),
        type: 'bar',
        yAxisIndex: 1,
        data: groups.map((g) => g.satisfactionRate ?? null),
        itemStyle: { color: COMMUNITY_PALETTE[4] },
      },
    ],
  };
}

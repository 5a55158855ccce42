import { countyWallClock } from '../../ui/clock';
import { Alert, Card, DatePicker, Flex, Segmented, Skeleton, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { STATS_GROUP_BY, type CaseStatsGroup, type StatsGroupBy } from '../../api/contracts';
import { COMMUNITY_PALETTE, PARTY_RED } from '../../app/theme';
import { labelOf, useI18n } from '../../i18n';
import { EChart } from '../../ui/EChart';
import type { EChartsOption } from '../../ui/echarts';
import { formatNumber, formatPercent } from '../../ui/format';
import { EmptyState, LoadError } from '../../ui/states';
import { useStats } from './api';
import {
  COUNT_KEYS,
  dayEnd,
  dayStart,
  formatScore,
  RATE_KEYS,
  StatsCards,
  type CountKey,
  type RateKey,
} from './StatsCards';

const PRESETS = (t: (k: 'caseStats.thisMonth' | 'caseStats.lastMonth' | 'caseStats.thisYearRange') => string) => [
  {
    label: t('caseStats.thisMonth'),
    value: [dayjs(countyWallClock()).startOf('month'), dayjs(countyWallClock())] as [Dayjs, Dayjs],
  },
  {
    label: t('caseStats.lastMonth'),
    value: [
      dayjs(countyWallClock()).subtract(1, 'month').startOf('month'),
      dayjs(countyWallClock()).subtract(1, 'month').endOf('month'),
    ] as [Dayjs, Dayjs],
  },
  {
    label: t('caseStats.thisYearRange'),
    value: [dayjs(countyWallClock()).startOf('year'), dayjs(countyWallClock())] as [Dayjs, Dayjs],
  },
];

/** 事件统计: the three rates and the counts for a period, grouped by community, grid, unit, category, month or channel. */
export default function StatsPage() {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs(countyWallClock()).startOf('year'),
    dayjs(countyWallClock()),
  ]);
  const [groupBy, setGroupBy] = useState<StatsGroupBy>('community');
  const stats = useStats({ from: dayStart(range[0]), to: dayEnd(range[1]), groupBy });
  const groups = stats.data?.groups ?? [];

  const option = useMemo<EChartsOption>(
    () => ({
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
    }),
    [groups, t],
  );

  const unavailable =
    stats.isError && stats.error instanceof ApiError && (stats.error.status === 404 || stats.error.status === 405);
  const num = (k: CountKey) => ({
    key: k,
    title: t(`caseStats.${k}`),
    align: 'right' as const,
    sorter: (a: CaseStatsGroup, b: CaseStatsGroup) => (a[k] ?? 0) - (b[k] ?? 0),
    render: (_: unknown, g: CaseStatsGroup) => formatNumber(g[k]),
  });
  const rate = (k: RateKey | 'composite') => ({
    key: k,
    title: t(`caseStats.${k}`),
    align: 'right' as const,
    sorter: (a: CaseStatsGroup, b: CaseStatsGroup) => (a[k] ?? -1) - (b[k] ?? -1),
    render: (_: unknown, g: CaseStatsGroup) => (k === 'composite' ? formatScore(g.composite) : formatPercent(g[k])),
  });

  return (
    <div className="page" data-testid="case-stats">
      <Flex className="page-head" justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('caseStats.title')}
        </Typography.Title>
      </Flex>
      <Card size="small">
        <Space wrap>
          <Typography.Text>{t('caseStats.range')}</Typography.Text>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            presets={PRESETS(t)}
            data-testid="stats-range"
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange([v[0], v[1]]);
            }}
          />
          <Segmented<StatsGroupBy>
            value={groupBy}
            onChange={setGroupBy}
            data-testid="stats-group-by"
            options={STATS_GROUP_BY.map((g) => ({ value: g, label: labelOf('statsGroupBy', g) }))}
          />
        </Space>
      </Card>
      {stats.isError ? (
        unavailable ? (
          <Alert
            type="warning"
            showIcon
            title={t('caseStats.unavailable')}
            description={errorMessage(stats.error)}
            data-testid="stats-unavailable"
          />
        ) : (
          <LoadError error={stats.error} onRetry={() => void stats.refetch()} />
        )
      ) : (
        <>
          <StatsCards totals={stats.data?.totals} loading={stats.isLoading} />
          <Card size="small" title={t('caseStats.chart')}>
            {stats.isLoading ? (
              <Skeleton active />
            ) : groups.length ? (
              <EChart option={option} testId="stats-chart" />
            ) : (
              <EmptyState />
            )}
          </Card>
          <Card size="small" title={t('caseStats.table')} className="list-card">
            <Table<CaseStatsGroup>
              rowKey="key"
              size="small"
              dataSource={groups}
              loading={stats.isFetching}
              data-testid="stats-table"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 960 }}
              locale={{ emptyText: <EmptyState /> }}
              columns={[
                { key: 'name', title: t('caseStats.group'), dataIndex: 'name', fixed: 'left' },
                ...COUNT_KEYS.map(num),
                ...RATE_KEYS.map(rate),
                rate('composite'),
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}

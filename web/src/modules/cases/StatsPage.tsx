import { Alert, Card, DatePicker, Flex, Segmented, Skeleton, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { STATS_GROUP_BY, type StatsGroupBy } from '../../api/contracts';
import { labelOf, useI18n } from '../../i18n';
import { countyWallClock } from '../../ui/clock';
import { EChart } from '../../ui/EChart';
import { EmptyState, LoadError } from '../../ui/states';
import { useStats } from './api';
import { dayEnd, dayStart, StatsCards } from './StatsCards';
import { statsChartOption } from './statsChart';
import { StatsTable } from './StatsTable';

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

  const option = useMemo(() => statsChartOption(groups, t), [groups, t]);

  const unavailable =
    stats.isError && stats.error instanceof ApiError && (stats.error.status === 404 || stats.error.status === 405);

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
          <StatsTable groups={groups} loading={stats.isFetching} />
        </>
      )}
    </div>
  );
}

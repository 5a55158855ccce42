import { Alert, Card, Col, DatePicker, Flex, Row, Segmented, Skeleton, Space, Typography } from 'antd';
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
import { FigureCards } from './FigureCards';
import { countsChartOption, ratesChartOption } from './statsChart';
import { ExportButton } from '../../ui/ExportButton';
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

  const counts = useMemo(() => countsChartOption(groups, t), [groups, t]);
  const rates = useMemo(() => ratesChartOption(groups, t), [groups, t]);
  const period = { from: dayStart(range[0]), to: dayEnd(range[1]) };
  const chart = (title: string, option: typeof counts, testId: string) => (
    <Card size="small" title={title}>
      {stats.isLoading ? (
        <Skeleton active />
      ) : groups.length ? (
        <EChart option={option} testId={testId} />
      ) : (
        <EmptyState />
      )}
    </Card>
  );

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
          <ExportButton
            path="/cases/stats/export.xlsx"
            query={{ ...period, groupBy }}
            fileName="case-stats.xlsx"
            label={t('caseFigures.exportExcel')}
          />
          <ExportButton
            path="/cases/stats/export.csv"
            query={{ ...period, groupBy }}
            fileName="case-stats.csv"
            label={t('caseFigures.exportCsv')}
          />
          <ExportButton
            path="/cases/stats/export.xlsx"
            query={{ ...period, view: 'figures' }}
            fileName="case-figures.xlsx"
            label={t('caseFigures.exportFigures')}
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
          <Typography.Text type="secondary">
            {t('caseFigures.title')} · {t('caseFigures.hint')}
          </Typography.Text>
          <FigureCards figures={stats.data?.figures} period={period} loading={stats.isLoading} />
          <Typography.Text type="secondary">{t('caseFigures.allCases')}</Typography.Text>
          <StatsCards totals={stats.data?.totals} loading={stats.isLoading} />
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              {chart(t('caseFigures.countsChart'), counts, 'stats-chart')}
            </Col>
            <Col xs={24} xl={12}>
              {chart(t('caseFigures.ratesChart'), rates, 'stats-rates-chart')}
            </Col>
          </Row>
          <StatsTable groups={groups} loading={stats.isFetching} />
        </>
      )}
    </div>
  );
}

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

type Range = [Dayjs, Dayjs];
type ChartOption = ReturnType<typeof countsChartOption>;

/** 事件统计: the three rates and the counts for a period, grouped by community, grid, unit, category, month or channel. */
export default function StatsPage() {
  const { t } = useI18n();
  const [range, setRange] = useState<Range>(() => [dayjs(countyWallClock()).startOf('year'), dayjs(countyWallClock())]);
  const [groupBy, setGroupBy] = useState<StatsGroupBy>('community');
  const stats = useStats({ from: dayStart(range[0]), to: dayEnd(range[1]), groupBy });
  const groups = stats.data?.groups ?? [];

  const counts = useMemo(() => countsChartOption(groups, t), [groups, t]);
  const rates = useMemo(() => ratesChartOption(groups, t), [groups, t]);
  const period = { from: dayStart(range[0]), to: dayEnd(range[1]) };
  const charted = { loading: stats.isLoading, empty: !groups.length };

  const unavailable =
    stats.isError && stats.error instanceof ApiError && (stats.error.status === 404 || stats.error.status === 405);

  return (
    <div className="page" data-testid="case-stats">
      <Flex className="page-head" justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('caseStats.title')}
        </Typography.Title>
      </Flex>
      <StatsControls range={range} onRange={setRange} groupBy={groupBy} onGroupBy={setGroupBy} period={period} />
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
              <ChartCard title={t('caseFigures.countsChart')} option={counts} testId="stats-chart" {...charted} />
            </Col>
            <Col xs={24} xl={12}>
              <ChartCard title={t('caseFigures.ratesChart')} option={rates} testId="stats-rates-chart" {...charted} />
            </Col>
          </Row>
          <StatsTable groups={groups} loading={stats.isFetching} />
        </>
      )}
    </div>
  );
}

/** The period, the grouping, and the exports of what they show (the groups, and the figures). */
function StatsControls(p: {
  range: Range;
  onRange: (r: Range) => void;
  groupBy: StatsGroupBy;
  onGroupBy: (g: StatsGroupBy) => void;
  period: { from: string; to: string };
}) {
  const { t } = useI18n();
  const { range, groupBy, period } = p;
  return (
    <Card size="small">
      <Space wrap>
        <Typography.Text>{t('caseStats.range')}</Typography.Text>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          presets={PRESETS(t)}
          data-testid="stats-range"
          onChange={(v) => {
            if (v?.[0] && v[1]) p.onRange([v[0], v[1]]);
          }}
        />
        {/* Six groupings are wider than a phone: they scroll sideways inside their own box, not the page. */}
        <div style={{ maxWidth: 'calc(100vw - 56px)', overflowX: 'auto' }}>
          <Segmented<StatsGroupBy>
            value={groupBy}
            onChange={p.onGroupBy}
            data-testid="stats-group-by"
            options={STATS_GROUP_BY.map((g) => ({ value: g, label: labelOf('statsGroupBy', g) }))}
          />
        </div>
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
  );
}

function ChartCard(p: { title: string; option: ChartOption; testId: string; loading: boolean; empty: boolean }) {
  return (
    <Card size="small" title={p.title}>
      {p.loading ? <Skeleton active /> : p.empty ? <EmptyState /> : <EChart option={p.option} testId={p.testId} />}
    </Card>
  );
}

import { Card, Col, Row, Space, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { formatPercent } from '../../../ui/format';
import { ListPage } from '../../../ui/ListPage';
import { LoadError } from '../../../ui/states';
import { BarChart } from '../../../ui/svg-charts/BarChart';
import { type Coverage, type QuarterChoice, RATING_GRADES, useCoverage } from './api';
import { lastEndedQuarter, QuarterPicker } from './parts';

type Row = Coverage['units'][number];

function useCoverageColumns(): ColumnsType<Row> {
  const { t } = useI18n();
  return [
    { title: t('ratings.unit'), width: 180, render: (_, r) => r.unitName ?? t('ratings.noUnit'), fixed: 'left' },
    { title: t('ratings.members'), dataIndex: 'members', width: 90, align: 'right' },
    { title: t('ratings.registered'), dataIndex: 'registered', width: 80, align: 'right' },
    { title: t('ratings.share'), width: 80, align: 'right', render: (_, r) => formatPercent(r.share) },
    { title: t('ratings.hoursTotal'), dataIndex: 'hoursTotal', width: 80, align: 'right' },
    { title: t('ratings.hoursAverage'), dataIndex: 'hoursAverage', width: 80, align: 'right' },
    { title: t('ratings.atRiskYes'), dataIndex: 'atRisk', width: 70, align: 'right' },
    ...RATING_GRADES.map((g) => ({
      title: t(`ratings.grades.${g}`),
      width: 80,
      align: 'right' as const,
      render: (_: unknown, r: Row) => r.grades[g],
    })),
    { title: t('ratings.unrated'), width: 70, align: 'right', render: (_, r) => r.grades.unrated },
  ];
}

/**
 * 覆盖情况 (the county; a community admin for the members living there): by unit, the in-service members, how many
 * registered (双报到), hours and the ratings distribution, with the totals (registered / 1,762 …) and a chart.
 */
export default function CoveragePage() {
  const { t } = useI18n();
  const [q, setQ] = useState<QuarterChoice>(lastEndedQuarter);
  const coverage = useCoverage(q);
  const columns = useCoverageColumns();
  const data = coverage.data;
  const top = (data?.units ?? []).slice(0, 15);
  return (
    <ListPage title={t('ratings.coverageTitle')} actions={<QuarterPicker value={q} onChange={setQ} />} plain>
      {coverage.isError ? (
        <LoadError error={coverage.error} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {data && (
            <Card>
              <Row gutter={[16, 16]}>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('ratings.registered')}
                    value={`${data.totals.registered} / ${data.totals.members}`}
                  />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('ratings.share')} value={formatPercent(data.totals.share)} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('ratings.hoursAverage')} value={data.totals.hoursAverage} />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title={t('ratings.atRisk')} value={data.totals.atRisk} />
                </Col>
              </Row>
            </Card>
          )}
          <Card>
            <BarChart
              categories={top.map((u) => u.unitName ?? t('ratings.noUnit'))}
              series={[
                { name: t('ratings.members'), values: top.map((u) => u.members), color: '#c8161d', axis: 0 },
                { name: t('ratings.registered'), values: top.map((u) => u.registered), color: '#1677ff', axis: 0 },
                { name: t('ratings.hoursAverage'), values: top.map((u) => u.hoursAverage), color: '#52c41a', axis: 1 },
              ]}
              testId="coverage-chart"
            />
          </Card>
          <Card>
            <Table<Row>
              rowKey={(r) => r.unitId ?? 'none'}
              size="small"
              loading={coverage.isFetching}
              columns={columns}
              dataSource={data?.units ?? []}
              scroll={{ x: 1100 }}
              pagination={{ pageSize: 20, showSizeChanger: false }}
            />
          </Card>
        </Space>
      )}
    </ListPage>
  );
}

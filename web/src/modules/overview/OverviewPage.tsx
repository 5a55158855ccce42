import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { MEMBER_KINDS } from '../../api/contracts';
import { COMMUNITY_PALETTE, PARTY_RED } from '../../app/theme';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { EChart } from '../../ui/EChart';
import type { EChartsOption } from '../../ui/echarts';
import { formatNumber } from '../../ui/format';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { canSeeStats } from '../../app/nav';
import { useCommunityGrids, useTotals, type CountSpec } from './api';
import { CaseYearSection } from './CaseYearSection';

const LEVELS = [1, 2, 3, 4] as const;

function Figure({ title, value, loading, failed, unavailable }: {
  title: ReactNode; value: number | null; loading: boolean; failed: boolean; unavailable: string;
}) {
  return (
    <Card size="small" className="stat-card">
      {loading ? <Skeleton active paragraph={false} /> : (
        <Statistic title={title} value={failed || value === null ? unavailable : value}
          formatter={(v) => (typeof v === 'number' ? formatNumber(v) : String(v))}
          styles={{ content: failed ? { fontSize: 16, color: 'rgba(0,0,0,.35)' } : { color: PARTY_RED } }} />
      )}
    </Card>
  );
}

export default function OverviewPage() {
  const { t, language } = useI18n();
  const { me, can } = useSession();
  const specs = useMemo<CountSpec[]>(() => [
    { key: 'communities', path: '/organisations', query: { kind: 'community' }, enabled: can('org.read') },
    { key: 'units', path: '/organisations', query: { kind: 'unit' }, enabled: can('org.read') },
    { key: 'branches', path: '/organisations', query: { kind: 'branch' }, enabled: can('org.read') },
    ...LEVELS.map((l) => ({ key: `grid${l}`, path: '/grids', query: { level: l }, enabled: can('grid.read') })),
    { key: 'people', path: '/people', enabled: can('people.read') },
    { key: 'members', path: '/party-members', enabled: can('members.read') },
    ...MEMBER_KINDS.map((k) => ({ key: `kind-${k}`, path: '/party-members', query: { kind: k }, enabled: can('members.read') })),
  ], [can]);
  const totals = useTotals(specs);
  const communities = useCommunityGrids(can('grid.read'));
  const na = t('overview.unavailable');
  const fig = (key: string, title: ReactNode) => <Figure title={title} {...totals[key]} unavailable={na} />;

  const kindOption = useMemo<EChartsOption>(() => ({
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    color: [PARTY_RED, '#8e5ea2', '#9a9a9a', '#e39b3a'],
    series: [{
      type: 'pie', radius: ['38%', '66%'], center: ['50%', '44%'],
      label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold' },
      data: MEMBER_KINDS.map((k) => ({ name: labelOf('memberKind', k), value: totals[`kind-${k}`]?.value ?? 0 })),
    }],
  }), [totals, language]);

  const barOption = useMemo<EChartsOption>(() => {
    const items = communities.data?.items ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 48, top: 48, bottom: 72 },
      xAxis: { type: 'category', data: items.map((g) => g.communityName), axisLabel: { rotate: 30, interval: 0 } },
      // People (hundreds) and sub-grids (a handful) on their own axes, so both can be read.
      yAxis: [
        { type: 'value', name: t('overview.peopleSeries') },
        { type: 'value', name: t('overview.gridsSeries'), minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { name: t('overview.peopleSeries'), type: 'bar', data: items.map((g) => g.peopleCount), itemStyle: { color: PARTY_RED } },
        { name: t('overview.gridsSeries'), type: 'bar', yAxisIndex: 1, data: items.map((g) => g.childCount), itemStyle: { color: COMMUNITY_PALETTE[1] } },
      ],
    };
  }, [communities.data, t]);

  const membersKnown = MEMBER_KINDS.some((k) => (totals[`kind-${k}`]?.value ?? 0) > 0);

  return (
    <div className="page" data-testid="overview">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('overview.welcome', { name: me.user.displayName })}</Typography.Title>
      {canSeeStats({ me, can }) && <CaseYearSection />}
      {can('org.read') && (
        <>
          <Typography.Text type="secondary">{t('overview.orgSection')}</Typography.Text>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={8}>{fig('communities', t('overview.communities'))}</Col>
            <Col xs={12} md={8}>{fig('units', t('overview.units'))}</Col>
            <Col xs={12} md={8}>{fig('branches', t('overview.branches'))}</Col>
          </Row>
        </>
      )}
      {can('grid.read') && (
        <>
          <Typography.Text type="secondary">{t('overview.gridSection')}</Typography.Text>
          <Row gutter={[12, 12]}>
            {LEVELS.map((l) => (
              <Col xs={12} md={6} key={l}>{fig(`grid${l}`, labelOf('gridLevel', l))}</Col>
            ))}
          </Row>
        </>
      )}
      {(can('people.read') || can('members.read')) && (
        <>
          <Typography.Text type="secondary">{t('overview.peopleSection')}</Typography.Text>
          <Row gutter={[12, 12]}>
            {can('people.read') && <Col xs={12} md={6}>{fig('people', t('overview.people'))}</Col>}
            {can('members.read') && <Col xs={12} md={6}>{fig('members', t('overview.members'))}</Col>}
            {can('members.read') && MEMBER_KINDS.map((k) => (
              <Col xs={12} md={3} key={k}>{fig(`kind-${k}`, labelOf('memberKind', k))}</Col>
            ))}
          </Row>
        </>
      )}
      <Row gutter={[12, 12]}>
        {can('grid.read') && (
          <Col xs={24} lg={can('members.read') ? 16 : 24}>
            <Card size="small" title={t('overview.peopleByCommunity')}>
              {communities.isLoading ? <Loading minHeight={320} />
                : communities.isError ? <LoadError error={communities.error} onRetry={() => void communities.refetch()} compact />
                  : (communities.data?.items.length ?? 0) === 0 ? <EmptyState />
                    : <EChart option={barOption} testId="chart-communities" />}
            </Card>
          </Col>
        )}
        {can('members.read') && (
          <Col xs={24} lg={8}>
            <Card size="small" title={t('overview.membersByKind')}>
              {membersKnown ? <EChart option={kindOption} testId="chart-member-kinds" /> : <EmptyState />}
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}

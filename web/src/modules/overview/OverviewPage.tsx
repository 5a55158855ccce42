import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { MEMBER_KINDS } from '../../api/contracts';
import { COMMUNITY_PALETTE, PARTY_RED } from '../../app/theme';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { BarChart, type BarSeries } from '../../ui/svg-charts/BarChart';
import { DonutChart, type Slice } from '../../ui/svg-charts/DonutChart';
import { formatNumber } from '../../ui/format';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { canSeeStats } from '../../app/nav';
import { useCommunityGrids, useTotals, type CountSpec } from './api';
import { CaseYearSection } from './CaseYearSection';

const LEVELS = [1, 2, 3, 4] as const;
const KIND_COLOURS = [PARTY_RED, '#8e5ea2', '#9a9a9a', '#e39b3a'];

function Figure({
  title,
  value,
  loading,
  failed,
  unavailable,
}: {
  title: ReactNode;
  value: number | null;
  loading: boolean;
  failed: boolean;
  unavailable: string;
}) {
  return (
    <Card size="small" className="stat-card">
      {loading ? (
        <Skeleton active paragraph={false} />
      ) : (
        <Statistic
          title={title}
          value={failed || value === null ? unavailable : value}
          formatter={(v) => (typeof v === 'number' ? formatNumber(v) : String(v))}
          styles={{ content: failed ? { fontSize: 16, color: 'rgba(0,0,0,.35)' } : { color: PARTY_RED } }}
        />
      )}
    </Card>
  );
}

export default function OverviewPage() {
  const { t, language } = useI18n();
  const { me, can } = useSession();
  const specs = useMemo<CountSpec[]>(
    () => [
      { key: 'communities', path: '/organisations', query: { kind: 'community' }, enabled: can('org.read') },
      { key: 'units', path: '/organisations', query: { kind: 'unit' }, enabled: can('org.read') },
      { key: 'branches', path: '/organisations', query: { kind: 'branch' }, enabled: can('org.read') },
      ...LEVELS.map((l) => ({ key: `grid${l}`, path: '/grids', query: { level: l }, enabled: can('grid.read') })),
      { key: 'people', path: '/people', enabled: can('people.read') },
      { key: 'members', path: '/party-members', enabled: can('members.read') },
      ...MEMBER_KINDS.map((k) => ({
        key: `kind-${k}`,
        path: '/party-members',
        query: { kind: k },
        enabled: can('members.read'),
      })),
    ],
    [can],
  );
  const totals = useTotals(specs);
  const communities = useCommunityGrids(can('grid.read'));
  const na = t('overview.unavailable');
  const fig = (key: string, title: ReactNode) => <Figure title={title} {...totals[key]} unavailable={na} />;

  // labelOf reads the current language: recompute when it changes.
  const kindSlices = useMemo<Slice[]>(
    () =>
      MEMBER_KINDS.map((k, i) => ({
        name: labelOf('memberKind', k),
        value: totals[`kind-${k}`]?.value ?? 0,
        color: KIND_COLOURS[i % KIND_COLOURS.length],
      })),
    [totals, language],
  );

  const communityItems = useMemo(() => communities.data?.items ?? [], [communities.data]);
  // People (hundreds) and sub-grids (a handful) on their own axes, so both can be read.
  const communitySeries = useMemo<BarSeries[]>(
    () => [
      { name: t('overview.peopleSeries'), values: communityItems.map((g) => g.peopleCount), color: PARTY_RED, axis: 0 },
      {
        name: t('overview.gridsSeries'),
        values: communityItems.map((g) => g.childCount),
        color: COMMUNITY_PALETTE[1],
        axis: 1,
      },
    ],
    [communityItems, t],
  );

  const membersKnown = MEMBER_KINDS.some((k) => (totals[`kind-${k}`]?.value ?? 0) > 0);

  return (
    <div className="page" data-testid="overview">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('overview.welcome', { name: me.user.displayName })}
      </Typography.Title>
      {canSeeStats({ me, can }) && <CaseYearSection />}
      {can('org.read') && (
        <>
          <Typography.Text type="secondary">{t('overview.orgSection')}</Typography.Text>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={8}>
              {fig('communities', t('overview.communities'))}
            </Col>
            <Col xs={12} md={8}>
              {fig('units', t('overview.units'))}
            </Col>
            <Col xs={12} md={8}>
              {fig('branches', t('overview.branches'))}
            </Col>
          </Row>
        </>
      )}
      {can('grid.read') && (
        <>
          <Typography.Text type="secondary">{t('overview.gridSection')}</Typography.Text>
          <Row gutter={[12, 12]}>
            {LEVELS.map((l) => (
              <Col xs={12} md={6} key={l}>
                {fig(`grid${l}`, labelOf('gridLevel', l))}
              </Col>
            ))}
          </Row>
        </>
      )}
      {(can('people.read') || can('members.read')) && (
        <>
          <Typography.Text type="secondary">{t('overview.peopleSection')}</Typography.Text>
          <Row gutter={[12, 12]}>
            {can('people.read') && (
              <Col xs={12} md={6}>
                {fig('people', t('overview.people'))}
              </Col>
            )}
            {can('members.read') && (
              <Col xs={12} md={6}>
                {fig('members', t('overview.members'))}
              </Col>
            )}
            {can('members.read') &&
              MEMBER_KINDS.map((k) => (
                <Col xs={12} md={3} key={k}>
                  {fig(`kind-${k}`, labelOf('memberKind', k))}
                </Col>
              ))}
          </Row>
        </>
      )}
      <Row gutter={[12, 12]}>
        {can('grid.read') && (
          <Col xs={24} lg={can('members.read') ? 16 : 24}>
            <Card size="small" title={t('overview.peopleByCommunity')}>
              {communities.isLoading ? (
                <Loading minHeight={320} />
              ) : communities.isError ? (
                <LoadError error={communities.error} onRetry={() => void communities.refetch()} compact />
              ) : (communities.data?.items.length ?? 0) === 0 ? (
                <EmptyState />
              ) : (
                <BarChart
                  categories={communityItems.map((g) => g.communityName)}
                  series={communitySeries}
                  rightWholeNumbers
                  testId="chart-communities"
                />
              )}
            </Card>
          </Col>
        )}
        {can('members.read') && (
          <Col xs={24} lg={8}>
            <Card size="small" title={t('overview.membersByKind')}>
              {membersKnown ? <DonutChart slices={kindSlices} testId="chart-member-kinds" /> : <EmptyState />}
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}

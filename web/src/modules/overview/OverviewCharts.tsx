import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { MEMBER_KINDS } from '../../api/contracts';
import { COMMUNITY_PALETTE, PARTY_RED } from '../../app/theme';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { BarChart, type BarSeries } from '../../ui/svg-charts/BarChart';
import { DonutChart, type Slice } from '../../ui/svg-charts/DonutChart';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import type { useCommunityGrids, useTotals } from './api';

const KIND_COLOURS = [PARTY_RED, '#8e5ea2', '#9a9a9a', '#e39b3a'];

/** The home page's two charts: people and sub-grids per community, and Party members by kind. */
export function OverviewCharts({
  communities,
  totals,
}: {
  communities: ReturnType<typeof useCommunityGrids>;
  totals: ReturnType<typeof useTotals>;
}) {
  const { t, language } = useI18n();
  const { can } = useSession();
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
  );
}

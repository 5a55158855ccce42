import { Col, Row, Typography } from 'antd';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { MEMBER_KINDS } from '../../api/contracts';
import { canSeeStats } from '../../app/nav';
import { servesAsMember } from '../../auth/access';
import { useSession } from '../../auth/session';
import { labelOf, useI18n } from '../../i18n';
import { Loading } from '../../ui/states';
import { useCommunityGrids, useTotals, type CountSpec } from './api';
import { CaseYearSection } from './CaseYearSection';
import { Figure } from './Figure';
import { OverviewCharts } from './OverviewCharts';

const LEVELS = [1, 2, 3, 4] as const;

// Only a Party member sees it: the county's home does not download the member's cards (antd List, QRCode, Progress…).
const MemberHome = lazy(() => import('../members/home/MemberHome').then((m) => ({ default: m.MemberHome })));

export default function OverviewPage() {
  const { me } = useSession();
  // A Party member (no staff scope) sees their own service, not the county's figures.
  if (servesAsMember(me))
    return (
      <Suspense fallback={<Loading />}>
        <MemberHome name={me.user.displayName} />
      </Suspense>
    );
  return <CountyOverview />;
}

function CountyOverview() {
  const { t } = useI18n();
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
      <OverviewCharts communities={communities} totals={totals} />
    </div>
  );
}

import { Input, Segmented, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { AlleyRegionSummary } from '../../api/contracts';
import { seesWholeCounty } from '../../auth/access';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { formatDate } from '../../ui/format';
import { ListPage } from '../../ui/ListPage';
import { EmptyState, LoadError, Loading } from '../../ui/states';
import { type ListParams, useListParams } from '../../ui/useListParams';
import { OrgSelect } from '../org/OrgSelect';
import { AlleyTasksList } from './AlleyTasksList';
import { useRegions } from './api';
import { scoreTone, TONE_COLOUR } from './logic';

// The map brings ECharts: loaded only when its view opens, never with the list.
const AlleyRegionsMap = lazy(() => import('./AlleyRegionsMap'));
const VIEWS = ['regions', 'tasks', 'map'] as const;
type View = (typeof VIEWS)[number];
const FILTERS = ['communityId'] as const;
type RegionList = ListParams<(typeof FILTERS)[number]>;
type T = ReturnType<typeof useI18n>['t'];

/**
 * 背街小巷: the alley regions the user may see (the county all, a community its own, an alley head theirs), with
 * their latest inspection's score and open items (missing or needing work); ranked by score or listed by code.
 */
export default function AlleyRegionsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('view');
  const view: View = VIEWS.find((v) => v === asked) ?? 'regions';
  // Each view keeps its own filters: switching starts the other one afresh.
  const switcher = (
    <Segmented
      value={view}
      onChange={(v) => setParams(v === 'regions' ? {} : { view: String(v) }, { replace: true })}
      options={[
        { value: 'regions', label: t('alleys.regionsTab') },
        { value: 'tasks', label: t('alleys.tasks') },
        { value: 'map', label: t('alleys.mapTab') },
      ]}
      data-testid="alley-view"
    />
  );
  if (view === 'tasks') return <AlleyTasksList switcher={switcher} />;
  if (view === 'map')
    return (
      <Suspense fallback={<Loading />}>
        <AlleyRegionsMap switcher={switcher} />
      </Suspense>
    );
  return <RegionsList switcher={switcher} />;
}

function RegionsList({ switcher }: { switcher: React.ReactNode }) {
  const { t } = useI18n();
  const { me } = useSession();
  const list = useListParams(FILTERS);
  const regions = useRegions(list.query);
  return (
    <ListPage
      title={t('alleys.title')}
      actions={switcher}
      filters={<RegionFilters list={list} byCommunity={seesWholeCounty(me)} />}
      activeFilters={list.filters.communityId ? 1 : 0}
    >
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        {t('alleys.subtitle')}
      </Typography.Paragraph>
      {regions.isError ? (
        <LoadError error={regions.error} onRetry={() => void regions.refetch()} />
      ) : regions.isPending ? (
        <Loading />
      ) : (
        <Table<AlleyRegionSummary>
          data-testid="alley-regions-table"
          rowKey="id"
          size="middle"
          loading={regions.isFetching}
          dataSource={regions.data?.items ?? []}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <EmptyState description={t('alleys.empty')} /> }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: regions.data?.total ?? 0,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => list.setPage(p, s),
          }}
          columns={regionColumns(t)}
        />
      )}
    </ListPage>
  );
}

function RegionFilters({ list, byCommunity }: { list: RegionList; byCommunity: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Input.Search
        allowClear
        className="filter-wide"
        defaultValue={list.q}
        placeholder={t('alleys.search')}
        onSearch={(v) => list.setFilters({ q: v || undefined })}
        data-testid="alley-search"
      />
      {byCommunity ? (
        <OrgSelect
          kind="community"
          value={list.filters.communityId}
          placeholder={t('alleys.community')}
          onChange={(v) => list.setFilter('communityId', v)}
          testId="alley-community-filter"
        />
      ) : null}
      <Segmented
        className="filter-auto"
        value={list.sort === '-score' ? '-score' : 'code'}
        onChange={(v) => list.setSort(v === 'code' ? undefined : String(v))}
        options={[
          { value: '-score', label: t('alleys.sortByScore') },
          { value: 'code', label: t('alleys.sortByCode') },
        ]}
        data-testid="alley-sort"
      />
    </>
  );
}

export function ScoreTag({ score }: { score: number | null }) {
  const { t } = useI18n();
  return <Tag color={TONE_COLOUR[scoreTone(score)]}>{score === null ? t('alleys.never') : score}</Tag>;
}

function regionColumns(t: T): TableColumnsType<AlleyRegionSummary> {
  return [
    { title: t('alleys.code'), dataIndex: 'code', width: 80 },
    {
      title: t('alleys.name'),
      dataIndex: 'name',
      width: 180,
      render: (name: string, r) => <Link to={`/alleys/${r.id}`}>{name}</Link>,
    },
    { title: t('alleys.community'), dataIndex: 'communityName', width: 120 },
    { title: t('alleys.grid'), dataIndex: 'gridName', width: 140 },
    { title: t('alleys.score'), dataIndex: 'score', width: 90, render: (s: number | null) => <ScoreTag score={s} /> },
    {
      title: t('alleys.inspectedAt'),
      dataIndex: 'inspectedAt',
      width: 120,
      render: (d: string | null) => formatDate(d),
    },
    {
      title: t('alleys.tasks'),
      dataIndex: 'openTasks',
      width: 120,
      render: (open: number, r) => (
        <Space size={4} wrap>
          <span>{t('alleys.tasksCell', { open })}</span>
          {r.overdueTasks ? <Tag color="red">{t('alleys.overdueCell', { n: r.overdueTasks })}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('alleys.weakItems'),
      dataIndex: 'weakItems',
      render: (items: AlleyRegionSummary['weakItems']) =>
        items.length ? (
          <Space size={[4, 4]} wrap>
            {items.map((i) => (
              <Tag key={i}>{t(`sixHave.${i}`)}</Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('alleys.noWeak')}</Typography.Text>
        ),
    },
  ];
}
